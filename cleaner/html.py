"""HTML reader: a web page -> Blocks with DOM evidence -> the same pipeline as text mode.

    page -> lxml tree (parsed once; scripts and widgets dropped) -> page metadata (title, date,
            author)
         -> DOM evidence: containers classed share/related/caption/... and figure/figcaption/
            aside elements, keyed by their text
         -> trafilatura's main content (its XML tree) -> one Block per output line, with the
            evidence of the containers its text sits in (Block.hints)
         -> language -> per-block rules -> context pass (pipeline.classify)
         -> DOM evidence pass (DOM_RULES, the page title) -> figures the extraction left out
         -> Result (title, date and author from the metadata, mode "html")

trafilatura finds the main content and keeps its structure (headings, list items, quotes, table
rows); it runs in its fast recall mode, and the project's rules and the DOM evidence give the
precision. trafilatura drops figures; the figures that sit inside the extracted article come back
as caption blocks removed with a reason, so that no caption disappears without a trace.

When cleaning would leave nothing of a page that has text, `clean_html` falls back to
trafilatura's other extractions, then to the page's text in text mode, and says so in
`Result.notes`. Content without any HTML tag (plain text saved as .html) is cleaned in text mode,
with a note; a page without visible text raises the same `EmptyDocument` as an empty text.
"""
from __future__ import annotations

import dataclasses
import functools
import html as html_lib
import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Callable

from . import missed, outside, pipeline
from .config import Config
from .features import Line
from .model import Block, Category, Decision, Hit, Result
from .pipeline import InputError
from .rules import Rule

if TYPE_CHECKING:  # lxml is imported lazily, with trafilatura
    from lxml.html import HtmlElement

log = logging.getLogger(__name__)

# --- DOM evidence vocabulary ---------------------------------------------------------------------
#
# class and id values are split into tokens at non-alphanumerics and camelCase humps
# ("c-article__caption" -> c, article, caption; "relatedPosts" -> related, posts), and a token
# counts when it equals one of a concept's words or starts with one of its stems. Whole tokens,
# never substrings of the attribute: "shadow" and "header" must not read as "ad", "download" not
# as "ad" either. Grouped by concept as in trafilatura's xpaths.py; no site or outlet names, only
# widget words (English, and German/French where CMS themes use them) and the few widget vendors
# whose names became the class of the widget itself. Each group's comment shows class names it
# catches.

#: concept -> (whole-token words, token stems)
EVIDENCE_TOKENS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    # photo captions: "wp-caption-text", "image-caption", "figure__caption", "bildunterschrift"
    "caption": (frozenset({"figcaption", "legende", "bildunterschrift"}), ("caption",)),
    # photo credits: "photo-credit", "image-copyright", "bildnachweis", "bildquelle"
    "credit": (frozenset({"copyright", "photographer", "bildnachweis", "bildquelle"}), ("credit",)),
    # share bars and social follow boxes: "share-buttons", "social-links", "shariff", "addthis"
    "share": (frozenset({"social", "socials", "shariff", "addthis", "sharethis", "teilen"}),
              ("share", "sharing", "social")),
    # newsletter boxes, sign-up forms, paywall prompts
    "newsletter": (frozenset({"abo", "optin", "paywall", "signup", "registerwall"}),
                   ("newsletter", "subscri")),
    # related/recommended article boxes and teaser cards; "teaser" also names a lede on some
    # German CMSs, which the prose guard below keeps
    "related": (frozenset({"teaser", "teasers", "promo", "promos", "popular", "trending",
                           "mostread", "readmore", "outbrain", "taboola"}),
                ("related", "recommend", "empfehl")),
    # comment sections and prompts ("commentary" is an opinion piece, not comments)
    "comments": (frozenset({"comments", "comment", "kommentare", "disqus", "respond"}),
                 ("commentlist", "commentform", "comments")),
    # author boxes and bios at the end of an article
    "author": (frozenset({"bio", "byline", "autor", "autorin", "authors"}), ("author",)),
    # advertising slots and sponsored boxes
    "ad": (frozenset({"ad", "ads", "adslot", "advert", "anzeige", "werbung", "dfp"}),
           ("advert", "sponsor")),
}
# Menus, breadcrumbs and footers are left out: trafilatura drops them already, and their tokens
# ("menu-item", "nav-link") sit on every element of a menu, which made the evidence pass slower
# than the extraction while labelling nothing the extraction had kept.

#: Elements that are evidence by their tag alone, with the hint token each gives.
EVIDENCE_TAGS: dict[str, str] = {
    "figure": "figure", "figcaption": "figcaption", "picture": "figure", "aside": "aside",
}

#: A container passes its evidence to the text inside it only while it holds at most this many
#: characters (spaces collapsed): share bars, newsletter boxes, captions and related boxes are
#: small, while a layout wrapper classed "single-post comments-open has-sidebar" holds the whole
#: article.
CONTAINER_MAX_CHARS = 3000
#: A block's text is looked up at most this many times in the evidence text: a cell that says
#: "1" would otherwise be checked against every "1" of a long table.
LOOKUP_MAX_MATCHES = 64
#: Captions are a sentence or three; a longer text in a figure is body (a table, an infobox).
CAPTION_MAX_LEN = 500

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
_TOKEN_SPLIT = re.compile(r"[^0-9A-Za-z]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SPACES = re.compile(r"\s+")
_BULLET = re.compile(r"^- ")


def _vocabulary():
    words = {w: concept for concept, (ws, _) in EVIDENCE_TOKENS.items() for w in ws}
    stems = tuple((stem, concept) for concept, (_, ss) in EVIDENCE_TOKENS.items() for stem in ss)
    # any word or stem anywhere in the lowercased value: most values name none, and this one
    # search spares them the token split
    anywhere = re.compile("|".join(sorted(map(re.escape, {*words, *(s for s, _ in stems)}))))
    return words, stems, tuple(stem for stem, _ in stems), anywhere


_WORDS, _STEMS, _STEM_PREFIXES, _ANYWHERE = _vocabulary()


#: camelCase humps are split only into tokens this long: CSS-in-JS class hashes ("jAdXyz",
#: "hABuKF") would otherwise yield "ad" and "bu" at random.
CAMEL_TOKEN_MIN_LEN = 4


_NONE: frozenset[str] = frozenset()


def concepts_of(value: str) -> frozenset[str]:
    """The evidence concepts a class or id value (or a custom tag name) names:
    "post-share-bar" -> {"share"}, "relatedPosts" -> {"related"}, "commentary" -> {} (an opinion
    piece: no stem of the comments concept matches it)."""
    found = _NONE
    for name in value.split():
        concepts = _name_concepts(name)
        if concepts:
            found = found | concepts
    return found


@functools.lru_cache(maxsize=16384)
def _name_concepts(name: str) -> frozenset[str]:
    """Concepts of one class name; cached per name, as the same names recur across pages."""
    if not _ANYWHERE.search(name.lower()):
        return _NONE
    found = set()
    for part in _TOKEN_SPLIT.split(name):
        tokens = [part.lower()]
        if not part.islower() and not part.isupper():
            tokens += [t.lower() for t in _CAMEL.split(part) if len(t) >= CAMEL_TOKEN_MIN_LEN]
        for token in tokens:
            concept = _WORDS.get(token)
            if concept:
                found.add(concept)
            if token.startswith(_STEM_PREFIXES):
                found.update(c for stem, c in _STEMS if token.startswith(stem))
    return frozenset(found)


def _key(text: str) -> str:
    """Match key for a line or a text node: no whitespace at all, so spacing differences between
    the page and the extractor's output do not matter."""
    return "".join(text.split())


@dataclass(frozen=True, slots=True)
class Evidence:
    """The texts of the page's evidence containers, for looking up a block's evidence.

    `joined` holds every container's text key (whitespace removed), separated by NUL; `edges`
    holds the offsets where a text node starts or ends. A block matches where its key occurs
    starting and ending on text-node edges, so "Teilen" matches a share button that says "Teilen"
    but not the middle of "mitteilen". A block gets the hints of every container it matches in:
    a caption inside a figure inside a related box matches all three, which is how containers
    pass their evidence down without walking up the tree."""

    joined: str
    edges: frozenset[int]
    starts: tuple[int, ...]  # offset of each container's text in `joined`
    hints: tuple[frozenset[str], ...]  # hints of each container
    captions: tuple["Caption", ...] = ()  # figure texts, to report those the extraction left out

    def lookup(self, text: str) -> frozenset[str]:
        key = _key(_BULLET.sub("", text).strip("| "))
        found: frozenset[str] = frozenset()
        if not key or not self.joined:
            return found
        pos, tries = self.joined.find(key), 0
        while pos >= 0 and tries < LOOKUP_MAX_MATCHES:
            if pos in self.edges and pos + len(key) in self.edges:
                found |= self.hints[bisect_right(self.starts, pos) - 1]
            pos, tries = self.joined.find(key, pos + 1), tries + 1
        return found


@dataclass(frozen=True, slots=True)
class Caption:
    """The text of a figure (its caption and credit) and the figure element, to place it among the
    blocks when the extraction left it out."""

    text: str
    hints: frozenset[str]
    element: object = field(compare=False, repr=False)


#: Figure evidence: text in these containers is a caption or a credit.
CAPTION_HINTS = frozenset({"figure", "figcaption", "caption", "credit"})
#: Text nodes looked at after (or before) a figure to find where it sits among the blocks, and
#: how many of their first (last) characters are indexed to find the block they start (end).
CAPTION_ANCHOR_NODES = 5
ANCHOR_PREFIX = 12


@functools.lru_cache(maxsize=1)
def _xpaths():
    from lxml.etree import XPath

    return (XPath("//@class|//@id"),  # smart strings: each knows its element
            XPath("|".join(f"//{t}" for t in EVIDENCE_TAGS) + "|//*[contains(local-name(), '-')]"),
            XPath("string-length(normalize-space(.))"))


def own_hints(el) -> frozenset[str]:
    """Evidence an element gives by itself: its tag, its class/id tokens, a custom tag's name."""
    tag = el.tag
    found = concepts_of(tag) if "-" in tag else frozenset()
    for attr in ("class", "id"):
        value = el.get(attr)
        if value:
            found = found | concepts_of(value)
    hint = EVIDENCE_TAGS.get(tag)
    return found | {hint} if hint else found


def _texts_after(el):
    """The page's text nodes after an element, nearest first (its descendants excluded)."""
    node = el
    while node is not None:
        yield node.tail or ""
        for sib in node.itersiblings():
            yield from sib.itertext()
            yield sib.tail or ""
        node = node.getparent()


def _texts_before(el):
    """The page's text nodes before an element, nearest first (its ancestors' own text included)."""
    node = el
    while node is not None:
        for sib in node.itersiblings(preceding=True):
            yield sib.tail or ""
            yield from reversed(list(sib.itertext()))
        parent = node.getparent()
        if parent is not None:
            yield parent.text or ""
        node = parent


def _neighbours(texts) -> list[str]:
    """The first few text nodes with two characters or more (a lone "|" anchors nothing)."""
    keys = (k for k in map(_key, texts) if len(k) > 1)
    return list(islice(keys, CAPTION_ANCHOR_NODES))


def collect_evidence(tree: "HtmlElement") -> Evidence:
    """Which text of the page sits in which kind of container (expects scripts removed).

    The class and id values come from one XPath pass and are judged once each (walking every
    element in Python costs more than the extraction); custom elements (<inline-teaser>) are
    judged by their tag name. Only containers small enough (CONTAINER_MAX_CHARS) count. Links
    inside a related box are indexed too, with the hint "link": a paragraph that is one whole
    link there is a teaser card, not body text.
    """
    attrs, tags, size_of = _xpaths()
    # an ordered set: the order of the page's evidence is the same on every run
    found = dict.fromkeys(a.getparent() for a in attrs(tree) if concepts_of(a))
    found.update(dict.fromkeys(tags(tree)))
    parts: list[str] = []
    edges: set[int] = set()
    starts: list[int] = []
    hints_list: list[frozenset[str]] = []
    pos = 0

    def add(el, hints: frozenset[str], small: bool = False) -> bool:
        nonlocal pos
        if not small and size_of(el) > CONTAINER_MAX_CHARS:  # in C: large wrappers are common
            return False
        nodes = [k for k in map(_key, el.itertext()) if k]
        if not nodes:
            return False
        starts.append(pos)
        hints_list.append(hints)
        edges.add(pos)
        for k in nodes:
            pos += len(k)
            edges.add(pos)
        parts.append("".join(nodes))
        pos += 1  # the NUL separator
        return True

    figures = {}
    for el in found:
        hints = own_hints(el)
        if not hints or not add(el, hints):
            continue
        if "related" in hints:
            for a in el.iter("a"):  # inside a small container, so small too
                add(a, hints | {"link"}, small=True)
        if hints & CAPTION_HINTS:
            figures[el] = hints
    outermost: dict = {}
    for el, hints in figures.items():  # the outermost figure element holds the whole caption
        top = next((anc for anc in reversed(list(el.iterancestors())) if anc in figures), el)
        outermost[top] = outermost.get(top, frozenset()) | hints
    captions = []
    for el, hints in outermost.items():
        text = " ".join(" ".join(el.itertext()).split())
        if text and len(text) <= CAPTION_MAX_LEN:
            captions.append(Caption(text, hints, el))
    return Evidence("\0".join(parts), frozenset(edges), tuple(starts), tuple(hints_list),
                    tuple(captions))


# --- Extraction ----------------------------------------------------------------------------------

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


def _extract(tree: "HtmlElement", options: dict):
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


# --- Page metadata -------------------------------------------------------------------------------

#: The article's section (examine_meta reads tags from meta tags, not the section).
_SECTION_XPATH = "//meta[@property='article:section' or @name='article:section']/@content"
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def declared_language(tree: "HtmlElement") -> str | None:
    """The language the page declares: <html lang>, else Content-Language, else og:locale;
    its primary subtag, lowercased ("en-GB" -> "en")."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath("//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')="
                             "'content-language']/@content")
    candidates += tree.xpath("//meta[@property='og:locale']/@content")
    for value in candidates:
        value = (value or "").strip().split(",")[0].strip()
        if value and _LANG_TAG.match(value):
            return re.split(r"[-_]", value)[0].lower()
    return None


def _listed(value) -> tuple[str, ...]:
    if not value:
        return ()
    items = value if isinstance(value, (list, tuple)) else [value]
    return tuple(dict.fromkeys(part.strip() for i in items if i for part in str(i).split(",") if part.strip()))


def page_metadata(tree: "HtmlElement") -> tuple[str | None, str | None, dict]:
    """(title, publication date, the Result fields of model.PAGE_FIELDS and `author`): author,
    site name, URL (canonical or og:url), description, categories, tags and image
    from meta tags (trafilatura's examine_meta), JSON-LD when the meta tags name no title or no
    author, the page's title/h1, and htmldate without its extensive search; the declared
    language from the markup. trafilatura's full metadata pass costs as much as the content
    extraction; this is the part of it that reads what the page declares. The author is also
    read off a byline in the text when the page names none."""
    from htmldate import find_date

    try:
        from trafilatura.metadata import examine_meta, extract_meta_json, extract_title
    except ImportError:  # another trafilatura layout: its public (slower) metadata function
        from trafilatura import extract_metadata

        meta = extract_metadata(tree, extensive=False)
        title, date = meta.title, meta.date
    else:
        meta = examine_meta(tree)
        if not meta.title or not meta.author:  # JSON-LD only when needed: it costs a third of this
            try:
                meta = extract_meta_json(tree, meta)
            except Exception:  # noqa: BLE001 - broken JSON-LD must not stop the page
                log.debug("JSON-LD metadata failed", exc_info=True)
        title = meta.title or extract_title(tree)
        date = meta.date or find_date(tree, extensive_search=False, original_date=True)
    page = {"author": (meta.author or "").strip() or None, "sitename": meta.sitename or None,
            "url": meta.url or None, "description": meta.description or None,
            "categories": _listed(meta.categories) or _listed(tree.xpath(_SECTION_XPATH)),
            "tags": _listed(meta.tags), "image": meta.image or None,
            "page_language": declared_language(tree)}
    return (title or "").strip() or None, date or None, page


# --- DOM evidence pass ---------------------------------------------------------------------------

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


# --- The whole page ------------------------------------------------------------------------------

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
        chars = len(el.text_content())
        if chars < WRAPPER_MIN_CHARS:
            continue
        if page_chars is None:
            page_chars = len(tree.text_content())
        if chars >= WRAPPER_MIN_SHARE * page_chars:
            el.tag = "div"
    etree.strip_elements(tree, *_SKIP_TAGS, with_tail=False)


def _parse(html: str):
    """The page's lxml tree (trafilatura's loader: encoding, repairs), or None. A fragment such as
    "<p>...</p>" alone is refused by the loader as not quite HTML, so it is read again inside a
    <body>."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is None and "<" in html:
            tree = load_html(f"<html><body>{html}</body></html>")
    except (ValueError, TypeError) as exc:
        raise InputError(f"cannot parse the HTML: {exc}") from None
    return tree


#: Elements that end a line in the page's text (for the text-mode fallback).
_LINE_TAGS = ("p", "div", "br", "li", "dd", "dt", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
              "h6", "blockquote", "pre", "section", "article", "header", "aside", "figure",
              "figcaption", "nav", "ul", "ol", "table", "form", "main")


def _page_text(tree) -> str:
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


def _stripped_text(html: str) -> str:
    """The text of HTML the parser could not make a tree of: tags become line breaks."""
    text = html_lib.unescape(_TAG.sub("\n", _INVISIBLE.sub(" ", html)))
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


#: A start or end tag, a comment or a doctype: content without any of them is not HTML.
_ANY_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|!--|!doctype)", re.I)


def _as_text(text: str, config: Config, note: str) -> Result:
    """Content given as HTML that is not (or cannot be read as) HTML, cleaned in text mode."""
    result = pipeline.clean(text, config)
    return dataclasses.replace(result, notes=(note, *result.notes))


def _clean_blocks(blocks: list[Block], config: Config, title: str | None):
    """Language, the text rules and context pass (pipeline.classify), then the DOM evidence pass.

    The extraction already isolated the main content, so the full-page heuristics stay off unless
    the user asked for them."""
    if config.full_page is None:
        config = config.replace(full_page=False)
    lang = pipeline.detect_language(blocks, config)
    decisions, _ = pipeline.classify(blocks, config, lang, extra_rules=DOM_RULES)
    return lang, dom_pass(decisions, config, title)


def add_missing_captions(decisions: tuple[Decision, ...], captions: tuple[Caption, ...],
                         config: Config) -> tuple[Decision, ...]:
    """Figure texts of the article that the extraction left out, placed where the figure stands
    (before the block that follows it on the page, or after the one before it), and labelled as
    captions: a removal the user can see, not a silent one. Figures outside the extracted article
    have no neighbour among the blocks and are not reported."""
    if not captions:
        return decisions
    keys = [_key(d.block.text) for d in decisions]
    everything = "\0".join(keys)
    # block edges by their first and last characters, so that a gallery of hundreds of figures
    # does not compare every figure with every block
    heads: dict[str, list[int]] = {}
    tails: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        for n in range(2, min(len(k), ANCHOR_PREFIX) + 1):
            heads.setdefault(k[:n], []).append(i)
            tails.setdefault(k[-n:], []).append(i)

    def starting(node: str) -> int | None:
        return next((i for i in heads.get(node[:ANCHOR_PREFIX], ()) if keys[i].startswith(node)),
                    None)

    def ending(node: str) -> int | None:
        return next((i for i in tails.get(node[-ANCHOR_PREFIX:], ()) if keys[i].endswith(node)),
                    None)

    inserts: dict[int, list[Decision]] = {}
    for cap in captions:
        if _key(cap.text) in everything:
            continue  # the extraction kept it: it is a block with its evidence already
        at = next((i for i in map(starting, _neighbours(_texts_after(cap.element)))
                   if i is not None), None)
        if at is None:
            at = next((i + 1 for i in map(ending, _neighbours(_texts_before(cap.element)))
                       if i is not None), None)
        if at is None:
            continue
        what = ("a <figcaption>" if "figcaption" in cap.hints else
                "an element classed as a caption" if "caption" in cap.hints else
                "an element classed as a photo credit" if "credit" in cap.hints else "a <figure>")
        hit = Hit("html.figcaption", Category.CAPTION, f"text of {what} on the page")
        kept = not config.removes(Category.CAPTION)
        note = ("category 'caption' is kept by the configuration" if kept else
                "the extraction had left this figure text out; listed so that its removal shows")
        block = Block(index=0, text=cap.text, line=0, para=-1, tag="figcaption", hints=cap.hints)
        inserts.setdefault(at, []).append(Decision(block, None, hit, kept, note))
    if not inserts:
        return decisions
    merged: list[Decision] = []
    for i in range(len(decisions) + 1):
        merged.extend(inserts.get(i, ()))
        if i < len(decisions):
            merged.append(decisions[i])
    # renumber: blocks are counted in order, an inserted figure is a paragraph of its own
    out, para, last = [], -1, None
    for n, d in enumerate(merged):
        if d.block.para != last or d.block.para < 0:
            para += 1
        last = d.block.para
        block = dataclasses.replace(d.block, index=n, line=n + 1, para=para)
        out.append(dataclasses.replace(d, block=block))
    return tuple(out)


def _extraction(tree, options: dict, evidence: Evidence) -> list[Block]:
    body = _extract(tree, options)
    return blocks_from_body(body, evidence) if body is not None else []


#: When the page's paragraphs (trafilatura's baseline: the JSON-LD articleBody, the <article>
#: elements or the <p> elements, the first that holds text) hold this many times the text of the
#: extraction, the extraction took a box of the page (a teaser list, a sidebar) and missed the
#: body: the two are merged, in page order, and the rules judge the whole (dev-wcxb html, half a:
#: 2 pages, each F1 0.19 -> 0.94; dev-eval html, half a: 4 pages, 3 more body snippets found,
#: one lost).
BASELINE_RATIO = 3.0


def _baseline(tree, evidence: Evidence) -> list[Block]:
    from trafilatura import baseline

    body, _, _ = baseline(tree)  # works on a copy of the tree
    return blocks_from_body(body, evidence)


def _baseline_bound(tree) -> int:
    """At most what trafilatura's baseline finds: the longest of its sources (the JSON-LD
    scripts, the outermost <article> elements, the paragraphs)."""
    scripts = sum(len(el.text or "") for el in tree.iter("script"))  # only JSON-LD is left
    articles = sum(len(el.text_content()) for el in tree.xpath("//article[not(ancestor::article)]"))
    paragraphs = sum(len(el.text_content()) for el in tree.iter("p", "blockquote", "pre", "code", "q"))
    return max(scripts, articles, paragraphs)


def _union(page: str, first: list[Block], second: list[Block]) -> list[Block]:
    """The blocks of both extractions in the order of the page's text (`page`, keyed by _key):
    every block of the first, and the blocks of the second whose text the first does not hold;
    each block at its first place in the page after the block before it (else its first place
    anywhere); a block the page's text does not hold word for word follows the block before it.
    A line the first extraction gives more than once stays as often as it is given (a weekly
    plan's "Rest day", a table's repeated cells): repeat.paragraph judges the copies."""
    seen = {_key(b.text) for b in first}
    placed: list[tuple[int, int, int, Block]] = []
    for source, blocks in enumerate((first, second)):
        pos = 0
        for n, b in enumerate(blocks):
            key = _key(b.text)
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
    return _union(page, blocks, extra)


def _chars(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks)


def _short(blocks: list[Block], page_chars: int) -> bool:
    """Whether the fast extraction may have missed the body (see SHORT_EXTRACTION_SHARE)."""
    return _chars(blocks) < SHORT_EXTRACTION_SHARE * page_chars


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
    if not _ANY_TAG.search(html):  # plain text saved as .html, or sent with --input-format html
        return _as_text(html_lib.unescape(html), config, "the content has no HTML tags: cleaned it as text")
    tree = _parse(html)
    if tree is None:
        return _as_text(_stripped_text(html), config,
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

    blocks = _extraction(tree, EXTRACT_OPTIONS, evidence)
    tried = ["fast"]
    page_text = _key(tree.text_content())  # scripts are pruned, JSON-LD stays
    if _short(blocks, len(page_text)):
        second = _extraction(tree, BALANCED_OPTIONS, evidence)
        tried.append("balanced")
        if _chars(second) > _chars(blocks):
            notes.append(f"the fast extraction was short ({_chars(blocks)} characters): used "
                         f"trafilatura's balanced extraction ({_chars(second)} characters)")
            blocks = second
    # (the baseline finds at most the page's text, and at most what its sources hold: not worth
    # asking when they are short)
    floor = BASELINE_RATIO * _chars(blocks)
    asked = blocks and len(page_text) > floor and _baseline_bound(tree) > floor
    third = _baseline(tree, evidence) if asked else []
    if _chars(third) > floor:
        merged = _union(page_text, blocks, third)
        notes.append(f"the extraction held a small part of the page's paragraphs ({_chars(blocks)} "
                     f"characters): added the page's other paragraphs (trafilatura's baseline), "
                     f"in page order ({_chars(merged)} characters)")
        blocks = merged
    if blocks:
        blocks = _with_missed(tree, page_text, blocks, evidence, notes)
        lang, decisions = _clean_blocks(blocks, config, title)
        if any(d.kept and d.block.text for d in decisions):
            return result(decisions, lang)
        notes.append(f"the rules removed all {len(blocks)} blocks of the extracted text")
    else:
        notes.append(f"trafilatura found no main content ({' and '.join(tried)} extraction)")

    # Guardrail 1: the extractions not tried yet, the balanced one and the recall one.
    for options, name in ((BALANCED_OPTIONS, "balanced"), (RECALL_OPTIONS, "recall")):
        if name in tried:
            continue
        tried.append(name)
        blocks = _extraction(tree, options, evidence)
        if not blocks:
            notes.append(f"trafilatura's {name} extraction found no main content either")
            continue
        lang, decisions = _clean_blocks(blocks, config, title)
        if any(d.kept and d.block.text for d in decisions):
            notes.append(f"used trafilatura's {name} extraction instead")
            return result(decisions, lang)
        notes.append(f"the rules removed all {len(blocks)} blocks of the {name} extraction too")

    # Guardrail 2: the page's whole text through text mode (which detects full-page text); when
    # the parsed tree holds no text at all (nesting deeper than the parser keeps, broken markup),
    # the HTML's own text with the tags stripped.
    text, source = _page_text(tree), "the page's whole text"
    if not text.strip():
        text, source = _stripped_text(html), "the HTML's text with its tags stripped"
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
