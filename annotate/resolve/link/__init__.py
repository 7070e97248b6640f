"""Linking rules beyond spelling variants and person short forms (``resolve.rules``): organizations and
places written long and short (``forms``), and generic institution names kept apart by country
(``context``). Recognizing mentions is ``resolve.recognize``'s job; this package only decides which
mentions are one actor.
"""

from annotate.resolve.link.context import contextual_keys, country_of
from annotate.resolve.link.forms import unite_extensions, unite_portfolios, unite_short_forms, unite_within_articles

__all__ = ["contextual_keys", "country_of", "unite_extensions", "unite_portfolios", "unite_short_forms", "unite_within_articles"]
