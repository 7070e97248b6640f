"""Registry entries that contradict each other are errors naming both entries, never a silent winner.

Before these checks, adding «فاغنر» to Saudi Arabia's aliases deleted the curated Wagner actor and moved its
mentions to Saudi Arabia, and a rename to a slug another actor had gave two actors one page.
"""

from __future__ import annotations

import pytest

from annotate.errors import AnnotateError
from annotate.pipeline import build
from annotate.resolve import RegistryError, load_registry
from tests.test_robustness import NORMAL, needs_model, options, write_corpus

WAGNER = """actors:
  - id: org-wagner-group
    name: فاغنر
    label: ORG
    aliases: [مجموعة فاغنر]
  - id: loc-saudi-arabia
    name: السعودية
    label: LOC
    aliases: [المملكة العربية السعودية]
"""


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # messages name the registry as the user typed it: actors.yml


def errors_of(tmp_path, text: str) -> list[str]:
    path = tmp_path / "actors.yml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    assert all("\n" not in e for e in error.value.errors)
    return error.value.errors


def test_an_alias_naming_an_actor_of_another_label_names_both(tmp_path):
    text = WAGNER.replace("aliases: [المملكة العربية السعودية]", "aliases: [المملكة العربية السعودية, فاغنر]")
    (error,) = errors_of(tmp_path, text)
    assert error.startswith("actors.yml:6: 'aliases': 'فاغنر' already names 'org-wagner-group' (ORG فاغنر, actors.yml:2)")


def test_alias_section_entries_must_not_contradict(tmp_path):
    text = WAGNER + "alias:\n  - actor: loc-saudi-arabia\n    names: [مجموعة فاغنر]\n"
    assert "'alias[0].names': 'مجموعة فاغنر' already names 'org-wagner-group'" in errors_of(tmp_path, text)[0]
    text = WAGNER + "alias:\n  - actor: per-hemedti\n    names: [حميدتي]\n  - actor: per-dagalo\n    names: [حميدتي]\n"
    (error,) = errors_of(tmp_path, text)
    assert error.startswith("actors.yml:13: 'alias[1].names': 'حميدتي' already names 'per-hemedti' (actors.yml:11)")


def test_merging_curated_actors_cycles_and_labels_are_errors(tmp_path):
    curated = WAGNER + "merge:\n  - into: org-wagner-group\n    from: [loc-saudi-arabia]\n"
    assert "'merge[0].from': 'loc-saudi-arabia' is a curated actor" in errors_of(tmp_path, curated)[0]
    cycle = curated + "  - into: loc-saudi-arabia\n    from: [org-wagner-group]\n"
    assert any("merge cycle" in e for e in errors_of(tmp_path, cycle))
    labels = WAGNER + "merge:\n  - into: org-wagner-group\n    from: [loc-xyz]\n"
    assert "'loc-xyz' is a LOC and 'org-wagner-group' a ORG" in errors_of(tmp_path, labels)[0]
    twice = WAGNER + "merge:\n  - into: org-wagner-group\n    from: [org-x]\n  - into: loc-saudi-arabia\n    from: [org-x]\n"
    assert any("'org-x' is also merged into 'org-wagner-group'" in e for e in errors_of(tmp_path, twice))
    by_name = WAGNER + "merge:\n  - into: org-wagner-group\n    from: [المملكة العربية السعودية]\n"
    assert "names 'loc-saudi-arabia'" in errors_of(tmp_path, by_name)[0]


def test_a_rename_to_a_slug_another_actor_has_names_both(tmp_path):
    text = WAGNER.replace("    name: فاغنر\n", "    slug: wagner-group\n    name: فاغنر\n") + "rename:\n  - actor: loc-saudi-arabia\n    slug: wagner-group\n"
    (error,) = errors_of(tmp_path, text)
    assert error.startswith("actors.yml:12: 'rename[0].slug': 'wagner-group' is already the slug of 'org-wagner-group'")


@pytest.mark.parametrize(
    "entry, message",
    [
        ("    aliases: 5\n", "'actors[2].aliases': expected a text, got the int 5"),
        ("    aliases: [فاغنر الأمنية, 7]\n", "'actors[2].aliases[1]': expected a text, got the int 7"),
        ("    links: notaurl\n", "'actors[2].links[0]': 'notaurl' is not a web address"),
        ("    links: [https://x.org/a, 'http:/broken']\n", "'actors[2].links[1]': 'http:/broken' is not a web address"),
    ],
)
def test_wrong_kinds_of_values_are_errors(tmp_path, entry, message):
    text = WAGNER + "  - id: org-x\n    name: شركة\n    label: ORG\n" + entry
    assert any(message in e for e in errors_of(tmp_path, text)), errors_of(tmp_path, text)


def test_a_registry_saved_as_windows_1256_is_read(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_bytes(WAGNER.encode("cp1256"))
    assert [a.name for a in load_registry(path).actors] == ["فاغنر", "السعودية"]


def test_the_seed_registry_has_no_conflicts():
    from tests.conftest import CORPUS

    assert len(load_registry(CORPUS / "actors.yml").actors) > 20


@needs_model
def test_a_pinned_slug_that_is_another_actors_published_slug_is_an_error(tmp_path):
    registry = (
        "actors:\n  - id: per-khalifa-haftar\n    name: خليفة حفتر\n    label: PER\n"
        "  - id: per-sergei-shoigu\n    name: سيرغي شويغو\n    label: PER\n"
        "rename:\n  - actor: per-khalifa-haftar\n    slug: shoigu\n"
    )
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": NORMAL, "actors.yml": registry, "slugs.yml": "shoigu: per-sergei-shoigu\n"})
    with pytest.raises(AnnotateError, match=r"actors\.yml:9: slug 'shoigu' of 'per-khalifa-haftar' .* is already the published slug of 'per-sergei-shoigu'"):
        build(options(tmp_path, corpus))
    assert not (tmp_path / "site").exists()
