"""How often the usual English spelling finds a person's Latin name: every person of the real-news dev set.

    python bench/latin_names.py

The gold ids of ../shared/realnews/gold.yml are English slugs (rached-ghannouchi); a person counts as found
when the slug's last word finds ``latin_name`` of the first gold form the way the browser search compares
names (tests/test_search_latin.py ``found_by``). Prints the rate and the misses.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotate.resolve.latin import latin_name  # noqa: E402
from tests.test_search_latin import found_by  # noqa: E402

GOLD = ROOT.parent / "shared" / "realnews" / "gold.yml"


def main() -> None:
    if not GOLD.is_file():
        raise SystemExit(f"needs the real-news dev set at {GOLD}")
    people: dict[str, str] = {}
    for article in yaml.safe_load(GOLD.read_text(encoding="utf-8")).values():
        for actor_id, (label, forms) in (article.get("actors") or {}).items():
            if label == "PER" and forms:
                people.setdefault(actor_id, forms[0])
    misses = [(a, f, latin_name(f)) for a, f in people.items() if not found_by(a.split("-")[-1], latin_name(f))]
    print(f"found by surname: {len(people) - len(misses)} of {len(people)} people")
    for actor_id, form, latin in misses:
        print(f"  missed {actor_id}: {form} → {latin}")


if __name__ == "__main__":
    main()
