"""HTML mode, the DOM evidence rules and the rules' pass over an extraction's blocks.

DOM_RULES are ordinary per-block rules (cleaner.rules.Rule) over the hints a block got from the
page (evidence.py): text in a figure caption, a photo credit, a share bar, a newsletter box, a
related-articles box, the comments or an author box, for short non-prose lines only. They run
with the text rules, before the context pass (`clean_blocks`); `dom_pass` then labels blocks that
repeat the page's title.
"""
from __future__ import annotations

import re
from typing import Callable

from .. import pipeline
from ..config import Config
from ..features import Line
from ..model import Block, Category, Decision, Hit
from ..rules import Rule
from .evidence import CAPTION_MAX_LEN

_SPACES = re.compile(r"\s+")

def _caption(line: Line) -> str | None:
    """Text in a figcaption or a caption-classed element; short text elsewhere in a figure."""
    hints, text = line.block.hints, line.text
    if len(text) > CAPTION_MAX_LEN or line.block.tag in ("tr", "blockquote"):
        return None
    if "figcaption" in hints:
        return "inside a <figcaption> on the page"
    if "caption" in hints:
        return "inside an element classed as a caption on the page"
    if "figure" in hints and not line.prose:
        return "short text inside a <figure> on the page"
    return None


def _credit(line: Line) -> str | None:
    if "credit" in line.block.hints and not line.prose and len(line.text) <= CAPTION_MAX_LEN:
        return "inside an element classed as a photo credit or copyright on the page"
    return None


def _widget(concept: str, what: str) -> Callable[[Line], str | None]:
    """Evidence of a widget container counts for short, non-prose lines only: a body paragraph
    inside an oddly classed container stays."""

    def check(line: Line) -> str | None:
        if concept in line.block.hints and not line.prose and line.block.tag != "tr":
            return f"short line inside an element classed as {what} on the page"
        return None

    return check


def _related(line: Line) -> str | None:
    """A related box: its short lines, and any paragraph that is one whole link there (a teaser
    card's summary is prose, but it links to the other article)."""
    hints = line.block.hints
    if "related" not in hints or line.block.tag == "tr":
        return None
    if "link" in hints:
        return "a whole link inside an element classed as related or promoted articles on the page"
    if not line.prose:
        return "short line inside an element classed as related or promoted articles on the page"
    return None


#: The DOM rules, in the order they are tried: ordinary per-block rules (cleaner.rules.Rule) over
#: a line whose block carries hints. "ad" and "aside" have no rule and travel as hints only:
#: layout wrappers carry modifiers such as "section--has-ads", and on the dev corpus an "ad" rule
#: removed an article's event details while catching no boilerplate the text rules had missed
#: (advertising labels are phrase rules).
DOM_RULES: tuple[Rule, ...] = (
    Rule("html.figcaption", Category.CAPTION, _caption, "text of a figure caption"),
    Rule("html.credit", Category.CAPTION, _credit, "text of a photo credit"),
    Rule("html.share", Category.SHARE, _widget("share", "a share or social bar"), "share bar"),
    Rule("html.newsletter", Category.SUBSCRIPTION,
         _widget("newsletter", "a newsletter or subscription box"), "newsletter box"),
    Rule("html.related", Category.TEASER, _related, "related-articles box"),
    Rule("html.comments", Category.COMMENTS, _widget("comments", "comments"), "comment section"),
    Rule("html.author", Category.AUTHOR, _widget("author", "an author box"), "author box"),
)


def _title_key(text: str) -> str:
    """Titles compare without case and spacing differences."""
    return _SPACES.sub(" ", text).strip().casefold()


def dom_pass(decisions: tuple[Decision, ...], config: Config, title: str | None) -> tuple[Decision, ...]:
    """Label blocks that repeat the page's title (from its metadata). The DOM evidence rules ran
    with the per-block rules (pipeline.classify(extra_rules=DOM_RULES)), before the context pass,
    so a share bar or newsletter box found only through its class counts as an end marker."""
    title_key = _title_key(title) if title else None
    out = []
    for d in decisions:
        if d.final is not None:
            out.append(d)
            continue
        hit = None
        if title_key and _title_key(d.block.text) == title_key:
            hit = Hit("html.title", Category.TITLE, "same text as the page's title (metadata)")
        if hit is None:
            out.append(d)
            continue
        kept = not config.removes(hit.category)
        note = f"category '{hit.category}' is kept by the configuration" if kept else d.note
        out.append(Decision(d.block, d.first, hit, kept, note))
    return tuple(out)



def clean_blocks(blocks: list[Block], config: Config, title: str | None):
    """Language, the text rules and context pass (pipeline.classify), then the DOM evidence pass.

    The extraction already isolated the main content, so the full-page heuristics stay off unless
    the user asked for them."""
    if config.full_page is None:
        config = config.replace(full_page=False)
    lang = pipeline.detect_language(blocks, config)
    decisions, _ = pipeline.classify(blocks, config, lang, extra_rules=DOM_RULES)
    return lang, dom_pass(decisions, config, title)
