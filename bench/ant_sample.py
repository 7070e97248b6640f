"""Unlabeled real news to read after a build: a sample of ANT articles as a corpus, and the actors a build
found in it, by label.

The dev set (../shared/realnews) is 30 articles; the failure classes it does not show are found by building
other real news and reading what came out. ANT (../shared/data/ant, Apache 2.0 with a citation licence:
Chouigui et al. 2017) is one line a paragraph; an article starts at a short line without final punctuation
(its headline). Stop 33's rules came from five such samples (docs/registry.md; they were drawn with
keyword lists a little different from ``POLITICS``, so the same lines give other articles here):

    python bench/ant_sample.py write --file ant_multisource_2018.txt.gz --lines 200000:215000 --out /tmp/antc
    python -m annotate site --corpus /tmp/antc --out /tmp/antc-site --cache /tmp/antc-cache
    python bench/ant_sample.py list /tmp/antc-site

Nothing here is a test or a score: a sample has no gold, and the corpus stays outside the repository.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import sys
from pathlib import Path

ANT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ant"
POLITICS = re.compile("وزير|الرئيس|رئيس|حزب|الحكومة|البرلمان|السفير|المتحدث|الأمم المتحدة|الجيش|وكالة|مجلس")


def articles(lines: list[str]) -> list[list[str]]:
    """Paragraph lines cut into articles at each headline-like line (short, no final punctuation)."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if len(line) < 90 and not line.endswith((".", ":", "،")) and len(current) > 2:
            out.append(current)
            current = [line]
        else:
            current.append(line)
    return out + ([current] if current else [])


def write(source: Path, start: int, stop: int, out: Path, count: int) -> int:
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in itertools.islice(handle, start, stop)]
    news = [a for a in articles(lines) if len(a) >= 5 and sum(bool(POLITICS.search(p)) for p in a) >= 3][:count]
    out.mkdir(parents=True, exist_ok=True)
    for k, article in enumerate(news):
        (out / f"ant{k:03d}.txt").write_text(article[0] + "\n\n" + "\n\n".join(article[1:]) + "\n", encoding="utf-8")
    return len(news)


def listing(site: Path) -> str:
    """Every actor of a built site, by label, with its number of mentions: the page to read for errors."""
    actors = json.loads((site / "data" / "actors.json").read_text(encoding="utf-8"))
    rows = []
    for label in ("PER", "ORG", "LOC", "MISC"):
        named = [f"{a['name']} ({a['mentions']})" for a in actors if a["label"] == label]
        rows.append(f"{label} {len(named)}: " + " ; ".join(named))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="write a sample of ANT articles as a corpus folder")
    w.add_argument("--file", default="ant_multisource_2018.txt.gz", help="an ANT file in ../shared/data/ant")
    w.add_argument("--lines", default="200000:215000", help="START:STOP, the lines to read")
    w.add_argument("--out", type=Path, required=True)
    w.add_argument("--count", type=int, default=60)
    show = sub.add_parser("list", help="the actors of a built site, by label")
    show.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    if args.command == "list":
        print(listing(args.site))
        return 0
    source = ANT / args.file
    if not source.exists():
        print(f"{source}: not found (ANT is in ../shared/data/ant beside the checkout)", file=sys.stderr)
        return 1
    start, stop = (int(x) for x in args.lines.split(":"))
    print(f"{write(source, start, stop, args.out, args.count)} articles in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
