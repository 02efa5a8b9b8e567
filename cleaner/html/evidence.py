"""HTML mode, DOM evidence: which text of the page sits in which kind of container.

The class and id names of the page's elements are read as concepts (caption, credit, share,
newsletter, related, comments, author, ad: EVIDENCE_TOKENS), and figure, figcaption, picture and
aside elements give evidence by their tag (EVIDENCE_TAGS). `collect_evidence` indexes the text of
each small container that names a concept (`Evidence`); `Evidence.lookup` gives a block the hints
of the containers its text sits in (Block.hints), which the DOM rules (dom_rules.py) and the
search for skipped paragraphs (missed.py) read. The page's figure texts travel with the evidence
(`Caption`), for the captions the extraction left out (captions.py).
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lxml is imported lazily, with trafilatura
    from lxml.html import HtmlElement

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

_TOKEN_SPLIT = re.compile(r"[^0-9A-Za-z]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
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


def match_key(text: str) -> str:
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
        key = match_key(_BULLET.sub("", text).strip("| "))
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
        nodes = [k for k in map(match_key, el.itertext()) if k]
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

