"""clean-articles: keep only the body of a news article, with a reason for every removed line."""
from __future__ import annotations

__version__ = "0.1.0"

from .config import Config
from .model import Block, Category, Decision, Hit, Removed, Result
from .pipeline import InputError, clean

__all__ = ["clean", "clean_html", "Config", "Result", "Removed", "Category", "Decision", "Hit",
           "Block", "InputError", "__version__"]


def __getattr__(name: str):
    """`clean_html` is imported on first use: HTML mode loads trafilatura and lxml, which text
    mode never needs."""
    if name == "clean_html":
        from .html import clean_html

        return clean_html
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
