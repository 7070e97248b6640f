"""Page templates and the Arabic words readers see. Values are escaped by the caller."""

from __future__ import annotations

LABEL_NAMES = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "أخرى"}
LABEL_PLURALS = {"PER": "الأشخاص", "ORG": "المنظمات", "LOC": "الأماكن", "MISC": "أخرى"}
LABEL_CLASSES = {"PER": "per", "ORG": "org", "LOC": "loc", "MISC": "misc"}
INDEX_FILES = {"PER": "people.md", "ORG": "organizations.md", "LOC": "places.md"}

FRONT_MATTER = "---\ntitle: {title}\n{extra}---\n\n"

ENTITY = '<a class="ent ent-{cls}" id="{anchor}" href="{href}" title="{name} — {label}">{text}</a>'
ENTITY_NOLINK = '<span class="ent ent-{cls}" id="{anchor}" title="{label}">{text}</span>'
DATE = '<time class="date"{id} tabindex="0" {attr}title="{value}">{text}</time>'
DATE_UNRESOLVED = '<time class="date date-unresolved"{id} tabindex="0" title="{why}">{text}</time>'
ENTITY_REF = '<a class="ent ent-{cls}" href="{href}" title="{name} — {label}">{text}</a>'
HIGHLIGHT = '<mark class="ent ent-{cls}">{text}</mark>'

LEGEND = (
    '<p class="legend" aria-label="مفتاح الألوان">'
    + "".join(
        f'<span class="ent ent-{LABEL_CLASSES[k]}">{v}</span> '
        for k, v in LABEL_NAMES.items()
    )
    + '<time class="date" tabindex="0" title="تاريخ">تاريخ</time></p>'
)
