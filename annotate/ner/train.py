"""Train the shipped Arabic entity tagger with stanza, reproducibly, from ../shared/data.

Steps: labeled data → stanza JSON (train / dev = last 10 %), unlabeled news → fastText vectors →
trimmed pretrain and character language models, then ``stanza.models.ner_tagger --mode train`` in
stages: each tagger but the last tags the unlabeled news, each word's entity-type rates there become five
more columns of its vector (``annotate.ner.type_rates``), and the next tagger trains on those; the last
one is shipped (``type_rates.rounds`` earlier taggers). Every setting comes from ``train.yaml``; the log and the produced files land in the work folder,
and ``--install`` copies the model and pretrain into ``annotate/ner/model/``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

import yaml

from annotate.arabic import normalize_token
from annotate.ner import charlm, data, type_rates, vectors

log = logging.getLogger(__name__)

CONFIG = Path(__file__).with_name("train.yaml")
MODEL_DIR = Path(__file__).with_name("model")
MODEL_FILE = "ar_ner_anercorp.pt"
PRETRAIN_FILE = "ar_anercorp.pretrain.pt"


@dataclass
class Limits:
    """Shrink a run for tests: cap labeled sentences, unlabeled lines and steps."""

    sentences: int | None = None
    unlabeled_lines: int | None = None
    max_steps: int | None = None


def load_config(path: Path = CONFIG) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _fingerprint(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True).encode()).hexdigest()[:12]


def prepare_data(config: dict, data_dir: Path, work: Path, limits: Limits) -> tuple[Path, Path, list]:
    """Write train.json and dev.json; return them and the training sentences."""
    sentences = data.read_conll(data_dir / config["data"]["anercorp_train"])
    if limits.sentences:
        sentences = sentences[: limits.sentences]
    train, dev = data.split_dev(sentences, config["data"]["dev_fraction"])
    data.write_stanza_json(train, work / "train.json")
    data.write_stanza_json(dev, work / "dev.json")
    log.info("data: %d train / %d dev sentences", len(train), len(dev))
    return work / "train.json", work / "dev.json", train


def build_pretrain(config: dict, data_dir: Path, work: Path, train: list, limits: Limits) -> Path:
    """fastText vectors on unlabeled news + training text, cached in the work folder by settings."""
    settings = config["vectors"]
    key = _fingerprint([settings, config["seed"], limits.unlabeled_lines, limits.sentences])
    out = work / f"pretrain-{key}.pt"
    if out.exists():
        log.info("pretrain: reusing %s", out)
        return out
    train_words = [[normalize_token(w) for w, _ in sent] for sent in train]
    paths = [data_dir / p for p in config["data"]["unlabeled"]]
    lines = vectors.clean_lines(paths)
    if limits.unlabeled_lines:
        lines = islice(lines, limits.unlabeled_lines)
    corpus = work / f"corpus-{key}.txt"
    started = time.time()
    counts = vectors.write_corpus(chain(train_words, vectors.tokenized_lines(lines)), corpus)
    model = vectors.train_fasttext(corpus, settings, config["seed"])
    log.info("fastText: %d words in vocabulary, %.0f s", len(model.wv), time.time() - started)
    words = vectors.pretrain_vocabulary(counts, {w for s in train_words for w in s}, settings["vocab_size"])
    vectors.save_pretrain(model.wv, words, out, settings["half_precision"])
    corpus.unlink()
    return out


def stanza_arguments(
    config: dict, train: Path, dev: Path, pretrain: Path, save_dir: Path, limits: Limits, resume: bool = False, charlms: tuple[Path, Path] | None = None
) -> list[str]:
    """The ner_tagger command line for this configuration (the word vectors' width read from ``pretrain``)."""
    tagger = dict(config["tagger"], word_emb_dim=_pretrain_width(pretrain))
    if limits.max_steps:
        tagger["max_steps"] = limits.max_steps
        tagger["eval_interval"] = min(tagger["eval_interval"], max(1, limits.max_steps // 2))
    args = [
        "--mode", "train", "--shorthand", "ar_anercorp", "--train_file", str(train), "--eval_file", str(dev),
        "--wordvec_pretrain_file", str(pretrain), "--save_dir", str(save_dir), "--save_name", MODEL_FILE,
        "--seed", str(config["seed"]), "--log_step", "100",
    ]  # fmt: skip
    if charlms:
        args += ["--charlm", "--charlm_shorthand", "ar_ant", "--charlm_forward_file", str(charlms[0]), "--charlm_backward_file", str(charlms[1])]
    if resume and (save_dir / MODEL_FILE).exists():
        # Continue from the best checkpoint so far (stanza's finetune mode; the step count restarts).
        args += ["--finetune", "--finetune_load_name", str(save_dir / MODEL_FILE)]
    for key, value in tagger.items():
        if isinstance(value, bool):  # stanza spells a switched-off default --no_KEY (an unknown one fails loudly)
            args += [f"--{key}" if value else f"--no_{key}"]
        else:
            args += [f"--{key}", str(value)]
    return args


def _pretrain_width(pretrain: Path) -> int:
    import torch

    return int(torch.load(pretrain, map_location="cpu", weights_only=False)["emb"].shape[1])


def halve_model(source: Path, target: Path) -> None:
    """Store a model's float32 weights as float16 (half the size to ship): the tagger or a character LM.

    stanza loads weights with ``load_state_dict``, which copies them into its float32 parameters,
    so the loaded model computes in float32 as trained; only the stored precision changes.
    """
    import torch

    checkpoint = torch.load(source, map_location="cpu", weights_only=False)
    holder, key = checkpoint, "model"  # the tagger: {"model": state dict, ...}
    if "state_dict" in checkpoint:  # a character LM saved alone
        key = "state_dict"
    elif isinstance(checkpoint.get("model"), dict) and "state_dict" in checkpoint["model"]:  # a charlm checkpoint
        holder, key = checkpoint["model"], "state_dict"
    holder[key] = {name: value.half() if value.dtype == torch.float32 else value for name, value in holder[key].items()}
    torch.save(checkpoint, target, _use_new_zipfile_serialization=False)


def restrict_vocabulary(model_file: Path, pretrain_file: Path, size: int, required: set[str]) -> None:
    """Keep the ``size`` most frequent pretrain words (plus ``required``, the training words) in an installed
    model and its pretrain, consistently: the tagger's word vocabulary is a copy of the pretrain's, and its
    weights do not depend on word indices, so this equals building the pretrain with ``vocab_size: size``
    (the vocabulary is stored most frequent first, training words appended). Dropped words become unknown.
    """
    import torch
    from stanza.models.common.vocab import VOCAB_PREFIX

    model = torch.load(model_file, weights_only=False)
    pretrain = torch.load(pretrain_file, weights_only=False)
    words = pretrain["vocab"]["_id2unit"]
    if model["vocab"]["word"]["_id2unit"] != words:
        raise ValueError(f"{model_file}: its word vocabulary is not its pretrain's")
    prefix = len(VOCAB_PREFIX)
    keep = list(range(prefix)) + [i for i in range(prefix, len(words)) if i < prefix + size or words[i] in required]
    kept = [words[i] for i in keep]
    for vocab in (pretrain["vocab"], model["vocab"]["word"]):
        vocab["_id2unit"] = kept
        vocab["_unit2id"] = {w: i for i, w in enumerate(kept)}
    pretrain["emb"] = pretrain["emb"][torch.tensor(keep)]
    torch.save(pretrain, pretrain_file, _use_new_zipfile_serialization=False)
    torch.save(model, model_file, _use_new_zipfile_serialization=False)


def train_tagger(
    config: dict, train_json: Path, dev_json: Path, pretrain: Path, save_dir: Path, limits: Limits, resume: bool, charlms: tuple[Path, Path] | None
) -> Path:
    """One ``stanza.models.ner_tagger`` run; its best dev checkpoint is ``save_dir/MODEL_FILE``.

    A finished run is marked, so ``--resume`` after a cut in a later stage does not redo the earlier ones."""
    from stanza.models import ner_tagger

    finished = save_dir / "finished"
    if resume and finished.exists():
        log.info("tagger in %s: finished earlier, reused", save_dir)
        return save_dir / MODEL_FILE
    save_dir.mkdir(parents=True, exist_ok=True)
    finished.unlink(missing_ok=True)
    ner_tagger.main(stanza_arguments(config, train_json, dev_json, pretrain, save_dir, limits, resume, charlms))
    finished.write_text("")
    return save_dir / MODEL_FILE


def build_rated_pretrain(
    config: dict, data_dir: Path, work: Path, tagger_files: tuple[Path, Path], pretrain: Path, charlms: tuple[Path, Path] | None, limits: Limits
) -> Path:
    """``pretrain`` plus each word's entity-type rates on the unlabeled news as tagged by an earlier stage's
    model and pretrain (``tagger_files``; ``annotate.ner.type_rates``), cached in the work folder by settings
    and files."""
    from annotate.ner.tagger import EntityTagger, ModelSpec

    settings = config["type_rates"]
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in (*tagger_files, pretrain))).hexdigest()
    out = work / f"pretrain-rated-{_fingerprint([settings, digest, limits.unlabeled_lines])}.pt"
    if out.exists():
        log.info("rated pretrain: reusing %s", out)
        return out
    import torch

    threads = torch.get_num_threads()  # loading a tagger sets torch's threads for tagging; the next stage trains
    try:
        tagger = EntityTagger(ModelSpec("stage", *tagger_files, normalize=True, charlm_paths=charlms, int8=True))
        lines = vectors.clean_lines([data_dir / p for p in config["data"]["unlabeled"]])
        if limits.unlabeled_lines:
            lines = islice(lines, limits.unlabeled_lines)
        counts = type_rates.count_types(tagger.tag_words, vectors.tokenized_lines(lines), settings["tokens"])
    finally:
        torch.set_num_threads(threads)
    type_rates.append_rates(pretrain, counts, out, settings["scale"], settings["smoothing"])
    return out


def install_model(work: Path, charlms: tuple[Path, Path] | None, vocab_size: int | None, training_words: set[str]) -> None:
    """Copy the trained files into the package, weights in half precision, the vocabulary cut to
    ``vocab_size`` words (plus the training words) to fit the size budget."""
    MODEL_DIR.mkdir(exist_ok=True)
    for member in MODEL_DIR.glob("ar_ner_anercorp.member*.pt"):  # trained on the old pretrain: they no longer fit
        log.info("removing ensemble member %s (retrain it with train-ner --final-stage --seed N --install)", member.name)
        member.unlink()
    halve_model(work / MODEL_FILE, MODEL_DIR / MODEL_FILE)
    shutil.copyfile(work / PRETRAIN_FILE, MODEL_DIR / PRETRAIN_FILE)
    if vocab_size:
        restrict_vocabulary(MODEL_DIR / MODEL_FILE, MODEL_DIR / PRETRAIN_FILE, vocab_size, {normalize_token(w) for w in training_words})
    for path in charlms or ():
        halve_model(path, MODEL_DIR / path.name)
    log.info("installed model and pretrain in %s", MODEL_DIR)


def train_ner(
    data_dir: Path, work: Path, install: bool = False, limits: Limits | None = None, config_path: Path = CONFIG, resume: bool = False
) -> Path:
    """Run the whole training; return the trained model file (in ``work``).

    ``resume`` continues from the checkpoint in ``work`` (saved at every dev improvement), so a run cut
    short by the end of a session is not lost.
    """
    import torch

    torch.set_flush_denormal(True)  # tiny gradients as denormals slow CPU training tenfold
    limits = limits or Limits()
    config = load_config(config_path)
    random.seed(config["seed"])
    started = time.time()
    with logging_to(work):
        train_json, dev_json, train = prepare_data(config, data_dir, work, limits)
        pretrain = build_pretrain(config, data_dir, work, train, limits)
        charlms = None
        if config.get("charlm"):
            settings = dict(config["charlm"], **({"max_batches": 0, "eval_steps": -1} if limits.unlabeled_lines else {}))
            charlms = charlm.train_charlms(dict(config, charlm=settings), data_dir, work / "charlm", limits.unlabeled_lines)
        vectors_only = pretrain
        for stage in range(1, config.get("type_rates", {}).get("rounds", 0) + 1):
            earlier = train_tagger(config, train_json, dev_json, pretrain, work / f"stage{stage}", limits, resume, charlms)
            pretrain = build_rated_pretrain(config, data_dir, work, (earlier, pretrain), vectors_only, charlms, limits)
        train_tagger(config, train_json, dev_json, pretrain, work, limits, resume, charlms)
        shutil.copyfile(pretrain, work / PRETRAIN_FILE)
        log.info("training finished in %.0f s", time.time() - started)
        if install:
            install_model(work, charlms, config["vectors"].get("shipped_vocab_size"), {w for s in train for w, _ in s})
    return work / MODEL_FILE


@contextmanager
def logging_to(work: Path):
    """Log annotate's and stanza's progress to ``work/train.log`` (appended: a resumed run keeps its history)."""
    work.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(work / "train.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    for name in ("annotate", "stanza"):
        logging.getLogger(name).addHandler(handler)
        logging.getLogger(name).setLevel(logging.INFO)
    try:
        yield
    finally:
        for name in ("annotate", "stanza"):
            logging.getLogger(name).removeHandler(handler)
        handler.close()
