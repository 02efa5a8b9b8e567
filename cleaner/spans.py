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
from .lexicon import Match
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
        return _suffix_start(text, m) if m else None
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


def _suffix_start(text: str, m: Match) -> int | None:
    """Where a caption marker that closes the line ("Photo: Jane Doe") starts."""
    found = re.search(r"(?i)(?<!\w)" + re.escape(m.phrase.rstrip(":")) + r"\s*:[^:]*$", text)
    return found.start() if found else None


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
