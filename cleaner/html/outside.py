"""HTML mode: the page's visible blocks outside the extracted body, reported as removed.

trafilatura returns the main content; what it left out (menus, the cookie banner, the newsletter
box, the share bar, related lists, comments, the footer) never reached the rules. With
`Config(page_blocks=True)` (the CLI's `--explain`) they are listed too, in page order, each with
the DOM evidence that places it outside the body: the element it sits in (`html.nav`,
`html.header`, `html.footer`, `html.aside`, `html.form`) or the class names of a widget
(`html.outside_share`, `html.outside_comments`, ...), else `html.outside_main`. `line` is the
block's position among the page's blocks. The body does not change.
"""
from __future__ import annotations

import re

from ..model import Category, Removed

#: Elements that hold a block of text (their text is one block when no such element is inside).
BLOCK_TAGS = frozenset({"p", "div", "li", "dd", "dt", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
                        "h6", "blockquote", "pre", "figcaption", "caption", "label", "button",
                        "section", "article", "header", "footer", "aside", "nav", "form", "main",
                        "ul", "ol", "table", "figure", "address", "summary"})
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "meta",
                        "link", "iframe", "object", "embed", "canvas", "video", "audio", "map",
                        "select", "option", "textarea", "input"})
#: Page regions by their element, nearest first, with the rule and category they give.
REGIONS = {
    "nav": ("html.nav", Category.NAVIGATION, "in a <nav> menu"),
    "header": ("html.header", Category.NAVIGATION, "in the page's <header>"),
    "footer": ("html.footer", Category.LEGAL, "in the page's <footer>"),
    "aside": ("html.aside", Category.TEASER, "in an <aside> box"),
    "form": ("html.form", Category.SUBSCRIPTION, "in a <form>"),
}
#: Widget concepts of class and id names (evidence.concepts_of) and what they give.
WIDGETS = {
    "share": Category.SHARE, "newsletter": Category.SUBSCRIPTION, "related": Category.TEASER,
    "comments": Category.COMMENTS, "author": Category.AUTHOR, "ad": Category.AD,
    "caption": Category.CAPTION, "credit": Category.CAPTION,
}
_CONSENT = re.compile(r"cookie|consent|gdpr|cmp-", re.I)
#: A block is reported once it has this many characters (a lone "|" or "›" is not a block).
MIN_CHARS = 2


def page_blocks(tree) -> list[tuple[str, tuple[str, Category, str]]]:
    """The page's visible text blocks in page order, each with its evidence (rule, category,
    why). Read from the parsed page before anything is pruned from it."""
    # not at import: render.py reads is_outside in text mode
    from .evidence import concepts_of

    out: list[tuple[str, tuple[str, Category, str]]] = []
    body = tree.find(".//body")
    root = body if body is not None else tree

    def walk(el, region, widget) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in _INVISIBLE:
            return
        tag = tag.lower()
        if tag in REGIONS:  # the nearest region: a <nav> inside the <header> is a menu
            region = REGIONS[tag]
        names = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
        if names:
            concepts = concepts_of(names) & WIDGETS.keys()
            if _CONSENT.search(names):
                widget = ("html.outside_cookie", Category.COOKIE, f"in an element classed '{names[:60]}'")
            elif concepts:
                name = sorted(concepts)[0]
                widget = (f"html.outside_{name}", WIDGETS[name], f"in an element classed '{names[:60]}'")
        has_block = any(isinstance(c.tag, str) and c.tag.lower() in BLOCK_TAGS for c in el)
        if tag in BLOCK_TAGS and not has_block:
            text = " ".join(el.text_content().split())
            if len(text) >= MIN_CHARS:
                out.append((text, widget or region or ("html.outside_main", Category.NAVIGATION,
                                                       "outside the main content trafilatura found")))
            return
        for child in el:
            walk(child, region, widget)

    walk(root, None, None)
    return out


def is_outside(removed: Removed) -> bool:
    """Whether a removal is a page block outside the extracted body (not one of its blocks)."""
    return removed.rule in _RULES or removed.rule.startswith("html.outside_")


_RULES = frozenset(rule for rule, _, _ in REGIONS.values())


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def outside_removed(blocks: list[tuple[str, tuple[str, Category, str]]], decisions) -> tuple[Removed, ...]:
    """The page blocks none of the extracted blocks holds, as removals (page order)."""
    body = " \n ".join(_key(d.block.text) for d in decisions)
    out = []
    for n, (text, (rule, category, why)) in enumerate(blocks, start=1):
        key = _key(text)
        if key and key not in body:
            out.append(Removed(text, category, rule, f"{why}: outside the extracted body "
                               f"(page block {n})", n))
    return tuple(out)
