"""The headline: the first line of the text when it is headline-shaped and followed by prose, or
repeated further down, with its repeats; reported as `Result.title`, not kept in the body."""
from __future__ import annotations

import re

from .model import Category
from .state import State

#: A title is at most this long; longer first lines are ledes.
TITLE_MAX_LEN = 250
#: Headline-like lines at the top taken as the title and its kicker or subtitle, at most.
TITLE_MAX_LINES = 3
_NUMERIC_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")


def _top_title(s: State) -> tuple[int, list[int], str] | None:
    """The first remaining line if it is a headline: (index, its repeats, why), else None."""
    order = [i for i, hit in enumerate(s.labels) if hit is None]
    if len(order) < 3:
        return None
    first = order[0]
    t = s.lines[first]
    if t.length > TITLE_MAX_LEN or t.words < 2 or t.terminal or t.bullet or _NUMERIC_DATE.search(t.text):
        return None  # a line with a date is a dateline, which opens the body
    n = len(s.lines)
    # A repeat followed by the same line as the title is a duplicated passage, not a repeated
    # title. Lines already removed do not count as neighbours (so a second pass agrees).
    def next_kept_key(i: int) -> str | None:
        k = next((k for k in range(i + 1, n) if s.kept(k)), None)
        return s.lines[k].key if k is not None else None

    after = next_kept_key(first)
    repeats = [i for i in range(first + 1, n) if s.lines[i].key == t.key
               and not (after is not None and s.kept(i) and next_kept_key(i) == after and i != order[1])]
    nxt = s.lines[order[1]]
    followed_by_prose = nxt.length >= max(2 * t.length, 80)
    if not repeats and not (t.headline_like and followed_by_prose):
        return None
    return first, repeats, "repeated further down" if repeats else "headline-shaped and followed by a longer paragraph"


def title_at_top(s: State) -> None:
    """The headline: the first remaining line, when it is headline-shaped and followed by prose, or
    when it is repeated further down. Its later repeats are labelled too. A headline-like line
    that becomes first once the headline is gone (a kicker, a second title) goes as well: cleaning
    the output again must not find another headline (idempotence)."""
    title_line = None
    for _ in range(TITLE_MAX_LINES):
        found = _top_title(s)
        if found is None:
            return
        first, repeats, why = found
        if title_line is None:
            title_line = s.lines[first].block.line
            s.label(first, "title.top", Category.TITLE, f"first line of the text, {why}")
        else:
            s.label(first, "title.second", Category.TITLE,
                    f"headline-like line right under the title on line {title_line}, {why}")
        for i in repeats:
            s.label(i, "title.repeat", Category.TITLE, f"repeats the title (line {s.lines[first].block.line})")
