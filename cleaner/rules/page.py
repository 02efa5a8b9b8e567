"""Page furniture: navigation, author boxes and contact lines, legal footers."""
from __future__ import annotations

from ..model import Category
from . import phrase_rule

RULES = (
    phrase_rule("author.phrase", Category.AUTHOR),
    phrase_rule("legal.phrase", Category.LEGAL),
    phrase_rule("navigation.phrase", Category.NAVIGATION),
)
