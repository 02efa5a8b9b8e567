"""What rules look at: each block's shape, computed once per document.

The line is lowercased and normalized once, and the phrase matcher runs once over it; every rule
and the context pass read these fields instead of re-scanning the text.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from .lexicon import EDGE_PUNCT, Match, Matcher, exact_key, normalize
from .model import Block

# Sentence end: . ! ? … (and the full stops of Chinese and Japanese), optionally followed by
# closing quotes or brackets.
_SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？", "｡")
_CLOSING = "\"'”’»)]」』）】〉》"
# Scripts written without spaces between words (Chinese characters, kana): a run of them is
# many words, counted as one per CJK_CHARS_PER_WORD characters; and each of their characters is
# as wide as two Latin letters, so lengths count it twice (see line_length).
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u31f0-\u31ff\uff66-\uff9f]+")
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
CJK_CHARS_PER_WORD = 2
# List markers: dashes and bullets, and the "+" / "o" markers text browsers use for nested lists.
_BULLET = re.compile(r"^\s*(?:[-–—•·*▪►▸+]\s+|o\s+(?=[A-ZÀ-Þ\d])|[-–—](?=[A-ZÀ-Þ¿¡\"“„«]))")
_WORD = re.compile(r"\w+", re.UNICODE)
#: The same scans for ASCII text, where they find the same runs, faster (a narrower class).
_WORD_ASCII = re.compile(r"\w+", re.ASCII)
_COMPOUND = re.compile(r"\w+(?:-\w+)*")
_FIRST_LETTER = re.compile(r"[^\W\d_]")

#: A headline is at most this many words; longer unpunctuated lines are truncated prose.
HEADLINE_MAX_WORDS = 25
#: Prose: a block this long that ends a sentence.
PROSE_MIN_LEN = 80


@dataclass(slots=True, eq=False)
class Line:
    """Read-only by convention (not frozen: a frozen dataclass is slower to build, and there is
    one per block); `words` is counted when first asked for."""
    block: Block
    text: str
    norm: str  # lowercased, quotes unified, leading bullets dropped (the head of a long line)
    key: str  # what repeats are compared on: norm without edge punctuation (and, on short lines,
    #           without digits and counters, as exact phrases are looked up)
    length: int
    terminal: bool  # ends like a sentence
    bullet: bool  # starts with "- ", "• ", ...
    upper_start: bool  # first letter is a capital
    matches: tuple[Match, ...]
    prose: bool = False  # at least PROSE_MIN_LEN long and ends like a sentence
    reader_words: frozenset[str] = frozenset()  # the languages' [reader] words (see addresses_reader)
    reader_cased: frozenset[str] = frozenset()  # ... those that count only capitalised
    _words: int = -1

    @property
    def words(self) -> int:
        """Words (runs of letters or digits) on a line up to HEAD_CHARS long, else
        whitespace-separated tokens."""
        if self._words < 0:
            text = self.text
            if len(text) > HEAD_CHARS:
                self._words = len(text.split())
            else:
                self._words = len((_WORD_ASCII if text.isascii() else _WORD).findall(text))
            if self.length != len(text):  # wide characters: count the words of unspaced scripts
                runs = _CJK.findall(text[:HEAD_CHARS])
                self._words += sum(max(0, len(r) // CJK_CHARS_PER_WORD - 1) for r in runs)
        return self._words

    @property
    def index(self) -> int:
        return self.block.index

    @property
    def headline_like(self) -> bool:
        """Short, unpunctuated at the end, capitalised: a title, subheading or teaser link."""
        return (not self.terminal and 2 <= self.words <= HEADLINE_MAX_WORDS and self.upper_start
                and not self.text.rstrip().endswith((",", ":", ";")))

    def addresses_reader(self) -> bool:
        """Whether the line speaks to the reader or as the site ("you", "our", "unser"):
        computed when asked, a prompt's sign that a plain sentence lacks. A word inside a
        hyphenated compound counts only when the compound opens the line: "Abonnez-vous à la
        newsletter" is a prompt, "un rendez-vous médical" is not."""
        words = self.reader_words
        for n, m in enumerate(_COMPOUND.finditer(self.norm)):
            token = m.group(0)
            if "-" not in token:
                if token in words:
                    return True
            elif n == 0 and any(part in words for part in token.split("-")):
                return True
        cased = self.reader_cased
        return bool(cased) and any(w in cased for w in _WORD.findall(self.text)[1:])

    def sections(self) -> set[str]:
        return {m.section for m in self.matches}

    def first_match(self, section: str) -> Match | None:
        for m in self.matches:
            if m.section == section:
                return m
        return None


#: Runs of letters: the words of a line, whatever its script, without digits or underscores.
LETTERS = re.compile(r"[^\W\d_]+")
_LETTERS_ASCII = re.compile(r"[A-Za-z]+")


def lowercase_words(texts: Iterable[str]) -> frozenset[str]:
    """The words the texts use in lowercase: a capitalised word that is one of them is a common
    word ("The Numbers", "Content Gap Analysis"), not a name. (Several heuristics ask about the
    same document's lines: the answer is cached on the texts.)"""
    return _lowercase_words(tuple(texts))


@functools.lru_cache(maxsize=4)
def _lowercase_words(texts: tuple[str, ...]) -> frozenset[str]:
    # one scan over the ASCII texts joined, one over the others (a newline is no letter, so no
    # run crosses two texts): most lines of a text are ASCII, and the ASCII class scans faster
    ascii_texts = "\n".join(t for t in texts if t.isascii())
    other_texts = "\n".join(t for t in texts if not t.isascii())
    return frozenset(filter(str.islower, _LETTERS_ASCII.findall(ascii_texts) + LETTERS.findall(other_texts)))


def copy_key(line: Line) -> str:
    """What two copies of a paragraph share: the whole normalized text (long ones: head and tail)."""
    return line.norm if len(line.text) <= HEAD_CHARS else line.key


def last_paragraph(lines: list[Line], prose: list[int]) -> int:
    """The last of the `prose` blocks that is not the second copy of an earlier one, word for
    word: the output gives a paragraph once (repeat.paragraph drops a second copy after the
    context pass), so the bottom of the article found before that pass must be the one a second
    pass over the output finds."""
    copies: dict[str, list[int]] = {}
    for i in prose:
        if not lines[i].bullet:
            copies.setdefault(copy_key(lines[i]), []).append(i)
    seconds = {later[0] for first, *later in copies.values() if len(later) == 1}
    return next((i for i in reversed(prose) if i not in seconds), prose[-1])


def line_length(text: str) -> int:
    """The line's length in Latin letters: a wide character (Chinese, Japanese, Korean) counts
    twice, so the length thresholds (prose, headlines, labels) mean the same in every script."""
    if text.isascii():
        return len(text)
    # (one regex scan: testing max(text) < U+1100 first scanned most non-ASCII lines twice, their
    # curly quotes and dashes being above U+1100)
    return len(text) + len(_WIDE.findall(text))


def _strip_symbols(text: str) -> str:
    """Drop trailing emoji and other symbols, so "... gefällt mir 😉" still ends a sentence."""
    end = len(text.rstrip())
    while end and (unicodedata.category(text[end - 1]) in ("So", "Sk", "Cf", "Mn") or text[end - 1].isspace()):
        end -= 1
    return text[:end]


#: Lines longer than this are normalized at their head and tail only: phrases sit at the start
#: of a line (prefix, exact) or at its end (credits), and `contains` applies to short lines.
HEAD_CHARS = 320
#: Lines up to this long are keyed without their digits and counters (see exact_key).
KEY_DROP_MAX_LEN = 80
TAIL_CHARS = 120


def line_features(block: Block, matcher: Matcher) -> Line:
    text = block.text
    if len(text) <= HEAD_CHARS:
        norm, tail = normalize(text), None
        # counters and digits are dropped from the keys of short lines ("Comments (12)", labels);
        # a longer line is compared as it reads
        key = exact_key(norm) if len(norm) <= KEY_DROP_MAX_LEN else norm.strip(EDGE_PUNCT)
    else:
        norm, tail = normalize(text[:HEAD_CHARS]), normalize(text[-TAIL_CHARS:])
        key = f"{norm} … {tail}"  # two long paragraphs with the same head and tail are one
    bullet = _BULLET.match(text)
    first = _FIRST_LETTER.search(text, bullet.end() if bullet else 0)
    terminal = _strip_symbols(text).rstrip(_CLOSING).endswith(_SENTENCE_ENDS)
    length = line_length(text)
    exact = key if tail is None and len(norm) <= KEY_DROP_MAX_LEN else None  # else find() makes it
    return Line(
        block=block,
        text=text,
        norm=norm,
        key=key,
        length=length,
        terminal=terminal,
        bullet=bullet is not None,
        # a script without capitals (Chinese, Japanese, Korean, Arabic...) starts like a headline
        upper_start=bool(first and (first.group(0).isupper() or not first.group(0).islower())),
        matches=tuple(matcher.find(norm, tail, exact)),
        prose=terminal and length >= PROSE_MIN_LEN,
        reader_words=matcher.reader_words,
        reader_cased=matcher.reader_words_cased,
    )
