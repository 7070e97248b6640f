"""The editorial registry (``corpus/actors.yml``): curated actors and the decisions rules cannot make.

Read with ``yaml.compose`` so that every value keeps its line: an error names the file, the line and the key
(``corpus/actors.yml:12: 'merge[0].into': unknown actor id 'x'``), and every error is reported, not just the
first. See docs/registry.md for the format.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from annotate.errors import InputError
from annotate.models import LABELS

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SECTIONS = ("actors", "merge", "split", "rename", "ignore", "alias")
ACTOR_KEYS = {"id", "slug", "name", "name_en", "label", "aliases", "description", "roles", "links"}


class RegistryError(InputError):
    """The registry file is unusable; ``errors`` holds one line per problem."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class RegistryActor:
    id: str
    name: str
    label: str
    slug: str | None = None
    name_en: str | None = None
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    roles: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    where: str = ""


@dataclass
class Merge:
    into: str
    items: list[str]  # names (any spelling) or automatic actor ids
    where: str = ""


@dataclass
class Split:
    name: str
    articles: list[str]
    actor: str
    where: str = ""


@dataclass
class Rename:
    actor: str
    name: str | None = None
    slug: str | None = None
    name_en: str | None = None
    where: str = ""


@dataclass
class Ignore:
    name: str
    articles: list[str] = field(default_factory=list)  # empty: everywhere
    where: str = ""


@dataclass
class Alias:
    actor: str
    names: list[str]
    where: str = ""


@dataclass
class Registry:
    path: str | None = None
    actors: list[RegistryActor] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    splits: list[Split] = field(default_factory=list)
    renames: list[Rename] = field(default_factory=list)
    ignores: list[Ignore] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)

    def actor(self, actor_id: str) -> RegistryActor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


def load_registry(path: Path | None) -> Registry:
    """The registry at ``path``; an empty one if ``path`` is None or missing. Raises RegistryError."""
    if path is None or not Path(path).exists():
        return Registry()
    shown = _shown(Path(path))
    text = read_corpus_side_file(Path(path), shown)
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise RegistryError([f"{shown}:{line}: invalid YAML: {getattr(exc, 'problem', exc)}"]) from None
    return _Reader(shown).read(root)


def read_corpus_side_file(path: Path, shown: str) -> str:
    """The text of a file kept beside the articles (the registry, the slug ledger): decoded as articles
    are, and refused when it is a link to a file outside the corpus folder."""
    from annotate.decoding import decode
    from annotate.ingest import is_inside

    if not is_inside(path, path.parent.resolve()):
        raise RegistryError([f"{shown}: a link to a file outside the corpus ({path.resolve()}); copy the file into the corpus folder"])
    try:
        return decode(path.read_bytes(), shown)
    except OSError as error:
        raise RegistryError([f"{shown}: cannot be read ({error.strerror}); check the file's permissions"]) from None
    except InputError as error:
        raise RegistryError([str(error)]) from None


def _shown(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


class _Reader:
    """Turns the composed node tree into a Registry, collecting every error with its line and key."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.errors: list[str] = []

    def error(self, node: yaml.Node, key: str, message: str) -> None:
        self.errors.append(f"{self.shown}:{node.start_mark.line + 1}: '{key}': {message}")

    def where(self, node: yaml.Node) -> str:
        return f"{self.shown}:{node.start_mark.line + 1}"

    def read(self, root: yaml.Node | None) -> Registry:
        reg = Registry(path=self.shown)
        if root is None:
            return reg
        if not isinstance(root, yaml.MappingNode):
            self.errors.append(f"{self.shown}:{root.start_mark.line + 1}: the registry must be a mapping with keys {', '.join(SECTIONS)}")
            raise RegistryError(self.errors)
        sections = self.mapping(root, "", set(SECTIONS))
        read: list[tuple[int, yaml.Node, RegistryActor]] = []
        for i, node in self.items(sections.get("actors"), "actors"):
            if (a := self.actor(node, f"actors[{i}]")) is not None:
                reg.actors.append(a)
                read.append((i, node, a))
        self.check_actors(read)
        ids = {a.id for a in reg.actors}
        for i, node in self.items(sections.get("merge"), "merge"):
            f = self.mapping(node, f"merge[{i}]", {"into", "from"}, required={"into", "from"})
            into = self.string(f.get("into"), f"merge[{i}].into")
            if into is not None and into not in ids:
                self.error(f["into"], f"merge[{i}].into", f"unknown actor id {into!r} (declare it under 'actors')")
            items = self.strings(f.get("from"), f"merge[{i}].from", nonempty=True)
            if into and items is not None:
                reg.merges.append(Merge(into, items, self.where(node)))
        for i, node in self.items(sections.get("split"), "split"):
            f = self.mapping(node, f"split[{i}]", {"name", "articles", "actor"}, required={"name", "articles", "actor"})
            name = self.string(f.get("name"), f"split[{i}].name")
            articles = self.strings(f.get("articles"), f"split[{i}].articles", nonempty=True)
            actor = self.string(f.get("actor"), f"split[{i}].actor")
            if actor is not None and actor not in ids:
                self.error(f["actor"], f"split[{i}].actor", f"unknown actor id {actor!r} (declare it under 'actors')")
            elif name and articles is not None and actor:
                reg.splits.append(Split(name, articles, actor, self.where(node)))
        for i, node in self.items(sections.get("rename"), "rename"):
            f = self.mapping(node, f"rename[{i}]", {"actor", "name", "slug", "name_en"}, required={"actor"})
            actor = self.string(f.get("actor"), f"rename[{i}].actor", pattern=ID)
            slug = self.string(f.get("slug"), f"rename[{i}].slug", pattern=ID) if "slug" in f else None
            name = self.string(f.get("name"), f"rename[{i}].name") if "name" in f else None
            name_en = self.string(f.get("name_en"), f"rename[{i}].name_en") if "name_en" in f else None
            if isinstance(node, yaml.MappingNode) and not (slug or name or name_en) and "actor" in f:
                self.error(node, f"rename[{i}]", "give at least one of 'name', 'slug', 'name_en'")
            elif actor:
                reg.renames.append(Rename(actor, name, slug, name_en, self.where(node)))
        for i, node in self.items(sections.get("ignore"), "ignore"):
            f = self.mapping(node, f"ignore[{i}]", {"name", "articles"}, required={"name"})
            name = self.string(f.get("name"), f"ignore[{i}].name")
            articles = self.strings(f.get("articles"), f"ignore[{i}].articles") if "articles" in f else []
            if name and articles is not None:
                reg.ignores.append(Ignore(name, articles, self.where(node)))
        for i, node in self.items(sections.get("alias"), "alias"):
            f = self.mapping(node, f"alias[{i}]", {"actor", "names"}, required={"actor", "names"})
            actor = self.string(f.get("actor"), f"alias[{i}].actor", pattern=ID)
            names = self.strings(f.get("names"), f"alias[{i}].names", nonempty=True)
            if actor and names is not None:
                reg.aliases.append(Alias(actor, names, self.where(node)))
        if not self.errors:
            from annotate.resolve.registry_checks import conflicts

            self.errors += conflicts(reg)
        if self.errors:
            raise RegistryError(sorted(self.errors, key=lambda e: int(e[len(self.shown) + 1 :].split(":", 1)[0])))
        return reg

    # --- node helpers -------------------------------------------------------------------------------

    def mapping(self, node, key: str, allowed: set[str], required: set[str] = frozenset()) -> dict[str, yaml.Node]:
        if node is None:
            return {}
        if not isinstance(node, yaml.MappingNode):
            self.error(node, key or "(top)", "expected a mapping (key: value)")
            return {}
        out: dict[str, yaml.Node] = {}
        for k, v in node.value:
            name = k.value if isinstance(k, yaml.ScalarNode) else str(k.value)
            path = f"{key}.{name}" if key else name
            if name not in allowed:
                self.error(k, path, f"unknown key (expected one of: {', '.join(sorted(allowed))})")
            elif name in out:
                self.error(k, path, "given twice")
            else:
                out[name] = v
        for name in sorted(required - out.keys()):
            self.error(node, f"{key}.{name}" if key else name, "missing")
        return out

    def items(self, node, key: str):
        if node is None or (isinstance(node, yaml.ScalarNode) and node.value in ("", "null", "~")):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, key, "expected a list")
            return []
        return list(enumerate(node.value))

    def string(self, node, key: str, pattern: re.Pattern | None = None) -> str | None:
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
            self.error(node, key, "expected a non-empty text")
            return None
        if node.tag != "tag:yaml.org,2002:str":
            kind = node.tag.rsplit(":", 1)[-1]
            self.error(node, key, f"expected a text, got the {kind} {node.value}; quote it if it really is a name ('{node.value}')")
            return None
        value = node.value.strip()
        if pattern is not None and not pattern.match(value):
            self.error(node, key, f"{value!r} is not a valid id (lowercase ASCII letters, digits and single hyphens)")
            return None
        return value

    def strings(self, node, key: str, nonempty: bool = False) -> list[str] | None:
        if node is None:
            return None if nonempty else []
        if isinstance(node, yaml.ScalarNode):
            value = self.string(node, key)
            return [value] if value else None
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, key, "expected a list of texts")
            return None
        out = [self.string(item, f"{key}[{i}]") for i, item in enumerate(node.value)]
        if nonempty and not out:
            self.error(node, key, "must not be empty")
            return None
        return [s for s in out if s] if all(out) else None

    def actor(self, node, key: str) -> RegistryActor | None:
        f = self.mapping(node, key, ACTOR_KEYS, required={"id", "name", "label"})
        actor_id = self.string(f.get("id"), f"{key}.id", pattern=ID)
        name = self.string(f.get("name"), f"{key}.name")
        label = self.string(f.get("label"), f"{key}.label")
        if label is not None and label not in LABELS:
            self.error(f["label"], f"{key}.label", f"{label!r} is not one of {', '.join(LABELS)}")
            label = None
        slug = self.string(f.get("slug"), f"{key}.slug", pattern=ID) if "slug" in f else None
        links = self.strings(f.get("links"), f"{key}.links") or []
        for i, link in enumerate(links):
            if not re.match(r"^https?://[^\s/]+\.[^\s]+$", link):
                node_of_link = f["links"].value[i] if isinstance(f["links"], yaml.SequenceNode) else f["links"]
                self.error(node_of_link, f"{key}.links[{i}]", f"{link!r} is not a web address; give a full http(s):// URL")
        opt = {k: self.string(f.get(k), f"{key}.{k}") if k in f else None for k in ("name_en", "description")}
        aliases = self.strings(f.get("aliases"), f"{key}.aliases") or []
        roles = self.strings(f.get("roles"), f"{key}.roles") or []
        if not (actor_id and name):
            return None  # an invalid label is reported; the actor still takes part in the duplicate checks
        return RegistryActor(actor_id, name, label or "MISC", slug, opt["name_en"], aliases, opt["description"], roles, links, self.where(node))

    def check_actors(self, read: list[tuple[int, yaml.Node, RegistryActor]]) -> None:
        """Ids and slugs must each belong to one actor (names: ``registry_checks``, across labels too)."""
        seen_id: dict[str, int] = {}
        seen_slug: dict[str, int] = {}
        for i, node, a in read:
            fields = {k.value: (k, v) for k, v in node.value}
            if a.id in seen_id:
                self.error(fields["id"][1], f"actors[{i}].id", f"{a.id!r} is already used by actors[{seen_id[a.id]}]")
            seen_id.setdefault(a.id, i)
            if a.slug and a.slug in seen_slug:
                self.error(fields["slug"][1], f"actors[{i}].slug", f"{a.slug!r} is already used by actors[{seen_slug[a.slug]}]")
            if a.slug:
                seen_slug.setdefault(a.slug, i)

