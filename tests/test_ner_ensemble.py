"""Ensembles of taggers of the shipped recipe (annotate/ner/ensemble.py) and the last-stage trainer
(annotate/ner/final_stage.py: other seeds, k-fold cross-validation). Sentences: the seed corpus."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from tests.conftest import MODEL, SHARED_DATA, needs_shared_data, seed_texts

needs_model = pytest.mark.skipif(not MODEL.exists(), reason=f"shipped model {MODEL} not present")


def seed_sentences(limit: int = 150) -> list[list[str]]:
    from annotate.tokenize import sentences_in

    return [[t.text for t in s.tokens] for text in seed_texts().values() for s in sentences_in(text)][:limit]


def shipped(int8: bool, members=()):
    from annotate.ner.tagger import EntityTagger, model_spec

    return EntityTagger(dataclasses.replace(model_spec("shipped", members=members), int8=int8))


@needs_model
@pytest.mark.parametrize("int8", [False, True])
def test_an_ensemble_of_one_or_of_two_identical_models_tags_as_the_model(int8):
    """The ensemble's own forward pass (shared parts once, each member's layers, averaged scores) gives
    the model's tags exactly: with the model alone, and with the model twice (its file as a member)."""
    from annotate.ner.ensemble import attach_members

    sentences = seed_sentences()
    tags = shipped(int8).tag_words(sentences)
    assert sum(tag != "O" for sentence in tags for tag in sentence) > 100
    alone = shipped(int8)
    attach_members(alone.pipeline, [], int8)
    assert type(alone.pipeline.processors["ner"].trainers[0].model).__name__ == "EnsembleTagger"
    assert alone.tag_words(sentences) == tags
    twice = shipped(int8, members=(MODEL,))
    assert len(twice.pipeline.processors["ner"].trainers[0].model.heads) == 2
    assert twice.tag_words(sentences) == tags


@needs_model
def test_member_files_are_small_and_tag_like_their_model(tmp_path):
    """A member file keeps only the tagger's own layers: float16 storage is the shipped model's weights
    exactly (so the same tags); int8 storage is a third of the model file and changes a few tags."""
    from annotate.ner.ensemble import write_member
    from annotate.ner.evaluate import score

    sentences = seed_sentences()
    tags = shipped(True).tag_words(sentences)
    half, quarter = tmp_path / "half.pt", tmp_path / "int8.pt"
    write_member(MODEL, half, int8=False)
    write_member(MODEL, quarter, int8=True)
    assert quarter.stat().st_size < 5_200_000 < half.stat().st_size < MODEL.stat().st_size * 0.7
    assert shipped(True, members=(half,)).tag_words(sentences) == tags
    agreement = score(tags, shipped(True, members=(quarter,)).tag_words(sentences)).prf()[2]
    assert agreement >= 0.97, f"an int8-stored copy of the model agrees with it at F1 {agreement:.3f}"


@needs_model
def test_scores_are_the_members_average(tmp_path):
    """On a batch of real sentences, the ensemble's emission scores and transitions are the mean of its
    members' (here the model and its int8-stored copy, which differ slightly)."""
    import torch
    from stanza.models.common.doc import Document
    from stanza.models.ner.data import DataLoader
    from stanza.models.ner.trainer import unpack_batch

    from annotate.arabic import normalize_token
    from annotate.ner.ensemble import attach_members, write_member

    member = tmp_path / "int8.pt"
    write_member(MODEL, member, int8=True)
    outputs = []
    for files in ([], [member], None):
        tagger = shipped(False)
        if files is None:  # the member alone: the model's shared parts with only the member's layers
            attach_members(tagger.pipeline, [member], False)
            model = tagger.pipeline.processors["ner"].trainers[0].model
            model.heads = model.heads[1:]
        else:
            attach_members(tagger.pipeline, files, False)
        processor = tagger.pipeline.processors["ner"]
        trainer = processor.trainers[0]
        document = Document([[{"id": (i,), "text": normalize_token(w)} for i, w in enumerate(s, 1)] for s in seed_sentences(40)])
        batch = next(iter(DataLoader(document, 64, processor.configs[0], vocab=trainer.vocab, evaluation=True, preprocess_tags=False)))
        inputs, _, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = unpack_batch(batch, "cpu")
        word, wordchars, wordchars_mask, chars, tags = inputs
        _, logits, transitions = trainer.model(word, wordchars, wordchars_mask, tags, word_orig_idx, sentlens, wordlens, chars, charoffsets, charlens, char_orig_idx)
        outputs.append((logits[0], transitions[0]))
    (both, both_t), (model, model_t), (alone, alone_t) = outputs[1], outputs[0], outputs[2]
    assert not torch.equal(model, alone)  # the int8-stored member scores differently
    assert torch.allclose(both, (model + alone) / 2, atol=1e-5) and torch.allclose(both_t, (model_t + alone_t) / 2)


@needs_model
def test_a_member_of_another_recipe_is_refused_in_one_line(tmp_path):
    import torch

    from annotate.errors import ModelError
    from annotate.ner.ensemble import write_member

    member = tmp_path / "other.pt"
    write_member(MODEL, member)
    stored = torch.load(member, weights_only=False)
    stored["vocab_digests"]["delta"] = "0" * 16  # trained on other sentences: other word corrections
    torch.save(stored, member)
    with pytest.raises(ModelError, match="other vocabularies") as error:
        shipped(True, members=(member,))
    assert "\n" not in str(error.value)
    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="junk.pt"):
        shipped(True, members=(junk,))


@needs_model
def test_installed_members_join_the_shipped_model_and_its_version(tmp_path):
    from annotate.ner.tagger import MEMBER_GLOB, installed_members, model_spec

    spec = model_spec("shipped")
    assert spec.members == tuple(installed_members())
    assert all(p.match(MEMBER_GLOB) for p in spec.members)
    other = tmp_path / "member.pt"
    other.write_bytes(b"x" * 100)
    assert model_spec("shipped", members=[other]).version != model_spec("shipped", members=[]).version  # cached tags follow the ensemble
    assert model_spec("shipped", MODEL).members == ()  # an explicit model file comes alone unless told


def test_folds_are_contiguous_and_cover_the_sentences_once():
    from annotate.ner.final_stage import fold_splits

    sentences = list(range(23))
    splits = fold_splits(sentences, 5)
    assert [len(held) for _, held in splits] == [4, 5, 4, 5, 5]
    assert [s for _, held in splits for s in held] == sentences
    for rest, held in splits:
        assert sorted(rest + held) == sentences and not set(rest) & set(held)


@needs_shared_data
@needs_model
@pytest.mark.slow
def test_final_stage_and_cross_validation_run_end_to_end_on_a_tiny_slice(tmp_path, monkeypatch):
    """A few steps on 60 ANERcorp train sentences: the last stage alone keeps the shipped recipe's
    settings (only the seed differs), and --cv trains one tagger per fold, scores each on its held-out
    fold, writes the table, and resumes without retraining."""
    import torch

    from annotate.arabic import normalize_token
    from annotate.errors import ModelError
    from annotate.ner.cv_compare import score_ensembles
    from annotate.ner.data import read_conll
    from annotate.ner.final_stage import cross_validate, install_member, train_final_stage
    from annotate.ner.tagger import installed_members
    from annotate.ner.train import Limits

    limits = Limits(sentences=60, max_steps=4)
    model = train_final_stage(SHARED_DATA, tmp_path / "seed7", seed=7, limits=limits)
    config = torch.load(model, weights_only=False)["config"]
    recipe = torch.load(MODEL, weights_only=False)["config"]
    same = ("hidden_dim", "word_emb_dim", "char_emb_dim", "dropout", "word_dropout", "lr", "optim", "batch_size", "charlm", "input_transform", "scheme", "emb_finetune", "num_layers")
    assert {k: config[k] for k in same} == {k: recipe[k] for k in same} and config["seed"] == 7 != recipe["seed"]
    scores = json.loads((tmp_path / "seed7" / "scores.json").read_text())
    assert (tmp_path / "seed7" / "finished").exists() and set(scores["dev"]) == {"int8", "float32"} and scores["seed"] == 7
    package = tmp_path / "package"  # where --install puts a member (the real package stays untouched)
    package.mkdir()
    monkeypatch.setattr("annotate.ner.tagger.MODEL_DIR", package)
    installed = install_member(model)
    assert installed.name == "ar_ner_anercorp.member-seed7.pt" and installed_members() == [installed]
    with pytest.raises(ModelError, match="other vocabularies"):  # 54 training sentences: other word corrections than the shipped model's
        shipped(True, members=(installed,))

    work = tmp_path / "cv"
    results = cross_validate(SHARED_DATA, work, folds=2, limits=limits)
    assert [r.sentences for r in results] == [30, 30]
    sentences = [tuple(normalize_token(w) for w, _ in s) for s in read_conll(SHARED_DATA / "anercorp" / "ANERCorp_CamelLab_train.txt")[:60]]
    for fold, other in ((1, sentences[30:]), (2, sentences[:30])):
        unit = work / f"fold{fold}"
        assert (unit / "finished").exists()
        seen = [tuple(w["text"] for w in s) for name in ("train.json", "dev.json") for s in json.loads((unit / name).read_text())]
        assert seen == other  # the other fold (90 % train, 10 % dev), never its own (by position: ANERcorp repeats some sentences)
    summary = json.loads((work / "cv.json").read_text())
    assert summary["mean_f1"] == pytest.approx(sum(r.scores["f1"] for r in results) / 2)
    assert "mean ± sd" in (work / "cv.md").read_text()
    stamp = (work / "fold1" / "ar_ner_anercorp.pt").stat().st_mtime_ns
    again = cross_validate(SHARED_DATA, work, folds=2, limits=limits, resume=True)
    assert [r.scores for r in again] == [r.scores for r in results]
    assert (work / "fold1" / "ar_ner_anercorp.pt").stat().st_mtime_ns == stamp

    # --fold: one process per fold (bench/device_train.sh); the summary gathers the folds finished so far.
    apart = tmp_path / "cv-apart"
    second = cross_validate(SHARED_DATA, apart, folds=2, limits=limits, only={2})
    assert [r.fold for r in second] == [2] and not (apart / "fold1").exists()
    both = cross_validate(SHARED_DATA, apart, folds=2, limits=limits, only={1})
    assert [r.fold for r in both] == [1, 2] and both[1].scores == second[0].scores
    assert [r.scores for r in both] == [r.scores for r in results]  # the same folds as one run, seed for seed

    # --kept: finished folds' scores in a committed folder add up over sessions whose machines are wiped.
    kept = tmp_path / "kept"
    cross_validate(SHARED_DATA, tmp_path / "session1", folds=2, limits=limits, only={1}, kept=kept)
    assert sorted(p.name for p in kept.iterdir()) == ["fold1.json"]
    later = cross_validate(SHARED_DATA, tmp_path / "session2", folds=2, limits=limits, kept=kept)  # a fresh machine
    assert not (tmp_path / "session2" / "fold1" / "ar_ner_anercorp.pt").exists()  # fold 1 read back, not trained
    assert [r.scores for r in later] == [r.scores for r in results] and sorted(p.name for p in kept.iterdir()) == ["fold1.json", "fold2.json"]
    cross_validate(SHARED_DATA, tmp_path / "session3", folds=2, limits=limits, seed=8, only={1}, kept=kept)  # another recipe: trained
    assert (tmp_path / "session3" / "fold1" / "ar_ner_anercorp.pt").exists() and json.loads((kept / "fold1.json").read_text())["seed"] == 8

    # cv-ensemble: each fold's taggers of several CV runs, scored as one on the fold's held-out block.
    twice = score_ensembles(SHARED_DATA, [work, work], folds=2, limits=limits, kept=tmp_path / "kept-twice")
    assert [r.scores for r in twice] == [r.scores for r in results]  # a tagger twice tags as the tagger
    pair = score_ensembles(SHARED_DATA, [work, tmp_path / "session3"], folds=2, limits=limits, kept=tmp_path / "kept-pair")
    assert [r.fold for r in pair] == [1]  # seed 8 has fold 1 alone
    record = json.loads((tmp_path / "kept-pair" / "fold1.json").read_text())
    assert record["seeds"] == [1234, 8] and record["held"]["int8"] == pair[0].scores
    (work / "fold1" / "ar_ner_anercorp.pt").unlink()  # a later session: the kept scores, not the taggers
    assert score_ensembles(SHARED_DATA, [work, work], folds=2, limits=limits, kept=tmp_path / "kept-twice", only={1}) == twice[:1]
    assert score_ensembles(SHARED_DATA, [work, work], folds=2, limits=limits, only={1}) == []  # unkept and gone: left out


def test_recipes_are_compared_fold_by_fold_on_the_folds_both_hold(tmp_path):
    """cv-compare: the difference on each fold both kept folders hold, their mean and sample sd, and the
    folds won; a folder without folds, or two without a fold in common, get one line that says so."""
    from click.testing import CliRunner

    from annotate.cli import main

    def keep(folder, scores):
        folder.mkdir()
        for fold, f1 in scores.items():
            record = {"held": {"int8": {"f1": f1, "p": f1, "r": f1, "PER": f1, "ORG": f1 - 0.1, "LOC": f1, "MISC": f1}}}
            (folder / f"fold{fold}.json").write_text(json.dumps(record))

    keep(tmp_path / "base", {1: 0.70, 2: 0.80, 3: 0.60})
    keep(tmp_path / "ens", {1: 0.72, 2: 0.81, 3: 0.59, 4: 0.90})
    keep(tmp_path / "apart", {5: 0.5})
    (tmp_path / "empty").mkdir()
    runner = CliRunner()
    result = runner.invoke(main, ["cv-compare", str(tmp_path / "base"), str(tmp_path / "ens")])
    assert result.exit_code == 0, result.output
    rows = result.output.splitlines()
    assert rows[2].startswith("| 1 | 0.700 | 0.720 | +0.020 |") and rows[4].startswith("| 3 | 0.600 | 0.590 | -0.010 |")
    assert rows[5].startswith("| mean Δ ± sd (3 folds; F1 up in 2) | 0.700 | 0.707 | +0.007 ± 0.015 |")  # fold 4: not in both
    for other, message in (("empty", "no kept folds"), ("apart", "no fold in common")):
        result = runner.invoke(main, ["cv-compare", str(tmp_path / "base"), str(tmp_path / other)])
        assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output, result.output


@needs_shared_data
def test_train_ner_options_that_do_not_go_together_say_so_in_one_line(tmp_path):
    from click.testing import CliRunner

    from annotate.cli import main

    runner = CliRunner()
    for args, message in (
        (["--seed", "3"], "--seed applies to --final-stage or --cv"),
        (["--cv", "5", "--install"], "--cv only scores the recipe"),
        (["--cv", "1"], "1 is not in the range x>=2"),
        (["--cv", "2", "--fold", "3"], "there are only 2 folds"),
        (["--fold", "1"], "--fold applies to --cv"),
        (["--kept", "somewhere"], "--kept applies to --cv"),
    ):
        result = runner.invoke(main, ["train-ner", "--data", str(SHARED_DATA), "--work", str(tmp_path), *args])
        assert result.exit_code == 2 and message in result.output, result.output
    assert not any(tmp_path.iterdir())  # nothing was trained
    result = runner.invoke(main, ["cv-ensemble", "--data", str(SHARED_DATA), "--cv", "5", "--work", str(tmp_path)])
    assert result.exit_code == 1 and "at least two seeds" in result.output, result.output
    result = runner.invoke(main, ["cv-ensemble", "--data", str(SHARED_DATA), "--cv", "5", "--work", str(tmp_path), "--work", str(tmp_path)])
    assert result.exit_code == 1 and "no fold has a finished tagger" in result.output, result.output


@needs_shared_data
def test_the_prepared_gpu_script_trains_and_brings_back_the_table_and_members(tmp_path):
    """bench/device/train.sh (issue 23, lever 5) is what a lent GPU machine runs: here on CPU, on a tiny
    slice, it must train a fold and a seed side by side and leave cv.md, cv.json and the seed's member
    file under $OUT, so a few minutes of GPU time are not lost to a broken script."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHON=sys.executable, OUT=str(tmp_path / "out"), RUNS=str(tmp_path / "runs"), DATA=str(SHARED_DATA),
               SEEDS="7", FOLDS="1", EXTRA="--limit-sentences 60 --max-steps 2")
    done = subprocess.run(["bash", str(root / "bench" / "device" / "train.sh")], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    out = tmp_path / "out"
    assert {p.name for p in out.iterdir()} == {"cv.md", "cv.json", "ar_ner_anercorp.member-seed7.pt", "logs.tgz"}
    assert [f["fold"] for f in json.loads((out / "cv.json").read_text())["folds"]] == [1]
    assert "| 1 | 12 |" in (out / "cv.md").read_text()
    assert not (root / "annotate" / "ner" / "model" / "ar_ner_anercorp.member-seed7.pt").exists()  # the package is left alone
