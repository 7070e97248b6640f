"""Registry decisions that contradict each other: errors, never a silent winner.

The loader (``registry._Reader``) checks each entry's shape; these checks look across entries, where a
silent winner loses an editor's work: an alias that names another curated actor (of any label) moves that
actor's mentions away, two merges of one item fight over it, a rename to a slug another actor has gives two
actors one page. Every message names the file and line of both entries.
"""

from __future__ import annotations

from annotate.resolve.names import key_of
from annotate.resolve.spans import fold_words
from annotate.tokenize import tokenize


def plain_key(name: str) -> tuple[str, ...]:
    """A typed name's key as resolving compares names whatever their label (``resolve``'s forced labels)."""
    return key_of(fold_words(tokenize(name)), "PER")


def conflicts(registry) -> list[str]:
    """Every cross-entry contradiction of ``registry`` (a ``registry.Registry``), one line each."""
    errors: list[str] = []
    curated = {a.id: a for a in registry.actors}
    owner: dict[tuple, tuple[str, str]] = {}  # name key → (actor id, where the name was given)

    def claim(name: str, actor_id: str, where: str, key: str) -> None:
        k = plain_key(name)
        if not k:
            return
        other = owner.get(k)
        if other is not None and other[0] != actor_id:
            errors.append(
                f"{where}: '{key}': {name!r} already names {_who(other[0], curated)} ({other[1]}); "
                "one name can belong to one actor only: remove it from one of them (or use a 'split' decision)"
            )
            return
        owner.setdefault(k, (actor_id, where))

    for actor in registry.actors:
        for name in [actor.name, *actor.aliases]:
            claim(name, actor.id, actor.where, "aliases" if name != actor.name else "name")
    for i, alias in enumerate(registry.aliases):
        for name in alias.names:
            claim(name, alias.actor, alias.where, f"alias[{i}].names")
    errors += _merge_conflicts(registry, curated, owner)
    errors += _slug_conflicts(registry, curated)
    return errors


def _who(actor_id: str, curated: dict) -> str:
    actor = curated.get(actor_id)
    return f"'{actor_id}' ({actor.label} {actor.name}, {actor.where})" if actor else f"'{actor_id}'"


def _merge_conflicts(registry, curated: dict, owner: dict) -> list[str]:
    from annotate.resolve.grouping import label_of_id

    errors: list[str] = []
    into_of: dict[str, tuple[str, str]] = {}
    merged_into = {m.into: m for m in registry.merges}
    for i, merge in enumerate(registry.merges):
        target = curated.get(merge.into)
        for item in merge.items:
            key = f"merge[{i}].from"
            if item in curated:
                back = merged_into.get(item)
                if back is not None and merge.into in back.items:
                    errors.append(f"{merge.where}: '{key}': merge cycle: '{item}' is merged into '{merge.into}' here and '{merge.into}' into '{item}' at {back.where}; keep one direction")
                else:
                    errors.append(f"{merge.where}: '{key}': '{item}' is a curated actor ({curated[item].where}); merge two curated actors by moving the names of one into the other and deleting it")
                continue
            label = label_of_id(item) if item.isascii() else None
            if target is not None and label is not None and label not in (target.label, "MISC"):
                errors.append(f"{merge.where}: '{key}': '{item}' is a {label} and '{merge.into}' a {target.label}; merge only actors of one kind (or give '{merge.into}' the right label)")
            named = owner.get(plain_key(item)) if not item.isascii() else None
            if named is not None and named[0] != merge.into and named[0] in curated:
                errors.append(f"{merge.where}: '{key}': {item!r} names {_who(named[0], curated)}; a curated actor's name cannot be merged into another actor")
            earlier = into_of.get(item)
            if earlier is not None and earlier[0] != merge.into:
                errors.append(f"{merge.where}: '{key}': '{item}' is also merged into '{earlier[0]}' at {earlier[1]}; merge it into one actor only")
            into_of.setdefault(item, (merge.into, merge.where))
    return errors


def _slug_conflicts(registry, curated: dict) -> list[str]:
    """Slugs pinned by ``rename`` must not be another actor's pinned slug (the loader checks actors' own)."""
    errors: list[str] = []
    pinned: dict[str, tuple[str, str]] = {a.slug: (a.id, a.where) for a in registry.actors if a.slug}
    for i, rename in enumerate(registry.renames):
        if not rename.slug:
            continue
        other = pinned.get(rename.slug)
        if other is not None and other[0] != rename.actor:
            given = f" (given at {other[1]})" if other[0] not in curated or curated[other[0]].where != other[1] else ""
            errors.append(f"{rename.where}: 'rename[{i}].slug': '{rename.slug}' is already the slug of {_who(other[0], curated)}{given}; choose another slug")
            continue
        pinned[rename.slug] = (rename.actor, rename.where)
    return errors
