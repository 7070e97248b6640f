"""Page templates and the Arabic words readers see. Values are escaped by the caller."""

from __future__ import annotations

LABEL_NAMES = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "أخرى"}
LABEL_PLURALS = {"PER": "الأشخاص", "ORG": "المنظمات", "LOC": "الأماكن", "MISC": "أخرى"}
LABEL_CLASSES = {"PER": "per", "ORG": "org", "LOC": "loc", "MISC": "misc"}
INDEX_FILES = {"PER": "people.md", "ORG": "organizations.md", "LOC": "places.md"}

FRONT_MATTER = "---\ntitle: {title}\n{extra}---\n\n"

# An entity link's tooltip («خليفة حفتر — شخص») is added by assets/reader.js from the actors the page lists
# (article pages) or timeline/actors.json (the timeline): written on every link it was 0.8 KB an article.
ENTITY = '<a class="ent ent-{cls}" id="{anchor}" href="{href}">{text}</a>'
ENTITY_NOLINK = '<span class="ent ent-{cls}" id="{anchor}" title="{label}">{text}</span>'
# A date's value shows on hover and focus (site.css: its ``datetime``, or its ``title`` where it has none).
DATE = '<time class="date"{id} tabindex="0" {attr}>{text}</time>'
DATE_UNRESOLVED = '<time class="date date-unresolved"{id} tabindex="0" title="{why}">{text}</time>'
DATE_QUOTED = '<time class="date"{attr}>{text}</time>'  # in a timeline entry, whose value is written beside it
ENTITY_REF = '<a class="ent ent-{cls}" href="{href}">{text}</a>'
HIGHLIGHT = '<mark class="ent ent-{cls}">{text}</mark>'

LEGEND = (
    '<p class="legend" aria-label="مفتاح الألوان">'
    + "".join(
        f'<span class="ent ent-{LABEL_CLASSES[k]}">{v}</span> '
        for k, v in LABEL_NAMES.items()
    )
    + '<time class="date" tabindex="0" title="تاريخ">تاريخ</time></p>'
)
