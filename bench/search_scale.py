"""Search at scale: bytes fetched before the first results and time from the last keystroke to results.

    python bench/search_scale.py --articles 10000 100000 [--queries "حفتر" "حفتر موسكو" Haftar]

For each size: synthetic articles (bench/synthetic.py's generator, recurring actors, dates 2011–2024) and
their actors become search entries directly, without tagging (the index only needs titles, texts, dates
and names); the index is built with annotate.search and put into a small site built with MkDocs (the
hand-written pages, the real theme and search box). Then Chromium (fresh context per query, so nothing
is cached) types each query into the box and reports:

- index bytes fetched before the results showed, gzip'd (every search/ file whose response ended before
  the results were painted, meta.json and the tables fetched with it included, compressed with gzip -6
  as the server sends them), and how many files;
- the time from the last keystroke to the results list: the typing is one synchronous burst (the worst
  case: no keystroke before the last one had time to fetch anything), the clock runs from the last input
  event to the first frame painted with the box's first ranked results (``data-ar-first`` set: titles,
  kinds, counts and excerpts of the best candidates; then a requestAnimationFrame and a task after it,
  so the frame is on screen; the box's 20 ms typing pause included). Cold: a fresh
  browser context (nothing cached), the box clicked 300 ms before the typing as a reader does (meta.json
  and the tables that come with it load then). Warm: the same page, the query typed again;
- cold, the moment each stage ended (search.js's Performance API marks and resource timings, in ms after
  the last keystroke): the pause, the last shard, candidates ranked, the last table, the last record,
  records read, results in the box (the frame that shows them follows).

The site is served by a separate server process as a static host serves it: HTTP/1.1 keep-alive (the
browser opens up to 6 parallel connections), TCP_NODELAY, each file read and gzip'd once and sent with
``Content-Encoding: gzip`` in one write.

Also the index's build time and total size.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import subprocess
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import synthetic  # noqa: E402
from annotate.search import SearchEntry, write_search_index  # noqa: E402
from annotate.resolve.latin import latin_name  # noqa: E402
from tests.browser import CHROMIUM, LAUNCH_ARGS  # noqa: E402

QUERIES = ["حفتر", "حفتر موسكو", "Haftar", "فاجنر", "الأمم المتحدة"]
STAGES = {"start": "pause over", "s": "shards in", "candidates": "candidates ranked", "m": "tables in", "d": "records in",
          "records": "records read", "first": "results in the box"}
MONTH = {name: i + 1 for i, name in enumerate(synthetic.MONTHS)}


def entries(articles: int, seed: int = 7) -> list[SearchEntry]:
    """Synthetic articles as search entries, plus one actor entry per recurring name (with counts)."""
    rng = random.Random(seed)
    out, seen = [], Counter()
    names = [*synthetic.PEOPLE, *synthetic.ORGS, *synthetic.PLACES]
    for number in range(articles):
        text = synthetic.article(rng, number)
        title, _, day_month_year, *_ = text.split("\n")
        d, month, year = day_month_year.split(" ")
        for name in names:
            if name in text:
                seen[name] += 1
        out.append(SearchEntry(f"articles/article-{number:05d}/", title, text, "article",
                               date=f"{year}-{MONTH[month]:02d}-{int(d):02d}", source=rng.choice(["عربي21", "الأناضول", None])))
    for label, group in (("PER", synthetic.PEOPLE), ("ORG", synthetic.ORGS), ("LOC", synthetic.PLACES)):
        for i, name in enumerate(group):
            out.append(SearchEntry(f"actors/{label.lower()}-{i}/", name, "", "actor", label, [latin_name(name, label)],
                                   counts=(seen[name], seen[name] * 2)))
    return out


def small_site(work: Path) -> Path:
    """The hand-written pages with the real theme (the index is replaced afterwards)."""
    from tests.test_search_browser import nav_files
    from annotate.render.docs_folder import DocsFolder
    from annotate.site import HAND_WRITTEN, build_site

    docs = work / "docs"
    DocsFolder.of(docs).copy_tree(HAND_WRITTEN)
    for name in nav_files():
        if not (docs / name).exists():
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / name).write_text("# صفحة\n", encoding="utf-8")
    write_search_index([], docs)
    build_site(work, docs, work / "site")
    return work / "site"


TYPE_AND_WAIT = """async (query) => {
  const box = document.querySelector('div[data-ar-search]'), input = box.querySelector('input.md-search__input');
  const before = box.getAttribute('data-ar-first');
  let last = 0, shown = 0;
  new MutationObserver((records, observer) => {  // the first results are in the box: wait for the frame that shows them
    if (box.getAttribute("data-ar-first") === before) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { shown = performance.now(); }, 0));
  }).observe(box, {attributes: true, attributeFilter: ["data-ar-first"]});
  input.focus();
  await new Promise(r => setTimeout(r, 300));  // a reader clicks, then types
  for (const ch of query) { input.value += ch; last = performance.now(); input.dispatchEvent(new Event('input')); }
  const until = performance.now() + 20000;
  while (!shown && performance.now() < until) await new Promise(r => setTimeout(r, 5));
  if (!shown) return {ms: NaN, shown: -1, meta: box.querySelector(".md-search-result__meta").textContent};
  const ms = shown - last, stages = {}, painted = shown;
  const files = performance.getEntriesByType("resource").filter(r => r.responseEnd <= painted)
    .map(r => new URL(r.name).pathname).filter(path => path.includes("/search/"));  // meta.json and all since
  for (const m of performance.getEntriesByType("mark"))  // search.js's marks: the first of each after the keystroke
    if (m.name.startsWith("ar-search:") && m.startTime >= last && !(m.name.slice(10) in stages)) stages[m.name.slice(10)] = m.startTime - last;
  for (const r of performance.getEntriesByType("resource")) {  // when the last file of each kind arrived
    const kind = (r.name.match(/[/]search[/](s|m|d)[/]/) || [])[1];
    if (kind && r.responseEnd >= last && r.responseEnd - last <= ms) stages[kind] = Math.max(stages[kind] || 0, r.responseEnd - last);
  }
  return {ms: ms, stages: stages, files: files, shown: box.querySelectorAll('.md-search-result__link').length};
}"""


SERVER = r"""
import gzip, http.server, mimetypes, os, sys, urllib.parse
ROOT, CACHE = os.path.realpath(sys.argv[1]), {}
TEXT = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt")

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # keep-alive: the browser reuses its (up to 6) parallel connections
    disable_nagle_algorithm = True  # TCP_NODELAY, as static servers set it (nginx's tcp_nodelay): else each
                                    # response waits ~40 ms for the browser's delayed ACK of its headers

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        full = os.path.realpath(os.path.join(ROOT, path.lstrip("/")))
        if os.path.isdir(full):
            if not path.endswith("/"):
                self.send_response(301); self.send_header("Location", path + "/"); self.send_header("Content-Length", "0"); self.end_headers()
                return
            full = os.path.join(full, "index.html")
        if not full.startswith(ROOT) or not os.path.isfile(full):
            self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers()
            return
        if full not in CACHE:   # read and compressed once, as a static host's cache (or gzip_static) serves it
            raw = open(full, "rb").read()
            CACHE[full] = (raw, gzip.compress(raw, 6) if full.endswith(TEXT) else None)
        raw, packed = CACHE[full]
        zipped = packed is not None and "gzip" in self.headers.get("Accept-Encoding", "")
        body = packed if zipped else raw
        head = ["HTTP/1.1 200 OK", "Content-Type: " + (mimetypes.guess_type(full)[0] or "application/octet-stream"),
                "Content-Length: " + str(len(body)), "Cache-Control: no-cache"] + (["Content-Encoding: gzip"] if zipped else [])
        self.wfile.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)  # one write per response

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
"""


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` from a process of its own (the browser driver does not share its interpreter)."""
    process = subprocess.Popen([sys.executable, "-c", SERVER, str(folder)], stdout=subprocess.PIPE, text=True)
    try:
        port = int(process.stdout.readline())
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait()


def measure(site: Path, queries: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    out = []
    with serve(site) as root, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            for query in queries:
                context = browser.new_context()
                page = context.new_page()
                page.goto(root, wait_until="load")
                cold = page.evaluate(TYPE_AND_WAIT, query)
                files = list(dict.fromkeys(cold.get("files", [])))
                size = sum(len(gzip.compress((site / path.lstrip("/")).read_bytes(), 6)) for path in files)
                page.evaluate("() => { const i = document.querySelector('input.md-search__input'); i.value = ''; }")
                warm = page.evaluate(TYPE_AND_WAIT, query)
                out.append({"query": query, "bytes": size, "files": len(files), "cold_ms": cold["ms"], "warm_ms": warm["ms"],
                            "shown": cold["shown"], "stages": cold.get("stages", {})})
                context.close()
        finally:
            browser.close()
    return out


def folder_gzip(folder: Path) -> int:
    return sum(len(gzip.compress(p.read_bytes(), 6)) for p in folder.rglob("*.json"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000])
    parser.add_argument("--queries", nargs="+", default=QUERIES)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"needs Chromium at {CHROMIUM}")
    with tempfile.TemporaryDirectory(prefix="search-scale-") as tmp:
        site = small_site(Path(tmp))
        for size in args.articles:
            started = time.perf_counter()
            made = entries(size)
            shutil.rmtree(site / "search")
            written = write_search_index(made, site)
            built = time.perf_counter() - started
            shards = sum(1 for p in written if p.startswith("search/s/"))
            print(f"\n## {size} articles ({len(made) - size} actors): index built in {built:.1f} s, {len(written)} files "
                  f"({shards} shards), {folder_gzip(site / 'search') / 1e6:.1f} MB gzip in all; "
                  f"meta.json {len(gzip.compress((site / 'search/meta.json').read_bytes(), 6)) / 1e3:.1f} KB gzip", flush=True)
            for row in measure(site, args.queries):
                print(f"{row['query']!r:>18}: {row['bytes'] / 1e3:6.1f} KB gzip in {row['files']:3d} files before the first results; "
                      f"last keystroke to results {row['cold_ms']:5.0f} ms cold, {row['warm_ms']:5.0f} ms warm; {row['shown']} shown", flush=True)
                print(" " * 20 + "cold, ms after the keystroke: " + ", ".join(f"{STAGES[k]} {v:.0f}" for k, v in
                      sorted(row["stages"].items(), key=lambda kv: kv[1]) if k in STAGES), flush=True)


if __name__ == "__main__":
    main()
