"""Fill a build cache with the annotations of a synthetic corpus without running the entity model.

    python bench/pretag.py CORPUS CACHE

For the 100,000-article run of ``bench/scale.py``: tagging that many articles takes about 40 minutes on
two cores (measured at 10,000: see docs/scale.md), longer than the stages after it that the run measures.
The synthetic corpus (``bench/synthetic.py``) knows its names, so each article's entity mentions are the
places where those names occur (longest first, after a one-letter clitic at most), and its dates are read
by the project's own date rules, exactly as the tag stage reads them. The entries go under the keys the
build computes, so ``annotate site`` finds every article cached and tags none; the tag stage's cost is the
10,000-article figure scaled, and is reported as such.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import ORGS, PEOPLE, PLACES  # noqa: E402

NAMES = sorted([(n, "PER") for n in PEOPLE] + [(n, "ORG") for n in ORGS] + [(n, "LOC") for n in PLACES], key=lambda p: -len(p[0]))
LABEL = dict(NAMES)
# A name after a space, the start of a line or one of the clitic letters و ب ل ف ك, and before a non-letter.
PATTERN = re.compile(r"(?:(?<=[\s(])|^|(?<=[\s(][وبلفك]))(" + "|".join(re.escape(n) for n, _ in NAMES) + r")(?![\u0621-\u064a])", re.M)


def synthetic_mentions(text: str, spans: list[tuple[int, int]]):
    from annotate.models import Mention

    found = []
    for start, end in spans:
        for match in PATTERN.finditer(text, start, end):
            found.append(Mention(match.start(1), match.end(1), match.group(1), LABEL[match.group(1)]))
    return found


def pretag(corpus: Path, cache_folder: Path) -> int:
    """Write a cache entry for every article of ``corpus`` that has none; returns how many were written."""
    from annotate.cache import AnnotationCache, article_key, tagger_version
    from annotate.dates import find_dates
    from annotate.models import Annotation
    from annotate.ner.tagger import model_spec
    from annotate.pipeline import BuildReport, ingest_corpus
    from annotate.tag import body_spans, without_dates

    articles = ingest_corpus(corpus, keep_going=True, report=BuildReport(), cache=cache_folder)
    cache = AnnotationCache(cache_folder)
    version = tagger_version(model_spec("shipped").version)
    written = 0
    for article in articles:
        key = article_key(article, version)
        if cache.get(key) is not None:
            continue
        dates = find_dates(article.text, article.date)
        mentions = without_dates(synthetic_mentions(article.text, body_spans(article)), dates)
        cache.put(key, Annotation(article.id, [], mentions, dates))
        written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("cache", type=Path)
    args = parser.parse_args()
    started = time.perf_counter()
    written = pretag(args.corpus, args.cache)
    print(f"pretagged {written} articles in {time.perf_counter() - started:.1f} s", flush=True)


if __name__ == "__main__":
    main()
