"""Markup left in raw .txt (issue 21, item 2): headings, bullets, emphasis and rules become structure.

The seed article putin-haftar-new-assad.txt (corpus/, as handed over) has «**علاقاته مع روسيا»,
«**حفتر والمرتزقة الروس» and «– حفتر والاتحاد السوفيتي» as subheadings.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotate import markup_text
from annotate.ingest import parse_article, read_article
from annotate.models import Annotation
from annotate.render import SiteData, pages
from annotate.tokenize import sentences_in
from tests.conftest import CORPUS
from tests.sitecheck import visible_text

SEED = CORPUS / "putin-haftar-new-assad.txt"


def test_markers_stay_out_of_the_body_and_the_text_is_unchanged():
    article = read_article(SEED, CORPUS)
    assert article.text == SEED.read_text(encoding="utf-8")
    blocks = [article.text[s:e] for s, e in article.body]
    assert "علاقاته مع روسيا" in blocks and "حفتر والمرتزقة الروس" in blocks and "حفتر والاتحاد السوفيتي" in blocks
    assert not any(b.startswith(("*", "–", "-", "#")) or "**" in b for b in blocks)


def test_leading_markers_and_rules():
    assert markup_text.leading_marker("**علاقاته مع روسيا") == ("heading", 2)
    assert markup_text.leading_marker("## عنوان فرعي") == ("heading", 3)
    assert markup_text.leading_marker("– حفتر والاتحاد السوفيتي") == ("bullet", 2)
    assert markup_text.leading_marker("— Reuters (@Reuters) September 3, 2025") == ("", 0)  # realnews d13: a tweet's attribution
    assert markup_text.leading_marker("-5 درجات") == ("", 0)
    assert markup_text.is_rule("---") and markup_text.is_rule("* * *") and not markup_text.is_rule("--")
    assert markup_text.plain("**بدعمه لـ حفتر**") == "بدعمه لـ حفتر"


def _page(tmp_path: Path, text: str) -> str:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    article = parse_article(path, tmp_path, text)
    sentences = list(sentences_in(article.text, article.body))
    data = SiteData([article], {article.id: Annotation(article.id, sentences, [], [])}, {article.id: []}, [])
    return pages.article_text_html(data, article, "articles/a.md")


def test_structure_is_drawn_not_shown(tmp_path):
    text = (
        "عنوان المقال عن ليبيا وروسيا اليوم\n\n"
        "قال المتحدث إن **الاتفاق** سيوقع قريباً في موسكو بعد جولة من المحادثات.\n\n"
        "**علاقاته مع روسيا\n\n"
        "- البند الأول من الاتفاق.\n"
        "- البند الثاني من الاتفاق.\n\n"
        "---\n\n"
        "وانتهى اللقاء في المساء بعد ساعات من النقاش بين الوفدين.\n"
    )
    html = _page(tmp_path, text)
    assert "<strong>الاتفاق</strong>" in html
    assert '<h3 class="subhead">علاقاته مع روسيا</h3>' in html
    assert re.search(r'<ul class="article-list">\s*<li>البند الأول من الاتفاق\.</li>\s*<li>البند الثاني من الاتفاق\.</li>\s*</ul>', html)
    assert html.index("<hr>") < html.index("وانتهى")
    assert "*" not in html and "- " not in html


def test_no_marker_shows_on_any_seed_page(seed_site):
    article = seed_site / "articles" / "putin-haftar-new-assad" / "index.html"
    html = article.read_text(encoding="utf-8")
    assert html.count('<h3 class="subhead">') == 3  # the two «**» subheadings and the «–» one
    for page in [article, *(seed_site / "actors").glob("*/index.html")]:
        text = visible_text(page)
        assert "**" not in text and "– حفتر" not in text, page
