"""The data model: blocks in, decisions out.

A `Block` is one paragraph or line of the input with its position (and, from HTML, its DOM
evidence). Rules look at blocks and return a `Hit` (rule name, category, reason). A `Decision`
keeps the first label a per-block rule gave and the final label after the context pass, so a user
can always ask why a line went or stayed.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Category(str, enum.Enum):
    """Why a block is not article body."""

    TITLE = "title"  # the headline and its repeats (reported as metadata)
    METADATA = "metadata"  # date markers, datelines, reading times
    BYLINE = "byline"  # the author's name at the top or the bottom (reported as Result.author)
    CAPTION = "caption"  # photo captions and credits
    TEASER = "teaser"  # related-article teasers, their summaries and author lines
    SUBSCRIPTION = "subscription"  # newsletter, subscribe and paywall prompts, form messages
    SHARE = "share"  # share widgets, like/tweet buttons
    COMMENTS = "comments"  # comment prompts and counters
    COOKIE = "cookie"  # cookie and consent notices
    AD = "ad"  # advertising labels
    NAVIGATION = "navigation"  # breadcrumbs, menus, "back to top", pagination
    AUTHOR = "author"  # author bios and contact lines at the end ("Have a tip?")
    LEGAL = "legal"  # copyright and legal footer lines
    REPEAT = "repeat"  # a paragraph the text already gave: a pull quote, a box shown twice

    def __str__(self) -> str:  # "caption", not "Category.CAPTION"
        return self.value


@dataclass(frozen=True, slots=True)
class Hit:
    """One rule firing on one block."""

    rule: str
    category: Category
    reason: str
    value: str | None = None  # what the rule read off the block (a byline's name)


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the input: a paragraph, or a single line when the text uses single newlines.

    `text` is what the rules judge and what the body keeps; `raw` is the block as it stood in the
    input (they differ when a leading marker such as "date 2025-09-05" was taken off as metadata).
    `hints` carries DOM evidence from HTML mode (e.g. "figure", "caption", "share").
    """

    index: int
    text: str
    line: int  # 1-based line number of the block's first line in the input
    para: int  # index of the blank-line separated paragraph the block belongs to
    raw: str = ""
    indent: int = 0  # leading spaces of the block's first line (text-browser page dumps indent)
    tag: str = ""
    hints: frozenset[str] = frozenset()

    @property
    def source(self) -> str:
        return self.raw or self.text


@dataclass(frozen=True, slots=True)
class Span:
    """A part of a block removed on its own (a credit glued to a body paragraph): character
    offsets [start, end) in the block's text, and why."""

    start: int
    end: int
    hit: Hit


@dataclass(frozen=True, slots=True)
class Decision:
    """What happened to one block: its first label (per-block rules), its final label (after the
    context pass), and whether it stays in the body (a labelled block stays when the configuration
    keeps its category)."""

    block: Block
    first: Hit | None
    final: Hit | None
    kept: bool
    note: str = ""  # why the block stayed, when a rule or the configuration had a say
    spans: tuple[Span, ...] = ()  # parts of a kept block removed on their own

    @property
    def removed(self) -> bool:
        return not self.kept

    @property
    def text(self) -> str:
        """What the body keeps of the block: its text without its removed spans."""
        if not self.spans:
            return self.block.text
        from .spans import cut

        return cut(self.block.text, self.spans)


@dataclass(frozen=True, slots=True)
class Removed:
    """A removed block as the API reports it."""

    text: str
    category: Category
    rule: str
    reason: str
    line: int
    start: int | None = None  # a span of the block: character offsets [start, end) in its text
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"text": self.text, "category": self.category.value, "rule": self.rule,
               "reason": self.reason, "line": self.line}
        if self.start is not None:
            out |= {"start": self.start, "end": self.end}
        return out


#: The Result fields that say what an HTML page declares about itself (html.page_metadata).
PAGE_FIELDS = ("sitename", "url", "description", "categories", "tags", "image", "page_language")


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome of cleaning one document."""

    text: str
    title: str | None
    language: str | None
    language_confidence: float
    date: str | None
    removed: tuple[Removed, ...]
    decisions: tuple[Decision, ...] = field(repr=False, default=())
    mode: str = "text"  # text | full-page | markdown | html
    notes: tuple[str, ...] = ()  # fallbacks and other things a user should know
    author: str | None = None  # from the byline (text) or the page metadata (HTML)
    # What an HTML page declares about itself (None or empty in text mode):
    sitename: str | None = None
    url: str | None = None  # canonical or og:url
    description: str | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    image: str | None = None
    page_language: str | None = None  # <html lang>, Content-Language or og:locale (primary subtag)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p]

    @property
    def markdown(self) -> str:
        """The body as markdown: markdown input keeps its own markup (headings, lists, links,
        emphasis); HTML input gets its headings, list items and quotes marked; plain text is
        the text."""
        from .markdown import as_markdown

        return as_markdown(self.decisions) if self.decisions else self.text

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "title": self.title,
            "language": self.language,
            "language_confidence": round(self.language_confidence, 4),
            "date": self.date,
            "author": self.author,
            "sitename": self.sitename,
            "url": self.url,
            "description": self.description,
            "categories": list(self.categories),
            "tags": list(self.tags),
            "image": self.image,
            "page_language": self.page_language,
            "mode": self.mode,
            "removed": [r.to_dict() for r in self.removed],
        }
        if self.notes:
            out["notes"] = list(self.notes)
        if explain:
            out["blocks"] = [
                {"line": d.block.line, "text": d.block.source, "kept": d.kept,
                 "category": d.final.category.value if d.final else None,
                 "rule": d.final.rule if d.final else None,
                 "reason": d.final.reason if d.final else None,
                 "first_rule": d.first.rule if d.first else None,
                 "note": d.note or None,
                 **({"spans": [{"start": s.start, "end": s.end, "text": d.block.text[s.start:s.end],
                                "category": s.hit.category.value, "rule": s.hit.rule,
                                "reason": s.hit.reason} for s in d.spans]} if d.spans else {})}
                for d in self.decisions
            ]
        return out
