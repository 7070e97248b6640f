"""Pagefind against the site's own search, on the same queries over the same built site.

    python -m venv /tmp/pf && /tmp/pf/bin/pip install "pagefind[bin]==1.5.2"
    python bench/pagefind_eval.py SITE_DIR --pagefind-python /tmp/pf/bin/python

Copies SITE_DIR (a site built by ``python -m annotate site``), indexes the copy with Pagefind's bundled
binary, and asks both searches, in Chromium, for issue 20's queries and the normalization cases
(hamza, clitics, shadda): the actor that must come first. Pagefind is asked twice: the query as typed, and
the query folded by ``annotate.arabic.fold`` (our normalization layered on). Prints each query and the
count each search gets right, and the bytes each fetched for one query (gzip as served).
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotate.arabic import fold  # noqa: E402
from tests.browser import CHROMIUM, LAUNCH_ARGS, serve  # noqa: E402

FIRST = [
    ("لحفتر", "خليفة حفتر"), ("حفتر", "خليفة حفتر"), ("Haftar", "خليفة حفتر"), ("فاجنر", "فاغنر"),
    ("بريجوجين", "يفغيني بريغوجين"), ("Erdogan", "رجب طيب أردوغان"), ("Gaddafi", "معمر القذافي"),
    ("Qaddafi", "معمر القذافي"), ("Assad", "بشار أسد"), ("Kremlin", "الكرملين"), ("Benghazi", "بنغازي"),
    ("Middle East Eye", "ميدل إيست آي"), ("أردوغان", "رجب طيب أردوغان"), ("اردوغان", "رجب طيب أردوغان"),
    ("وموسكو", "موسكو"), ("بموسكو", "موسكو"), ("للكرملين", "الكرملين"), ("القذّافي", "معمر القذافي"),
    ("بوتين", "فلاديمير بوتين"), ("لبوتين", "فلاديمير بوتين"),
]  # fmt: skip
PAGEFIND = """async (q) => { if (!window.pf) { window.pf = await import('/pagefind/pagefind.js'); await pf.init(); }
  const r = await pf.search(q); const d = await Promise.all(r.results.slice(0, 5).map(x => x.data()));
  return d.map(x => x.url); }"""
OURS = "q => arSearch.search(q).then(rs => rs.slice(0, 5).map(r => r.url))"


def page_url(url: str) -> str:
    return url.lstrip("/").split("#")[0].replace("index.html", "")


def fetched_bytes(site: Path, paths: list[str]) -> int:
    return sum(len(gzip.compress((site / p.lstrip("/")).read_bytes(), 6)) for p in dict.fromkeys(paths) if (site / p.lstrip("/")).is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--pagefind-python", default=sys.executable, help="a Python with pagefind[bin] installed")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="pagefind-") as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(args.site, site)
        subprocess.run([args.pagefind_python, "-m", "pagefind", "--site", str(site)], check=True, capture_output=True)
        actors = {a["name"]: a["url"] for a in json.loads((site / "data" / "actors.json").read_text(encoding="utf-8"))}
        right = {"ours": 0, "pagefind": 0, "pagefind + fold": 0}
        with serve(site) as root, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            page = browser.new_page()
            page.goto(root)
            for query, name in FIRST:
                want = actors[name]
                got = {
                    "ours": page.evaluate(OURS, query),
                    "pagefind": [page_url(u) for u in page.evaluate(PAGEFIND, query)],
                    "pagefind + fold": [page_url(u) for u in page.evaluate(PAGEFIND, fold(query))],
                }
                for key, found in got.items():
                    right[key] += bool(found) and found[0] == want
                marks = "  ".join(f"{k} {'✓' if v and v[0] == want else '✗ ' + (v[0] if v else '(nothing)')}" for k, v in got.items())
                print(f"{query:>16}: {marks}")
            print(f"first result right, of {len(FIRST)}: " + ", ".join(f"{k} {v}" for k, v in right.items()))
            for name, script in (("ours", OURS), ("pagefind", PAGEFIND)):
                context = browser.new_context()
                fresh = context.new_page()
                paths: list[str] = []
                fresh.on("request", lambda r, paths=paths: paths.append(urlsplit(r.url).path))
                fresh.goto(root)
                paths.clear()
                fresh.evaluate(script, "حفتر موسكو")
                wanted = [x for x in paths if x.startswith(("/search/", "/pagefind/"))]
                print(f"{name}: {fetched_bytes(site, wanted) / 1e3:.1f} KB gzip in {len(set(wanted))} files for «حفتر موسكو»")
                context.close()
            browser.close()


if __name__ == "__main__":
    main()
