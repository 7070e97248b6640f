"""What a reader sees on the seed site, checked in the HTML (issue 21): dates, actor pages, anchors,
timeline, languages, the 404 page, article metadata and highlights."""

from __future__ import annotations

import json
import re
from pathlib import Path

from annotate.render.pages import arabic_date, date_label


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def actors_of(site: Path) -> list[dict]:
    return json.loads((site / "data" / "actors.json").read_text(encoding="utf-8"))


# --- item 4: dates ----------------------------------------------------------------------------------


def test_a_date_is_one_time_element_in_arabic():
    assert arabic_date("2023-09-29") == "29 سبتمبر 2023"
    assert arabic_date("2024-04") == "أبريل 2024" and arabic_date("1983") == "1983"
    assert date_label("2023-09-29") == '<time class="when" datetime="2023-09-29" dir="rtl">29 سبتمبر 2023</time>'
    assert date_label(None) == "بلا تاريخ"


def test_home_and_actor_pages_show_dates_as_time_elements(seed_site):
    home = html_of(seed_site, "")
    assert '(<time class="when" datetime="2023-09-29" dir="rtl">29 سبتمبر 2023</time>)' in home
    assert "(2023-09-29)" not in home
    actor = html_of(seed_site, "actors/khalifa-haftar")
    assert '<time class="when" datetime="2024-04-16" dir="rtl">16 أبريل 2024</time>' in actor
    assert not re.search(r">\d{4}-\d{2}-\d{2}<", actor)
