"""A user's folders are sacred: the output folder, the corpus and the cache are never lost or leaked.

Each case was reproduced on the code before these rules (issue "Never lose or leak a user's files").
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.errors import AnnotateError
from annotate.outdir import MARKER
from annotate.unchanged import forget
from annotate.pipeline import build
from tests.conftest import ROOT
from tests.sitecheck import page_file
from tests.test_robustness import NORMAL, digest, needs_model, options, write_corpus


def site_command(corpus: Path, out: Path, cache: Path, *more: str):
    return CliRunner().invoke(main, ["site", "--corpus", str(corpus), "--out", str(out), "--cache", str(cache), *more])


def one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


# --- the output folder ----------------------------------------------------------------------------------


def test_out_dot_in_a_project_is_refused_and_nothing_is_touched(tmp_path, monkeypatch):
    project = tmp_path / "project"
    corpus = write_corpus(project / "corpus", {"a.txt": NORMAL})
    (project / "notes.md").write_text("my notes", encoding="utf-8")
    before = digest(project)
    monkeypatch.chdir(project)
    line = one_error_line(site_command(Path("corpus"), Path("."), Path("build")))
    assert "--out" in line and "contains --corpus" in line
    assert digest(project) == before and corpus.is_dir()


@pytest.mark.parametrize(
    "out, cache, relation",
    [
        ("corpus", "build", "is the same folder as --corpus"),
        ("corpus/site", "build", "is inside --corpus"),
        ("build", "build", "is the same folder as --cache"),
        ("site", "site/cache", "contains --cache"),  # a cache inside the site was wiped by every build
        ("build/site", "build", "is inside --cache"),
    ],
)
def test_overlapping_folders_are_refused(tmp_path, out, cache, relation):
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": NORMAL})
    before = digest(tmp_path)
    line = one_error_line(site_command(corpus, tmp_path / out, tmp_path / cache))
    assert relation in line
    assert digest(tmp_path) == before


def test_cache_inside_the_corpus_is_refused(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": NORMAL})
    assert "--cache" in one_error_line(site_command(corpus, tmp_path / "site", corpus / "cache"))
    assert not (corpus / "cache").exists()


def test_a_folder_that_is_not_our_site_is_not_replaced(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": NORMAL})
    theirs = tmp_path / "theirs"
    (theirs / "thesis").mkdir(parents=True)
    (theirs / "thesis" / "chapter1.tex").write_text("years of work", encoding="utf-8")
    line = one_error_line(site_command(corpus, theirs, tmp_path / "cache"))
    assert str(theirs) in line and MARKER in line and "choose an empty or new --out" in line
    assert (theirs / "thesis" / "chapter1.tex").read_text(encoding="utf-8") == "years of work"


def test_an_output_path_under_a_file_is_one_line(tmp_path):
    """(A read-only folder cannot be tested as root; a path through a file fails the same way.)"""
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": NORMAL})
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert "--cache" in one_error_line(site_command(corpus, tmp_path / "site", tmp_path / "file" / "cache"))
    assert "--out" in one_error_line(site_command(corpus, tmp_path / "file" / "site", tmp_path / "cache"))


@needs_model
def test_empty_or_published_folders_are_replaced_and_marked_with_the_users_umask(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": NORMAL})
    site = tmp_path / "site"
    site.mkdir()
    previous = os.umask(0o022)
    try:
        build(options(tmp_path, corpus))
    finally:
        os.umask(previous)
    assert (site / MARKER).is_file()
    assert site.stat().st_mode & 0o777 == 0o755  # mkdtemp's 0700 kept a web server out
    (site / "stray.html").write_text("left by hand", encoding="utf-8")
    build(options(tmp_path, corpus))  # ours (it has the marker): replaced
    assert not (site / "stray.html").exists()


@needs_model
def test_stale_staging_folders_of_a_killed_build_are_removed_but_not_others(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": NORMAL})
    ours = tmp_path / ".site-building-k1ll3d"
    ours.mkdir()
    (ours / MARKER).write_text("", encoding="utf-8")
    (ours / "index.html").write_text("half a site", encoding="utf-8")
    theirs = tmp_path / ".site-building-not-ours"
    theirs.mkdir()
    (theirs / "keep.txt").write_text("someone else's", encoding="utf-8")
    build(options(tmp_path, corpus))
    assert not ours.exists()
    assert (theirs / "keep.txt").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == [theirs.name]


@needs_model
def test_two_builds_at_once_take_turns(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": NORMAL, "b.txt": NORMAL.replace("موسكو", "القاهرة")})
    command = [sys.executable, "-m", "annotate", "site", "--corpus", str(corpus), "--out", str(tmp_path / "site"), "--cache", str(tmp_path / "cache")]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert "Traceback" not in "".join(outputs)
    assert any("waiting: another build" in output for output in outputs), outputs
    assert page_file(tmp_path / "site", "articles/b/").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


# --- links out of the corpus ----------------------------------------------------------------------------


@needs_model
def test_a_link_to_a_file_outside_the_corpus_is_skipped_and_reported(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("كلمة السر السرية للغاية في ملف خاص خارج المدونة.\n", encoding="utf-8")
    corpus = write_corpus(tmp_path / "corpus", {"good.txt": NORMAL})
    (corpus / "notes.txt").symlink_to(secret)
    (corpus / "inside.txt").symlink_to(corpus / "good.txt")  # a link inside the corpus is an article
    report = build(options(tmp_path, corpus))
    assert any("notes.txt" in line and "outside the corpus" in line for line in report.skipped)
    site = tmp_path / "site"
    assert not page_file(site, "articles/notes/").exists()
    assert page_file(site, "articles/inside/").exists()
    assert not any("كلمة السر" in p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file())


@pytest.mark.parametrize("name", ["actors.yml", "slugs.yml"])
def test_registry_and_ledger_links_outside_the_corpus_are_errors(tmp_path, name):
    from annotate.pipeline import REGISTRY_FILE, SLUG_LEDGER
    from annotate.resolve import load_registry
    from annotate.resolve.slugs import read_ledger

    elsewhere = tmp_path / "elsewhere.yml"
    elsewhere.write_text("{}\n", encoding="utf-8")
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": NORMAL})
    (corpus / name).symlink_to(elsewhere)
    reader = load_registry if name == REGISTRY_FILE else read_ledger
    assert name in (REGISTRY_FILE, SLUG_LEDGER)
    with pytest.raises(AnnotateError, match=rf"{name}: a link to a file outside the corpus"):
        reader(corpus / name)


# --- the caches never make a build fail -----------------------------------------------------------------


@needs_model
def test_damaged_cache_entries_are_ignored_and_rebuilt(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": NORMAL})
    build(options(tmp_path, corpus))
    good = digest(tmp_path / "site")
    entries = sorted((tmp_path / "cache" / "annotations").rglob("*.json"))
    assert entries
    for entry in entries:
        entry.write_text(entry.read_text(encoding="utf-8").replace('"PER"', '"PERSON"').replace('"LOC"', '"PLACE"'), encoding="utf-8")
    (tmp_path / "cache" / "corpus-listing.txt").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "cache" / "ingest.json").write_text("[1, 2", encoding="utf-8")
    forget(options(tmp_path, corpus))  # not the "nothing changed" shortcut: read the cache
    report = build(options(tmp_path, corpus))
    assert report.tagged == 1  # the bad entry was not trusted
    assert digest(tmp_path / "site") == good
    assert "PERSON" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "cache" / "annotations").rglob("*.json"))


# --- the command line -----------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["0", "-2"])
def test_jobs_below_one_is_a_usage_error(tmp_path, jobs):
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": NORMAL})
    result = site_command(corpus, tmp_path / "site", tmp_path / "cache", "--jobs", jobs)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "Invalid value for '--jobs'" in result.output


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "standard input: binary file"),
        ("caf\xe9 cr\xe8me".encode("latin-1"), "standard input:1: not valid UTF-8"),
    ],
)
def test_tag_refuses_non_text_input_in_one_line(data, message):
    result = CliRunner().invoke(main, ["tag", "-"], input=data)
    assert message in one_error_line(result)
