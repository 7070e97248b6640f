"""Rebuilds from the resolve memo equal a full resolve after the edits the memo keeps results across: an
article edit whose alias cue merges two actors, the edit undone (the actors split again), registry
merges, splits and aliases; and the last per-article steps (``resolve.finish``) run again only for the
articles whose inputs moved."""

from __future__ import annotations

import copy
import random
from pathlib import Path

from annotate.resolve import Registry, load_registry, resolve
from annotate.resolve.memo import ResolveMemo
from tests.test_resolve import actor_of, doc
from tests.test_resolve_mapreduce import same

PLAIN = "التقى محمد حمدان دقلو وفدا في الخرطوم أمس."
CUED = 'التقى محمد حمدان دقلو المعروف بـ"حميدتي" وفدا في الخرطوم أمس.'
OTHER = "وقال حميدتي إن قواته ستنسحب من المدينة."
FAR = "وزار خليفة حفتر موسكو، والتقى فلاديمير بوتين في الكرملين."
FAR2 = "وقال بوتين إن روسيا تدعم الحوار الليبي، وأضاف حفتر أن الاجتماع كان مثمرا."


def corpus(first: str) -> list:
    return [
        doc("a-cue", first, [("محمد حمدان دقلو", "PER"), ("الخرطوم", "LOC")]),
        doc("b-other", OTHER, [("حميدتي", "PER")]),
        doc("c-far", FAR, [("خليفة حفتر", "PER"), ("موسكو", "LOC"), ("فلاديمير بوتين", "PER")]),
        doc("d-far", FAR2, [("بوتين", "PER"), ("حفتر", "PER")]),
    ]


def rebuilt(folder: Path, docs, registry) -> tuple:
    memo = ResolveMemo(folder)
    resolution = resolve(copy.deepcopy(docs), registry, memo=memo)  # fresh objects, as a new build has
    memo.save()
    assert same(resolution, resolve(copy.deepcopy(docs), registry)), "a rebuild differs from a full resolve"
    return resolution, memo


def test_an_edit_that_merges_two_actors_and_its_undoing(tmp_path):
    registry = Registry()
    before, _ = rebuilt(tmp_path, corpus(PLAIN), registry)
    assert actor_of(before, "a-cue", "محمد حمدان دقلو") != actor_of(before, "b-other", "حميدتي")
    merged, memo = rebuilt(tmp_path, corpus(CUED), registry)
    assert actor_of(merged, "a-cue", "محمد حمدان دقلو") == actor_of(merged, "b-other", "حميدتي")
    assert "c-far" not in memo.finished and "d-far" not in memo.finished  # untouched: their last steps kept
    split, memo = rebuilt(tmp_path, corpus(PLAIN), registry)
    assert actor_of(split, "a-cue", "محمد حمدان دقلو") != actor_of(split, "b-other", "حميدتي")
    assert same(split, before)
    _, memo = rebuilt(tmp_path, corpus(PLAIN), registry)
    assert memo.finished == set()  # nothing changed: every article's last steps kept


def test_registry_merges_splits_and_aliases_from_the_memo(tmp_path):
    docs = corpus(PLAIN)
    base = rebuilt(tmp_path, docs, Registry())[0]
    dagalo = actor_of(base, "a-cue", "محمد حمدان دقلو")
    head = "actors:\n  - id: per-hemedti\n    name: حميدتي\n    label: PER\n  - id: per-saddam-haftar\n    name: صدام حفتر\n    label: PER\n"
    edits = {
        "alias": head + "alias:\n  - actor: per-hemedti\n    names: [محمد حمدان دقلو]\n",
        "merge": head + f"merge:\n  - into: per-hemedti\n    from: [{dagalo}]\n",
        "split": head + "split:\n  - name: حفتر\n    articles: [d-far]\n    actor: per-saddam-haftar\n",
        "none": head,
    }
    for name, text in edits.items():
        (tmp_path / "actors.yml").write_text(text, encoding="utf-8")
        resolution, _ = rebuilt(tmp_path, docs, load_registry(tmp_path / "actors.yml"))
        if name in ("alias", "merge"):
            assert actor_of(resolution, "a-cue", "محمد حمدان دقلو") == "per-hemedti", name
        if name == "split":
            assert actor_of(resolution, "d-far", "حفتر") == "per-saddam-haftar"
            assert actor_of(resolution, "c-far", "خليفة حفتر") != "per-saddam-haftar"


def test_a_damaged_or_missing_results_file_is_ignored(tmp_path):
    """The memo's results file cut short, overwritten or gone: a rebuild resolves everything again, with the
    same resolution, and leaves a usable memo behind."""
    docs = corpus(CUED)
    registry = Registry()
    full = rebuilt(tmp_path, docs, registry)[0]
    (blobs,) = tmp_path.glob("resolve-memo-*.blobs")
    blobs.write_bytes(b"\0" * blobs.stat().st_size)  # same size, wrong bytes: found when a result is read
    edited = corpus(PLAIN)
    resolution, memo = rebuilt(tmp_path, edited, registry)
    assert memo.finished == {a.id for a, _ in edited}  # all resolved again
    for blobs in tmp_path.glob("resolve-memo-*.blobs"):
        blobs.write_bytes(blobs.read_bytes()[:10])  # cut short: found when the memo is opened
    assert same(rebuilt(tmp_path, docs, registry)[0], full)
    for blobs in tmp_path.glob("resolve-memo-*.blobs"):
        blobs.unlink()
    assert same(rebuilt(tmp_path, docs, registry)[0], full)
    _, memo = rebuilt(tmp_path, docs, registry)
    assert memo.finished == set()  # the memo written after the damage is whole again


def test_the_results_file_is_compacted_when_most_of_it_is_dead(tmp_path):
    from annotate.resolve.blobs import BlobFile, remove_older, store

    made = {f"a{n}": random.Random(n).randbytes(1000) for n in range(5)}  # incompressible
    results = {k: made[k] for k in ("a0", "a1", "a2", "a3")}
    blobs = store(BlobFile(tmp_path, 0), [(results, k, v) for k, v in results.items()], slack=0)
    appended = store(blobs, [(results, "a4", made["a4"])], slack=1 << 20)  # appended: the others stay
    assert appended is blobs and blobs.size() > 5000 and blobs.read(results["a0"]) == made["a0"]
    kept = {"a3": results["a3"], "a0": made["a4"]}  # a0, a1 and a2 are dead now
    again = store(blobs, [(kept, k, v) for k, v in kept.items()], slack=0)
    assert again.generation == 1 and 2000 < again.size() < 2100
    remove_older(tmp_path, again.generation)
    assert [p.name for p in tmp_path.iterdir()] == [again.path.name]
    assert again.read(kept["a3"]) == made["a3"] and again.read(kept["a0"]) == made["a4"]


def test_an_edit_after_the_last_name_finishes_the_article_again(tmp_path):
    """An edit adds a cue after a name only propagation finds (دقلو, tagged in another article): the article's
    last steps run again and see the new text (the article's key is among what they read)."""
    plain = "وقال حميدتي إن قواته ستنسحب. والتقى دقلو وفدا."
    cued = 'وقال حميدتي إن قواته ستنسحب. والتقى دقلو المعروف بـ"أبو علي" وفدا.'
    other = doc("b", "وزار دقلو الخرطوم.", [("دقلو", "PER"), ("الخرطوم", "LOC")])
    before, _ = rebuilt(tmp_path, [doc("a", plain, [("حميدتي", "PER")]), other], Registry())
    after, memo = rebuilt(tmp_path, [doc("a", cued, [("حميدتي", "PER")]), other], Registry())
    assert "a" in memo.finished
    assert "أبو علي" in [m.text for m in after.mentions["a"]] and "أبو علي" not in [m.text for m in before.mentions["a"]]


def test_results_read_ahead_while_tagging_give_the_same_resolution(tmp_path):
    """``read_ahead`` (what a rebuild does while a worker tags the changed articles) reads the unchanged
    articles' keys and kept results; the rebuild uses them only for the same objects and stored results, and
    equals a full resolve, also when an article it read ahead changed afterwards or the results file is
    damaged."""
    registry = Registry()
    rebuilt(tmp_path, corpus(PLAIN), registry)
    docs = copy.deepcopy(corpus(CUED))
    memo = ResolveMemo(tmp_path)
    memo.read_ahead([d for d in docs if d[0].id != "a-cue"])
    assert set(memo.ahead_results) == {"b-other", "c-far", "d-far"}
    changed = copy.deepcopy(corpus(CUED))[3]  # d-far read ahead, then another object (as if edited) resolved
    docs[3] = changed
    resolution = resolve(docs, registry, memo=memo)
    memo.save()
    assert same(resolution, resolve(copy.deepcopy(corpus(CUED)), registry))
    assert memo.ahead_results == {} and memo.ahead_keys == {}
    for blobs in tmp_path.glob("resolve-memo-*.blobs"):
        blobs.write_bytes(b"\0" * blobs.stat().st_size)
    memo = ResolveMemo(tmp_path)
    memo.read_ahead(copy.deepcopy(corpus(CUED)))  # the damage is not raised here
    assert memo.ahead_results == {}
    assert same(resolve(copy.deepcopy(corpus(CUED)), registry, memo=memo), resolve(copy.deepcopy(corpus(CUED)), registry))


def test_results_go_to_the_blob_file_as_each_step_ends_and_a_stopped_build_leaves_the_last_memo_valid(tmp_path):
    """``ResolveMemo.spill``: after ``resolve`` no pickled result waits in memory for ``save`` (they were a
    ninth of a first build's peak at 10,000 articles); and a build that stops before ``save`` has only
    appended, so the last build's memo still reads back and the next rebuild equals a full resolve."""
    registry = Registry()
    rebuilt(tmp_path, corpus(PLAIN), registry)
    memo = ResolveMemo(tmp_path)
    resolve(copy.deepcopy(corpus(CUED)), registry, memo=memo)  # an edit: some results made again
    made = [value for _, _, value in memo._values()]
    assert made and not any(isinstance(value, bytes) for value in made), "results held in memory until save"
    memo.blobs.close()  # the build stops here, before ``save``
    again, memo = rebuilt(tmp_path, corpus(CUED), registry)
    assert memo.old.articles, "the last build's memo was dropped"
    assert actor_of(again, "a-cue", "محمد حمدان دقلو") == actor_of(again, "b-other", "حميدتي")


def test_postings_answer_which_articles_hold_a_key_after_adds_and_discards():
    from annotate.resolve.postings import Postings

    index = Postings()
    index.add(["حفتر", "ليبيا"], "b")
    index.add(["ليبيا"], "a")
    index.add(["ليبيا", "ليبيا"], "c")
    assert index.holders(["ليبيا"]) == {"a", "b", "c"}
    assert list(index.lists["ليبيا"]) == sorted(index.lists["ليبيا"])  # numbers stay sorted whatever the order of adds
    index.discard(["ليبيا", "روما"], "b")
    index.discard(["حفتر"], "nobody")
    assert index.holders(["ليبيا"]) == {"a", "c"}
    assert index.holders(["حفتر", "روما"]) == {"b"}
    index.discard(["حفتر"], "b")
    assert "حفتر" not in index.keys()  # a key nobody holds is forgotten


def test_a_name_that_comes_and_goes_is_found_and_unfound_in_an_article_left_as_it_was(tmp_path):
    """A new article brings a name (سبها) an unchanged article holds untagged: propagation runs again there
    and finds it; the article's words stay in the memo's word index (its text did not change), so when the
    new article goes, the name's going reaches it too. Each build equals a full resolve (``rebuilt``)."""
    plain = doc("x-plain", "وقال مسؤول في طرابلس إن الوضع في سبها هادئ.", [("طرابلس", "LOC")])
    new = doc("e-new", "ووصل وفد حكومي إلى سبها أمس.", [("سبها", "LOC")])
    base = [plain, *corpus(PLAIN)[2:]]
    before, _ = rebuilt(tmp_path, base, Registry())
    added, memo = rebuilt(tmp_path, [*base, new], Registry())
    assert "x-plain" in memo.same and "x-plain" not in memo.found_loaded  # taken through propagation again
    gone, _ = rebuilt(tmp_path, base, Registry())
    texts = {name: [m.text for m in r.mentions["x-plain"]] for name, r in (("before", before), ("added", added), ("gone", gone))}
    assert "سبها" not in texts["before"] and "سبها" in texts["added"] and "سبها" not in texts["gone"], texts
