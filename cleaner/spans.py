"""Removals inside a block: a credit at the end of a body paragraph goes, the paragraph stays.

The per-block rules judge whole blocks, and a caption rule that fires on a body paragraph closed
by a photo credit ("... said the minister. Archivo/Agency", "... the capital. Photo: Jane Doe")
would take the paragraph with it. After the context pass this pass looks at the blocks a credit
rule labelled: when the text before the credit is a body paragraph (prose of a few sentences,
longer than a caption), only the credit goes, as a span of the block. It also finds credits
glued to the end of a kept paragraph without a space ("... the capital.Reuters", "... im Winter
verbotenJane Doe"), which no line rule sees.

A span is a removal like any other: it has its category, rule and reason, and its character
offsets in the block's text (`Removed.start`, `Removed.end`); `--explain` lists it under its
block. Removing a span never empties a block.
"""
from __future__ import annotations

import re
from typing import Callable

from .features import Line
from .lexicon import suffix_start
from .model import Category, Hit, Span
from .rules.caption import _COPYRIGHT, COPYRIGHT_TAIL, CREDIT_PARENTHESIS, TRAILING_SLASH_CREDIT

#: The text before a credit is a body paragraph, not a caption, when it is this long and has at
#: least BODY_MIN_SENTENCES sentences, or when it is BODY_LONG characters long. (Development
#: corpora: the blocks a credit rule labelled that the gold keeps as body are 130-310
#: characters, quotes and paragraphs of two or more sentences; captions are one sentence.)
BODY_MIN_LEN = 150
BODY_MIN_SENTENCES = 2
BODY_LONG = 300
#: Rules whose hit is a credit at the end of the block, and how to find where it starts.
CREDIT_RULES = frozenset({"caption.trailing_slash_credit", "caption.credit_parenthesis",
                          "caption.copyright", "caption.phrase"})
_SENTENCE_CLOSE = re.compile(r"[.!?][\"”»’]?\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*(?=\s+[\"'“„«(]?[A-ZÀ-Þ0-9])")
# A credit glued after the last sentence: "... the capital.Reuters", "... city.Jane Doe/AFP".
# The sentence's last word is lowercase (not "U.S.", "St."), the credit is one to four
# capitalised words, with slashes between agencies.
_GLUED_AFTER_SENTENCE = re.compile(
    r"(?<=[^\W\d_A-ZÀ-Þ]{2}[.!?])[A-ZÀ-Þ][\w'’&-]+(?:\s?/\s?[A-ZÀ-Þ][\w'’&.-]+|\s[A-ZÀ-Þ][\w'’&.-]+){0,3}$")
# A name glued to the last word: "... im Winter verbotenJane Doe": a lowercase word, then two
# to four capitalised words (a person's name, not a product such as "YouTube Music").
_GLUED_NAME = re.compile(r"(?<=\s)([^\W\d_A-ZÀ-Þ]{3,})([A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]+(?:[ -][A-ZÀ-Þ][\w'’.-]+){1,3})$")
#: A glued credit is a few words at most, after a paragraph of prose this long.
GLUED_MAX_WORDS = 5
GLUED_MIN_BEFORE = 80


def sentences(text: str) -> int:
    return len(_SENTENCE_END.findall(text)) + 1


def body_like(text: str) -> bool:
    """Whether the text before a credit reads as a body paragraph rather than a caption."""
    text = text.strip()
    if len(text) >= BODY_LONG:
        return True
    return len(text) >= BODY_MIN_LEN and sentences(text) >= BODY_MIN_SENTENCES


def credit_start(line: Line, hit: Hit) -> int | None:
    """Where the credit that `hit` found at the end of the block starts, or None when the rule's
    hit is not a trailing credit (a caption phrase at the start, a copyright line)."""
    text = line.text
    if hit.rule == "caption.trailing_slash_credit":
        m = TRAILING_SLASH_CREDIT.search(text)
        return m.start() + _SENTENCE_CLOSE.match(m.group(0)).end() if m else None
    if hit.rule == "caption.credit_parenthesis":
        m = CREDIT_PARENTHESIS.search(text)
        return m.start() if m else None
    if hit.rule == "caption.copyright":
        tail = len(text) - COPYRIGHT_TAIL
        found = [m.start() for m in _COPYRIGHT.finditer(text) if m.start() >= tail]
        return found[0] if found else None
    if hit.rule == "caption.phrase":
        m = next((m for m in line.matches if m.section == "caption" and m.kind == "suffix"), None)
        return suffix_start(text, m) if m else None
    return None


def _open_bracket(text: str, start: int) -> int:
    """A credit that closes a bracket opened before it ("(Photo Credit: Jane Doe)") starts at
    the bracket."""
    tail = text[start:]
    if tail.count(")") > tail.count("("):
        opened = text.rfind("(", 0, start)
        if opened >= 0:
            return opened
    return start


def trimmed_credit(line: Line, hit: Hit) -> Span | None:
    """The credit of a body paragraph that a caption rule labelled, as a span, or None when the
    block is a caption (the whole block goes)."""
    if hit.rule not in CREDIT_RULES:
        return None
    start = credit_start(line, hit)
    if start is not None:
        start = _open_bracket(line.text, start)
    if start is None or not body_like(line.text[:start]):
        return None
    return Span(start, len(line.text), Hit("caption.credit_trim", Category.CAPTION,
                                           f"{hit.reason}; the text before it is a body paragraph, "
                                           f"so only the credit goes"))


def glued_credit(line: Line, common: Callable[[], frozenset[str]]) -> Span | None:
    """A credit glued to the end of a kept paragraph without a space, as a span. `common()`
    gives the words the text uses in lowercase: a glued name uses none of them ("... content
    gap analysisContent Gap Analysis" is a heading glued to the text, not a credit)."""
    text = line.text.rstrip()
    if len(text) < GLUED_MIN_BEFORE or line.terminal:
        return None
    m = _GLUED_AFTER_SENTENCE.search(text)
    if m and len(m.group(0).split()) <= GLUED_MAX_WORDS and m.start() >= GLUED_MIN_BEFORE:
        return Span(m.start(), len(text), Hit("caption.credit_glued", Category.CAPTION,
                                              f"a credit ('{m.group(0)}') glued after the last sentence"))
    m = _GLUED_NAME.search(text)
    if m and m.start(2) >= GLUED_MIN_BEFORE \
            and not any(w.lower() in common() for w in re.findall(r"[^\W\d_]+", m.group(2))):
        return Span(m.start(2), len(text), Hit("caption.credit_glued", Category.CAPTION,
                                               f"a name ('{m.group(2)}') glued to the last word"))
    return None


def cut(text: str, spans: tuple[Span, ...]) -> str:
    """The text without its spans, with the whitespace at each cut tidied."""
    out, pos = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        out.append(text[pos:span.start])
        pos = max(pos, span.end)
    out.append(text[pos:])
    return re.sub(r"[ \t]{2,}", " ", "".join(out)).strip()


# --- Boilerplate sentences at the edges of a block ------------------------------------------------

# Where one sentence ends and the next starts: a sentence end, closing quotes, then a space (or
# nothing, when the extractor glued two elements: "... the mainland.Click to tweet") and a capital.
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’»)]*(?:\s+(?=[\"'„“«(¿¡]?[A-ZÀ-Þ0-9])|(?<=[^\W\d_A-ZÀ-Þ]{2}[.!?])(?=[A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]))")
#: The same boundaries, matched from the sentence's closing mark (group 1 is _BOUNDARY's match):
#: a pattern that opens with a character class lets the regex engine jump from mark to mark,
#: where _BOUNDARY's lookbehind is tried at every character (a third less time on the blocks'
#: two ends, see _edge_candidate).
_BOUNDARY_FROM_MARK = re.compile(r"[.!?…](" + _BOUNDARY.pattern.removeprefix(r"(?<=[.!?…])") + ")")
#: Edge sentences are judged when they are at most this long (prompts and banners are short).
EDGE_MAX_LEN = 300
#: What stays of the block must be prose: this long, ending like a sentence.
EDGE_REST_MIN_LEN = 80


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """The sentences of a block as [start, end) offsets."""
    bounds, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if m.end() > start:
            bounds.append((start, m.start() if m.group(0).strip(" ") == "" else m.end()))
            start = m.end()
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if text[a:b].strip()]


def edge_sentences(text: str, judge: Callable[[str], Hit | None], head_matches: bool = True) -> tuple[Span, ...]:
    """Boilerplate sentences at the start or the end of a block of several sentences ("We use
    cookies to improve your experience. Accept", "... Click to tweet", "Subscribe to our
    newsletter!"): each sentence a per-block phrase rule labels when judged on its own, from
    either edge, as long as what stays is a paragraph of prose. `judge` runs the rules on one
    sentence. Only short sentences are judged (see label_sentence), and the first one whatever
    its length when the block's head matched a phrase (`head_matches`): a long sentence can only
    be a cookie banner, a legal line or a caption, and those open the block's head. Such a
    banner goes on over the long sentences after it that a rule labels under its category ("We
    use cookies … . By continuing to browse, you agree to our use of cookies.")."""
    if not _edge_candidate(text, judge, head_matches):
        return ()  # the common case, found without splitting the whole block
    bounds = sentence_bounds(text)
    if len(bounds) < 2:
        return ()

    def hit(k: int, banner: Category | None = None) -> Hit | None:
        a, b = bounds[k]
        long = text.count(" ", a, b) >= EDGE_LABEL_MAX_WORDS
        if b - a > EDGE_MAX_LEN or (long and not (k == 0 and head_matches) and banner is None):
            return None
        h = judge(text[a:b].strip())
        if h is not None and long and k > 0 and h.category is not banner:
            return None
        return h

    found: list[Span] = []
    lo, hi = 0, len(bounds) - 1
    banner = None  # a banner opening the block goes on over long sentences of its kind
    while lo < hi and (h := hit(lo, banner)) is not None:
        found.append(Span(bounds[lo][0], bounds[lo][1], _sentence_hit(h, "first")))
        banner = h.category if h.category in _SENTENCE_CATEGORIES else None
        lo += 1
    while hi > lo and (h := hit(hi)) is not None:
        found.append(Span(bounds[hi][0], bounds[hi][1], _sentence_hit(h, "last")))
        hi -= 1
    if not found:
        return ()
    rest = text[bounds[lo][0]:bounds[hi][1]].strip()
    if len(rest) < EDGE_REST_MIN_LEN or not _ends_sentence(rest):
        return ()  # what would stay is not a paragraph: the block is boilerplate or a caption
    return tuple(sorted(found, key=lambda s: s.start))


#: Inside a paragraph, a sentence is boilerplate only when it is a label or a prompt of a few
#: words that opens with (or is) the phrase: "Click to tweet", "Subscribe to our newsletter!",
#: "Read more here." A longer sentence that mentions a phrase ("You won't have to subscribe to new
#: software services.") is body, even when it speaks to the reader. Cookie banners, legal lines
#: and captions are sentences by nature, of any length.
EDGE_LABEL_MAX_WORDS = 8
_SENTENCE_CATEGORIES = frozenset({Category.COOKIE, Category.LEGAL, Category.CAPTION})


def label_sentence(line: Line, hit: Hit) -> bool:
    """Whether a sentence a phrase rule labelled reads as boilerplate inside a paragraph."""
    if hit.category in _SENTENCE_CATEGORIES:
        return True
    section = hit.category.value
    return line.words <= EDGE_LABEL_MAX_WORDS and any(
        m.section == section and m.kind in ("exact", "prefix") for m in line.matches)


def _edge_candidate(text: str, judge: Callable[[str], Hit | None], head_matches: bool) -> bool:
    """Whether the first or the last sentence of the block is labelled (the test edge_sentences
    starts with, done on the block's two ends only)."""
    first = _BOUNDARY_FROM_MARK.search(text, 0, EDGE_MAX_LEN + 8)
    if first is not None:
        head = text[:first.start(1)].strip()
        if head and (head_matches or head.count(" ") < EDGE_LABEL_MAX_WORDS) and judge(head) is not None:
            return True
    tail_from = max(0, len(text) - EDGE_MAX_LEN)
    last = None
    for last in _BOUNDARY_FROM_MARK.finditer(text, max(0, tail_from - 1)):  # (a mark right before tail_from)
        pass
    if last is None or (first is None and tail_from == 0):
        return False
    tail = text[last.end():].strip()
    return bool(tail) and tail.count(" ") < EDGE_LABEL_MAX_WORDS and judge(tail) is not None


def _sentence_hit(h: Hit, where: str) -> Hit:
    return Hit(h.rule, h.category, f"{where} sentence of a paragraph: {h.reason}")


def _ends_sentence(text: str) -> bool:
    return text.rstrip("\"'”’»)] ").endswith((".", "!", "?", "…"))
