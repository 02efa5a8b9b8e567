"""Full-page text: the text of a whole page, menus and footers included.

The article body is the coherent run of prose. Every block gets a score: prose scores by its
length, short unpunctuated lines (menu entries, link lists) and lines already labelled by a rule
cost a little, short lines with a figure (quantities, addresses, prices) nothing. The body is the contiguous run with the highest total (a maximum-sum subarray), so
an in-body subheading or a caption between two paragraphs is bridged, while a long menu is not.
Everything outside that run is page furniture, except the lede (the nearest paragraph or
standfirst just above the run, the byline, the date or a share bar between them, that shares the
run's vocabulary) and
the closing sentence (a short sentence right after the run, not a question). The article's run ends at the first box of the
page after its start (comments, share bar, newsletter, author); past it, only a run as large as
half the article is body (the rest of an article the box interrupts, a forum thread's replies),
and past a comment section's heading under an article, a run with the same button under every
entry is the readers' comments, however long.

Detection reads the shape of the whole text. A full page has one coherent run of prose (the body
search finds a run worth at least BODY_MIN_POINTS) with the page's furniture around it: menu
entries (a few words, no sentence) above the run and below it. Either the page is rendered by a
text browser (nearly every line indented) and has some menu entries around its run, or it is a
flat dump (html-text, html2text, a copy of the page) with a header menu of MENU_ABOVE_MIN entries
and a footer of MENU_BELOW_MIN, entries without figures (the prices, counts and specs around a
product's description are not a menu), or it has very many blocks, nearly all short, and little
prose. Whatever its prose, a text is a page when the page's own furniture, as the phrase lists
label it, and its menus stand on both sides of the body run (a flat dump of a short article), or,
converted to markdown, when lines of links (its menus) do.
Indentation alone is not enough (some extractors indent their lines), and neither are short lines
alone: a listing, a product grid or a schedule has no run of prose to keep, and treating it as a
page would drop its content. `--full-page` / `--no-full-page` override it.
"""
from __future__ import annotations

import re

from typing import TYPE_CHECKING

from . import ending
from .features import LETTERS, Line
from .model import Category, Hit

if TYPE_CHECKING:
    from .state import State

# Without indentation, only a glaring page shape counts: extracted articles with long lists or
# tables look like pages too, and treating them as pages costs body text (on the development
# corpus, looser thresholds flagged 3-14 extracted texts and lowered their recall).
#: A full page has at least this many blocks...
FULL_PAGE_MIN_BLOCKS = 150
#: ... at least this share of them short (menu entries, link lists; T2 median 0.76, T1 0.24) ...
FULL_PAGE_MIN_SHORT_SHARE = 0.75
#: ... and less than this share of its characters in prose blocks (T2 median 0.51, T1 0.87).
FULL_PAGE_MAX_PROSE_SHARE = 0.3
SHORT_LINE = 40
#: Text browsers (lynx, w3m, html2text) indent every line of a rendered page; extracted article
#: text never is (development corpus: 95% of full pages have >= 98% indented lines, extracted
#: texts 0%).
RENDERED_MIN_INDENTED = 0.8
RENDERED_MIN_BLOCKS = 10

#: ... and has at least this many menu entries around its body run (a readability-like extractor's
#: indented output has none).
RENDERED_MIN_MENU = 3
#: A full page's body run is worth at least this much (see block_score: about 1,200 characters
#: of prose). Development corpora: T1 articles' best run median 115 points, 5% under 11.
BODY_MIN_POINTS = 30.0
#: A flat dump has a header menu and a footer: menu entries (at most MENU_MAX_WORDS words, no
#: sentence) among the first MENU_REACH blocks, above the body run, and the last MENU_REACH, below
#: it. Development corpora, texts with a run of BODY_MIN_POINTS: full pages with their indentation
#: removed pass in 68% (dev-eval) and 57% (dev-wcxb); extracted texts and extractors' outputs in
#: 0.1% (articles) to 1% (other page types).
MENU_ABOVE_MIN = 12
MENU_BELOW_MIN = 8
MENU_REACH = 20
MENU_MAX_WORDS = 3

# Block scores for the body search.
PROSE_CHARS_PER_POINT = 40  # a prose block scores its length / 40 ...
PROSE_MAX_POINTS = 10  # ... up to 10 points
SENTENCE_POINTS = 0.5  # a shorter block that still ends a sentence
LONG_LINE_POINTS = 1.0  # a long unpunctuated line (truncated prose, a long caption)
LONG_LINE = 100
SHORT_COST = -0.6  # a short unpunctuated line: a heading inside the body, or a menu entry
#: A short line with a figure (an ingredient's quantity, an address, a price, a spec, a score) is
#: a field of the content, not a menu entry: in the body search it costs nothing, so a recipe's
#: ingredients or a directory's entries between two paragraphs stay in the run. It adds nothing
#: either, so figures after the last paragraph (teaser dates, counters) never extend the run.
#: (Date-only lines are labelled by metadata.date_line and cost LABELLED_COST as before.)
FIGURE_POINTS = 0.0
#: Detection only: a short bulleted line costs more (a menu or link-list entry; the detection
#: thresholds were set with it). In the body search a bulleted line costs what any short line
#: costs: a body list between paragraphs is as likely as a menu there (development corpora, half
#: a: dev T2 and dev-wcxb T2 both better with SHORT_COST for bullets, at -1.0 they lost lists).
BULLET_COST = -1.0
LABELLED_COST = -1.5  # a block a rule already labelled as boilerplate


#: Labels that open the page's own boxes after the article (its comment section, the author's
#: box, a share bar, a newsletter box): the article's run ends before the first of them (what
#: follows is the readers', the author's or the site's prose, not the article's), and a run past
#: it is body only when it is large beside the article (WALL_RUN_SHARE): the rest of an article
#: a box interrupts, or a thread's replies.
WALLS = frozenset({Category.COMMENTS, Category.AUTHOR, Category.SHARE, Category.SUBSCRIPTION})


def wall(lines: list[Line], labels: list[Hit | None], start: int) -> int | None:
    """The first block from `start` that opens one of the page's boxes: a comment section's
    heading ("12 Comments", "Leave a Reply"), a share bar, a newsletter prompt, an author box.
    A label the page gives more than once is a button under every post ("Reply", "Share"): the
    page is a thread or a listing, whose entries are its content, and has no wall."""
    walls = [i for i in range(start, len(lines)) if labels[i] is not None and labels[i].category in WALLS]
    if not walls:
        return None
    if sum(1 for i in walls if lines[i].norm == lines[walls[0]].norm) > 1:
        return None
    return walls[0]


def looks_full_page(lines: list[Line], labels: list[Hit | None] | None = None) -> bool:
    """Whether the text is a whole page (see the module's docstring); `labels`: the per-block
    rules' first labels, when known (the furniture labelled above and below the body run)."""
    n = len(lines)
    scores = [block_score(line, None, search=False) for line in lines]
    run = best_run(scores)
    if run is None:
        return False
    above, below = lines[:min(run[0], MENU_REACH)], lines[run[1]:][-MENU_REACH:]
    if n >= RENDERED_MIN_BLOCKS and sum(1 for line in lines if line.block.indent) >= RENDERED_MIN_INDENTED * n:
        # a page rendered by a text browser
        return _menu_entries(above) + _menu_entries(below) >= RENDERED_MIN_MENU
    if _links(lines[:run[0]]) >= LINKS_AROUND_MIN and _links(lines[run[1]:]) >= LINKS_AROUND_MIN:
        return True  # a page converted to markdown: its menus are lines of links above and below
    if labels is not None and _furnished(lines, labels, run):
        return True  # the page's own labelled furniture, and its menus, above and below the body
    if sum(scores[run[0]:run[1]]) < BODY_MIN_POINTS:
        return False  # no coherent run of prose: a listing, a grid, a schedule
    if _menu_entries(above, False) >= MENU_ABOVE_MIN and _menu_entries(below, False) >= MENU_BELOW_MIN:
        return True  # a flat dump: header menu, body, footer
    if n < FULL_PAGE_MIN_BLOCKS:
        return False
    short = sum(1 for line in lines if line.length < SHORT_LINE)
    total = sum(line.length for line in lines) or 1
    prose = sum(line.length for line in lines if line.prose)
    return short >= FULL_PAGE_MIN_SHORT_SHARE * n and prose < FULL_PAGE_MAX_PROSE_SHARE * total


#: A page converted to markdown (html2text, markdownify and the like) shows its menus as lines
#: that are only links: at least this many above the body run and as many below it. Development
#: pages converted with html2text: 276 of 326 pages; their articles as trafilatura's markdown
#: extracts them: 1 of 328.
LINKS_AROUND_MIN = 3


def _links(lines: list[Line]) -> int:
    """Markdown lines that are only links (markdown.to_blocks' 'link' evidence)."""
    return sum(1 for line in lines if "link" in line.block.hints)


#: Labels of a page's furniture (its menus, footer, share bar, sign-up box, cookie banner), as the
#: phrase lists name them ("Home", "Impressum", "Share", "Log in"): a page dump has at least FURNITURE_AROUND_MIN of them above its body run and as many below, and at
#: least MENU_AROUND_MIN menu entries on each side. Development pages as flat dumps (every block
#: of the HTML on a line of its own, no indentation): 224 of 328; extracted texts and the seven
#: extractors' outputs: at most 3 of a folder's 316-1,337 texts (dev-wcxb resiliparse, which
#: keeps menus).
FURNITURE_AROUND_MIN = 2
MENU_AROUND_MIN = 5
_FURNITURE = frozenset({Category.NAVIGATION, Category.LEGAL, Category.SHARE, Category.SUBSCRIPTION,
                        Category.COOKIE, Category.COMMENTS})


def _furnished(lines: list[Line], labels: list[Hit | None], run: tuple[int, int]) -> bool:
    """Whether the page's labelled furniture and menus stand on both sides of the body run."""
    def furniture(part: list[Hit | None]) -> int:
        return sum(1 for hit in part if hit is not None and hit.category in _FURNITURE
                   and hit.rule.endswith(".phrase"))  # a label of the lists, not a shape

    return (furniture(labels[:run[0]]) >= FURNITURE_AROUND_MIN and furniture(labels[run[1]:]) >= FURNITURE_AROUND_MIN
            and _menu_entries(lines[:run[0]], False) >= MENU_AROUND_MIN
            and _menu_entries(lines[run[1]:], False) >= MENU_AROUND_MIN)


def _menu_entries(lines: list[Line], figures: bool = True) -> int:
    """Lines shaped like menu or link-list entries: a few words, not a sentence; without
    `figures`, none with a digit (a price, a count or a date is a product's or a listing's field,
    not a menu entry)."""
    return sum(1 for line in lines if line.words <= MENU_MAX_WORDS and not line.terminal
               and (figures or not _has_figure(line)))


def block_score(line: Line, label: Hit | None, search: bool = True) -> float:
    """A block's worth in the body search; with `search` off, detection's view: a short line
    with a figure costs what any short line costs and a bulleted one BULLET_COST (detection keeps
    its own view of menus, see _menu_entries)."""
    if label is not None:
        return LABELLED_COST
    if line.prose:
        return min(line.length / PROSE_CHARS_PER_POINT, PROSE_MAX_POINTS)
    if line.terminal and line.length >= SHORT_LINE:
        return SENTENCE_POINTS
    if line.length >= LONG_LINE:
        return LONG_LINE_POINTS
    if search:
        return FIGURE_POINTS if _has_figure(line) else SHORT_COST
    return BULLET_COST if line.bullet else SHORT_COST


_DIGIT = re.compile(r"\d")


def _has_figure(line: Line) -> bool:
    return _DIGIT.search(line.text) is not None


#: Other runs of prose are body too when they reach this share of the best run's score
#: (an article split by an advertisement or a gallery) and this many points.
SECOND_RUN_SHARE = 0.25
SECOND_RUN_MIN_POINTS = 8.0
#: Past the comment section's heading, a run is body only when it reaches this share of the
#: article's: a thread's replies under its opening post, not readers' comments under an article.
WALL_RUN_SHARE = 0.5


#: Past a comment section's heading, a run in which one short line (at most COMMENT_LINE_WORDS
#: words: "Reply", "reply to comment", "Like") comes back this many times is the list of
#: readers' comments, however long it is, not the rest of the article.
COMMENT_LINE_REPEATS = 3
COMMENT_LINE_WORDS = 4


def article_before(scores: list[float], runs: list[tuple[int, int]], wall: int) -> bool:
    """Whether the body before the wall is an article (its runs worth BODY_MIN_POINTS), not a
    thread's opening post, whose replies are the page's content whatever buttons they carry."""
    return sum(sum(scores[a:min(b, wall)]) for a, b in runs if a < wall) >= BODY_MIN_POINTS


def comment_list(lines: list[Line]) -> bool:
    """Whether a run of blocks is a list of comments: a short line (the reply button or the like
    under each comment) repeated COMMENT_LINE_REPEATS times or more."""
    counts: dict[str, int] = {}
    for line in lines:
        if not line.prose and line.key and line.words <= COMMENT_LINE_WORDS:
            counts[line.key] = counts.get(line.key, 0) + 1
    return max(counts.values(), default=0) >= COMMENT_LINE_REPEATS


def body_runs(scores: list[float], limit: int | None = None) -> list[tuple[int, int]]:
    """The best run (ending before `limit`, when given), plus every other run outside it that is
    substantial on its own."""
    first = best_run(scores[:limit]) if limit is not None else None
    first = first or best_run(scores)
    if first is None:
        return []
    runs = [first]
    best = sum(scores[first[0]:first[1]])
    floor = max(SECOND_RUN_SHARE * best, SECOND_RUN_MIN_POINTS)
    past_wall = max(WALL_RUN_SHARE * best, SECOND_RUN_MIN_POINTS)
    pending = [(0, first[0]), (first[1], len(scores))]
    while pending:
        lo, hi = pending.pop()
        span = best_run(scores[lo:hi])
        if span is None:
            continue
        start, end = span[0] + lo, span[1] + lo
        if sum(scores[start:end]) < (past_wall if limit is not None and end > limit else floor):
            continue
        runs.append((start, end))
        pending += [(lo, start), (end, hi)]
    return sorted(runs)


def best_run(scores: list[float]) -> tuple[int, int] | None:
    """The contiguous run [start, end) with the highest positive sum (Kadane)."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, sc in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += sc
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


_H1 = re.compile(r"^#\s+\S")


def _main_heading(s: State, start: int) -> int | None:
    """A markdown page's headline: the last level-one heading ('# ...') above the body run
    (a page converted to markdown keeps its <h1>), when the page has one such heading there."""
    found = [i for i in range(start) if s.kept(i) and "md" in s.lines[i].block.hints
             and _H1.match(s.lines[i].block.raw)]
    return found[-1] if len(found) == 1 else None


#: The lede or standfirst of a full page often sits just above the body run, cut off from it by
#: the byline, the date, a share bar or an image's lines: a prose block (or a standfirst) at most
#: this many blocks above the run, with only short lines between, ... (dev-eval T2, 8 -> 14:
#: +0.0010 | +0.0012 F1; dev-wcxb T2 articles 0.0000 | -0.0002)
LEDE_REACH = 14
#: ... whose content words the run's prose shares at least this much (a header's teaser or the
#: site's tagline talks about something else) belongs to the article.
LEDE_OVERLAP = 0.5


#: A standfirst reads as a sentence: at most this share of its words capitalised (German nouns
#: included), unlike a menu, a breadcrumb, a table of contents or a title-case heading.
STANDFIRST_MAX_CAPITALISED = 0.5


def _standfirst(line: Line) -> bool:
    """A standfirst as sites write it: a long sentence without its final full stop, no bullet."""
    if line.terminal or line.bullet or line.length < LONG_LINE:
        return False
    words = LETTERS.findall(line.text)
    return bool(words) and sum(w[0].isupper() for w in words) <= STANDFIRST_MAX_CAPITALISED * len(words)


def _caption(s: State, i: int) -> bool:
    """A caption: labelled one, or followed by a credit a rule labelled (a caption's own line)."""
    return any(s.labels[k] is not None and s.labels[k].category is Category.CAPTION
               for k in (i, i + 1) if k < len(s.lines))


def lede_above(s: State, start: int, runs: list[tuple[int, int]]) -> int | None:
    """The block above the body run that is the article's lede: the nearest prose block or
    standfirst within LEDE_REACH blocks above `start`, with no other between, that no rule
    labelled and whose content words the run's prose shares (LEDE_OVERLAP), or None."""
    for i in range(start - 1, max(start - 1 - LEDE_REACH, -1), -1):
        line = s.lines[i]
        if not (line.prose or _standfirst(line)):
            continue
        if _caption(s, i):
            continue  # the lead image's caption, between the lede and the body
        if s.labels[i] is not None:
            return None
        words = ending.content_words(line.text)
        if len(words) < ending.FOREIGN_MIN_WORDS:
            return None
        vocab = ending.Vocabulary([s.lines[k].text for a, b in runs for k in range(a, b) if s.lines[k].prose])
        return i if vocab.overlap(words, own=False) >= LEDE_OVERLAP else None
    return None


#: The article's last sentence often stands alone after its run, too short to score as prose
#: ("Ich hoffe euch gefällt der Relaunch."): the block right after the run joins it when it is
#: a sentence of at least this many words that no rule labelled.
CLOSING_MIN_WORDS = 4


def closing_line_below(s: State, end: int) -> int | None:
    """The block right after the body run (ending before `end`) when it is the article's closing
    sentence: a short sentence (CLOSING_MIN_WORDS words or more) that no rule labelled."""
    if end >= len(s.lines) or s.labels[end] is not None:
        return None
    line = s.lines[end]
    if line.prose or not line.terminal or line.bullet or line.words < CLOSING_MIN_WORDS \
            or line.text.rstrip().endswith("?"):
        return None  # (a question after the article asks the reader: "Was this article useful?")
    return end


def main_body_run(s: State) -> None:
    """Full pages only: the article body is the run of blocks with the most prose; everything
    before and after it is page furniture (menus, link lists, footers)."""
    if not s.full_page:
        return
    scores = [block_score(line, s.labels[i]) for i, line in enumerate(s.lines)]
    runs = body_runs(scores)
    if not runs:
        return
    box = wall(s.lines, s.labels, runs[0][0])
    if box is not None:  # the article ends at the first box; the rest of an article or a thread
        runs = body_runs(scores, limit=box)  # comes back as runs of its own
        if s.labels[box].category is Category.COMMENTS and article_before(scores, runs, box):
            # but readers' comments under an article do not
            runs = [(a, b) for a, b in runs if a < box or not comment_list(s.lines[a:b])]
    inside = set()
    for start, end in runs:
        inside.update(range(start, end))
    where = ", ".join(f"{s.lines[a].block.line}-{s.lines[b - 1].block.line}" for a, b in runs)
    lede = lede_above(s, runs[0][0], runs)
    if lede is not None:
        inside.add(lede)
        s.notes.setdefault(lede, f"above the body's run (lines {where}), but its lede: it shares the run's vocabulary")
    closing = closing_line_below(s, runs[-1][1])
    if closing is not None:
        inside.add(closing)
        s.notes.setdefault(closing, f"after the body's run (lines {where}), but the article's closing sentence")
    heading = _main_heading(s, runs[0][0])
    if heading is not None:
        s.label(heading, "title.top", Category.TITLE,
                f"the page's main heading (#) above its body (lines {where})")
    for i in range(len(s.lines)):
        if i not in inside and s.kept(i):
            s.label(i, "page.outside_body", Category.NAVIGATION,
                    f"outside the runs of prose (lines {where}) of a full page")
