"""Text reader: already-extracted article text -> Blocks.

Texts come in two shapes:
- paragraphs separated by blank lines (a paragraph may still hold several short lines, such as
  "Share this article" followed by "Comments", which are separate blocks);
- one paragraph per line, with single newlines.

A blank-line paragraph whose lines look hard-wrapped (several long lines of similar length that
do not end sentences) is joined back into one block; otherwise every line is its own block.
"""
from __future__ import annotations

import re

from .model import Block

_TERMINAL = re.compile(r"[.!?…:;»\"”)\]]\s*$")
#: A list item: a bullet or a number and a space, or a dash glued to a capital ("-La historia
#: de ...", as some sites write their lists of links; features._BULLET reads the same).
_LIST_ITEM = re.compile(r"^\s*(?:(?:[-–—•·*▪►▸+]|\d{1,2}[.)])\s+|[-–—](?=[A-ZÀ-Þ¿¡\"“„«]))")

#: A hard-wrapped line is at least this long; shorter lines are widgets, headings or list items.
WRAP_MIN_LEN = 40
#: Wrapped lines have similar lengths: all but the last lie within this ratio of the longest.
WRAP_LEN_RATIO = 0.6


def normalize_newlines(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when a multi-line paragraph is prose broken at a fixed width, not separate lines."""
    if len(lines) < 2:
        return False
    if any(_LIST_ITEM.match(ln) for ln in lines[1:]):
        return False  # an introduction and its list items are separate blocks
    head = [ln.strip() for ln in lines[:-1]]
    if any(len(ln) < WRAP_MIN_LEN for ln in head):
        return False
    longest = max(len(ln) for ln in head)
    if any(len(ln) < WRAP_LEN_RATIO * longest for ln in head):
        return False
    # A wrapped paragraph rarely ends a line on a sentence end; separate paragraphs always do.
    ended = sum(1 for ln in head if _TERMINAL.search(ln))
    return ended * 2 < len(head)


# A line broken after a hyphen inside a word ("Cartoon-" / "Klassiker", "kid-" / "approved"): a
# wrap that breaks on hyphens (Python's textwrap, as html2text uses it) keeps the hyphen.
_HYPHEN_BREAK = re.compile(r"[^\W\d_]-$")


def join_wrapped(lines: list[str]) -> str:
    """The lines of a wrapped paragraph as one line: a space between two lines, none after a
    word broken at its hyphen."""
    out = ""
    for ln in lines:
        ln = ln.strip()
        if out and ln:
            out += ln if _HYPHEN_BREAK.search(out) and ln[0].isalpha() else " " + ln
        else:
            out += ln
    return out


def split_blocks(text: str) -> list[Block]:
    """Split text into blocks, keeping 1-based line numbers and paragraph indexes."""
    text = normalize_newlines(text)
    blocks: list[Block] = []
    para: list[tuple[int, str]] = []
    para_index = 0

    def flush() -> None:
        nonlocal para_index
        if not para:
            return
        lines = [ln for _, ln in para] if len(para) > 1 else None  # one line: nothing to join
        if lines and is_hard_wrapped(lines):
            joined = join_wrapped(lines)
            blocks.append(Block(index=len(blocks), text=joined, line=para[0][0], para=para_index,
                                raw="\n".join(ln.strip() for ln in lines), indent=_indent(lines[0])))
        else:
            for lineno, ln in para:
                blocks.append(Block(index=len(blocks), text=ln.strip(), line=lineno, para=para_index,
                                    indent=_indent(ln)))
        para.clear()
        para_index += 1

    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            para.append((lineno, line))
        else:
            flush()
    flush()
    return blocks
