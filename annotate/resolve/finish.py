"""The last per-article steps of recognizing, kept from one build to the next while what they read holds.

After propagation each article's candidates get the names propagation found in it (``merge_found``), lose
what is no name (``keep_names``), gain the aliases their cues name (``alias_cues``), take their key's
majority label (``Votes``) and, for generic institutions, their article's country (``contextual_keys``).
That is a function of the article's chain result, of the ignores that dropped some of it, of its
propagated names and which of them are too rare, of the vocabulary answers its cues asked, of the label
each key had when the article's turn came, and of the registry's keys. ``TailMemo`` keeps each article's
result with a digest of those inputs, so a rebuild redoes only the articles whose inputs moved.

Label votes are the one order-dependent part: a place the gazetteer found adds a vote for its label,
which decides the label of a key no earlier candidate voted for. Each article records the winning label
of every key it asked about when its turn came (``winners``) and the votes it added (``votes``): a kept
article checks the first and replays the second, so the articles after it see the counts they saw in a
full build.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import Counter
from dataclasses import dataclass, field

from annotate.resolve.blobs import Stored
from annotate.resolve.cues import alias_cues
from annotate.resolve.mapreduce import Query, Recording, Votes
from annotate.resolve.names import Key
from annotate.resolve.propagate import merge_found
from annotate.resolve.recognize import keep_names
from annotate.resolve.spans import ArticleView, Candidate, Vocabulary

Link = tuple[Candidate, Candidate]


@dataclass
class Tail:
    """One article's last steps: a digest of their inputs, the facts they read, and their result."""

    inputs: bytes
    answers: dict[Query, bool]
    winners: dict[Key, str | None]  # label of each key asked, when the article's turn came (None: no votes)
    votes: list[tuple[Key, str]]  # votes the article added (its gazetteer places)
    mark: str
    result: Stored  # pickled (candidates, chain links, cue links) as they left the last steps


@dataclass
class TailState:
    tails: dict[str, Tail] = field(default_factory=dict)
    registry_keys: frozenset = frozenset()


class Labels:
    """``Votes.label_for`` with each key's winner cached until a vote for that key comes in."""

    def __init__(self, votes: Votes) -> None:
        self.votes, self.cache = votes, {}

    def winner(self, key: Key) -> str | None:
        try:
            return self.cache[key]
        except KeyError:
            won = self.cache[key] = self.votes.label_for(key, None)
            return won

    def vote(self, key: Key, label: str) -> None:
        self.votes.counts[key].update([label])
        self.cache.pop(key, None)


def digest(*parts: bytes) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.digest()


def finish(view: ArticleView, cands: list[Candidate], found: list[Candidate], cue_seen: set, vocab: Vocabulary, labels: Labels) -> tuple[list[Candidate], list[Link], dict, dict, list]:
    """One article's last steps but the country marks: (candidates, cue links, answers, winners, votes)."""
    recording = Recording(vocab)
    cands = keep_names(merge_found(cands, found), view.article.text)
    # Cues next to names that only propagation found («دقلو، المعروف بـ"حميدتي"»).
    more = [(a, n) for a, n in alias_cues(view, cands, recording) if (a.article, a.start, a.end) not in cue_seen]
    cands = merge_found(cands, [a for a, _ in more])
    winners: dict[Key, str | None] = {}
    votes: list[tuple[Key, str]] = []
    for c in cands:
        key = c.folded_key
        if key not in winners:
            winners[key] = labels.winner(key)
        won = labels.winner(key)
        c.rekey(won if won is not None else c.label)
        if c.source == "gazetteer":
            labels.vote(key, c.label)
            votes.append((key, c.label))
    return cands, more, recording.answers, winners, votes


def holds(tail: Tail, inputs: bytes, vocab: Vocabulary, labels: Labels) -> bool:
    """Does the last build's result of an article hold now (then its votes are counted again)?"""
    if tail.inputs != inputs or any(vocab.prefer_stem(*q) != answer for q, answer in tail.answers.items()):
        return False
    if any(labels.winner(key) != won for key, won in tail.winners.items()):
        return False
    for key, label in tail.votes:
        labels.vote(key, label)
    return True


def propagated_keys(found: list[Candidate]) -> dict[Key, int]:
    """How often each key was found by propagation in an article (``rare_keys`` reads the corpus' sum)."""
    return dict(Counter(c.folded_key for c in found if c.source == "propagated"))


def inputs_of(article: str, chain: bytes, found: bytes, dropped: tuple, rare: frozenset) -> bytes:
    """The digest of what an article's last steps read besides the vocabulary and the votes (``article``: its
    key, text and tokens included; ``chain``, ``found``: the digests of its chain result and propagated names)."""
    return digest(article.encode(), chain, found, pickle.dumps((dropped, sorted(rare))))
