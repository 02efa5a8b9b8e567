"""HTML mode, the reader: a web page -> Blocks with DOM evidence -> the same pipeline as text mode.

    page -> lxml tree (parsed once; scripts and widgets dropped) -> page metadata (metadata.py)
         -> DOM evidence (evidence.py): containers classed share/related/caption/... and figure/
            figcaption/aside elements, keyed by their text
         -> trafilatura's main content (extraction.py), with a second opinion when it is short,
            the page's paragraphs when it took a box of the page, and the paragraphs it skipped
            (missed.py) -> one Block per line, with the evidence of its containers (Block.hints)
         -> language -> per-block rules and DOM rules -> context pass -> title (dom_rules.py)
         -> figures the extraction left out (captions.py)
         -> Result (title, date and page fields from the metadata, mode "html"); with
            Config(page_blocks=True), the page's blocks outside the body too (outside.py)

When cleaning would leave nothing of a page that has text, `clean_html` falls back to
trafilatura's other extractions, then to the page's text in text mode (fallback.py), and says so
in `Result.notes`.
"""
from __future__ import annotations

import dataclasses
import html as html_lib
import threading

from .. import pipeline
from ..config import Config
from ..model import Block, Result
from ..pipeline import InputError
from . import extraction, fallback, missed, outside
from .captions import add_missing_captions
from .dom_rules import clean_blocks
from .evidence import Evidence, collect_evidence, match_key
from .extraction import BALANCED_OPTIONS, BASELINE_RATIO, EXTRACT_OPTIONS, chars
from .metadata import page_metadata

#: Removed from the page before anything else: scripts, styles and inline SVG (not page text), and
#: widgets trafilatura discards anyway (its MANUALLY_CLEANED list), which makes its copy of the
#: page and its pruning passes cheaper (about 2 ms a page, no body snippet lost on the dev corpus).
#: Not <nav>: trafilatura puts a navigation element back when it held every paragraph (one dev
#: page keeps its settings documentation there); not <form>: ASP.NET pages wrap the whole body in
#: one; not <figure>/<aside>: they are evidence. JSON-LD scripts stay: they feed the metadata and
#: trafilatura's rescue of very short extractions.
_SKIP_TAGS = ("style", "svg", "menu", "footer", "button", "input", "select", "option", "textarea",
              "iframe", "embed", "object", "canvas", "video", "audio", "map", "area")
_SKIP_XPATH = '//script[not(@type="application/ld+json")]'

#: Widget elements that can hold text. One holding at least this share of the body's text is
#: no widget but broken markup (a header's menu <button> left open wraps the whole page): its tag
#: goes, its content stays.
_TEXT_WIDGETS = ("menu", "footer", "button", "select", "option", "textarea", "object", "map")
WRAPPER_MIN_SHARE = 0.5
#: ... and at least this many characters (smaller widgets are not worth comparing with the page).
WRAPPER_MIN_CHARS = 1000


def _prune(tree) -> None:
    """Remove scripts, styles, inline SVG and widgets (see _SKIP_TAGS), keeping the text that
    follows them, and unwrap a widget element that holds most of the page (see
    WRAPPER_MIN_SHARE)."""
    from lxml import etree

    for el in tree.xpath(_SKIP_XPATH):
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)
    etree.strip_elements(tree, "style", "svg", with_tail=False)  # their text is no page text
    page_chars = None
    for el in list(tree.iter(*_TEXT_WIDGETS)):
        widget_chars = len(el.text_content())
        if widget_chars < WRAPPER_MIN_CHARS:
            continue
        if page_chars is None:
            page_chars = len(tree.text_content())
        if widget_chars >= WRAPPER_MIN_SHARE * page_chars:
            el.tag = "div"
    etree.strip_elements(tree, *_SKIP_TAGS, with_tail=False)


def _html_parser():
    """trafilatura's HTML parser settings (trafilatura.utils.HTML_PARSER), with lxml.html's element
    classes (HtmlElement, FormElement for <form>, ...) looked up in C: lxml.html's own lookup is a
    Python method called each time an element of the tree gets a Python object, which every walk
    over the tree does, trafilatura's included (1.4 million calls over the 328 dev-eval pages).
    The same classes for the same tags, so the same tree for every reader. One parser per thread:
    an lxml parser must not be used by two threads at once. None when lxml.html keeps its classes
    elsewhere than this lxml version does (trafilatura's parser is used then)."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        from lxml import etree
        from lxml import html as lxml_html

        classes = getattr(lxml_html.HtmlElementClassLookup, "_default_element_classes", None)
        if not isinstance(classes, dict):
            return None
        lookup = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
        by_tag = lookup.get_namespace(None)  # tags without a namespace: every tag of an HTML page
        for tag, cls in classes.items():
            by_tag[tag] = cls
        parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                      remove_comments=True, remove_pis=True)
        parser.set_element_class_lookup(lookup)
        _PARSERS.parser = parser
    return parser


_PARSERS = threading.local()


def _load_html(html: str):
    """trafilatura's loader (trafilatura.utils.load_html) with the parser of _html_parser: the same
    repairs, then one parse. Whatever is unusual (the parser fails, the tree is empty, or the
    content is no HTML page, such as a fragment) goes to trafilatura's own loader: its second try
    with bytes, its rejection and its log messages stay its own. trafilatura's loader also reads
    every page when its helpers, or lxml.html's classes, are not where these versions keep them."""
    from trafilatura.utils import load_html

    try:
        from trafilatura.utils import is_dubious_html, repair_faulty_html
    except ImportError:  # another trafilatura layout
        return load_html(html)
    parser = _html_parser()
    if parser is None:
        return load_html(html)
    from lxml.html import fromstring

    beginning = html[:50].lower()
    try:
        tree = fromstring(repair_faulty_html(html, beginning), parser=parser)
    except Exception:  # noqa: BLE001 - an XML declaration with an encoding, a parser error
        tree = None
    if tree is None or len(tree) < 1 or (is_dubious_html(beginning) and len(tree) < 2):
        return load_html(html)
    return tree


def parse(html: str):
    """The page's lxml tree (trafilatura's loader: encoding, repairs), or None. A fragment such as
    "<p>...</p>" alone is refused by the loader as not quite HTML, so it is read again inside a
    <body>."""
    try:
        tree = _load_html(html)
        if tree is None and "<" in html:
            tree = _load_html(f"<html><body>{html}</body></html>")
    except (ValueError, TypeError) as exc:
        raise InputError(f"cannot parse the HTML: {exc}") from None
    if tree is not None and tree.getnext() is not None:
        _adopt_trailing_roots(tree)
    return tree


def _adopt_trailing_roots(tree) -> None:
    """Content after `</html>` goes at the end of <body>, where a browser shows it. lxml makes a
    second root element of it instead, which the extraction and the evidence, reading the first
    root, never see: a page whose template closes its document before the article (the two
    corpora: 14 of 1,037 pages have such a root, 9 with text in it, scripts included; one holds
    its page's whole article)."""
    body = tree.find("body")
    if body is None:
        body = tree.makeelement("body", {})
        tree.append(body)
    sibling = tree.getnext()
    while sibling is not None:
        following = sibling.getnext()
        if isinstance(sibling.tag, str):  # an element (comments and PIs are dropped by the parser)
            if sibling.tag == "html":  # its children, its own body's children (not its head)
                for child in list(sibling):
                    if child.tag == "body":
                        body.extend(list(child))
                    elif child.tag != "head":
                        body.append(child)
            else:
                body.append(sibling)
        sibling = following


def _with_missed(tree, page: str, blocks: list[Block], evidence: Evidence, notes: list[str]) -> list[Block]:
    """The extraction's blocks and the body paragraphs it skipped (missed.missed: its lead
    paragraph, the holes in its body), in page order; a note says how many were added."""
    found = missed.missed(outside.page_blocks(tree), [b.text for b in blocks],
                          lambda text: bool(evidence.lookup(text)))
    if not found:
        return blocks
    extra = [Block(index=n, text=text, line=n + 1, para=n, tag="p", hints=evidence.lookup(text))
             for n, (_, text) in enumerate(found)]
    notes.append(f"added {len(extra)} paragraph{'s' if len(extra) > 1 else ''} of the page that "
                 "the extraction skipped (above its first paragraph or between two of them)")
    return extraction.union(page, blocks, extra)


def clean_html(html: str, config: Config | None = None, **overrides) -> Result:
    """Clean a web page: extract its main content, then remove what is not article body, with a
    reason for each removal (DOM evidence included). Title and date come from the page metadata.

    >>> page = ("<html><body><article><h1>Council votes for the new plan</h1>"
    ...         "<p>The council met on Monday and voted for the new plan after a long debate "
    ...         "about the budget of the town.</p><p>The work on the schools starts in spring and "
    ...         "should be finished before the end of next year.</p>"
    ...         "<div class='post-share'><p>Send to a friend</p></div></article></body></html>")
    >>> result = clean_html(page)
    >>> result.title
    'Council votes for the new plan'
    >>> [(r.rule, r.text) for r in result.removed]
    [('title.top', 'Council votes for the new plan'), ('html.share', 'Send to a friend')]
    """
    config = (config or Config()).replace(**overrides) if overrides else (config or Config())
    if not isinstance(html, str):
        raise InputError(f"expected HTML (str), got {type(html).__name__}")
    if len(html.encode("utf-8", "surrogatepass")) > config.max_bytes:
        raise InputError(f"document too large: more than {config.max_bytes} bytes (see --max-bytes)")
    if not html.strip():
        raise pipeline.EmptyDocument()
    if not fallback.has_tags(html):  # plain text saved as .html, or sent with --input-format html
        return fallback.as_text(html_lib.unescape(html), config, "the content has no HTML tags: cleaned it as text")
    tree = parse(html)
    if tree is None:
        return fallback.as_text(fallback.stripped_text(html), config,
                                "the HTML could not be parsed: cleaned its text, tags stripped, as text")
    outside_blocks = outside.page_blocks(tree) if config.page_blocks else None  # before pruning
    _prune(tree)  # JSON-LD stays for the metadata, and htmldate copies a smaller tree
    title, date, page = page_metadata(tree)
    evidence = collect_evidence(tree)
    notes: list[str] = []

    def result(decisions, lang) -> Result:
        decisions = add_missing_captions(decisions, evidence.captions, config)
        result = pipeline.build_result(decisions, lang, date=date, mode="html", notes=tuple(notes),
                                       title=title, page=page)
        if outside_blocks:
            result = dataclasses.replace(
                result, removed=result.removed + outside.outside_removed(outside_blocks, decisions))
        return result

    blocks = extraction.extract_blocks(tree, EXTRACT_OPTIONS, evidence)
    tried = ["fast"]
    page_text = match_key(tree.text_content())  # scripts are pruned, JSON-LD stays
    if extraction.is_short(blocks, len(page_text)):
        second = extraction.extract_blocks(tree, BALANCED_OPTIONS, evidence)
        tried.append("balanced")
        if chars(second) > chars(blocks):
            notes.append(f"the fast extraction was short ({chars(blocks)} characters): used "
                         f"trafilatura's balanced extraction ({chars(second)} characters)")
            blocks = second
    # (the baseline finds at most the page's text, and at most what its sources hold: not worth
    # asking when they are short)
    floor = BASELINE_RATIO * chars(blocks)
    asked = blocks and len(page_text) > floor and extraction.baseline_bound(tree) > floor
    third = extraction.baseline_blocks(tree, evidence, floor) if asked else []
    if chars(third) > floor:
        merged = extraction.union(page_text, blocks, third)
        notes.append(f"the extraction held a small part of the page's paragraphs ({chars(blocks)} "
                     f"characters): added the page's other paragraphs (trafilatura's baseline), "
                     f"in page order ({chars(merged)} characters)")
        blocks = merged
    if blocks:
        blocks = _with_missed(tree, page_text, blocks, evidence, notes)
        lang, decisions = clean_blocks(blocks, config, title)
        if any(d.kept and d.block.text for d in decisions):
            return result(decisions, lang)
        notes.append(f"the rules removed all {len(blocks)} blocks of the extracted text")
    else:
        notes.append(f"trafilatura found no main content ({' and '.join(tried)} extraction)")

    found = fallback.other_extractions(tree, evidence, config, title, tried, notes)
    if found is not None:
        return result(*found)
    return fallback.page_text_result(tree, html, config, notes, title, date, page)
