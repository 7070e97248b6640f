from pathlib import Path

import pytest

from annotate.errors import InputError
from annotate.ingest import corpus_files, read_article
from tests.conftest import CORPUS

EXPECTED = {
    "haftar-putin-moscow-visit": ("استقبل الرئيس الروسي فلاديمير بوتين", "2023-09-29", None),
    "times-russia-arms-haftar": ("كيف تدعم روسيا حفتر رجلها في ليبيا بالسلاح؟.. التايمز تكشف", "2024-04-16", None),
    "putin-haftar-new-assad": ("بدعمه لـ “حفتر”.. بوتين يستنسخ في ليبيا بشار أسد جديد", None, "الأناضول ووكالات"),
    "haftar-office-director-moscow": ("بعد زيارة مدير مكتبه.. هل أعلنت روسيا رسميا دعمها لحفتر؟", None, "عربي21"),
    "mee-haftar-egypt-russia-cables": ('نشر موقع "ميدل إيست آي" البريطاني', None, "عربي21"),
}
FURNITURE = ["gettyimages", "℃", "تم نسخ عنوان المقال", "سوشال", "ملفات وتقارير", "(Getty)", "- جيتي", "getty\n"]


def seed_articles():
    return {a.id: a for a in (read_article(p, CORPUS) for p in corpus_files(CORPUS))}


def test_seed_metadata():
    articles = seed_articles()
    assert set(articles) == set(EXPECTED)
    for article_id, (title, date, source) in EXPECTED.items():
        article = articles[article_id]
        assert article.title.startswith(title), (article_id, article.title)
        assert article.date == date, article_id
        assert article.source == source, article_id


def test_text_is_the_file_and_furniture_is_outside_the_body():
    for article in seed_articles().values():
        assert article.text == (CORPUS / article.path).read_text(encoding="utf-8")
        body = "\n".join(article.text[s:e] for s, e in article.body)
        for furniture in FURNITURE:
            assert furniture not in body + "\n", (article.id, furniture)
        assert len(body) > 0.8 * len(article.text) - 600


def test_a_crawl_header_line_that_goes_on_with_the_page_is_header_then_prose(tmp_path: Path):
    """Lines as scraped pages give them (../shared/realnews d06 and d20, Shafaq News and Al-Sharq 2025): the
    crawler's date is furniture, the words after it are the article's. A dateline alone before the first
    paragraph (outlet - place) is prose, not the headline."""
    from annotate.ingest import read_article

    lead = 'وقعت "سوناطراك" الجزائرية اليوم وشركة مداد للطاقة السعودية عقد تقاسم إنتاج بقيمة 5.38 مليار دولار لاستكشاف واستغلال المحروقات.'
    first = tmp_path / "d06.txt"
    first.write_text(f" date 2025-10-13 {lead}\n\nوقال الرئيس المدير العام للشركة إن العقد يمتد ثلاثين عاما.\n", encoding="utf-8")
    article = read_article(first, tmp_path)
    assert article.date == "2025-10-13" and not article.title.startswith("date")
    assert article.text[article.body[0][0] : article.body[0][1]] == lead
    assert article.furniture[0] == (0, len(" date 2025-10-13 "))
    second = tmp_path / "d20.txt"
    second.write_text(" date 2025-09-09 09:44 م شفق نيوز- أديس أبابا\n\nافتتحت إثيوبيا، يوم الثلاثاء، بشكل رسمي سد النهضة.\n", encoding="utf-8")
    article = read_article(second, tmp_path)
    body = [article.text[s:e] for s, e in article.body]
    assert body == ["شفق نيوز- أديس أبابا", "افتتحت إثيوبيا، يوم الثلاثاء، بشكل رسمي سد النهضة."]
    assert article.title.startswith("شفق نيوز- أديس أبابا افتتحت إثيوبيا") and article.date == "2025-09-09"
    third = tmp_path / "headline.txt"  # a header line alone, then a headline with a dash: as before
    third.write_text(" date 2025-08-22 https://example.org/a\nأردوغان: اجتماع تركي - عراقي\n\nقال الرئيس التركي إن الاجتماع سيعقد.\n", encoding="utf-8")
    assert read_article(third, tmp_path).title == "أردوغان: اجتماع تركي - عراقي"


def test_a_photo_credit_glued_to_its_caption_is_furniture(tmp_path: Path):
    """../shared/realnews d12 (DW, 2025): «…في جميع أنحاء تركياصورة من: KEMAL ASLAN/AFP/Getty Images», the
    credit glued to the caption's last word by the scrape. The caption ends with تركيا; the credit is a
    paragraph of its own (its names are the article's). A quoted «الصورة: …» in prose stays as it is."""
    from annotate.ingest import read_article

    path = tmp_path / "d12.txt"
    path.write_text(
        "حزب إمام أوغلو يعقد مؤتمرا استثنائيا\n\n"
        "عقب اعتقال إمام أوغلوا شارك مئات الآلاف من في مظاهرات مناهضة للحكومة في جميع أنحاء تركياصورة من: KEMAL ASLAN/AFP/Getty Images\n\n"
        "وقال المتحدث عن الصورة: إنها مفبركة\n",
        encoding="utf-8",
    )
    article = read_article(path, tmp_path)
    body = [article.text[s:e] for s, e in article.body]
    assert body[0].endswith("في جميع أنحاء تركيا")
    assert body[1:] == ["صورة من: KEMAL ASLAN/AFP/Getty Images", "وقال المتحدث عن الصورة: إنها مفبركة"]


def test_front_matter_wins(tmp_path: Path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: عنوان من الترويسة\ndate: 2024-01-02\nsource: الجزيرة\nurl: https://example.org/a\n---\n"
        "10 يناير 2025\nنص المقال عن حفتر في بنغازي.\n",
        encoding="utf-8",
    )
    article = read_article(tmp_path / "a.md", tmp_path)
    assert (article.title, article.date, article.source, article.url) == ("عنوان من الترويسة", "2024-01-02", "الجزيرة", "https://example.org/a")
    assert article.text.startswith("10 يناير 2025")


@pytest.mark.parametrize(
    "content, message",
    [
        ("---\ntitle: [unclosed\n---\nنص", "a.md:2"),
        ("---\ndate: 2024-13-45\n---\nنص", "'date'"),
        ("---\ntitle: x\n", "never closed"),
        ("   \n\n", "empty article"),
    ],
)
def test_bad_front_matter_names_the_file(tmp_path: Path, content: str, message: str):
    (tmp_path / "a.md").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("[", r"\[")) as error:
        read_article(tmp_path / "a.md", tmp_path)
    assert "a.md" in str(error.value)


def test_encodings(tmp_path: Path):
    text = "وصل خليفة حفتر إلى موسكو.\r\nثم عاد."
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1256"))
    for name in ("bom.txt", "cp.txt"):
        article = read_article(tmp_path / name, tmp_path)
        assert article.text == "وصل خليفة حفتر إلى موسكو.\nثم عاد.", name
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    with pytest.raises(InputError, match="bin.txt: binary"):
        read_article(tmp_path / "bin.txt", tmp_path)


def test_hidden_files_are_skipped_and_nested_ones_found(tmp_path: Path):
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "2024" / "05").mkdir(parents=True)
    (tmp_path / "2024" / "05" / "y.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "README.md").write_text("# readme", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in corpus_files(tmp_path)] == ["2024/05/y.txt"]
    assert read_article(tmp_path / "2024" / "05" / "y.txt", tmp_path).id == "2024--05--y"


def test_ingest_cache_parses_only_changed_files(tmp_path):
    from annotate.pipeline import BuildReport, ingest_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("عنوان أول\n\nقال خليفة حفتر إن الاجتماع سيعقد في روما.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("عنوان ثان\n\nوصل الدبيبة إلى طرابلس.\n", encoding="utf-8")
    first = ingest_corpus(corpus, False, BuildReport(), cache=tmp_path / "cache")
    again = ingest_corpus(corpus, False, BuildReport(), cache=tmp_path / "cache")
    assert again == first and (tmp_path / "cache" / "ingest.json").exists()
    (corpus / "b.txt").write_text("عنوان جديد\n\nوصل الدبيبة إلى طرابلس.\n", encoding="utf-8")
    edited = ingest_corpus(corpus, False, BuildReport(), cache=tmp_path / "cache")
    assert "عنوان جديد" in edited[1].text and edited[1] != first[1]
    assert edited[1] == read_article(corpus / "b.txt", corpus)  # parsed again, exactly as without a cache
    assert edited[0] == first[0]


def _listed_by_rglob(corpus: Path) -> list[str]:
    """What ``corpus_files`` listed before its ``scandir`` walk (``rglob``, sorted paths)."""
    from annotate.ingest import ARTICLE_SUFFIXES, SKIPPED_NAMES, is_inside

    out = []
    for path in sorted(corpus.rglob("*")):
        parts = path.relative_to(corpus).parts
        if any(p.startswith(".") for p in parts) or path.suffix not in ARTICLE_SUFFIXES or path.name in SKIPPED_NAMES or not path.is_file():
            continue
        if path.is_symlink() and not is_inside(path, corpus.resolve()):
            continue
        out.append(path.relative_to(corpus).as_posix())
    return out


def test_the_corpus_walk_lists_what_rglob_listed(tmp_path: Path):
    from annotate.ingest import corpus_entries

    corpus = tmp_path / "corpus"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("سر", encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "z.txt").write_text("نص", encoding="utf-8")
    for name in ["b.txt", "a.md", "A.txt", "a-b.txt", "a/b.txt", "a/b/c.md", "a b/x.txt", "2024/05/y.txt", "x.txt.bak", "notes.TXT",
                 ".hidden/x.txt", "a/.h.txt", "sub/README.md", "sub/actors.yml", "slugs.yml", "dir.txt/inner.txt", "ع/مقال.txt"]:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text("نص", encoding="utf-8")
    (corpus / "link-in.txt").symlink_to(corpus / "b.txt")
    (corpus / "link-out.txt").symlink_to(outside / "secret.txt")
    (corpus / "linked-folder").symlink_to(outside / "folder")
    (corpus / "broken.txt").symlink_to(tmp_path / "nothing.txt")
    skipped: list[str] = []
    entries = corpus_entries(corpus, outside=skipped)
    assert [relative for _, relative in entries] == _listed_by_rglob(corpus)
    assert [path for path, _ in entries] == [corpus / relative for _, relative in entries]
    assert "dir.txt/inner.txt" in [r for _, r in entries] and "link-out.txt" not in [r for _, r in entries]
    assert len(skipped) == 1 and "link-out.txt" in skipped[0]
