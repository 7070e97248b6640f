"""Bad input gets one line naming the file (and line or key) and the fix, never a traceback or a guess.

Decoding (``annotate.decoding``) is decided by evidence: one stray byte in a UTF-8 article is not a
Windows-1256 article; front matter values must be text where text belongs.
"""

from __future__ import annotations

import codecs
import json
import logging

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.decoding import decode
from annotate.errors import InputError
from annotate.ingest import read_article
from tests.test_robustness import NORMAL, write_corpus

# A sentence of the seed corpus (corpus/haftar-putin-moscow-visit.txt).
SEED = "استقبل الرئيس الروسي فلاديمير بوتين، ووزير الدفاع الروسي سيرغي شويغو، في العاصمة موسكو، اللواء المتقاعد خليفة حفتر."


def test_one_stray_byte_in_utf8_stays_utf8_with_a_warning_naming_file_and_line(tmp_path, caplog):
    raw = (SEED + "\n" + NORMAL).encode("utf-8") + b"caf\xe9\n"
    with caplog.at_level(logging.WARNING):
        text = decode(raw, "corpus/a.txt")
    assert text.startswith(SEED) and text.endswith("caf\ufffd\n")
    assert any(r.getMessage().startswith("corpus/a.txt:3: 1 byte(s)") for r in caplog.records)


def test_a_windows_1256_file_is_still_read_as_such():
    assert decode(SEED.encode("cp1256"), "old.txt") == SEED


def test_utf16_with_a_bom_is_text():
    assert decode(codecs.BOM_UTF16_LE + SEED.encode("utf-16-le"), "u16.txt") == SEED
    assert decode(codecs.BOM_UTF16_BE + SEED.encode("utf-16-be"), "u16.txt") == SEED


def test_a_nul_byte_anywhere_is_binary():
    with pytest.raises(InputError, match=r"late\.txt: binary file \(NUL byte at offset 9000\)"):
        decode(b"a" * 9000 + b"\0" + SEED.encode(), "late.txt")


def test_tag_and_site_decode_alike_bom_included(tmp_path):
    """``annotate tag`` kept the BOM in ``text``: every offset was one off the site's."""
    corpus = write_corpus(tmp_path, {"bom.txt": b"\xef\xbb\xbf" + (SEED + "\r\n").encode()})
    result = CliRunner().invoke(main, ["tag", str(corpus / "bom.txt")])
    assert result.exit_code == 0, result.output
    tagged = json.loads(result.output)
    assert tagged["text"] == read_article(corpus / "bom.txt", corpus).text == SEED + "\n"
    assert any(e["text"] == "خليفة حفتر" for e in tagged["entities"])


def test_tag_reads_windows_1256_input():
    result = CliRunner().invoke(main, ["tag", "-"], input=SEED.encode("cp1256"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["text"] == SEED


@pytest.mark.parametrize(
    "front, message",
    [
        ("url: 5", r"x\.md:3: front matter 'url': '5' is not a web address"),
        ("source: [x, y]", r"x\.md:3: front matter 'source': expected a text, got a list"),
        ("title: [a, b]", r"x\.md:3: front matter 'title': expected a text, got a list"),
        ("title:\n  ar: عنوان", r"x\.md:3: front matter 'title': expected a text, got a mapping"),
        ("lang: true", r"x\.md:3: front matter 'lang': expected a text, got true/false"),
    ],
)
def test_front_matter_of_the_wrong_type_is_one_line(tmp_path, front, message):
    corpus = write_corpus(tmp_path, {"x.md": f"---\ndate: 2024-01-02\n{front}\n---\n{NORMAL}"})
    with pytest.raises(InputError, match=message) as error:
        read_article(corpus / "x.md", corpus)
    assert "\n" not in str(error.value)


def test_front_matter_numbers_are_text_and_urls_are_kept(tmp_path):
    corpus = write_corpus(tmp_path, {"x.md": f"---\ntitle: 1984\nurl: https://example.org/a?b=1\n---\n{NORMAL}"})
    article = read_article(corpus / "x.md", corpus)
    assert (article.title, article.url, article.lang) == ("1984", "https://example.org/a?b=1", "ar")


def test_published_json_lines_keep_text_with_unicode_line_separators(tmp_path):
    """U+0085 and U+2028 in an article stay raw in annotations.jsonl (ensure_ascii=False); reading the file
    with str.splitlines cut such a record in two and crashed the search index (found by the fuzz test with
    the text '\\u0600\\x85')."""
    from annotate.models import jsonl_records
    from annotate.search.entries import article_entries

    records = [{"id": "a", "url": "articles/a/", "title": "ن\x85ص", "text": "سطر\x85ثان\u2028ثالث"}, {"id": "b", "url": "articles/b/", "text": "ب"}]
    path = tmp_path / "annotations.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert jsonl_records(path.read_text(encoding="utf-8")) == records
    assert [e.text for e in article_entries(path)] == ["سطر\x85ثان\u2028ثالث", "ب"]
