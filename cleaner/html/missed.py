"""HTML mode: body paragraphs the extraction skipped, found by their place on the page.

trafilatura keeps the article's paragraphs but sometimes skips one: the lead paragraph above the
body (it sits in the article's header, often in an element classed "teaser" or "intro"), or a
paragraph between two body paragraphs that sits in an element of its own. Both are found by
position among the page's visible blocks (outside.page_blocks, in page order):

- the lead: prose blocks among the LEAD_LOOKBACK page blocks right above the first block of the
  extraction, up to the first block in a menu, footer, form, aside or widget;
- a hole: prose blocks in a run of at most HOLE_MAX page blocks between two blocks of the
  extraction, outside any menu, region or widget, and without DOM evidence of their own (an
  author box or a video caption between two paragraphs is no body).

Only prose counts (features.PROSE_MIN_LEN long, ending like a sentence): headings, menus and
labels are what the extraction drops on purpose. The blocks found go to the same rules as the
extraction's. dev-eval html (snippets, where the lead paragraph is body): a 0.960 -> 0.964,
b 0.942 -> 0.949; dev-wcxb articles html (whose gold leaves the lead out): a 0.931 -> 0.932,
b 0.952 -> 0.951.
"""
from __future__ import annotations

import re

from ..features import PROSE_MIN_LEN, line_length

#: Page blocks looked at above the extraction's first block for its lead paragraph: the title,
#: a date, a byline and a figure's caption may stand between them.
LEAD_LOOKBACK = 5
#: A run of at most this many page blocks between two blocks of the extraction is a hole in the
#: body; a longer run is a box of its own (a teaser list, a gallery, an author box).
HOLE_MAX = 3
#: The extraction's blocks a page block must match, by key, to count as one of them: a short
#: block ("Share", "1") is found inside longer text anywhere.
MATCH_MIN_CHARS = 40
#: A page block whose text the extraction holds for the most part is one of its blocks split
#: differently (an element with <br> lines), not a missed one.
HELD_SHARE = 0.5
#: The shortest extracted block that counts when measuring how much of a page block is held.
HELD_MIN_CHARS = 10

#: Page regions (outside.REGIONS, outside.WIDGETS) where the lead paragraph is not looked for.
_NOT_LEAD = frozenset({"html.nav", "html.footer", "html.form", "html.aside", "html.outside_cookie",
                       "html.outside_comments", "html.outside_share", "html.outside_newsletter",
                       "html.outside_ad", "html.outside_author"})
_SENTENCE_END = re.compile(r"[.!?…\"”»)]\s*$")


_NOT_ALNUM = re.compile(r"[\W_]+")  # \w is str.isalnum() and "_"


def _key(text: str) -> str:
    """Letters and digits only: the page's text and the extraction's differ in spacing, and on
    mis-decoded pages in control characters the extraction drops."""
    return _NOT_ALNUM.sub("", text)


def _prose(text: str) -> bool:
    return line_length(text) >= PROSE_MIN_LEN and bool(_SENTENCE_END.search(text))


def missed(page_blocks: list, extracted: list[str], has_evidence) -> list[tuple[int, str]]:
    """(page block index, text) of the prose blocks the extraction skipped: its lead paragraph
    and the holes in its body (see the module docstring). `page_blocks` is outside.page_blocks'
    list, `extracted` the texts of the extraction's blocks, `has_evidence(text)` whether a text
    sits in an evidence container on the page (evidence.Evidence.lookup)."""
    keys = [_key(t) for t in extracted]
    whole = "".join(keys)
    exact = set(keys)
    long_keys = [k for k in keys if len(k) >= HELD_MIN_CHARS]
    page_keys = [_key(text) for text, _ in page_blocks]
    inside = [i for i, k in enumerate(page_keys)
              if k and (k in exact or (len(k) >= MATCH_MIN_CHARS and k in whole))]
    if not inside:
        return []

    def new_prose(i: int) -> bool:
        key, text = page_keys[i], page_blocks[i][0]
        if not key or key in whole or not _prose(text):
            return False
        rest = key
        for k in long_keys:
            if k in rest:
                rest = rest.replace(k, "")
        return len(rest) >= HELD_SHARE * len(key)

    found: list[int] = []
    for i in range(inside[0] - 1, max(-1, inside[0] - 1 - LEAD_LOOKBACK), -1):
        if page_blocks[i][1][0] in _NOT_LEAD:
            break
        if new_prose(i):
            found.append(i)
    for a, b in zip(inside, inside[1:]):
        if 0 < b - a - 1 <= HOLE_MAX:
            found += [i for i in range(a + 1, b) if page_blocks[i][1][0] == "html.outside_main"
                      and new_prose(i) and not has_evidence(page_blocks[i][0])]
    return [(i, page_blocks[i][0]) for i in sorted(found)]
