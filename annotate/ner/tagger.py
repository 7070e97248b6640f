"""Load the entity tagger once per process and tag sentences, mapping every span to character offsets.

Two models can be selected (config key ``ner_model``):

* ``shipped`` (default): the project's own model in ``annotate/ner/model/``, loaded fully offline through
  ``stanza.Pipeline`` with a stub ``resources.json``, ``download_method=None`` and explicit model and
  pretrain paths (without the pretrain stanza would silently tag with random embeddings).
* ``stanza``: stanza's official Arabic NER (``aqmar_charlm``), which a connected machine downloads once with
  ``stanza.download('ar', processors='tokenize,mwt,ner')``.

Both read tokens from the project's tokenizer (``tokenize_pretokenized=True``), so offsets never drift.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from annotate.arabic import normalize_token
from annotate.errors import ModelError
from annotate.models import Mention, Sentence
from annotate.ner.data import entity_spans
from annotate.ner.inference import prepare_for_inference

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
MODEL_DIR = HERE / "model"
MODEL_FILE = MODEL_DIR / "ar_ner_anercorp.pt"
PRETRAIN_FILE = MODEL_DIR / "ar_anercorp.pretrain.pt"
CHARLM_FILES = (MODEL_DIR / "ar_ant_charlm_forward.pt", MODEL_DIR / "ar_ant_charlm_backward.pt")  # when the model uses them
MEMBER_GLOB = "ar_ner_anercorp.member*.pt"  # extra taggers of an ensemble (annotate.ner.ensemble)
STUB_RESOURCES = HERE / "stanza_resources"
MODELS = ("shipped", "stanza")
MAX_TOKENS = 200  # longer "sentences" (a 1 MB line) are tagged in windows of this many tokens
OFFICIAL_HINT = "python -c \"import stanza; stanza.download('ar', processors='tokenize,mwt,ner')\""


@dataclass(frozen=True)
class ModelSpec:
    """Which model to load and how its input is prepared."""

    name: str
    model_path: Path | None
    pretrain_path: Path | None
    normalize: bool
    charlm_paths: tuple[Path, Path] | None = None
    int8: bool = False  # int8 LSTMs (annotate.ner.inference): faster, a few tags differ
    members: tuple[Path, ...] = ()  # more taggers of the same recipe, scores averaged (annotate.ner.ensemble)

    @property
    def version(self) -> str:
        """The model files' contents (part of the annotation cache key).

        By content, not by modification time: a fresh clone (a CI run, a colleague's checkout) has new
        file times, and keying on them re-tagged the whole corpus on every such build."""
        files = [p for p in (self.model_path, self.pretrain_path, *(self.charlm_paths or ())) if p is not None and p.exists()]
        name = self.name + (":int8" if self.int8 else "")
        if not files:
            return name
        version = f"{name}:" + "".join(_file_digest(p, *_stat_key(p)) for p in files)[:64]
        if self.members:  # an ensemble: every member's contents, in order
            version += "+" + "".join(_file_digest(p, *_stat_key(p)) for p in self.members)
        return version


def _stat_key(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


@functools.lru_cache(maxsize=16)
def _file_digest(path: Path, size: int, mtime_ns: int) -> str:
    """SHA-256 of a file, once per process and file state (50 MB of model files: about 0.1 s)."""
    import hashlib

    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()[:16]


def model_spec(name: str = "shipped", model_path: Path | None = None, pretrain_path: Path | None = None, members: Sequence[Path] | None = None) -> ModelSpec:
    """The model to load; ``members`` (default: the ensemble members installed beside the shipped model,
    when the shipped model is the one chosen) are averaged with it."""
    if name == "shipped":
        charlms = _charlms_beside(Path(model_path)) if model_path else None
        charlms = charlms or (CHARLM_FILES if all(p.exists() for p in CHARLM_FILES) else None)
        if members is None:
            members = [] if model_path else installed_members()
        spec = ModelSpec(name, Path(model_path or MODEL_FILE), Path(pretrain_path or PRETRAIN_FILE), normalize=True, charlm_paths=charlms, int8=True)
        return dataclasses.replace(spec, members=tuple(Path(p) for p in members))
    if name == "stanza":
        return ModelSpec(name, None, None, normalize=False)
    raise ModelError(f"ner_model: unknown model {name!r}; choose one of {', '.join(MODELS)}")


def installed_members() -> list[Path]:
    """The ensemble members shipped beside the model (``ar_ner_anercorp.member<N>.pt``), in name order."""
    return sorted(MODEL_DIR.glob(MEMBER_GLOB))


def _charlms_beside(model_path: Path) -> tuple[Path, Path] | None:
    """The character LMs of a model in a ``train-ner`` work folder (``charlm/``) or installed beside it."""
    for folder in (model_path.parent / "charlm", model_path.parent):
        pair = (folder / CHARLM_FILES[0].name, folder / CHARLM_FILES[1].name)
        if all(p.exists() for p in pair):
            return pair
    return None


class EntityTagger:
    """A loaded stanza pipeline plus the glue between our tokens and its tags."""

    def __init__(self, spec: ModelSpec, batch_size: int = 256):
        self.spec = spec
        self.pipeline = _load_pipeline(spec, batch_size)

    def tag(self, documents: Sequence[tuple[str, Sequence[Sentence]]]) -> list[list[Mention]]:
        """Entity mentions of each (text, sentences) document; each document's sentences in one batched call.

        A document is tagged on its own, never batched with another: with int8 LSTMs a sentence's tags can
        depend on the batch it is computed in (activations are scaled per batch), and an article's cached
        annotation must be the same whether it was tagged alone (a one-article rebuild) or with the whole
        corpus. With ``OMP_NUM_THREADS`` of 2 or more, that many documents are tagged at once, each on one
        torch thread: torch releases Python's lock while it computes, so one document's LSTMs run while
        another's batches are built. Offsets come from our tokens: ``text[m.start:m.end] == m.text``.
        """
        workers = min(_torch_threads(), len(documents))
        if workers <= 1:
            return [self._tag_one(text, sentences) for text, sentences in documents]
        from concurrent.futures import ThreadPoolExecutor

        import torch

        torch.set_num_threads(1)
        try:
            with ThreadPoolExecutor(workers) as pool:
                return list(pool.map(lambda document: self._tag_one(*document), documents))
        finally:
            torch.set_num_threads(_torch_threads())

    def _tag_one(self, text: str, sentences: Sequence[Sentence]) -> list[Mention]:
        windows = [s.tokens[at : at + MAX_TOKENS] for s in sentences for at in range(0, len(s.tokens), MAX_TOKENS)]
        mentions: list[Mention] = []
        for tokens, tags in zip(windows, self.tag_words([[t.text for t in w] for w in windows]), strict=True):
            for start, end, label in sorted(entity_spans(tags)):
                first, last = tokens[start].start, tokens[end - 1].end
                mentions.append(Mention(first, last, text[first:last], label))
        return mentions

    def tag_words(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIOES tags for pre-split words (one stanza call; stanza batches inside it)."""
        if not sentences:
            return []
        from stanza.models.common.doc import Document

        # A ready Document (no character offsets: ours are kept on our side) skips the pretokenized path of
        # stanza's tokenize processor, which rebuilds text and offsets that tagging never reads.
        # stanza batches sentences in the order given and pads each batch to its longest sentence (in
        # characters, for the character LMs): sentences of similar length together waste less.
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        document = Document([[{"id": (i,), "text": self._word(w)} for i, w in enumerate(sentences[s], 1)] for s in order])
        doc = self.pipeline(document)
        tags: list[list[str]] = [[] for _ in sentences]
        for at, sentence in zip(order, doc.sentences, strict=True):
            tags[at] = [token.ner for token in sentence.tokens]
        return tags

    def _word(self, text: str) -> str:
        return normalize_token(text) if self.spec.normalize else text


@functools.lru_cache(maxsize=2)
def get_tagger(name: str = "shipped", batch_size: int = 256) -> EntityTagger:
    """The process-wide tagger: loaded once, reused by every article."""
    return EntityTagger(model_spec(name), batch_size)


def release_tagger() -> None:
    """Free the loaded models once tagging is done: no later stage needs them, and with its batches the
    model was a third of a 5,000-article build's peak memory."""
    import ctypes
    import gc

    get_tagger.cache_clear()
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)  # hand freed heap pages back to the system (glibc)
    except (OSError, AttributeError):
        pass


def _one_thread_unless_told() -> None:
    """One torch thread per process unless OMP_NUM_THREADS says otherwise.

    Two torch threads on one GEMM gain little on these small LSTM batches and collapse (8x slower,
    measured) as soon as another process takes a core; with OMP_NUM_THREADS=2, ``EntityTagger.tag``
    instead tags two articles at once on one torch thread each, and ``--jobs`` gives one process per core.
    """
    import torch

    torch.set_num_threads(_torch_threads())


def _torch_threads() -> int:
    return max(1, int(os.environ.get("OMP_NUM_THREADS", "1") or 1))


@contextmanager
def _inference_only_loading(trusted: Sequence[Path | None]):
    """Load the shipped model without two costs that only training needs (together about half the load).

    * stanza's NER trainer builds an SGD optimizer even for tagging; creating a torch optimizer imports
      torch's compiler (``torch._dynamo``, 1.5 s). Tagging never steps it, so none is built.
    * ``torch.load(weights_only=True)`` runs a pure-Python unpickler over the 150,000-word vocabularies
      (1.3 s for the pretrain alone). The two shipped files are part of this package, as trusted as its
      code, so they are read with the C unpickler. Any other file keeps torch's safe default.
    """
    import torch
    from stanza.models.common import utils as stanza_utils

    trusted_paths = {str(p) for p in trusted if p is not None}
    original_load, original_optimizer = torch.load, stanza_utils.get_optimizer

    def load(f, *args, **kwargs):
        if isinstance(f, (str, os.PathLike)) and str(f) in trusted_paths:
            kwargs["weights_only"] = False
        return original_load(f, *args, **kwargs)

    torch.load, stanza_utils.get_optimizer = load, (lambda *args, **kwargs: None)
    try:
        yield
    finally:
        torch.load, stanza_utils.get_optimizer = original_load, original_optimizer


def _load_pipeline(spec: ModelSpec, batch_size: int):
    """The loaded pipeline of either model, made cheaper to run (``annotate.ner.inference``)."""
    pipeline = _stanza_pipeline(spec, batch_size)
    prepare_for_inference(pipeline, int8=spec.int8)
    if spec.members:
        from annotate.ner.ensemble import attach_members

        attach_members(pipeline, spec.members, spec.int8)
    return pipeline


def _stanza_pipeline(spec: ModelSpec, batch_size: int):
    import stanza

    _one_thread_unless_told()
    quiet = {"logging_level": "ERROR", "use_gpu": False, "download_method": None}
    if spec.name == "stanza":
        resources = Path(os.environ.get("STANZA_RESOURCES_DIR", Path.home() / "stanza_resources"))
        if not (resources / "resources.json").exists() or not list((resources / "ar" / "ner").glob("*.pt")):
            raise ModelError(f"ner_model 'stanza': stanza's Arabic NER is not downloaded in {resources}; on a connected machine run: {OFFICIAL_HINT}")
        return stanza.Pipeline("ar", dir=str(resources), processors="tokenize,ner", tokenize_pretokenized=True, ner_batch_size=batch_size, **quiet)
    for path in (spec.model_path, spec.pretrain_path):
        if not path.exists():
            raise ModelError(f"{path}: entity model file missing; reinstall the package or run `python -m annotate train-ner --install`")
    charlms = {}
    if spec.charlm_paths:
        charlms = {"ner_forward_charlm_path": str(spec.charlm_paths[0]), "ner_backward_charlm_path": str(spec.charlm_paths[1])}
    try:
        with _inference_only_loading(trusted=(spec.model_path, spec.pretrain_path, *(spec.charlm_paths or ()))):
            return stanza.Pipeline(
                "ar",
                dir=str(STUB_RESOURCES),
                processors="tokenize,ner",
                tokenize_pretokenized=True,
                ner_model_path=str(spec.model_path),
                ner_pretrain_path=str(spec.pretrain_path),
                ner_batch_size=batch_size,
                allow_unknown_language=True,
                **charlms,
                **quiet,
            )
    except Exception as error:  # stanza raises many types for a truncated or foreign file
        raise ModelError(f"{spec.model_path}: cannot load the entity model ({type(error).__name__}: {error}); restore it with `git checkout -- annotate/ner/model` or retrain") from error
