"""Project settings (``annotate.yml`` in the working folder), declared once with a validator per key.

As in MkDocs: every bad key is reported with its name, unknown keys are warnings, and command-line
options (which default to ``None``) override the file only when given.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from annotate.errors import ConfigError

log = logging.getLogger(__name__)

SETTINGS_FILE = Path("annotate.yml")


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    choices: tuple | None
    help: str


SETTINGS = (
    Setting(
        "ner_model",
        "shipped",
        ("shipped", "stanza"),
        "Entity model: 'shipped' (the project's own, offline) or 'stanza' (stanza's official Arabic NER, "
        "aqmar_charlm; download it once with stanza.download('ar', processors='tokenize,mwt,ner')).",
    ),
)


@dataclass(frozen=True)
class Settings:
    ner_model: str = "shipped"


def load_settings(path: Path | None = None) -> Settings:
    """Settings from ``annotate.yml`` (or $ANNOTATE_CONFIG); missing file means defaults."""
    path = path or Path(os.environ.get("ANNOTATE_CONFIG", SETTINGS_FILE))
    if not path.exists():
        return Settings()
    from annotate.decoding import decode
    from annotate.errors import InputError

    try:
        raw = yaml.safe_load(decode(path.read_bytes(), str(path), legacy=False)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(f"{path}:{mark.line + 1 if mark else 1}: invalid YAML: {getattr(error, 'problem', error)}; fix the file or remove it") from None
    except (OSError, InputError) as error:
        raise ConfigError(str(error) if isinstance(error, InputError) else f"{path}: cannot be read ({error.strerror})") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    known = {s.name: s for s in SETTINGS}
    errors, values = [], {}
    for key, value in raw.items():
        setting = known.get(key)
        if setting is None:
            log.warning("%s: unknown setting %r ignored (known: %s)", path, key, ", ".join(known))
        elif setting.choices and value not in setting.choices:
            errors.append(f"{path}: '{key}': {value!r} is not one of {', '.join(map(str, setting.choices))}")
        else:
            values[key] = value
    if errors:
        raise ConfigError("\n".join(errors))
    return Settings(**values)
