"""Publication dates an editor gives without editing the articles: ``corpus/dates.yml``.

A scraped page often carries no date the build can trust (see ``annotate.pubdate``); the editor then
writes it here, keyed by the article's path inside the corpus::

    d02-tunisia-ghannouchi-defies-saied.txt: 2022-01-27
    2024/05/report.txt: 2024-05-14

An entry wins over anything detected and over front matter (``date_source: editor``). The file is
validated like the registry: every bad key or value is reported, each on one line naming the file, the
line and the key; nothing is half-applied. Format and examples: docs/dates.md.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import replace
from pathlib import Path

import yaml

from annotate.errors import InputError
from annotate.models import Article

DATES_FILE = "dates.yml"
ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


class DatesFileError(InputError):
    """``dates.yml`` is unusable; ``errors`` holds one line per problem."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


def read_editor_dates(path: Path, known_paths: set[str]) -> dict[str, str]:
    """The entries of ``path`` (article path → ISO date); ``{}`` when the file does not exist."""
    if not path.exists():
        return {}
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DatesFileError([f"{path}:{mark.line + 1 if mark else 1}: broken YAML: {getattr(error, 'problem', error)}"]) from error
    except (OSError, UnicodeDecodeError) as error:
        raise DatesFileError([f"{path}: unreadable ({error}); save it as UTF-8 text"]) from error
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise DatesFileError([f"{path}:{root.start_mark.line + 1}: expected a mapping 'article path: YYYY-MM-DD'"])
    dates, errors = {}, []
    for key_node, value_node in root.value:
        line = f"{path}:{key_node.start_mark.line + 1}"
        key = str(key_node.value).strip()
        if key not in known_paths:
            near = difflib.get_close_matches(key, sorted(known_paths), n=1)
            errors.append(f"{line}: {key!r}: no such article in the corpus" + (f" (did you mean {near[0]!r}?)" if near else ""))
            continue
        if key in dates:
            errors.append(f"{line}: {key!r}: dated twice; keep one entry")
            continue
        value = str(value_node.value).strip() if isinstance(value_node, yaml.ScalarNode) else ""
        if not _is_date(value):
            errors.append(f"{line}: {key!r}: {value or 'nothing'!r} is not a date (use YYYY-MM-DD, or YYYY-MM / YYYY)")
            continue
        dates[key] = value
    if errors:
        raise DatesFileError(errors)
    return dates


def apply_editor_dates(articles: list[Article], path: Path) -> list[Article]:
    """``articles`` with the dates of ``path`` applied (``date_source: editor``); the others unchanged."""
    dates = read_editor_dates(path, {a.path for a in articles})
    return [replace(a, date=dates[a.path], date_source="editor") if a.path in dates else a for a in articles]


def _is_date(value: str) -> bool:
    if not ISO.match(value):
        return False
    try:
        dt.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
        return True
    except ValueError:
        return False
