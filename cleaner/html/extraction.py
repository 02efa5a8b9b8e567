"""HTML mode, extraction: trafilatura's main content of a page, as Blocks with DOM evidence.

`extract_blocks` runs one of trafilatura's extractions (EXTRACT_OPTIONS: fast and recall-oriented;
BALANCED_OPTIONS, its default with the second-opinion extractors; RECALL_OPTIONS, the fallback
extractors) and makes one Block per line of its XML output, with the evidence of the containers
its text sits in (`blocks_from_body`). `baseline_blocks` reads the page's paragraphs
(trafilatura's baseline), and `union` merges two extractions in page order, each block once.
"""
from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from ..model import Block
from .evidence import Evidence, match_key

if TYPE_CHECKING:  # lxml is imported lazily, with trafilatura
    from lxml.html import HtmlElement

#: trafilatura settings of the main extraction: fast (no second-opinion extractors) and
#: favor_recall, about twice as fast as its default with nearly the same recall (dev corpus:
#: 923 vs 928 body snippets found); the rules and the DOM evidence give the precision. Images
#: stay out: with them trafilatura also keeps more page furniture (dev corpus: 25 more leaked
#: snippets); figure captions are reported from the page instead (see Caption).
EXTRACT_OPTIONS = dict(fast=True, favor_recall=True, include_comments=False, include_tables=True,
                       include_images=False, include_formatting=False, include_links=False)
#: trafilatura's default (balanced) extraction, with its second-opinion extractors: asked when the
#: fast one is short, and by the guardrail.
BALANCED_OPTIONS = dict(EXTRACT_OPTIONS, fast=False, favor_recall=False)
#: The guardrail's last extraction: the fallback extractors, in recall mode.
RECALL_OPTIONS = dict(EXTRACT_OPTIONS, fast=False, favor_recall=True)
#: A fast extraction holding less than this share of the page's text gets a second opinion from
#: the balanced extraction (kept when longer): that is where fast mode misses the body, short or
#: long (dev-wcxb: fast runs that kept one 1,400-character paragraph of a 15,000-character page,
#: or 800 characters of 30,000). A short body that is a fair share of its page (a short post on a
#: plain blog) is left alone.
SHORT_EXTRACTION_SHARE = 0.15

#: Output element -> the HTML tag its blocks report.
_TAGS = {"p": "p", "list": "li", "item": "li", "quote": "blockquote", "table": "tr", "row": "tr",
         "code": "pre", "figure": "figure"}


def extract_body(tree: "HtmlElement", options: dict):
    from trafilatura import bare_extraction

    doc = bare_extraction(tree, output_format="xml", **options)
    return None if doc is None else doc.body


def blocks_from_body(body, evidence: Evidence) -> list[Block]:
    """One block per line of the extracted text, in order; the lines of one output element share
    a paragraph index and its tag."""
    from lxml import etree
    from trafilatura.xml import xmltotxt

    etree.strip_elements(body, "graphic", with_tail=False)  # images: their alt text is no body
    blocks: list[Block] = []
    units = []
    if body.text and body.text.strip():
        units.append(("p", body.text))
    for child in body:
        if child.tag == "head":  # trafilatura's heading, its level in "rend"
            rend = child.get("rend", "")
            tag = rend if re.fullmatch(r"h[1-6]", rend) else "h2"
        else:
            tag = _TAGS.get(child.tag, "p")
        units.append((tag, xmltotxt(child, False)))  # xmltotxt renders the element's tail too
    for para, (tag, text) in enumerate(units):
        # preformatted text (a results table, code) is one block: its lines are not paragraphs
        for line in ([text] if tag == "pre" else text.split("\n")):
            line = line.strip()
            if not line:
                continue
            blocks.append(Block(index=len(blocks), text=line, line=len(blocks) + 1, para=para,
                                tag=tag, hints=evidence.lookup(line)))
    return _without_content_containers(blocks)


#: Widget concepts whose evidence a block loses when the container holds the article itself
#: (related and comment boxes that hold most of the extraction are what it wrongly took).
WIDGET_HINTS = frozenset({"share", "newsletter", "author"})
#: A widget container that holds at least this share of the extracted text is the page's content:
#: a newsletter platform's post sits in a "newsletter" element, a blog's in "author-post".
CONTENT_CONTAINER_SHARE = 0.5


def _without_content_containers(blocks: list[Block]) -> list[Block]:
    total = sum(len(b.text) for b in blocks)
    held = {h: sum(len(b.text) for b in blocks if h in b.hints) for h in WIDGET_HINTS}
    content = frozenset(h for h, n in held.items() if total and n >= CONTENT_CONTAINER_SHARE * total)
    if not content:
        return blocks
    return [dataclasses.replace(b, hints=b.hints - content) if b.hints & content else b for b in blocks]


def extract_blocks(tree, options: dict, evidence: Evidence) -> list[Block]:
    body = extract_body(tree, options)
    return blocks_from_body(body, evidence) if body is not None else []


#: When the page's paragraphs (trafilatura's baseline: the JSON-LD articleBody, the <article>
#: elements or the <p> elements, the first that holds text) hold this many times the text of the
#: extraction, the extraction took a box of the page (a teaser list, a sidebar) and missed the
#: body: the two are merged, in page order, and the rules judge the whole (dev-wcxb html, half a:
#: 2 pages, each F1 0.19 -> 0.94; dev-eval html, half a: 4 pages, 3 more body snippets found,
#: one lost).
BASELINE_RATIO = 3.0


def baseline_blocks(tree, evidence: Evidence, floor: float = 0.0) -> list[Block]:
    """The page's paragraphs as trafilatura's baseline finds them; when what it found holds
    `floor` characters or fewer on a page without <article> elements, the paragraph elements'
    text instead if it holds more. The baseline stops at its first source with text, and a
    JSON-LD description can shadow the page's paragraphs (dev-wcxb html, half a: one page, its
    baseline a 563-character description, its paragraphs 6,900 characters)."""
    from trafilatura import baseline

    body, _, _ = baseline(tree)  # works on a copy of the tree
    blocks = blocks_from_body(body, evidence)
    # (with <article> elements the baseline read them, or their paragraphs: a page of comments
    # or posts, each an <article>, is not a body to add)
    if chars(blocks) <= floor and next(tree.iter("article"), None) is None:
        paragraphs = blocks_from_body(paragraph_body(tree), evidence)
        if chars(paragraphs) > chars(blocks):
            return paragraphs
    return blocks


#: The elements whose text trafilatura's baseline reads as paragraphs.
PARAGRAPH_TAGS = ("blockquote", "code", "p", "pre", "q", "quote")


def paragraph_body(tree):
    """trafilatura's paragraph source alone, on a copy of the tree: the text of every paragraph
    element (not one inside another), once each, after the baseline's basic cleaning (asides,
    footers, cookie banners)."""
    import copy

    from lxml.etree import Element, SubElement

    body, seen = Element("body"), set()
    try:
        from trafilatura.baseline import basic_cleaning, block_text
    except ImportError:  # another trafilatura layout: no paragraphs of its own to add
        return body
    cleaned = basic_cleaning(copy.deepcopy(tree))
    for element in cleaned.iter(*PARAGRAPH_TAGS):
        if any(a.tag in PARAGRAPH_TAGS for a in element.iterancestors()):
            continue
        text = block_text(element).strip()
        if text and text not in seen:
            seen.add(text)
            SubElement(body, "p").text = text
    return body


def baseline_bound(tree) -> int:
    """At most what trafilatura's baseline finds: the longest of its sources (the JSON-LD
    scripts, the outermost <article> elements, the paragraphs)."""
    scripts = sum(len(el.text or "") for el in tree.iter("script"))  # only JSON-LD is left
    articles = sum(len(el.text_content()) for el in tree.xpath("//article[not(ancestor::article)]"))
    paragraphs = sum(len(el.text_content()) for el in tree.iter("p", "blockquote", "pre", "code", "q"))
    return max(scripts, articles, paragraphs)


def union(page: str, first: list[Block], second: list[Block]) -> list[Block]:
    """The blocks of both extractions in the order of the page's text (`page`, keyed by match_key):
    every block of the first, and the blocks of the second whose text the first does not hold;
    each block at its first place in the page after the block before it (else its first place
    anywhere); a block the page's text does not hold word for word follows the block before it.
    A line the first extraction gives more than once stays as often as it is given (a weekly
    plan's "Rest day", a table's repeated cells): repeat.paragraph judges the copies."""
    seen = {match_key(b.text) for b in first}
    placed: list[tuple[int, int, int, Block]] = []
    for source, blocks in enumerate((first, second)):
        pos = 0
        for n, b in enumerate(blocks):
            key = match_key(b.text)
            found = page.find(key, pos)  # blocks come in page order: look after the last one first
            if found < 0:
                found = page.find(key)
            pos = found if found >= 0 else pos
            if source == 0 or key not in seen:  # a block both hold still places the ones after it
                placed.append((pos, source, n, b))
    placed.sort(key=lambda t: t[:3])
    paras: dict[tuple[int, int], int] = {}  # the lines of one element of one extraction share a paragraph
    return [dataclasses.replace(b, index=i, line=i + 1, para=paras.setdefault((source, b.para), len(paras)))
            for i, (_, source, _, b) in enumerate(placed)]


def chars(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks)


def is_short(blocks: list[Block], page_chars: int) -> bool:
    """Whether the fast extraction may have missed the body (see SHORT_EXTRACTION_SHARE)."""
    return chars(blocks) < SHORT_EXTRACTION_SHARE * page_chars
