"""Score resolution against the hand-written fixtures in tests/resolve_fixtures/ (no registry).

    python -m annotate.resolve.evaluate                 # real tagger → resolve (needs annotate/ner/model/*.pt)
    python -m annotate.resolve.evaluate --simulated     # a deterministic stand-in for the model (see ``simulate``)

Mentions are scored by exact span and label; actors by the mutual-majority mapping between predicted and gold
actors. "Wrongly merged": a predicted actor holding mentions of two or more gold actors. "Wrongly split": a gold
actor whose mentions went to two or more predicted actors.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from annotate.models import Annotation, Article, Mention
from annotate.arabic import fold
from annotate.resolve.names import is_title_word, title_stem
from annotate.tokenize import sentences_in

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "resolve_fixtures"
MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    label: str
    actor: str


def parse_fixture(path: Path) -> tuple[Article, list[Gold]]:
    """Strip the [[name|actor]] marks; return the article and its gold mentions."""
    raw = path.read_text(encoding="utf-8")
    text, gold, pos = [], [], 0
    length = 0
    for m in MARK.finditer(raw):
        text.append(raw[pos : m.start()])
        length += m.start() - pos
        name, actor = m.group(1), m.group(2)
        gold.append(Gold(length, length + len(name), actor.split("-", 1)[0].upper(), actor))
        text.append(name)
        length += len(name)
        pos = m.end()
    text.append(raw[pos:])
    full = "".join(text)
    article = Article(id=path.stem, path=path.name, title=full.split("\n", 1)[0], text=full, date="2024-05-01", body=[(0, len(full))])
    return article, gold


def load_fixtures(folder: Path = FIXTURES) -> list[tuple[Article, list[Gold]]]:
    return [parse_fixture(p) for p in sorted(folder.glob("*.txt"))]


def simulate(article: Article, gold: list[Gold], n0: int = 0) -> Annotation:
    """A stand-in for the model with its usual faults: it misses every third name, takes attached clitics into the
    span (لحفتر) and, every other time, the title in front of a person (الرئيس الروسي فلاديمير بوتين)."""
    sentences = list(sentences_in(article.text, article.body))
    tokens = [t for s in sentences for t in s.tokens]
    starts = {t.end: k for k, t in enumerate(tokens)}
    mentions = []
    for k, g in enumerate(gold, n0):
        if k % 3 == 2:
            continue
        start = next(t.start for t in tokens if t.start <= g.start < t.end)
        if g.label == "PER" and k % 2 == 0 and start == g.start:
            i = next(n for n, t in enumerate(tokens) if t.start == start)
            j = i
            while j > 0 and i - j < 3 and (title_stem(tokens[j - 1].text) or is_title_word(fold(tokens[j - 1].text))):
                j -= 1
                if title_stem(tokens[j].text):
                    start = tokens[j].start
                    break
        mentions.append(Mention(start, g.end, article.text[start : g.end], g.label))
    del starts
    return Annotation(article.id, sentences, mentions, [])


@dataclass
class Scores:
    mentions_gold: int
    mentions_pred: int
    mentions_correct: int
    actors_gold: int
    actors_pred: int
    actors_correct: int
    wrongly_merged: list[str]
    wrongly_split: list[str]

    def line(self) -> str:
        p = self.mentions_correct / self.mentions_pred if self.mentions_pred else 0.0
        r = self.mentions_correct / self.mentions_gold if self.mentions_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        ap = self.actors_correct / self.actors_pred if self.actors_pred else 0.0
        ar = self.actors_correct / self.actors_gold if self.actors_gold else 0.0
        return (
            f"mentions: P {p:.3f} R {r:.3f} F1 {f:.3f} ({self.mentions_correct}/{self.mentions_pred} predicted, {self.mentions_gold} gold)\n"
            f"actors:   P {ap:.3f} R {ar:.3f} ({self.actors_correct} correct of {self.actors_pred} predicted, {self.actors_gold} gold)\n"
            f"wrongly merged: {len(self.wrongly_merged)} {self.wrongly_merged}\n"
            f"wrongly split:  {len(self.wrongly_split)} {self.wrongly_split}"
        )


def score(gold: dict[str, list[Gold]], predicted: dict[str, list[Mention]]) -> Scores:
    gold_at = {(aid, g.start, g.end): g for aid, gs in gold.items() for g in gs}
    pred = [(aid, m) for aid, ms in predicted.items() for m in ms]
    matched = [(gold_at[(aid, m.start, m.end)], m) for aid, m in pred if (aid, m.start, m.end) in gold_at and gold_at[(aid, m.start, m.end)].label == m.label]
    g2p: dict[str, Counter] = defaultdict(Counter)
    p2g: dict[str, Counter] = defaultdict(Counter)
    for g, m in matched:
        g2p[g.actor][m.actor] += 1
        p2g[m.actor][g.actor] += 1
    gold_actors = {g.actor for gs in gold.values() for g in gs}
    pred_actors = {m.actor for _, m in pred}
    correct = sum(
        1 for g, ps in g2p.items()
        if (best := min(ps.items(), key=lambda kv: (-kv[1], kv[0]))[0]) and min(p2g[best].items(), key=lambda kv: (-kv[1], kv[0]))[0] == g
    )
    merged = sorted(f"{p}: {'+'.join(sorted(gs))}" for p, gs in p2g.items() if len(gs) > 1)
    split = sorted(f"{g}: {'+'.join(sorted(ps))}" for g, ps in g2p.items() if len(ps) > 1)
    return Scores(len(gold_at), len(pred), len(matched), len(gold_actors), len(pred_actors), correct, merged, split)


def run(simulated: bool, verbose: bool = False) -> Scores:
    from annotate.resolve import resolve

    fixtures = load_fixtures()
    if simulated:
        docs, n0 = [], 0
        for article, gold in fixtures:
            docs.append((article, simulate(article, gold, n0)))
            n0 += len(gold)
    else:
        from annotate.tag import annotate_articles

        articles = [a for a, _ in fixtures]
        docs = list(zip(articles, annotate_articles(articles)))
    resolution = resolve(docs)
    gold = {a.id: g for a, g in fixtures}
    if verbose:
        _diff(fixtures, resolution)
    return score(gold, resolution.mentions)


def _diff(fixtures, resolution) -> None:
    for article, gold in fixtures:
        got = {(m.start, m.end): m for m in resolution.mentions[article.id]}
        want = {(g.start, g.end): g for g in gold}
        for span in sorted(set(got) | set(want)):
            g, m = want.get(span), got.get(span)
            if g is None or m is None or g.label != m.label:
                print(f"{article.id} {span} {article.text[span[0]:span[1]]!r} gold={g and g.actor} got={m and (m.label, m.actor, m.source)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--simulated", action="store_true", help="use the stand-in model instead of the real tagger")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every span that differs from the gold")
    args = parser.parse_args()
    print(run(args.simulated, args.verbose).line())


if __name__ == "__main__":
    main()
