"""The shipped entity tagger: offline loading, real spans on seed sentences, training and the tag command."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys

import pytest

from annotate.ner.data import clean_tag, entity_spans, read_conll
from annotate.tag import annotate_text
from tests.conftest import MODEL, ROOT, SHARED_DATA, needs_shared_data

needs_model = pytest.mark.skipif(not MODEL.exists(), reason=f"shipped model {MODEL} not present")


def spans(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.label) for m in annotate_text(text).mentions}


@pytest.fixture()
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@needs_model
def test_shipped_model_loads_offline_and_tags_seed_sentences(no_network):
    from annotate.ner.tagger import EntityTagger, model_spec

    tagger = EntityTagger(model_spec("shipped"))  # a fresh load, with sockets blocked
    text = "استقبل الرئيس الروسي فلاديمير بوتين، ووزير الدفاع الروسي سيرغي شويغو، في العاصمة موسكو، اللواء المتقاعد خليفة حفتر."
    from annotate.tokenize import sentences_in

    found = {(m.text, m.label) for m in tagger.tag([(text, list(sentences_in(text)))])[0]}
    assert ("فلاديمير بوتين", "PER") in found
    assert ("خليفة حفتر", "PER") in found
    assert ("موسكو", "LOC") in found


@needs_model
def test_offsets_point_into_the_original_text():
    text = "وقال التقرير الذي ترجمته \"عربي21\" إن حفتر أخبر وزير الدفاع الروسي سيرغي شويغو بأن\nالجيش المصري وافق على \"إعلام\" الروس."
    annotation = annotate_text(text)
    assert annotation.mentions
    for mention in annotation.mentions:
        assert text[mention.start : mention.end] == mention.text
    assert ("سيرغي شويغو", "PER") in {(m.text, m.label) for m in annotation.mentions}


@needs_model
def test_places_and_organizations_in_seed_sentences():
    found = spans("وزادت روسيا دعمها لحفتر في أثناء هجومه على طرابلس، ودخلت السفينة ميناء طبرق في شرق ليبيا.")
    assert ("روسيا", "LOC") in found
    assert ("طرابلس", "LOC") in found
    assert ("ليبيا", "LOC") in found


def run_tag(*args: str, stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "annotate", "tag", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=300
    )


@needs_model
def test_tag_command_whole_text_and_lines():
    lines = [
        "استقبل الرئيس الروسي فلاديمير بوتين اللواء المتقاعد خليفة حفتر في موسكو.",
        "",
        "وزار حفتر العاصمة الروسية موسكو والتقى وزير الدفاع الروسي سيرغي شويغو.",
        "نص بلا أسماء.",
    ]
    result = run_tag("--lines", "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in records] == lines  # order and count kept, empty line included
    assert ("سيرغي شويغو", "PER") in {(e["text"], e["label"]) for e in records[2]["entities"]}
    assert records[1]["entities"] == [] and records[3]["entities"] == []
    for record in records:
        assert set(record) == {"text", "entities", "dates"}
        for entity in record["entities"]:
            assert record["text"][entity["start"] : entity["end"]] == entity["text"]
    whole = run_tag("-", stdin="\n".join(lines))
    assert whole.returncode == 0, whole.stderr
    record = json.loads(whole.stdout)
    assert record["text"] == "\n".join(lines)
    assert any(e["text"] == "خليفة حفتر" for e in record["entities"])


def test_official_model_not_downloaded_gives_one_line(tmp_path, monkeypatch):
    from annotate.errors import ModelError
    from annotate.ner.tagger import EntityTagger, model_spec

    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(ModelError, match=r"stanza.download\('ar'") as error:
        EntityTagger(model_spec("stanza"))
    assert "\n" not in str(error.value)


def test_missing_model_file_is_a_clear_error(tmp_path):
    from annotate.errors import ModelError
    from annotate.ner.tagger import EntityTagger, model_spec

    with pytest.raises(ModelError, match="missing"):
        EntityTagger(model_spec("shipped", tmp_path / "none.pt", tmp_path / "none.pretrain.pt"))
    corrupt = tmp_path / "corrupt.pt"
    corrupt.write_bytes(b"not a model")
    pretrain = tmp_path / "p.pt"
    pretrain.write_bytes(b"junk")
    with pytest.raises(ModelError, match="corrupt.pt"):
        EntityTagger(model_spec("shipped", corrupt, pretrain))


def test_model_version_follows_the_files_contents_not_their_times(tmp_path):
    """A fresh clone has new file times: the annotation cache must still recognise the model."""
    from annotate.ner.tagger import ModelSpec

    files = [tmp_path / name for name in ("model.pt", "pretrain.pt")]
    for file in files:
        file.write_bytes(file.name.encode() * 1000)
    spec = ModelSpec("shipped", files[0], files[1], normalize=True)
    before = spec.version
    os.utime(files[0], (1, 1))
    assert spec.version == before
    files[1].write_bytes(b"another vocabulary")
    assert spec.version != before


@needs_model
def test_shipped_files_fit_the_size_budget():
    """Model, pretrain, character LMs and ensemble members ship in the repository: 60 MB at most together
    (the budget since issue 23)."""
    assert sum(path.stat().st_size for path in MODEL.parent.glob("*.pt")) <= 60_000_000


@needs_model
def test_shipped_pretrain_carries_the_type_rates():
    """The shipped tagger reads five rate columns after each word's vector; a frequent name has its type's."""
    import torch

    from annotate.arabic import normalize_token
    from annotate.ner.type_rates import COLUMNS, TYPES

    pretrain = torch.load(MODEL.parent / "ar_anercorp.pretrain.pt", weights_only=False)
    model = torch.load(MODEL, weights_only=False)
    assert pretrain["emb"].shape[1] == model["config"]["word_emb_dim"] == 100 + COLUMNS
    ids = pretrain["vocab"]["_unit2id"]
    for word, label in (("روسيا", "LOC"), ("ترامب", "PER"), ("قال", None)):
        rates = pretrain["emb"][ids[normalize_token(word)], 100:].float().tolist()
        if label is None:
            assert max(rates) < 0.2, (word, rates)
        else:
            assert max(rates[: len(TYPES)]) == rates[TYPES.index(label)] > 1, (word, rates)


def test_tag_cleaning_and_spans():
    assert [clean_tag(t) for t in ["B-PERS", "I--ORG", "B-MIS1`", "B-MISS1", "OO", "IO", "B-ENGLISH", "I-MIS3"]] == [
        "B-PER", "I-ORG", "B-MISC", "B-MISC", "O", "O", "O", "I-MISC",
    ]  # fmt: skip
    assert entity_spans(["B-PER", "I-PER", "O", "S-LOC", "B-ORG", "E-ORG"]) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 6, "ORG")}


@needs_shared_data
def test_aqmar_tags_are_cleaned():
    tags = {t for f in (SHARED_DATA / "aqmar").glob("*.txt") for s in read_conll(f) for _, t in s}
    assert tags <= {"O"} | {f"{p}-{k}" for p in "BI" for k in ("PER", "ORG", "LOC", "MISC")}


@needs_shared_data
@pytest.mark.slow
def test_trainer_runs_end_to_end_on_a_tiny_slice(tmp_path):
    import torch

    from annotate.ner.train import Limits, train_ner
    from annotate.ner.type_rates import COLUMNS

    model = train_ner(SHARED_DATA, tmp_path, limits=Limits(sentences=60, unlabeled_lines=300, max_steps=4))
    log = (tmp_path / "train.log").read_text(encoding="utf-8")
    assert model.exists() and log.count("step") > 0 and "type rates:" in log
    assert (tmp_path / "train.json").exists() and (tmp_path / "dev.json").exists()
    assert (tmp_path / "stage1" / "finished").exists() and (tmp_path / "finished").exists()
    first = torch.load(tmp_path / "stage1" / model.name, weights_only=False)["config"]["word_emb_dim"]
    rated = torch.load(tmp_path / "ar_anercorp.pretrain.pt", weights_only=False)["emb"]
    assert rated.shape[1] == first + COLUMNS == torch.load(model, weights_only=False)["config"]["word_emb_dim"]
    seen, tagged = map(int, re.search(r"type rates: (\d+) of \d+ pretrain words seen in (\d+) tagged tokens", log).groups())
    assert seen > 100 and tagged > 1000  # the first tagger read the unlabeled lines (4 steps tag nothing yet)


def test_type_rates_count_what_the_tagger_said():
    from annotate.ner.type_rates import TypeCounts, count_types, windows

    counts = TypeCounts()
    counts.add(["قال", "دونالد", "ترامب"], ["O", "B-PER", "E-PER"])
    counts.add(["ترامب", "في", "موسكو"], ["S-PER", "O", "S-LOC"])
    counts.add(["ترامب", "يقول"], ["O", "O"])
    assert counts.rates("ترامب", smoothing=1) == [2 / 4, 0, 0, 0, 1 / 4]  # PER, ORG, LOC, MISC, begins
    assert counts.rates("موسكو", smoothing=1) == [0, 0, 1 / 2, 0, 1 / 2]
    assert counts.rates("قال", smoothing=1) == [0] * 5 and counts.rates("غائب", smoothing=1) == [0] * 5
    paragraph = ["أ"] * 7 + ["."] + ["ب"] * 3 + ["."] + ["ج"] * 130
    assert [len(w) for w in windows([paragraph])] == [8, 60, 60, 14]  # cut at a sentence end once 8 long, else at 60
    seen = []
    counted = count_types(lambda batch: seen.append(len(batch)) or [["O"] * len(w) for w in batch], [paragraph] * 5, token_budget=300, batch=4)
    assert seen == [4, 4, 4] and counted.tokens == 3 * 142  # stops at the first batch past the budget


def test_resumed_charlm_streams_start_where_the_checkpoint_stopped():
    """stanza reads the text as rows (streams) and restarts a resumed epoch from the first column; the
    rotated text makes both directions read their unread part first, then the rest, nothing lost."""
    from annotate.ner.charlm import rotated_for_resume

    text = "".join(chr(0x0627 + i % 30) for i in range(4 * 10 + 3))  # 4 streams of 10 characters, 3 left over
    rotated = rotated_for_resume(text, streams=4, done=3)
    assert sorted(rotated) == sorted(text) and rotated[-3:] == text[-3:]
    rows = [text[i * 10 : (i + 1) * 10] for i in range(4)]
    new_rows = [rotated[i * 10 : (i + 1) * 10] for i in range(4)]
    assert [r[:7] for r in new_rows] == [r[3:] for r in rows]  # forward: the unread 7 characters first
    backward = rotated[: 4 * 10][::-1]
    backward_rows = [backward[i * 10 : (i + 1) * 10] for i in range(4)]
    read_backward = [r[::-1][7:][::-1] for r in reversed(rows)]  # what the backward model had read: each row's end
    assert all(row[:3] not in done for row, done in zip(backward_rows, read_backward))
    assert rotated_for_resume(text, streams=4, done=0) == text


@needs_model
def test_inference_changes_keep_the_tags():
    """Skipping the character LMs' unused next-character scores changes no tag; int8 LSTMs change few."""
    import dataclasses

    import torch

    from annotate.ner.evaluate import score
    from annotate.ner.tagger import EntityTagger, model_spec
    from annotate.tokenize import sentences_in
    from tests.conftest import seed_texts

    sentences = [[t.text for t in s.tokens] for text in seed_texts().values() for s in sentences_in(text)][:120]
    spec = model_spec("shipped")
    exact = EntityTagger(dataclasses.replace(spec, int8=False))
    lm = exact.pipeline.processors["ner"].trainers[0].model.charmodel_forward
    tags = exact.tag_words(sentences)
    lm.decoder = torch.nn.Linear(lm.hidden_dim(), len(lm.vocab["char"]))  # an output layer back, random weights
    assert exact.tag_words(sentences) == tags  # its scores are never read: the tags do not change
    fast = EntityTagger(dataclasses.replace(spec, int8=True))
    agreement = score(tags, fast.tag_words(sentences)).prf()[2]  # entity-level F1 of int8 against float32
    print(f"int8/float32 entity agreement: F1 {agreement:.3f}")
    assert agreement >= 0.9, f"int8 entities agree with float32 at F1 {agreement:.3f}"
    assert spec.int8  # the build runs the shipped model in int8
    assert dataclasses.replace(spec, int8=False).version != spec.version  # cached annotations follow the mode


def test_viterbi_decoder_matches_stanzas():
    import numpy as np
    from stanza.models.common.crf import viterbi_decode as stanzas

    from annotate.ner.inference import viterbi_decode

    rng = np.random.default_rng(7)
    for length in [1, 2, 5, 40, 200]:
        for _ in range(20):
            scores = rng.normal(size=(length, 21)).astype(np.float32)
            transitions = rng.normal(size=(21, 21)).astype(np.float32)
            scores[:, 3] = scores[:, 4]  # ties are broken the same way
            path, best = stanzas(scores, transitions)
            assert viterbi_decode(scores, transitions) == ([int(t) for t in path], float(best))


@needs_model
def test_documents_are_tagged_alone_and_threads_change_nothing(monkeypatch):
    """An article gets the same mentions whether it is tagged alone or with others, on one thread or two."""
    from annotate.ner.tagger import get_tagger
    from annotate.tokenize import sentences_in
    from tests.conftest import seed_texts

    documents = [(text, list(sentences_in(text))) for text in seed_texts().values()]
    tagger = get_tagger()
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    together = tagger.tag(documents)
    alone = [tagger.tag([document])[0] for document in documents]
    import torch

    threads = torch.get_num_threads()
    monkeypatch.setenv("OMP_NUM_THREADS", "2")
    try:
        threaded = tagger.tag(documents)
    finally:
        torch.set_num_threads(threads)  # tag() leaves torch at OMP_NUM_THREADS; later tests keep theirs
    assert together == alone == threaded
    assert sum(map(len, together)) > 100
