"""Slugs: readable, and stable once published.

Decision: a slug reads as the name. A registry actor's slug is pinned or comes from its English name
(khalifa-haftar), a gazetteer place's from its English name (cairo). An automatic actor has no Latin name,
and a consonant-only transliteration of unvowelled Arabic is unreadable to everyone (bshar-a-sd for بشار
الأسد), so its slug is the Arabic name itself, as Wikipedia does (/actors/بشار-الأسد/): browsers show it as
written, and it is percent-encoded only where a tool insists. The editor can pin a Latin one.

Stability does not rest on the transliteration: the ledger (``corpus/slugs.yml``, slug → actor id) records every
slug ever published. A ledger slug whose actor was renamed, merged or re-keyed becomes a redirect to the actor's
current slug; the build never writes the ledger, an explicit command does (``write_slug_ledger``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

import yaml

from annotate.arabic import fold, strip_marks

_MAP = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "", "پ": "p", "چ": "ch", "ڤ": "v",
}
_LONG = {"ا", "و", "ي"}
HEADER = (
    "# Published actor slugs: slug -> actor id. Every slug the site has ever published stays here, so old links\n"
    "# keep working (a slug whose actor was renamed or merged becomes a redirect). Written by\n"
    "# `python -m annotate actors --record-slugs`; commit it with the corpus. Do not remove entries.\n"
)


def transliterate_word(word: str) -> str:
    """خليفة → khalifa-ish: consonants mapped, و/ي read as vowels between consonants, ة → a, ال → al-."""
    w = fold(word)
    if w.isascii():
        return w
    out = []
    prefix = ""
    if w.startswith("ال") and len(w) > 3:
        prefix, w = "al-", w[2:]
    for i, ch in enumerate(w):
        before = w[i - 1] if i else ""
        after = w[i + 1] if i + 1 < len(w) else ""
        if ch == "ه" and not after and i:  # ة was folded to ه: a final ه is almost always ة
            out.append("a")
        elif ch == "و":
            out.append("w" if not before or after in _LONG or before in _LONG else "u")
        elif ch == "ي":
            out.append("y" if not before or after in _LONG or before in _LONG else "i")
        else:
            out.append(_MAP.get(ch, ch if ch.isascii() else ""))
    return prefix + "".join(out)


MAX_SLUG = 64


def slugify(text: str) -> str:
    """ASCII slug: Latin text lowercased, Arabic transliterated, anything else dropped."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch) or not ch.isascii() and ord(ch) >= 0x600)
    words = re.findall(r"[^\W_]+", plain)
    parts = [transliterate_word(w) if not w.isascii() else w.lower() for w in words]
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")
    slug = re.sub(r"-{2,}", "-", slug) or "x"
    if len(slug) > MAX_SLUG:  # a 5,000-letter "name" must still make a valid file name and URL
        slug = slug[: MAX_SLUG - 9].rstrip("-") + "-" + hashlib.sha1(slug.encode()).hexdigest()[:8]
    return slug


def read_ledger(path: Path | None) -> dict[str, str]:
    """The published slugs (slug → actor id); empty if the file is absent."""
    from annotate.resolve.registry import RegistryError, read_corpus_side_file

    if path is None or not Path(path).exists():
        return {}
    try:
        data = yaml.safe_load(read_corpus_side_file(Path(path), str(path))) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise RegistryError([f"{path}:{mark.line + 1 if mark else 1}: invalid YAML: {getattr(error, 'problem', error)}; restore it from git"]) from None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise RegistryError([f"{path}:1: the slug ledger must be a mapping slug: actor-id; restore it from git"])
    return {str(k): str(v) for k, v in data.items()}


def write_slug_ledger(resolution, path: Path) -> None:
    """Record every slug of this build (``resolution.slugs``) in the ledger file, sorted, keeping old entries."""
    ledger = read_ledger(path)
    ledger.update(resolution.slugs)
    body = "".join(f"{slug}: {actor_id}\n" for slug, actor_id in sorted(ledger.items()))
    Path(path).write_text(HEADER + body, encoding="utf-8")


def assign_slugs(actors, pinned: dict[str, str], published: dict[str, str], successor: dict[str, str]) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Give each actor its slug; return (ledger after this build, redirects old → current, orphans).

    ``pinned``: actor id → slug from the registry. ``published``: the ledger read from disk.
    ``successor``: former actor id → current actor id (merges, renames, re-keyed names).
    An actor keeps a published slug as long as its id is unchanged; otherwise it gets its natural slug.
    """
    by_id = {a.id: a for a in actors}
    taken: dict[str, str] = {s: successor.get(i, i) for s, i in published.items()}
    taken.update({slug: actor_id for actor_id, slug in pinned.items()})  # no natural slug takes a pinned one
    kept: dict[str, str] = {}
    for slug, actor_id in sorted(published.items()):
        if actor_id in by_id and actor_id not in kept and actor_id not in pinned:
            kept[actor_id] = slug
    for actor in sorted(actors, key=lambda a: a.id):
        slug = pinned.get(actor.id) or kept.get(actor.id) or _natural(actor, taken)
        actor.slug = slug
        taken[slug] = actor.id
    current = {a.slug: a.id for a in actors}
    redirects: dict[str, str] = {}
    orphans: list[str] = []
    ledger = dict(current)
    for slug, old_id in sorted(published.items()):
        if slug in current:
            continue
        new_id = successor.get(old_id, old_id)
        if new_id in by_id:
            ledger[slug] = new_id
            redirects[slug] = by_id[new_id].slug
        else:
            ledger[slug] = old_id
            orphans.append(f"published slug '{slug}' ({old_id}) no longer has an actor: its page is gone")
    return dict(sorted(ledger.items())), dict(sorted(redirects.items())), orphans


def readable_slug(name: str, name_en: str | None = None) -> str:
    """The slug a reader can read: from the Latin name when there is one, else the Arabic name itself
    (marks, tatweel and invisibles dropped, words joined by ``-``, letters as written)."""
    if name_en:
        return slugify(name_en)
    words = re.findall(r"[^\W_]+", strip_marks(unicodedata.normalize("NFC", name)))
    slug = "-".join(w.lower() for w in words)
    if not slug:
        return slugify(name)
    if len(slug) > MAX_SLUG:
        slug = slug[: MAX_SLUG - 9].rstrip("-") + "-" + hashlib.sha1(slug.encode()).hexdigest()[:8]
    return slug


def former_natural_slug(actor) -> str:
    """The slug earlier versions gave an unpinned actor (its id without the type); the site still answers
    it with a redirect page (``annotate.render.legacy``)."""
    return actor.id.split("-", 1)[1] if "-" in actor.id else actor.id


def natural_slug(actor) -> str:
    """An id an editor chose (a registry actor) or made from an English name (a gazetteer place) already
    reads well and stays the slug; an id that is the machine transliteration of one of the actor's Arabic
    names (an automatic actor) gives way to ``readable_slug``."""
    base = former_natural_slug(actor)
    names = [actor.name, *actor.aliases]
    if any(not n.isascii() and slugify(n) == base for n in names):
        return readable_slug(actor.name, actor.name_en)
    return base


def _natural(actor, taken: dict[str, str]) -> str:
    base = natural_slug(actor)
    for candidate in (base, f"{base}-{actor.label.lower()}"):
        if taken.get(candidate, actor.id) == actor.id:
            return candidate
    n = 2
    while taken.get(f"{base}-{n}", actor.id) != actor.id:
        n += 1
    return f"{base}-{n}"
