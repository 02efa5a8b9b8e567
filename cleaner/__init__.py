"""clean-articles: keep only the body of a news article, with a reason for every removed line."""
from __future__ import annotations

__version__ = "0.1.0"

from .config import Config
from .html import clean_html
from .model import Block, Category, Decision, Hit, Removed, Result
from .pipeline import InputError, clean

__all__ = ["clean", "clean_html", "Config", "Result", "Removed", "Category", "Decision", "Hit",
           "Block", "InputError", "__version__"]
