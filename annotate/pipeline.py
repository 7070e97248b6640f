"""The whole build, top to bottom: ingest → tag (cached) → resolve → render → site.

Each stage is a function of the previous stage's records; this module only wires them together,
times them and reports. Nothing here writes into the corpus folder.
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotate.cache import AnnotationCache, CorpusListing, IngestCache, article_key, tagger_version
from annotate.errors import AnnotateError, InputError
from annotate.ingest import corpus_entries, read_article
from annotate.memory import give_back_memory, rare_full_collections, records_kept
from annotate.editor_dates import DATES_FILE, apply_editor_dates
from annotate.models import Annotation, Article, Sentence
from annotate.ner.tagger import model_spec

if TYPE_CHECKING:
    from annotate.parallel import WarmTagger
    from annotate.resolve import Resolution

log = logging.getLogger(__name__)

REGISTRY_FILE = "actors.yml"
UNDATED_SHOWN = 20  # undated articles named in the build report; the rest are counted
SLUG_LEDGER = "slugs.yml"


@dataclass
class BuildOptions:
    corpus: Path = Path("corpus")
    out: Path = Path("site")
    cache: Path = Path("build")
    ner_model: str = "shipped"
    keep_going: bool = False
    jobs: int = 1
    scheduler: str | None = None
    progress: bool = False


@dataclass
class BuildReport:
    articles: int = 0
    skipped: list[str] = field(default_factory=list)
    cached: int = 0
    tagged: int = 0
    actors: Counter = field(default_factory=Counter)
    stale: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    pages_rendered: str = ""  # what MkDocs rendered: every page, or only the changed ones
    peak_mb: float = 0.0
    undated: list[str] = field(default_factory=list)  # "path: why no publication date was found"
    site_signature: str = ""  # the published folder's fingerprint after the build (not reported)

    def recorded(self) -> dict:
        """What a later build with the same inputs reports again (``annotate.unchanged``)."""
        return {"articles": self.articles, "skipped": self.skipped, "actors": dict(self.actors), "stale": self.stale, "undated": self.undated}

    @classmethod
    def replayed(cls, recorded: dict) -> "BuildReport":
        """The report of a build that found nothing changed: every article from the cache, no page rendered."""
        articles = int(recorded.get("articles", 0))
        return cls(
            articles=articles, cached=articles, skipped=list(recorded.get("skipped", [])), actors=Counter(recorded.get("actors", {})),
            stale=list(recorded.get("stale", [])), undated=list(recorded.get("undated", [])),
            pages_rendered="nothing changed since the last build: the site is left as it is",
        )

    def lines(self) -> list[str]:
        out = [
            f"articles: {self.articles} ({self.cached} from cache, {self.tagged} tagged)",
            "actors: " + ", ".join(f"{label} {n}" for label, n in sorted(self.actors.items())),
            "time: " + ", ".join(f"{stage} {s:.1f}s" for stage, s in self.seconds.items()),
        ]
        if self.pages_rendered:
            out.append(f"mkdocs: {self.pages_rendered}")
        if self.peak_mb:
            out.append(f"memory: peak {self.peak_mb:.0f} MB (largest process)")
        out += [f"skipped: {s}" for s in self.skipped]
        if self.undated:
            out.append(f"undated: {len(self.undated)} article(s) without a publication date (date them in corpus/dates.yml, docs/dates.md)")
            out += [f"undated: {s}" for s in self.undated[:UNDATED_SHOWN]]
            if len(self.undated) > UNDATED_SHOWN:
                out.append(f"undated: … and {len(self.undated) - UNDATED_SHOWN} more")
        out += [f"registry: {s}" for s in self.stale]
        return out


class _Timer:
    def __init__(self, report: BuildReport):
        self.report, self.started = report, time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.report.seconds[stage] = now - self.started
        self.started = now


def ingest_corpus(corpus: Path, keep_going: bool, report: BuildReport, cache: Path | None = None, listing: CorpusListing | None = None) -> list[Article]:
    """Every readable article; a bad file stops the build, or is skipped and reported with --keep-going.

    With ``cache`` (a build folder), files already parsed in an identical version are not parsed again.
    With ``listing`` (this build's, just made), the corpus is not listed a second time.
    """
    with records_kept():
        return _ingest(corpus, keep_going, report, cache, listing)


def _ingest(corpus: Path, keep_going: bool, report: BuildReport, cache: Path | None, listing: CorpusListing | None) -> list[Article]:
    articles: dict[str, Article] = {}
    parsed = IngestCache(cache) if cache is not None else None
    if listing is not None and listing.entries is not None:
        entries = listing.entries
        report.skipped.extend(listing.outside)
    else:
        entries = corpus_entries(corpus, outside=report.skipped)
    for path, relative in entries:
        try:
            key = _ingest_key(parsed, relative, path)
            article = parsed.get(key) if parsed is not None and key else None
            if article is None:
                article = read_article(path, corpus)
                if parsed is not None and key:
                    parsed.put(key, article)
            if article.id in articles:
                raise InputError(f"{path}: article id {article.id!r} already used by {corpus / articles[article.id].path}; rename one of them")
        except InputError as error:
            if not keep_going:
                raise
            report.skipped.append(str(error))
            log.warning("skipped %s", error)
            continue
        articles[article.id] = article
    if not articles:
        raise InputError(f"{corpus}: no articles (.txt or .md files) found")
    if parsed is not None:
        parsed.save()
    return sorted(articles.values(), key=lambda a: a.id)


def undated_reasons(articles: list[Article]) -> list[str]:
    """For the build report: each article left without a publication date, and why."""
    from annotate.pubdate import find_publication_date

    return [f"{a.path}: {find_publication_date(a.text).why}" for a in articles if not a.date]


def _ingest_key(parsed: IngestCache | None, relative: str, path: Path) -> str | None:
    if parsed is None:
        return None
    try:
        with open(path, "rb") as file:
            return parsed.key(relative, file.read())
    except OSError:
        return None  # read_article reports it


def annotate_corpus(
    articles: list[Article],
    options: BuildOptions,
    report: BuildReport,
    warm: "WarmTagger | None" = None,
    meanwhile: Callable[[list[tuple[Article, Annotation]]], object] | None = None,
) -> list[Annotation]:
    """Annotations for every article: from the cache where the key matches, else tagged in batches
    (by ``warm`` when the build started a worker for it; it is closed either way). While the worker tags,
    ``meanwhile`` gets the cached articles and their annotations."""
    cache = AnnotationCache(options.cache)
    version = tagger_version(model_spec(options.ner_model).version)
    keys = {a.id: article_key(a, version) for a in articles}
    with records_kept():
        found: dict[str, Annotation] = {a.id: hit for a in articles if (hit := cache.annotation(keys[a.id], a)) is not None}
    missing = [a for a in articles if a.id not in found]
    report.cached, report.tagged = len(found), len(missing)
    tagged = None
    if missing:
        from annotate.parallel import annotate_missing

        tagged = annotate_missing(missing, options, warm)
    elif warm is not None:
        warm.close()
    if tagged is not None:
        try:
            if warm is not None:  # the worker is loading the model and tagging meanwhile
                _warm_up_later_stages()
                if meanwhile is not None and found:
                    meanwhile([(a, found[a.id]) for a in articles if a.id in found])
            for batch in tagged:  # cached batch by batch: an interrupted run keeps what it tagged
                for annotation in batch:
                    cache.put(keys[annotation.article_id], annotation)
                    found[annotation.article_id] = annotation
        finally:
            cache.save()
            if warm is not None:
                warm.close()  # when ``meanwhile`` failed before the results were read (else closed already)
        from annotate.ner.tagger import get_tagger, release_tagger

        if get_tagger.cache_info().currsize:  # tagged here, not in a worker: free the model (a full
            release_tagger()  # collection where nothing was loaded took 1.1 s of a one-article rebuild at 10k)
    else:
        cache.save()
    return [found[a.id] for a in articles]


def _warm_up_later_stages() -> None:
    """Import what resolving, rendering and MkDocs need, and read the place names: 0.4 s off a rebuild
    when this process would otherwise only wait for a tagging worker."""
    import importlib

    from annotate.resolve import gazetteer

    for module in ("mkdocs.commands.build", "mkdocs.config", "annotate.render", "annotate.search", "annotate.site"):
        importlib.import_module(module)
    gazetteer.places()


def vanished_slugs(out: Path, resolution: "Resolution") -> list[str]:
    """Slugs the site in ``out`` serves that this build no longer publishes (nor redirects): links people
    shared will break. Only reported: the output is a function of the corpus, registry and ledger alone,
    never of the previous site, so the fix is to record the slugs in the ledger."""
    import json

    previous = out / "data" / "slugs.json"
    try:
        served = json.loads(previous.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(served, dict):
        return []
    kept = set(resolution.slugs) | set(resolution.redirects)
    gone = sorted(str(slug) for slug in served if slug not in kept)
    if not gone:
        return []
    shown = ", ".join(gone[:5]) + (f" and {len(gone) - 5} more" if len(gone) > 5 else "")
    return [f"{len(gone)} actor address(es) of the last build are gone ({shown}); run `python -m annotate actors --record-slugs` and commit {SLUG_LEDGER} to keep published links working"]


def newest_date_epoch(articles: list[Article]) -> int:
    """The newest publication date as a Unix time: the site's build date depends on the corpus only."""
    import datetime as dt

    dates = sorted(a.date for a in articles if a.date)
    if not dates:
        return 0
    newest = dates[-1] + "-01-01"[len(dates[-1]) - 4 :] if len(dates[-1]) < 10 else dates[-1]
    return int(dt.datetime.fromisoformat(newest).replace(tzinfo=dt.timezone.utc).timestamp())


def resolve_corpus(options: BuildOptions, report: BuildReport) -> tuple[list[Article], list[Annotation], "Resolution"]:
    """Stages 1–4: ingest, tag (cached), resolve with the corpus' registry and published slugs."""
    from annotate.resolve import Prepared, load_registry, prepare, resolve
    from annotate.resolve.memo import ResolveMemo

    timer = _Timer(report)
    listing = CorpusListing(options.corpus, options.cache)
    warm = None
    # Worth it when this process has not loaded torch yet (a long-lived process keeps its model loaded).
    if listing.changed and options.jobs == 1 and not options.scheduler and "torch" not in sys.modules:
        from annotate.parallel import WarmTagger

        warm = WarmTagger(options.ner_model)
    prepared: list[Prepared] = []  # the cached articles' first resolving pass, made while a worker tags
    try:
        articles = ingest_corpus(options.corpus, options.keep_going, report, cache=options.cache, listing=listing)
        articles = apply_editor_dates(articles, options.corpus / DATES_FILE)
        report.undated = undated_reasons(articles)
        report.articles = len(articles)
        timer.lap("ingest")
        registry = load_registry(options.corpus / REGISTRY_FILE)
        memo = ResolveMemo(options.cache)  # the last build's map results: a rebuild maps what changed
        ahead = memo.read_ahead if memo.holds_results() else lambda cached: prepared.append(prepare(cached, registry))  # while a worker tags
        annotations = annotate_corpus(articles, options, report, warm, meanwhile=ahead)
    finally:
        if warm is not None:
            warm.close()
    listing.save()
    timer.lap("tag")
    from annotate.resolve.slugs import read_ledger

    published = read_ledger(options.corpus / SLUG_LEDGER)
    resolution = resolve(list(zip(articles, annotations, strict=True)), registry, published, prepared[0] if prepared else None, memo)
    memo.save()
    report.stale = list(resolution.stale) + vanished_slugs(options.out, resolution)
    timer.lap("resolve")
    return articles, annotations, resolution


def peak_memory_mb() -> float:
    """Largest resident size so far of this process or of any worker it waited for (Linux: KB)."""
    import resource

    return max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024


def drop_tokens(annotations: list[Annotation]) -> None:
    """Keep only sentence spans once actors are resolved: pages need no tokens, and at 5,000 articles
    the millions of token objects were a third of the build's memory while MkDocs ran. The memory the
    resolve stage freed (its memo, views and tokens) goes back to the system before the render forks."""
    for annotation in annotations:
        annotation.sentences = [Sentence(s.start, s.end, ()) for s in annotation.sentences]
    give_back_memory()


def build(options: BuildOptions) -> BuildReport:
    """Publish ``options.corpus`` to ``options.out``; raise ``AnnotateError`` (site untouched) on failure.

    The folders are checked first (``annotate.outdir``), and the build holds the cache's and the output's
    locks (``annotate.locks``) from start to end."""
    from annotate.locks import build_locks
    from annotate.outdir import check_folders

    from annotate import unchanged

    check_folders(options.corpus, options.out, options.cache)
    with build_locks(options.cache, options.out):
        started = time.perf_counter()
        stamp = unchanged.inputs_digest(options)
        last = unchanged.last_report(options, stamp)
        if last is not None:
            report = BuildReport.replayed(last)
            report.seconds["unchanged check"] = time.perf_counter() - started
            return report
        unchanged.forget(options)
        report = _build(options)
        unchanged.record(options, stamp, report.recorded(), report.site_signature)
        return report


def _build(options: BuildOptions) -> BuildReport:
    from annotate.site import build_site
    from annotate.site_url import configured as configured_site_url

    report = BuildReport()
    site_url = configured_site_url()  # a bad address stops the build before any work
    work = options.cache / "site"
    with rare_full_collections():
        docs, pages, redirects, epoch = _resolve_and_render(options, report, site_url, work)
    gc.collect()  # MkDocs gets the memory of whatever else the stages left in cycles (the records go without it)
    give_back_memory()
    timer = _Timer(report)
    plan = build_site(work, docs, options.out, redirects, epoch=epoch, pages=pages)
    report.pages_rendered = f"full build ({plan.reason})" if plan.full else f"{len(plan.changed)} changed files of {len(pages)}"
    report.site_signature = plan.signature
    report.peak_mb = peak_memory_mb()
    timer.lap("mkdocs")
    return report


def _resolve_and_render(options: BuildOptions, report: BuildReport, site_url: str | None, work: Path) -> tuple[Path, dict[str, str], dict[str, str], int]:
    """Stages 1–5; returns the docs folder, its files' keys, the redirect pages and the build date: only
    what MkDocs needs, so that the corpus' records are freed when this returns."""
    articles, annotations, resolution = resolve_corpus(options, report)
    drop_tokens(annotations)
    docs, pages = _render(articles, annotations, resolution, report, site_url, work)
    redirects = {f"actors/{old}.md": f"actors/{new}.md" for old, new in resolution.redirects.items()}
    return docs, pages, redirects, newest_date_epoch(articles)


def _render(articles: list[Article], annotations: list[Annotation], resolution: "Resolution", report: BuildReport, site_url: str | None, work: Path) -> tuple[Path, dict[str, str]]:
    """Stage 5, the render: the docs folder MkDocs reads, and its files' keys (``bench/render_steps.py`` times it alone)."""
    from annotate import unchanged
    from annotate.render import SiteData, render_pages
    from annotate.render.docs_folder import DocsFolder
    from annotate.render.memo import Memo
    from annotate.render.search_step import write_search_index
    from annotate.site import HAND_WRITTEN, fragments_folder
    from annotate.site_url import site_name as configured_site_name

    timer = _Timer(report)
    data = SiteData(
        articles=articles,
        annotations={a.article_id: a for a in annotations},
        mentions=resolution.mentions,
        actors=resolution.actors,
        redirects=resolution.redirects,
        slugs=resolution.slugs,
        stale=resolution.stale,
        review=resolution.review,
        site_url=site_url,
        site_name=configured_site_name(),
    )
    code = unchanged.code_digest()  # every piece kept across builds is made by this code
    data.memo = Memo(work / "memo.pkl", code)
    report.actors = Counter(a.label for a in data.actors if a.id in data.actor_articles)
    docs = DocsFolder(work / "docs", fragments_folder(work))
    docs.copy_tree(HAND_WRITTEN)
    intro = (HAND_WRITTEN / "index.md").read_text(encoding="utf-8")
    render_pages(data, docs, intro, fork=True, then=lambda folder: write_search_index(folder, data.memo, data), child_memo=Memo(work / "memo-articles.pkl", code))
    data.memo.save()
    data.release()  # no cycle left through the corpus' records: they go when the caller returns
    pages = docs.finish()
    timer.lap("render")
    return docs.path, pages


__all__ = ["AnnotateError", "BuildOptions", "BuildReport", "build"]
