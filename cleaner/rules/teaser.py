"""Related-article teasers: lead-ins such as "Read more:" (a per-block rule), and the context
heuristics that find the cards around them: bulleted headlines after body text, the headlines
under a lead-in, section labels repeated before headlines, the trailing block after the
end-of-article markers, headlines after the last paragraph."""
from __future__ import annotations

import re

from .. import ending
from ..features import LETTERS, Line
from ..lexicon import EDGE_PUNCT
from ..model import Category
from ..state import State, article_shaped
from . import phrase_rule

RULES = (phrase_rule("teaser.lead_in", Category.TEASER),)


# --- context heuristics (run by cleaner.context.run) ---------------------------------------------

#: Categories that close an article: a run of them marks the end of the body.
END_MARKERS = frozenset({Category.SHARE, Category.COMMENTS, Category.SUBSCRIPTION})
#: How many end markers, with no body prose between them, make an end-of-article run.
END_RUN_MIN = 2
#: After fewer paragraphs than this, markers followed by more prose than stands before them are
#: near the top of the text (a share bar under the lede): the article follows them.
END_BODY_MIN_PROSE = 3
#: An author line in a teaser card: a name or a desk ("Jane Doe", "Rédaction").
AUTHOR_MAX_WORDS = 4
AUTHOR_MAX_LEN = 40
#: Lines already removed as these count as parts of a teaser card (an author or desk line).
CARD_PARTS = frozenset({Category.METADATA, Category.AUTHOR, Category.TEASER})
#: A bulleted teaser is a whole headline; shorter bulleted items are body list entries.
TEASER_ITEM_MIN_WORDS = 6
#: A teaser lead-in that introduces a list is a label of a few words ("Read more:").
LEAD_IN_MAX_WORDS = 6
#: A label that is only shaped like a teaser lead-in needs this many headlines under it.
HEAD_MIN_CARDS = 2
#: Teaser card titles are at most this long.
CARD_TITLE_MAX_LEN = 200
#: Headline-like lines after the last body paragraph: this many make a list of links.
TAIL_RUN_MIN = 3
#: ... each of at least this many words (shorter lines are addresses, names, list items).
TAIL_HEADLINE_MIN_WORDS = 4
#: A list of cards may be interleaved with a few removed lines (a credit, an ad label), no more.
CARD_RUN_MAX_SKIPPED = 3
#: A card summary cut off mid-sentence is at least this long.
CUT_SUMMARY_MIN_LEN = 80
#: A card list's section label ("Politics") is a word or three, seen at least three times.
LABEL_MAX_WORDS = 3
LABEL_MIN_REPEATS = 3
#: ... and at least this share of its repeats are followed by a headline (a label that mostly
#: stands before paragraphs is a separator or a recurring subheading).
LABEL_CARD_SHARE = 0.5
#: Prose paragraphs between two repeats of a label (median over the repeats) from which the
#: label heads sections of the body: a teaser card holds a headline and one summary at most,
#: a section its paragraphs.
LABEL_SECTION_PROSE = 2
#: Share of teaser-card-like blocks a trailing zone needs before it is dropped whole.
CARD_ZONE_MIN_SHARE = 0.8


def _teaser_item(line: Line) -> bool:
    """A bulleted link to another article: a full headline, not a list item of the body (which
    tend to be short, "key: value" pairs, or sentences)."""
    return (line.bullet and line.headline_like and line.words >= TEASER_ITEM_MIN_WORDS
            and ": " not in line.text and not line.text.rstrip().endswith("-"))


#: Words of a headline that count for NAMED_MIN_SHARE: longer than this many letters (articles,
#: prepositions and conjunctions are shorter in most languages).
NAMED_MIN_LETTERS = 4
#: A list of headlines names what it is about: on average at least this share of its items'
#: words after the first are capitalised (people, places, organisations, or title case). Body
#: list items are sentence-case fragments ("Keep 3 copies of your data"; development pages:
#: body lists 0.00-0.14 in most runs, headline lists 0.18-0.75).
NAMED_MIN_SHARE = 0.15


def _named_share(texts: list[str]) -> float:
    """The mean share of capitalised words (after the first, of more than NAMED_MIN_LETTERS
    letters) in these lines. Caseless scripts have none: their lists are never judged by it."""
    shares = []
    for text in texts:
        words = [w for w in LETTERS.findall(text)[1:] if len(w) > NAMED_MIN_LETTERS]
        shares.append(sum(w[0].isupper() for w in words) / len(words) if words else 0.0)
    return sum(shares) / len(shares) if shares else 0.0


def bullet_teaser_run(s: State) -> None:
    """Two or more bulleted headlines in a row, after a sentence: a list of links to other
    articles. Lists at the top, after a heading or after a line ending in ':' are body lists, and
    so are headline-like items within a longer list whose other items are not headlines (a
    packing list, the steps of a how-to): a list of links is links from its first item to its
    last."""
    if not s.article_shaped:
        return
    kept = [i for i, hit in enumerate(s.labels) if hit is None]  # removed lines do not break a run
    item = [s.lines[i].bullet and _teaser_item(s.lines[i]) for i in kept]
    if sum(item) < 2:
        return
    a, n = 0, len(kept)
    while a < n:
        b = a
        while b < n and item[b]:
            b += 1
        if b - a >= 2:
            run = kept[a:b]
            intro = s.lines[kept[a - 1]] if a > 0 else None
            after = s.lines[kept[b]] if b < n else None
            if (intro is not None and intro.bullet) or (after is not None and after.bullet):
                for k in run:
                    s.notes[k] = "headline-like items of a longer bulleted list (body list)"
            elif _named_share([s.lines[k].text for k in run]) < NAMED_MIN_SHARE:
                for k in run:
                    s.notes[k] = "bulleted items in sentence case, naming nothing (body list)"
            elif intro is not None and intro.text.rstrip().endswith("?"):
                for k in run:  # "Which jobs are affected?", then the answers
                    s.notes[k] = "bulleted list answering the question before it (body list)"
            elif intro is not None and intro.terminal:
                for k in run:
                    s.label(k, "teaser.bullet_run", Category.TEASER,
                            f"one of {len(run)} bulleted headlines in a row after body text (related-article links)")
            else:
                for k in run:
                    s.notes[k] = "bulleted list introduced by a heading or a ':' line (body list)"
        a = max(b, a + 1)


def _card_title(line: Line) -> bool:
    """The title line of a teaser card: unpunctuated at the end, a few words."""
    return not line.terminal and line.words >= 2 and line.length <= CARD_TITLE_MAX_LEN \
        and not line.text.rstrip().endswith((",", ";")) and not _key_value(line)


#: A card's summary written as a whole sentence is at most this long.
CARD_SUMMARY_MAX_LEN = 250
#: A card's byline is a few words ("By Jane Doe", "Von Anna Weiß, 3. März").
CARD_BYLINE_MAX_WORDS = 6


def _card_summary(s: State, title: int, j: int) -> bool:
    """Whether line j, a complete sentence right under a card title, is that card's summary: the
    card's byline follows it right away ("By Jane Doe"), not a paragraph of the body. (Not a
    date or another title alone: a listing's headlines, summaries and dates are its content;
    and a sentence that ends the text is the body resuming.)"""
    line = s.lines[j]
    if not line.terminal or line.length > CARD_SUMMARY_MAX_LEN or not _card_title(s.lines[title]) \
            or j + 1 >= len(s.lines):
        return False
    below, hit = s.lines[j + 1], s.labels[j + 1]
    if hit is not None:
        return hit.category is Category.BYLINE
    return not below.terminal and below.words <= CARD_BYLINE_MAX_WORDS and bool(below.matches) \
        and "byline" in below.sections()


def _run_of_cards(s: State, start: int, rule: str, why: str, min_cards: int = 1) -> int:
    """Label the teaser cards from `start` on: titles, and summaries cut off mid-sentence under
    them. A complete paragraph ends the run (the body resumes); a last title before it that is
    shorter than the headlines above it is the body's subheading. Fewer than `min_cards` are
    left alone. Returns the cards labelled."""
    n, run, j, skipped = len(s.lines), [], start, 0
    while j < n:
        if not s.kept(j):
            skipped += 1
            if skipped > CARD_RUN_MAX_SKIPPED:
                break  # a long stretch of removed lines: this list is over
            j += 1
            continue
        line = s.lines[j]
        if _card_title(line) or (run and not line.terminal and line.length >= CUT_SUMMARY_MIN_LEN) \
                or (run and _card_summary(s, run[-1], j)):
            run.append(j)
            j += 1
            continue
        break
    if len(run) > 1 and j < n and s.lines[j].prose and _card_title(s.lines[run[-1]]):
        last, titles = s.lines[run[-1]], [s.lines[k] for k in run[:-1] if _card_title(s.lines[k])]
        if titles and last.words < min(t.words for t in titles):
            run.pop()  # shorter than the linked headlines, and followed by body: a subheading
    if len(run) < min_cards:
        return 0
    for k in run:
        s.label(k, rule, Category.TEASER, why)
    return len(run)


def teaser_after_lead_in(s: State) -> None:
    """The headlines (and their summaries) listed under a teaser lead-in such as "Read more:" or
    "Lire aussi"."""
    if not s.article_shaped:
        return  # a docs page's "See also" list, a spec sheet's "Recommended:" block
    for i in range(len(s.lines)):
        hit, line = s.labels[i], s.lines[i]
        if hit is None:
            # a label head of the teaser lists ("Related videos" beside "related articles") is a
            # lead-in when headlines follow it
            head = line.first_match("teaser") if line.matches else None
            if head is None or head.kind != "head":
                continue
            if _run_of_cards(s, i + 1, "teaser.after_lead_in",
                             f"listed under the teaser label on line {line.block.line}", HEAD_MIN_CARDS):
                s.label(i, "teaser.lead_in", Category.TEASER,
                        f"line {head.describe()}, with {HEAD_MIN_CARDS}+ headlines under it")
            continue
        if hit.rule != "teaser.lead_in" or line.words > LEAD_IN_MAX_WORDS:
            continue
        _run_of_cards(s, i + 1, "teaser.after_lead_in",
                      f"listed under the teaser lead-in on line {line.block.line}")


def _tail_headline(line: Line) -> bool:
    """A headline of a link list: not a bulleted item, not a two-word address or name."""
    return line.headline_like and not line.bullet and line.words >= TAIL_HEADLINE_MIN_WORDS


def tail_headline_run(s: State) -> None:
    """Headline-like lines after the last body paragraph, three or more: links to other articles."""
    if not s.article_shaped:
        return
    last_prose = next((i for i in range(len(s.lines) - 1, -1, -1) if s.lines[i].prose and s.kept(i)), None)
    if last_prose is None:
        return
    tail = [i for i in range(last_prose + 1, len(s.lines)) if s.kept(i)]
    if len(tail) >= TAIL_RUN_MIN and all(_tail_headline(s.lines[i]) for i in tail):
        vocab = ending.Vocabulary([line.text for k, line in enumerate(s.lines) if line.prose and s.kept(k)])
        why = ending.body_list([s.lines[i] for i in tail], vocab, s.lines[tail[0] - 1], s.common_words())
        if why:
            for i in tail:
                s.notes.setdefault(i, f"headline-like after the last body paragraph, but a body list: {why}")
            return
        for i in tail:
            s.label(i, "teaser.tail_run", Category.TEASER,
                    f"one of {len(tail)} headline-like lines after the last body paragraph")


#: A field name is a word or three ("Team size", "Processor") ...
FIELD_MAX_WORDS = 3
#: ... and its value a few words, or a figure ("2 - 10 employees", "16 GB RAM").
VALUE_MAX_WORDS = 4
_DIGIT = re.compile(r"\d")


def _key_value(line: Line) -> bool:
    """A "Key: value" line ("Team size: 2-10", "Processor: Apple M1", "Date: 6 May"): a field
    of a body list or a spec sheet, which repeats by nature. A teaser headline written
    "Storm Ciarán: towns count the damage" has a clause after its colon, not a value."""
    head, sep, rest = line.text.partition(":")
    if not sep or not rest.strip() or not head.strip() or len(head.split()) > FIELD_MAX_WORDS:
        return False
    return len(rest.split()) <= VALUE_MAX_WORDS or bool(_DIGIT.search(rest))


def _with_figures(line: Line) -> str:
    """What a repeated line is compared on when its figures count: its key keeps no digits."""
    return line.norm.strip(EDGE_PUNCT)


def repeated_label_cards(s: State) -> None:
    """A short label repeated three or more times, each time right before a headline-like line
    ("Politics" / headline / "Politics" / headline ...): a list of teaser cards with their
    section labels. The labels and the headlines go."""
    if not s.article_shaped:
        return
    by_key: dict[str, list[int]] = {}
    for i, line in enumerate(s.lines):
        if not line.terminal and not line.bullet and s.kept(i) and line.key and 1 <= line.words <= LABEL_MAX_WORDS \
                and not _key_value(line):
            by_key.setdefault(line.key, []).append(i)
    for key, where in by_key.items():
        if len(where) < LABEL_MIN_REPEATS:
            continue
        if len({_with_figures(s.lines[i]) for i in where}) > 1:
            continue  # "10115 Berlin", "12043 Berlin": a field whose figures change, not a label
        nxt = [next((k for k in range(i + 1, len(s.lines)) if s.kept(k)), None) for i in where]
        cards = [k for k in nxt if k is not None and k not in where and s.lines[k].headline_like
                 and not s.lines[k].bullet and s.lines[k].words >= TAIL_HEADLINE_MIN_WORDS
                 and not _key_value(s.lines[k])]
        if len(cards) < LABEL_MIN_REPEATS or len(cards) < LABEL_CARD_SHARE * len(where):
            continue  # a separator repeated between paragraphs, not a card's section label
        if sorted(_headlines_after(s, i, set(where)) for i in where)[len(where) // 2] >= 2:
            continue  # most repeats head a list of items ("Pros" / item / item): a subheading
        if _numbered(s.lines[i].text for i in where):
            continue  # "Step 1:", "Step 2:"...: an enumeration of the body, not a section label
        if sorted(_prose_between(s, a, b) for a, b in zip(where, where[1:]))[(len(where) - 1) // 2] \
                >= LABEL_SECTION_PROSE:
            continue  # paragraphs follow most repeats: a recurring subheading of the body
        first = s.lines[where[0]].text
        for i in where:
            s.label(i, "teaser.repeated_label", Category.TEASER,
                    f"section label '{first}' repeated {len(where)} times before headlines")
        for k in cards:
            s.label(k, "teaser.repeated_label", Category.TEASER,
                    f"headline under the repeated section label '{first}'")


_NUMBER = re.compile(r"\d+")


def _numbered(texts) -> bool:
    """Whether labels carry the numbers 1, 2, 3... in order (steps, parts, rounds)."""
    numbers = [m.group(0) if m else None for m in map(_NUMBER.search, texts)]
    return None not in numbers and all(int(b) == int(a) + 1 for a, b in zip(numbers, numbers[1:]))


def _prose_between(s: State, a: int, b: int) -> int:
    """Kept prose paragraphs between the lines a and b."""
    return sum(1 for k in range(a + 1, b) if s.kept(k) and s.lines[k].prose)


def _headlines_after(s: State, i: int, labels: set[int]) -> int:
    """How many headline-like lines of a card title's length follow the label at i in a row
    (shorter lines, such as a card's author, do not end the run)."""
    n = 0
    for k in range(i + 1, len(s.lines)):
        if k in labels or not s.kept(k):
            if k in labels:
                break
            continue
        line = s.lines[k]
        if not line.headline_like:
            break
        if line.words >= TAIL_HEADLINE_MIN_WORDS:
            n += 1
    return n


def _card_like(s: State, zone: list[int], pos: int) -> bool:
    """A block that fits a teaser card: a headline, its repeat, its author line, or a summary cut
    off mid-sentence. A complete paragraph is body, not a card."""
    line = s.lines[zone[pos]]
    if s.category(zone[pos]) in CARD_PARTS or line.headline_like:
        return True
    if not line.terminal and line.words <= AUTHOR_MAX_WORDS and line.length <= AUTHOR_MAX_LEN:
        return True  # author or desk line
    prev = [s.lines[zone[k]] for k in range(max(0, pos - 2), pos)]
    if any(p.key == line.key for p in prev):
        return True  # the card's title rendered twice
    return not line.terminal and line.length >= CUT_SUMMARY_MIN_LEN


def trailing_block(s: State) -> None:
    """After a run of end-of-article markers (share, comments, subscribe) everything left is a
    trailing block, provided it is made of teaser cards: titles, summaries and author lines.
    Only when the text before the markers is article-shaped: after a forum post's or a
    product's share bar come its content's own short lines."""
    n = len(s.lines)
    run, tried = 0, set()
    paragraphs, body_chars = 0, 0  # the kept prose before line i (no label changes in the loop)
    for i, hit in enumerate(s.labels):
        if hit is not None:
            if hit.category in END_MARKERS and paragraphs:
                run += 1
        elif s.lines[i].prose:
            paragraphs, body_chars, run = paragraphs + 1, body_chars + s.lines[i].length, 0
        if run < END_RUN_MIN:
            continue
        zone = tuple(k for k in range(i + 1, n) if s.kept(k) or s.category(k) in CARD_PARTS)
        if not zone or zone in tried or not (s.full_page or article_shaped(s.lines[:i + 1])):
            continue
        tried.add(zone)
        if paragraphs < END_BODY_MIN_PROSE and \
                sum(s.lines[k].length for k in zone if s.kept(k) and s.lines[k].prose) > body_chars:
            # markers near the top of the text (a share bar under the lede) close nothing: the
            # article is the prose that follows them
            for k in zone:
                s.notes.setdefault(k, f"after end-of-article markers (up to line {s.lines[i].block.line}), "
                                      "but more prose follows them than stands before them")
            continue
        cards = sum(1 for pos in range(len(zone)) if _card_like(s, list(zone), pos))
        if cards >= CARD_ZONE_MIN_SHARE * len(zone):
            marker = s.lines[i].block.line
            for k in zone:
                s.label(k, "teaser.trailing_block", Category.TEASER,
                        f"teaser card after the end-of-article markers (up to line {marker})")
            return
        for k in zone:
            s.notes.setdefault(k, f"after end-of-article markers, but only {cards}/{len(zone)} "
                                  "lines there look like teaser cards")
