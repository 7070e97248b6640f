"""Where a scraped page states its own address: the crawl header (« date 2025-12-06 https://…») and the
copy-link notice («https://www.alwakeelnews.com/story/751129 تم نسخ الرابط»). Both are furniture lines;
ingest keeps them out of the body, and this gives the article its ``url`` (front matter still wins).
A link inside the prose (a tweet's t.co, a proxy) is never taken for the article's own.
"""

from __future__ import annotations

import re

_URL = r"(?P<url>https?://[^\s<>\"«»]+)"
_OWN = [
    re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*\S*)?\s+" + _URL),  # crawl header
    re.compile(_URL + r"\s+(?:تم نسخ الرابط|تم نسخ عنوان المقال)"),  # the page's copy-link notice
]


def own_url(text: str, head_lines: int = 8) -> str | None:
    """The article's own address if one of the first ``head_lines`` lines states it."""
    for line in text.split("\n")[:head_lines]:
        for pattern in _OWN:
            match = pattern.search(line)
            if match:
                return match.group("url").rstrip(".,،")
    return None


def domain(url: str | None) -> str | None:
    """«sarabic.ae» for https://sarabic.ae/2025…: the outlet as its address names it."""
    match = re.match(r"https?://(?:www\.)?([^/:?#]+)", url or "")
    return match.group(1).lower() if match else None
