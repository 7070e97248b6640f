"""The false-positive check for bare numbers read as years: ``python -m annotate.dates.bare_numbers``.

A bare number (``في 2014``، ``منذ 2019``، ``دستور 2014``) is a date only with evidence, and never a quantity
(``188 عضوا``، ``1200 مقاتل``). This samples random paragraphs of the ANT news corpus (../shared/data/ant,
Apache 2.0; Chouigui, Ben Khiroun, Elayeb, AICCSA 2017), counts the date mentions that are bare numbers,
and prints a sample of them in context for a person to read and judge. Nothing here is tuned on it.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
from pathlib import Path

from annotate.dates import find_dates

ANT = Path(__file__).resolve().parents[3] / "shared" / "data" / "ant"
BARE = re.compile(r"^[0-9٠-٩]{3,4}$")


def paragraphs(folder: Path) -> list[str]:
    """Every line of the ANT files that looks like a paragraph (ten words or more)."""
    out = []
    for path in sorted(folder.glob("*.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            out += [line.strip() for line in lines if len(line.split()) >= 10]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotate.dates.bare_numbers", description=__doc__.splitlines()[0])
    parser.add_argument("--ant", type=Path, default=ANT, help="folder of the ANT .txt.gz files")
    parser.add_argument("--sample", type=int, default=2000, help="random paragraphs to read (default 2000)")
    parser.add_argument("--show", type=int, default=50, help="bare-number mentions to print (default 50)")
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args(argv)
    if not args.ant.is_dir():
        print(f"{args.ant}: no ANT corpus here (it lives in ../shared/data/ant)")
        return 1
    chosen = random.Random(args.seed).sample(paragraphs(args.ant), args.sample)
    mentions, bare = 0, []
    for text in chosen:
        for found in find_dates(text):
            mentions += 1
            if BARE.match(found.text):
                bare.append((text, found))
    print(f"{args.sample} paragraphs: {mentions} date mentions, {len(bare)} of them bare numbers")
    for text, found in random.Random(args.seed).sample(bare, min(args.show, len(bare))):
        left, right = text[max(0, found.start - 40) : found.start], text[found.end : found.end + 30]
        print(f"  {found.value}\t…{left}[{found.text}]{right}…")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
