"""The render stage: annotated articles and actors → Markdown pages, indexes and data files.

Two steps, as in displaCy: ``views`` turns records into plain view data (what a page shows), then
``pages`` fills the templates in ``templates``. Every piece of article text, every label and every
actor name is escaped on the way out (``escape``).
"""

from annotate.render.pages import render_pages
from annotate.render.site_data import SiteData

__all__ = ["SiteData", "render_pages"]
