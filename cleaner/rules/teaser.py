"""Related-article teasers: lead-ins such as "Read more:" (runs of teaser cards are in context)."""
from __future__ import annotations

from ..model import Category
from . import phrase_rule

RULES = (phrase_rule("teaser.lead_in", Category.TEASER),)
