"""Bad input, hostile text and failed builds: clear errors, nothing lost, nothing executed."""

from __future__ import annotations

import hashlib
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotate.cli import main
from annotate.errors import AnnotateError, InputError
from annotate.outdir import MARKER
from annotate.pipeline import BuildOptions, build
from tests.browser import close_page, needs_chromium, open_page, serve
from tests.conftest import MODEL, ROOT
from tests.sitecheck import page_file

needs_model = pytest.mark.skipif(not MODEL.exists(), reason="the shipped model is needed to build sites")

NORMAL = "زار خليفة حفتر العاصمة الروسية موسكو يوم الثلاثاء، والتقى وزير الدفاع الروسي سيرغي شويغو.\n"
HOSTILE = (
    "عنوان <script>window.__pwned = 1</script> خبيث\n\n"
    "قال خليفة حفتر <img src=x onerror=\"window.__pwned = 2\"> في بنغازي إن [رابط](javascript:window.__pwned=3) لا يعمل.\n\n"
    "# ليس عنواناً * ولا قائمة | ولا `شيفرة` {: .evil onclick=\"window.__pwned=4\" } و {{ config.site_name }} و{% raw %}\n\n"
    "نص باتجاه معكوس \u202eأنتوني بلينكن\u202c وعزل \u2066موسكو\u2069 وأحرف خفية حف\u200bتر و\u200dطرابلس.\n\n"
    "كلمة طويلة: " + "ب" * 5000 + " انتهت.\n"
)


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return h.hexdigest()


def write_corpus(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def options(tmp_path: Path, corpus: Path, **kwargs) -> BuildOptions:
    return BuildOptions(corpus=corpus, out=tmp_path / "site", cache=tmp_path / "cache", **kwargs)


# --- inputs ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "files, message",
    [
        ({"empty.txt": ""}, r"empty\.txt: empty article"),
        ({"blank.txt": "  \n\t\n"}, r"blank\.txt: empty article"),
        ({"image.txt": b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"}, r"image\.txt: binary file"),
        ({"latin1.txt": "caf\xe9 cr\xe8me br\xfbl\xe9e".encode("latin-1")}, r"latin1\.txt:1: not valid UTF-8"),
        ({"a.txt": NORMAL, "a.md": "---\ntitle: x\n---\n" + NORMAL}, r"a\.(md|txt): article id 'a' already used"),
        ({"bad.md": "---\ntitle: [oops\n---\nنص"}, r"bad\.md:2: broken YAML front matter"),
        ({"date.md": "---\ndate: 31-02-2024\n---\nنص"}, r"date\.md: front matter 'date'"),
    ],
)
def test_bad_articles_stop_the_build_with_one_clear_line(tmp_path, files, message):
    corpus = write_corpus(tmp_path / "corpus", {"good.txt": NORMAL, **files})
    with pytest.raises(InputError, match=message) as error:
        build(options(tmp_path, corpus))
    assert "\n" not in str(error.value)
    assert not (tmp_path / "site").exists()


@needs_model
def test_keep_going_skips_bad_articles_and_reports_them(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"good.txt": NORMAL, "empty.txt": "", "image.txt": b"\0\0\0binary"})
    before = digest(corpus)
    report = build(options(tmp_path, corpus, keep_going=True))
    assert report.articles == 1
    assert len(report.skipped) == 2 and all(("empty.txt" in s) or ("image.txt" in s) for s in report.skipped)
    assert page_file(tmp_path / "site", "articles/good/").exists()
    assert digest(corpus) == before


def test_missing_corpus_folder_is_named(tmp_path):
    result = CliRunner().invoke(main, ["site", "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o"), "--cache", str(tmp_path / "c")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'nowhere'}: corpus folder does not exist" in result.output


def test_unknown_front_matter_key_is_a_warning_naming_the_file(tmp_path, caplog):
    from annotate.ingest import read_article

    corpus = write_corpus(tmp_path, {"x.md": "---\ntitle: عنوان\nauthor: فلان\n---\n" + NORMAL})
    article = read_article(corpus / "x.md", corpus)
    assert article.title == "عنوان"
    assert any("x.md" in r.message and "'author'" in r.message for r in caplog.records)


@needs_model
def test_big_inputs(tmp_path):
    """A 10 MB article is ingested, tokenized and dated; a 1 MB single line is tagged in windows."""
    from annotate.ingest import read_article
    from annotate.tag import annotate_articles
    from annotate.tokenize import sentences_in

    big = (NORMAL * 120_000)[:10_000_000]
    corpus = write_corpus(tmp_path / "corpus", {"big.txt": big, "line.txt": ("حفتر في موسكو " * 75_000)[:1_000_000]})
    article = read_article(corpus / "big.txt", corpus)
    assert len(article.text) == 10_000_000
    assert sum(len(s.tokens) for s in sentences_in(article.text, article.body)) > 1_500_000
    line = read_article(corpus / "line.txt", corpus)
    line.text = line.text[:200_000]
    line.body = [(0, len(line.text))]
    annotation = annotate_articles([line])[0]
    assert len(annotation.mentions) > 1000
    assert all(line.text[m.start : m.end] == m.text for m in annotation.mentions)


# --- hostile text ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    corpus = write_corpus(tmp / "corpus", {"hostile.txt": HOSTILE, "normal.txt": NORMAL})
    build(options(tmp, corpus))
    return tmp / "site"


@needs_model
def test_hostile_text_renders_literally(hostile_site):
    html = page_file(hostile_site, "articles/hostile/").read_text(encoding="utf-8")
    assert "window.__pwned" in html  # the text is there ...
    assert "<script>window.__pwned" not in html  # ... but never as markup
    assert not re.search(r"<img[^>]*onerror", html)
    assert 'href="javascript:' not in html
    assert "onclick=" not in html.replace("onclick=&quot;", "")
    assert "&lt;script&gt;" in html
    # Template syntax stays text (an entity link may wrap a part of it, as the model tags «_name»).
    assert "{{ config.site_name }}" in re.sub(r"<[^>]+>", "", html)
    assert "\u202e" not in html and "\u2066" not in html  # bidi controls cannot reorder the page
    assert "ب" * 5000 in html


@needs_model
def test_hostile_text_does_not_leak_into_other_pages(hostile_site):
    for page in sorted(hostile_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html, page
        assert not re.search(r"<img[^>]*onerror", html), page


# --- failed builds -----------------------------------------------------------------------------------


@needs_model
def test_failed_build_leaves_the_last_good_site(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"good.txt": NORMAL})
    build(options(tmp_path, corpus))
    site = tmp_path / "site"
    good = digest(site)
    (corpus / "actors.yml").write_text("actors:\n  - id: per-x\n    name: [unclosed\n", encoding="utf-8")
    with pytest.raises(AnnotateError):
        build(options(tmp_path, corpus))
    assert digest(site) == good
    (corpus / "actors.yml").unlink()
    (corpus / "broken.txt").write_bytes(b"\0binary")
    with pytest.raises(InputError):
        build(options(tmp_path, corpus))
    assert digest(site) == good
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")], "staging folders left behind"


@needs_model
def test_interrupted_build_leaves_the_last_good_site(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {f"a{i}.txt": NORMAL.replace("حفتر", f"حفتر {i}") for i in range(40)})
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    (site / MARKER).write_text("", encoding="utf-8")  # published by this tool, so a build may replace it
    command = [sys.executable, "-m", "annotate", "site", "--corpus", str(corpus), "--out", str(site), "--cache", str(tmp_path / "cache")]
    # A reader's Ctrl-C reaches a build whose SIGINT is the default; a test process may have inherited it
    # ignored (then Python would leave it ignored in the build too), so the build gets the default.
    inherited = signal.getsignal(signal.SIGINT)
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    deadline = time.time() + 120
    output = ""
    while time.time() < deadline and "tagging" not in output:
        output += process.stdout.read(1) or ""
    process.send_signal(signal.SIGINT)
    rest, _ = process.communicate(timeout=60)
    assert process.returncode != 0, f"the build was not interrupted (SIGINT in the test process: {inherited}); it printed:\n{output}{rest}"
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert sorted(p.name for p in site.iterdir()) == [MARKER, "index.html"]


# --- fuzz ----------------------------------------------------------------------------------------------

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
ANY = st.characters(blacklist_categories=("Cs",))
TEXT = st.lists(st.one_of(ARABIC, ARABIC, ARABIC, st.sampled_from(" \n\n.،؟«»\"<>&*#|`{}[]()-:/\u202e\u200b"), ANY), min_size=1, max_size=400).map("".join)


@needs_model
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=TEXT)
def test_fuzz_random_text_through_tokenize_tag_render_and_build(tmp_path_factory, text):
    from annotate.tag import annotate_text
    from annotate.tokenize import tokenize

    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
    annotation = annotate_text(text)
    for span in [*annotation.mentions, *annotation.dates]:
        assert 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.text
    if not text.strip():
        return
    tmp = tmp_path_factory.mktemp("fuzz")
    corpus = write_corpus(tmp / "corpus", {"fuzz.txt": text, "normal.txt": NORMAL})
    try:
        build(options(tmp, corpus))
    except InputError as error:  # text that decodes to nothing but furniture is refused by name
        assert "fuzz.txt" in str(error)
        return
    assert page_file(tmp / "site", "articles/fuzz/").exists()


@needs_model
@needs_chromium
def test_hostile_pages_run_nothing_in_chromium(hostile_site, browser):
    """Open the hostile article, an actor page and a search for its words: no script ran, no dialog, no image x."""
    page = open_page(browser, 390, 800)
    try:
        with serve(hostile_site) as root:
            for path in ["articles/hostile/", "articles/normal/", "?q=window", "?q=خبيث"]:
                page.goto(root + path)
                page.wait_for_load_state("networkidle")
                assert page.evaluate("window.__pwned") is None, path
                assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), f"{path} overflows"
            page.goto(root + "articles/hostile/")
            assert "<script>window.__pwned = 1</script>" in page.locator("h1").first.inner_text()
        assert not page.dialogs
        assert not [u for u in page.requests if u.rstrip("/").endswith("/x")], "an <img src=x> was requested"
    finally:
        close_page(page)
