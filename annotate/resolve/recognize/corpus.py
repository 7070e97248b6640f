"""The recognizing steps over a whole corpus, in order, with the evidence each one needs.

Called by ``resolve.resolve`` on the trimmed model spans of every article (before label votes and
propagation): filters and phrases, clitics by whole name, trailing accusatives, places glued to people,
pieces of known full names; then, after ``runons`` has cut run-on spans, the و-pieces of one name.
"""

from __future__ import annotations

from annotate.arabic import fold
from annotate.resolve.names import Evidence
from annotate.resolve.recognize import lexicon
from annotate.resolve.recognize.clitics import repair_clitics
from annotate.resolve.recognize.phrases import KnownNames
from annotate.resolve.recognize.pieces import extend_to_full_names, full_names, join_conjunction_pieces, places_and_capitals, trim_edges
from annotate.resolve.spans import ArticleView, Candidate
from annotate.resolve.variants import variant_word

Cands = dict[str, list[Candidate]]
Names = list[tuple[str, tuple[str, ...]]]  # (label, folded words) of the registry's names


def recognize_corpus(views: dict[str, ArticleView], cands: Cands, registry: Names, places, vocab: Evidence) -> Cands:
    from annotate.resolve.recognize import recognize_more

    known = _known_names(cands, registry, places)
    registry_known = KnownNames.of(words for _, words in registry)
    cands = {aid: recognize_more(views[aid], cs, known, vocab, registry_known) for aid, cs in cands.items()}
    spans, strong = _clitic_evidence(cands, registry, places)
    spans = frozenset(spans)
    cands = {aid: repair_clitics(views[aid], cs, spans, strong) for aid, cs in cands.items()}
    person_words, strong_words = person_name_words(cands, registry)
    cands = {aid: trim_edges(views[aid], cs, person_words, strong_words, vocab) for aid, cs in cands.items()}
    one_word_places = {fold(p.name) for p in places if " " not in p.name}
    cands = {aid: places_and_capitals(views[aid], cs, one_word_places, vocab) for aid, cs in cands.items()}
    names = full_names(cands)
    return {aid: extend_to_full_names(views[aid], cs, names, vocab) for aid, cs in cands.items()}


def join_pieces(views: dict[str, ArticleView], cands: Cands, registry: Names, vocab: Evidence) -> Cands:
    person_words, _ = person_name_words(cands, registry)
    return {aid: join_conjunction_pieces(views[aid], cs, person_words, vocab) for aid, cs in cands.items()}


def _known_names(cands: Cands, registry: Names, places) -> KnownNames:
    """Folded names an institution phrase may contain: the corpus' spans, the registry, places, the lexicon."""
    from annotate.resolve import name_words

    names = [c.folded for cs in cands.values() for c in cs if c.label in ("ORG", "LOC")]
    names += [words for label, words in registry if label in ("ORG", "LOC")] + [name_words(p.name) for p in places]
    names += [n.words for n in lexicon.names() if n.label in ("ORG", "LOC")]
    return KnownNames.of(names)


def _clitic_evidence(cands: Cands, registry: Names, places) -> tuple[set[tuple], set[tuple]]:
    """Folded names for ``clitics``: the corpus' spans and the surnames of its full person names; the
    registry's, the places' and the lexicon's names."""
    from annotate.resolve import name_words

    spans = {c.folded for cs in cands.values() for c in cs}
    spans |= {c.folded[-1:] for cs in cands.values() for c in cs if c.label == "PER" and len(c.folded) > 1}
    strong = {words for _, words in registry} | {name_words(p.name) for p in places} | {n.words for n in lexicon.names()}
    return spans, strong


def person_name_words(cands: Cands, registry: Names) -> tuple[set[str], set[str]]:
    """Spelling buckets of the words of person names: the corpus' and the strong ones; the lexicon's and
    the registry's alone."""
    corpus = {variant_word(w) for cs in cands.values() for c in cs if c.label == "PER" for w in c.folded}
    strong = {variant_word(w) for n in lexicon.names() if n.label == "PER" for w in n.words}
    strong |= {variant_word(w) for label, words in registry if label == "PER" for w in words}
    return corpus | strong, strong
