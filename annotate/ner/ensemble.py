"""Several taggers of the shipped recipe (other seeds) tagging as one: their scores averaged, one decode.

Taggers trained by ``train-ner --final-stage`` share the pretrain and the character LMs, and differ
only in what training changed: the word-vector corrections (``delta_emb``), the input layer, the
BiLSTM, the output layer and the CRF transitions. An ensemble computes the shared parts once per
batch (pretrain lookups, both character LMs: most of the work), runs each member's own layers on
them, averages the members' emission scores and their transitions, and decodes once with Viterbi.

An extra member ships as a *member file* (``write_member``): only its own layers, by default with its
2-D weights stored as int8 with one float16 scale per row (a quarter of float32), since the shipped
model, its vocabularies and the pretrain are already in the package. A stanza model file works as a
member too (its own layers are read from it).
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from annotate.errors import ModelError

OWN_LAYERS = ("delta_emb.", "input_transform.", "taggerlstm.", "tag_clfs.0.", "crits.0.")
FORMAT = "annotate-ner-member/1"


def own_weights(state: dict) -> dict:
    """The weights a member does not share with the others (a stanza NER state dict's own layers)."""
    return {name: value for name, value in state.items() if name.startswith(OWN_LAYERS)}


def vocab_digest(vocab_state: dict) -> str:
    """A digest of a stanza vocabulary's words in order: members must index words and tags alike."""
    return hashlib.sha256(json.dumps(vocab_state.get("_id2unit", vocab_state), ensure_ascii=False, default=str).encode()).hexdigest()[:16]


def write_member(model_file: Path, target: Path, int8: bool = True) -> None:
    """Store a trained tagger's own layers as a member file (2-D weights int8 + per-row scales, or float16)."""
    import torch

    checkpoint = torch.load(model_file, map_location="cpu", weights_only=False)
    stored = {}
    for name, value in own_weights(checkpoint["model"]).items():
        value = value.float()
        if int8 and value.dim() == 2 and not name.startswith("crits."):
            scale = value.abs().amax(1, keepdim=True).clamp(min=1e-12) / 127
            stored[name] = {"int8": torch.round(value / scale).to(torch.int8), "scale": scale.half()}
        else:
            stored[name] = value.half()
    member = {
        "format": FORMAT,
        "weights": stored,
        "config": {k: checkpoint["config"][k] for k in ("word_emb_dim", "hidden_dim", "num_layers", "seed")},
        "vocab_digests": {k: vocab_digest(checkpoint["vocab"][k]) for k in ("word", "delta", "tag")},
    }
    torch.save(member, target)  # the zip format names storages in order: the same tagger gives the same bytes


def read_member(path: Path) -> tuple[dict, dict, dict]:
    """(float32 own weights, config, vocabulary digests) of a member file or a stanza model file."""
    import torch

    try:
        checkpoint = torch.load(path, map_location="cpu", weights_only=False)
    except Exception as error:  # a truncated or foreign file
        raise ModelError(f"{path}: cannot read the ensemble member ({type(error).__name__}: {error}); restore it or retrain it") from error
    if checkpoint.get("format") == FORMAT:
        weights = {n: (v["int8"].float() * v["scale"].float() if isinstance(v, dict) else v.float()) for n, v in checkpoint["weights"].items()}
        return weights, checkpoint["config"], checkpoint["vocab_digests"]
    if "model" in checkpoint and "vocab" in checkpoint:
        digests = {k: vocab_digest(checkpoint["vocab"][k]) for k in ("word", "delta", "tag")}
        return {n: v.float() for n, v in own_weights(checkpoint["model"]).items()}, checkpoint["config"], digests
    raise ModelError(f"{path}: not an entity tagger or ensemble member file")


def attach_members(pipeline, member_files, int8: bool) -> None:
    """Make a loaded pipeline's NER model an ensemble of itself and ``member_files`` (in place; with no
    files, an ensemble of one, which tags as the model does)."""
    trainer = pipeline.processors["ner"].trainers[0]
    base = trainer.model
    own = {k: vocab_digest(trainer.vocab[k].state_dict()) for k in ("word", "delta", "tag")}
    heads = [_head_class().of(base)]
    for path in member_files:
        weights, config, digests = read_member(Path(path))
        if digests != own or config["word_emb_dim"] != base.args["word_emb_dim"]:
            raise ModelError(f"{path}: this member was trained with other vocabularies or vectors than the shipped model; retrain it with `train-ner --final-stage`")
        heads.append(_head_class().load(weights, config, base, int8))
    trainer.model = _ensemble(base, heads)


@functools.cache
def _head_class():
    import torch
    from stanza.models.common.packed_lstm import PackedLSTM

    class Head(torch.nn.Module):
        """One member's own layers."""

        def __init__(self, delta_emb, input_transform, taggerlstm, tag_clf, transitions, h_init, c_init):
            super().__init__()
            self.delta_emb, self.input_transform, self.taggerlstm, self.tag_clf = delta_emb, input_transform, taggerlstm, tag_clf
            self.register_buffer("transitions", transitions)
            self.register_buffer("h_init", h_init)
            self.register_buffer("c_init", c_init)

        @classmethod
        def of(cls, model):
            """The loaded model's own layers, shared with it (already int8 where the model is)."""
            return cls(model.delta_emb, model.input_transform, model.taggerlstm, model.tag_clfs[0], model.crits[0]._transitions, model.taggerlstm_h_init, model.taggerlstm_c_init)

        @classmethod
        def load(cls, weights, config, base, int8):
            from annotate.ner.inference import int8_copy

            def part(prefix):
                return {n[len(prefix) :]: v for n, v in weights.items() if n.startswith(prefix)}

            delta = torch.nn.Embedding(*weights["delta_emb.weight"].shape)
            delta.load_state_dict(part("delta_emb."))
            transform = torch.nn.Linear(*reversed(weights["input_transform.weight"].shape))
            transform.load_state_dict(part("input_transform."))
            lstm = PackedLSTM(transform.out_features, config["hidden_dim"], config["num_layers"], batch_first=True, bidirectional=True)
            lstm.load_state_dict(part("taggerlstm."))
            clf = torch.nn.Linear(*reversed(weights["tag_clfs.0.weight"].shape))
            clf.load_state_dict(part("tag_clfs.0."))
            if int8:
                lstm.lstm = int8_copy(lstm.lstm, torch.nn.LSTM)
                transform = int8_copy(transform, torch.nn.Linear)
            head = cls(delta, transform, lstm, clf, weights["crits.0._transitions"], base.taggerlstm_h_init.detach().clone(), base.taggerlstm_c_init.detach().clone())
            return head.eval()

    return Head


def _ensemble(base, heads):
    import torch
    from stanza.models.common.vocab import PAD_ID, UNK_ID
    from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

    class EnsembleTagger(torch.nn.Module):
        """Stands in for stanza's NERTagger at prediction: the same inputs, the averaged scores out.

        Only tagging calls it (eval mode: stanza's dropouts are identities there, so they are left out)."""

        def __init__(self):
            super().__init__()
            self.base, self.heads = base, torch.nn.ModuleList(heads)
            self.bert_tokenizer = None  # read by stanza's NER processor

        @property
        def charmodel_forward(self):  # the character LMs every member shares
            return self.base.charmodel_forward

        @property
        def charmodel_backward(self):
            return self.base.charmodel_backward

        def forward(self, sentences, wordchars, wordchars_mask, tags, word_orig_idx, sentlens, wordlens, chars, charoffsets, charlens, char_orig_idx):
            with torch.no_grad():
                return self._scores(sentences, chars, charoffsets, charlens, char_orig_idx, sentlens)

        def _scores(self, sentences, chars, charoffsets, charlens, char_orig_idx, sentlens):
            base, args, vocab = self.base, self.base.args, self.base.vocab
            static_words, _ = base.extract_static_embeddings(args, sentences, vocab["word"])
            delta_words, _ = base.extract_static_embeddings(args, sentences, vocab["delta"])
            delta_words[torch.eq(delta_words, UNK_ID) * torch.not_equal(static_words, UNK_ID)] = PAD_ID
            static = base.word_emb(static_words)
            forward = base.charmodel_forward.get_representation(chars[0], charoffsets[0], charlens, char_orig_idx)
            backward = base.charmodel_backward.get_representation(chars[1], charoffsets[1], charlens, char_orig_idx)
            batch_sizes = forward.batch_sizes
            batch = len(sentences)
            logits, transitions = [], []
            for head in self.heads:
                words = pack_padded_sequence(static + head.delta_emb(delta_words), sentlens, batch_first=True).data
                inputs = torch.cat([words, forward.data, backward.data], 1)
                if head.input_transform is not None:
                    inputs = head.input_transform(inputs)
                layers = args["num_layers"]
                hx = (head.h_init.expand(2 * layers, batch, args["hidden_dim"]).contiguous(), head.c_init.expand(2 * layers, batch, args["hidden_dim"]).contiguous())
                outputs, _ = head.taggerlstm(PackedSequence(inputs, batch_sizes), sentlens, hx=hx)
                scores = head.tag_clf(outputs.data)
                logits.append(pad_packed_sequence(PackedSequence(scores, batch_sizes), batch_first=True)[0].contiguous())
                transitions.append(head.transitions)
            return 0, [torch.stack(logits).mean(0)], [torch.stack(transitions).mean(0)]

    return EnsembleTagger().eval()
