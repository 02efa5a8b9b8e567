"""HTML mode, the fallbacks: when the extraction and the rules leave nothing of a page.

Guardrail 1 (`other_extractions`): trafilatura's extractions not tried yet, the balanced one and
the recall one. Guardrail 2 (`page_text_result`): the page's whole text through text mode (which
detects full-page text), or the HTML's text with its tags stripped when the parsed tree holds
none. Content that is not HTML at all (no tag, or no tree) is cleaned as text (`as_text`). Each
fallback says why in `Result.notes`; a page without any visible text is `EmptyDocument`.
"""
from __future__ import annotations

import dataclasses
import html as html_lib
import re

from .. import pipeline
from ..config import Config
from ..model import Decision, Result
from . import extraction
from .dom_rules import clean_blocks
from .evidence import Evidence
from .extraction import BALANCED_OPTIONS, RECALL_OPTIONS

#: Elements that end a line in the page's text (for the text-mode fallback).
_LINE_TAGS = ("p", "div", "br", "li", "dd", "dt", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
              "h6", "blockquote", "pre", "section", "article", "header", "aside", "figure",
              "figcaption", "nav", "ul", "ol", "table", "form", "main")


def page_text(tree) -> str:
    """The page's visible text, one line per block element, as text mode reads a full page.
    Changes the tree (the last step that reads it)."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    for el in root.iter(*_LINE_TAGS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


_INVISIBLE = re.compile(r"<(script|style|template|svg)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


def stripped_text(html: str) -> str:
    """The text of HTML the parser could not make a tree of: tags become line breaks."""
    text = html_lib.unescape(_TAG.sub("\n", _INVISIBLE.sub(" ", html)))
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


#: A start or end tag, a comment or a doctype: content without any of them is not HTML.
_ANY_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|!--|!doctype)", re.I)


def has_tags(html: str) -> bool:
    """Whether the content has any HTML tag (plain text saved as .html has none)."""
    return bool(_ANY_TAG.search(html))


def as_text(text: str, config: Config, note: str) -> Result:
    """Content given as HTML that is not (or cannot be read as) HTML, cleaned in text mode."""
    result = pipeline.clean(text, config)
    return dataclasses.replace(result, notes=(note, *result.notes))


def other_extractions(tree, evidence: Evidence, config: Config, title: str | None, tried: list[str],
                      notes: list[str]) -> tuple[tuple[Decision, ...], str] | None:
    """Guardrail 1: trafilatura's extractions not `tried` yet, the balanced one and the recall one;
    the (decisions, language) of the first whose blocks the rules do not all remove, else None.
    Adds to `tried` and `notes`."""
    for options, name in ((BALANCED_OPTIONS, "balanced"), (RECALL_OPTIONS, "recall")):
        if name in tried:
            continue
        tried.append(name)
        blocks = extraction.extract_blocks(tree, options, evidence)
        if not blocks:
            notes.append(f"trafilatura's {name} extraction found no main content either")
            continue
        lang, decisions = clean_blocks(blocks, config, title)
        if any(d.kept and d.block.text for d in decisions):
            notes.append(f"used trafilatura's {name} extraction instead")
            return decisions, lang
        notes.append(f"the rules removed all {len(blocks)} blocks of the {name} extraction too")
    return None


def page_text_result(tree, html: str, config: Config, notes: list[str], title: str | None,
                     date: str | None, page: dict) -> Result:
    """Guardrail 2: the page's whole text through text mode (which detects full-page text); when
    the parsed tree holds no text at all (nesting deeper than the parser keeps, broken markup),
    the HTML's own text with the tags stripped. The page's metadata stays; `notes` come first.
    Raises EmptyDocument when neither holds any text."""
    text, source = page_text(tree), "the page's whole text"
    if not text.strip():
        text, source = stripped_text(html), "the HTML's text with its tags stripped"
        if text.strip():
            notes.append("the parsed page held no text (too deeply nested or malformed HTML?)")
    if text.strip():
        cleaned = pipeline.clean(text, config)
        if cleaned.text:
            notes.append(f"cleaned {source} in text mode instead")
        else:
            notes.append(f"text mode also removed every line of {source}: "
                         "the page has no article body")
        return dataclasses.replace(cleaned, mode="html", notes=(*notes, *cleaned.notes),
                                   title=title or cleaned.title, date=date or cleaned.date,
                                   **(page | {"author": page["author"] or cleaned.author}))
    raise pipeline.EmptyDocument()  # no visible text: the same error as an empty text
