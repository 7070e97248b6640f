"""Read corpus files into ``Article`` records.

Raw ``.txt`` works as handed over: page furniture (weather lines, "gettyimages", section names, photo
captions, copy-link notices) is kept out of the body, the headline and publication date are found, and
the outlet is taken from where the text names it. ``.md`` files may carry YAML front matter whose
``title``, ``date``, ``source``, ``url`` and ``lang`` win over anything detected.

``Article.text`` is the decoded file with line endings normalized to ``\\n`` (and, for ``.md``, without its
front matter); every offset in the project points into it. Corpus files are only read, never written.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from annotate import markup_text, page_address
from annotate.decoding import decode
from annotate.errors import InputError
from annotate.models import Article

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md")
SKIPPED_NAMES = {"README.md", "actors.yml", "slugs.yml"}
FRONT_MATTER_KEYS = ("title", "date", "source", "url", "lang")

# Lines that are page furniture, not prose (matched against the stripped line).
FURNITURE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^-?\s*℃",  # weather widget: "- ℃ 11 تركيا"
        r"^(getty|gettyimages|getty images|سوشال|شارك|مشاركة|ملفات وتقارير|أخبار|تقارير|اقرأ أيضا|اقرأ أيضاً)$",
        r"تم نسخ عنوان المقال إلى الحافظة|تم نسخ الرابط",
        r"^اقرأ أيضا[ًً]?\s*:",  # related-article teaser
        r"\((getty|afp|reuters|ap|epa|أ ف ب|رويترز|الأناضول|أرشيفية|getty images)\)\s*$",  # photo caption credit
        r"[-–]\s*(جيتي|أرشيفية|الأناضول|رويترز|فيسبوك|تويتر|أ ف ب|عربي21)$",  # caption credit
        r"^[-–—_=*•\s]+$",
    )
]
_OUTLET = [
    re.compile(r"^المصدر\s*:\s*(?P<name>[^\n]{2,60})$", re.M),
    re.compile(r"(?:ترجمته|ترجمها|ترجمة)\s*[\"«“](?P<name>[^\"»”\n]{2,40})[\"»”]"),
    re.compile(r"(?:حديثه|حديثها|تصريحات|تصريح)\s+(?:خاصة?\s+)?(?:لـ|ل)\s*[\"«“]?(?P<name>[^\"»”\n]{2,40})[\"»”]"),
]


class _Loader(yaml.SafeLoader):
    """Front matter loader that leaves dates as text, so a bad date is reported, not crashed on."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Line:
    start: int
    end: int
    text: str  # stripped


def read_text(path: Path) -> str:
    """Decode a corpus file (see ``annotate.decoding``); CRLF/CR become LF."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror}); check the file's permissions") from None
    return decode(raw, str(path))


def split_front_matter(path: Path, text: str) -> tuple[dict, str]:
    """YAML front matter of a ``.md`` file (``---`` ... ``---``) and the text after it."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        raise InputError(f"{path}:1: front matter opened with '---' but never closed")
    try:
        meta = yaml.load(text[4:end], Loader=_Loader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise InputError(f"{path}:{line}: broken YAML front matter: {getattr(error, 'problem', error)}") from error
    if not isinstance(meta, dict):
        raise InputError(f"{path}:2: front matter must be a mapping of keys (title, date, source, url, lang)")
    for key in sorted(set(meta) - set(FRONT_MATTER_KEYS), key=str):
        log.warning("%s: unknown front matter key %r ignored (known: %s)", path, key, ", ".join(FRONT_MATTER_KEYS))
    meta = _checked_front_matter(path, text[4:end], meta)
    body_start = text.find("\n", end + 4)
    return meta, text[body_start + 1 :] if body_start >= 0 else ""


def _checked_front_matter(path: Path, block: str, meta: dict) -> dict:
    """The known keys as text (a number title is text too); a list or mapping where text belongs is an error."""
    checked: dict = {}
    for key in FRONT_MATTER_KEYS:
        value = meta.get(key)
        if value is None or (key == "date" and isinstance(value, (dt.date, str, int))):
            checked[key] = value
            continue
        match = re.search(rf"^{key}\s*:", block, re.M)
        line = block[: match.start()].count("\n") + 2 if match else 2
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            kind = {list: "a list", dict: "a mapping", bool: "true/false"}.get(type(value), type(value).__name__)
            raise InputError(f"{path}:{line}: front matter '{key}': expected a text, got {kind}; write it as one line of text")
        value = str(value).strip()
        if key == "url" and not re.match(r"^(https?://\S+|/\S*)$", value):
            raise InputError(f"{path}:{line}: front matter 'url': {value!r} is not a web address; give the original article's http(s):// URL")
        checked[key] = value or None
    return checked


def _iso_date(path: Path, value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        try:
            dt.date.fromisoformat(text if len(text) == 10 else (text + "-01-01")[:10])
            return text
        except ValueError:
            pass
    raise InputError(f"{path}: front matter 'date': {text!r} is not a date (use YYYY-MM-DD)")


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        for part in _split_header(Line(pos, pos + len(raw), raw.strip()), raw):
            out.extend(_split_credit(part, text))
        pos += len(raw) + 1
    return out


# What a crawler writes before the page's own text on its header line: the date, a clock time, the address.
_HEADER_PREFIX = re.compile(r"\s*date\s+\d{4}-\d{2}(?:-\d{2})?(?![\d-])(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:ص|م|AM|PM|am|pm)(?!\w))?)?(?:\s+https?://\S+)?\s*")


def _split_header(line: Line, raw: str) -> list[Line]:
    """A crawl header line that goes on with the page's first words (`` date 2025-10-13 وقعت "سوناطراك"
    …``, `` date 2025-09-09 شفق نيوز- أديس أبابا``) is two lines: the header (furniture) and the text after
    it, which is prose. Read as one line, the whole of it was the headline or the first paragraph, so the
    article's title began «date 2025-10-13» and the names after it were left out as furniture."""
    prefix = _HEADER_PREFIX.match(raw)
    if prefix is None or not raw[prefix.end() :].strip():
        return [line]
    cut = line.start + prefix.end()
    return [Line(line.start, cut, raw[: prefix.end()].strip()), Line(cut, line.end, raw[prefix.end() :].strip())]


# A photo's credit at the end of its caption, as DW and others print it (``صورة من: KEMAL ASLAN/AFP/Getty
# Images``, ``الصورة: رويترز``), often glued to the caption's last word by the scrape (``أنحاء تركياصورة من:``).
# The credit is a name in Latin letters (agencies, photographers) or an agency's Arabic name, so that a quoted
# «…عن الصورة: إنها مفبركة» stays prose.
_CREDIT_NAME = r"(?:[A-Za-z0-9][A-Za-z0-9 .,/&'’()-]{0,80}|(?:رويترز|أ ف ب|أ\.ف\.ب|الأناضول|أرشيف|أرشيفية|جيتي|فرانس برس|وكالات|أسوشيتد برس|الأوروبية)[^\n:]{0,40})"
_CREDIT = re.compile(rf"(?:ال)?صورة\s*(?:من\s*)?:\s*{_CREDIT_NAME}\s*$")


def _split_credit(line: Line, text: str) -> list[Line]:
    """A caption that ends with its photo credit is two lines: the caption and the credit, whose names
    (photographers, agencies) are the article's too. Read as one, the credit's «صورة» was the end of the
    caption's last word (تركياصورة: a place the tagger found and no reader could link)."""
    raw = text[line.start : line.end]
    credit = _CREDIT.search(raw)
    if credit is None or not raw[: credit.start()].strip():
        return [line]
    cut = line.start + credit.start()
    return [Line(line.start, cut, raw[: credit.start()].strip()), Line(cut, line.end, raw[credit.start() :].strip())]


def is_furniture(line: str) -> bool:
    return any(p.search(line) for p in FURNITURE)


def _is_headline(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 20 and not line.endswith((".", ":", "،")) and line.count('"') % 2 == 0 and not _is_dateline(line)


_DATELINE = re.compile(r"^[^\s\d\-–—][^\-–—]*?\s*[\-–—]\s*[^\-–—\s][^\-–—]*$")


def _is_dateline(line: str) -> bool:
    """A few words either side of one dash, standing alone before the first paragraph: the outlet and the
    place (``شفق نيوز- أديس أبابا``, ``القاهرة - أ ش أ``), prose that opens the article, not its headline."""
    return len(line.split()) <= 5 and ":" not in line and ".." not in line and _DATELINE.match(line) is not None


def detect_source(text: str) -> str | None:
    """The outlet where the text names it: «المصدر: الأناضول», «ترجمته "عربي21"», «في حديثه لـ"عربي21"»."""
    for pattern in _OUTLET:
        match = pattern.search(text)
        if match:
            return match.group("name").strip().strip(".")
    return None


def parse_article(path: Path, corpus: Path, text: str) -> Article:
    """Find furniture, headline, date, outlet and body of one article's text."""
    from annotate.pubdate import find_publication_date, is_date_stamp

    meta, text = split_front_matter(path, text) if path.suffix == ".md" else ({}, text)
    if not text.strip():
        raise InputError(f"{path}: empty article (no text after {'front matter' if meta else 'decoding'})")
    lines = [line for line in lines_of(text) if line.text]
    furniture, title_lines = set(), []
    for i, line in enumerate(lines):
        if is_date_stamp(line.text) or is_furniture(line.text):
            furniture.add(i)
    first = next((i for i in range(len(lines)) if i not in furniture), None)
    if first is not None and _is_headline(lines[first].text) and not meta.get("title"):
        title_lines = [first] + [j for j in range(first + 1, len(lines)) if lines[j].text == lines[first].text]
    elif meta.get("title"):
        title_lines = [i for i in range(len(lines)) if lines[i].text == str(meta["title"]).strip()][:2]
    body_lines = [i for i in range(len(lines)) if i not in furniture and i not in title_lines]
    title = str(meta.get("title") or (markup_text.plain(lines[title_lines[0]].text) if title_lines else _title_from(lines, body_lines)))
    found = None if meta.get("date") else find_publication_date(text, lines[title_lines[0]].start if title_lines else None)
    date = _iso_date(path, meta["date"]) if found is None else found.value
    date_source = "front matter" if found is None else found.source
    return Article(
        id=article_id(path, corpus),
        path=path.relative_to(corpus).as_posix(),
        title=title,
        text=text,
        date=date,
        date_source=date_source,
        source=meta.get("source") or detect_source(text),
        url=meta.get("url") or page_address.own_url(text),
        lang=meta.get("lang") or "ar",
        body=_paragraphs(text, [lines[i] for i in body_lines]),
        furniture=[(lines[i].start, lines[i].end) for i in sorted(furniture | set(title_lines))],
    )


def _title_from(lines: list[Line], body: list[int]) -> str:
    """No headline in the text: the first words of the body stand in for it."""
    if not body:
        return ""
    words = " ".join(markup_text.plain(lines[i].text) for i in body[:3]).split()
    title = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    return re.sub(r'(^|\s)(["«“])\s+', r"\1\2", title)  # an opening quote left alone by a line wrap


def _paragraphs(text: str, body: list[Line]) -> list[tuple[int, int]]:
    """Merge runs of adjacent body lines into spans, so a wrapped sentence stays in one span."""
    spans: list[tuple[int, int]] = []
    for line in body:
        start = line.start + (len(text[line.start : line.end]) - len(text[line.start : line.end].lstrip()))
        end = line.start + len(text[line.start : line.end].rstrip())
        start, end = markup_text.trim(text, start, end)  # «**عنوان», «– بند»: the marker is not prose
        if spans and markup_text.continues(text, spans[-1][0], line.text) and "\n\n" not in text[spans[-1][1] : start] and text[spans[-1][1] : start].count("\n") == 1:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def article_id(path: Path, corpus: Path) -> str:
    """The file's path inside the corpus, without suffix, made URL-safe (nested folders joined by '-')."""
    stem = path.relative_to(corpus).with_suffix("").as_posix()
    slug = re.sub(r"[^\w\-]+", "-", stem.replace("/", "--"), flags=re.ASCII).strip("-").lower()
    return slug or "article"


def corpus_files(corpus: Path, outside: list[str] | None = None) -> Iterator[Path]:
    """Article files under the corpus folder, sorted; hidden files and folders are skipped, and so is a
    file whose real path is outside the corpus (a symlink to ``/etc/passwd`` is never published): it is
    listed in ``outside`` (for the build report) when given, else logged."""
    for path, _ in corpus_entries(corpus, outside):
        yield path


def corpus_entries(corpus: Path, outside: list[str] | None = None) -> list[tuple[Path, str]]:
    """``corpus_files`` with each file's path relative to the corpus (``a/b.txt``), in one ``scandir`` walk:
    ``rglob`` and ``relative_to`` cost seconds at 10,000 articles, and a rebuild lists the corpus first."""
    if not corpus.is_dir():
        raise InputError(f"{corpus}: corpus folder does not exist")
    found: list[tuple[tuple[str, ...], os.DirEntry]] = []

    def walk(folder: str, parts: tuple[str, ...]) -> None:
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except PermissionError:  # as ``rglob`` does: an unreadable folder lists nothing
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            here = (*parts, entry.name)
            if entry.is_dir(follow_symlinks=False):  # a linked folder is never entered
                walk(entry.path, here)
            elif os.path.splitext(entry.name)[1] in ARTICLE_SUFFIXES and entry.name not in SKIPPED_NAMES and entry.is_file():
                found.append((here, entry))

    walk(str(corpus), ())
    root = corpus.resolve()
    out = []
    for parts, entry in sorted(found, key=lambda f: f[0]):
        path = corpus.joinpath(*parts)
        # only a link to a file can lead outside (resolving every path cost seconds at 10,000 articles)
        if entry.is_symlink() and not is_inside(path, root):
            message = f"{path}: a link to a file outside the corpus, skipped; copy the file into the corpus to publish it"
            if outside is None:
                log.warning("%s", message)
            else:
                outside.append(message)
            continue
        out.append((path, "/".join(parts)))
    return out


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path``'s real location (links followed) is ``root`` (already resolved) or below it."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a link loop or a vanished target
        return False


def read_article(path: Path, corpus: Path) -> Article:
    return parse_article(path, corpus, read_text(path))
