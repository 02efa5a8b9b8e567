"""The context pass: decisions that depend on neighbours, position and repetition.

Per-block rules see one line at a time. Here each heuristic sees the whole document (its lines and
their first labels) and may label more blocks. Every heuristic is a function of the same shape,
listed in `HEURISTICS` in the order they run; each label it gives names the heuristic and says why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from . import byline, ending, fullpage
from .features import Line, lowercase_words
from .lexicon import EDGE_PUNCT, normalize
from .model import Category, Hit
from .rules.metadata import SEGMENT_SPLIT

#: Categories that close an article: a run of them marks the end of the body.
END_MARKERS = frozenset({Category.SHARE, Category.COMMENTS, Category.SUBSCRIPTION})
#: A metadata label ("Date:") opening this many lines with different values is a content field.
FIELD_MIN_REPEATS = 3
#: How many end markers, with no body prose between them, make an end-of-article run.
END_RUN_MIN = 2
#: A form status message ("Something went wrong") counts as part of a subscription widget when a
#: subscription prompt lies within this many blocks.
FORM_STATUS_REACH = 3
#: A title is at most this long; longer first lines are ledes.
TITLE_MAX_LEN = 250
#: Headline-like lines at the top taken as the title and its kicker or subtitle, at most.
TITLE_MAX_LINES = 3
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
#: Rules whose captions already carry their credit.
_CREDITED = frozenset({"caption.credit_parenthesis", "caption.copyright", "caption.credit_line",
                       "caption.trailing_slash_credit"})
#: A credit under a caption: a name or two.
CREDIT_MAX_WORDS = 5
_NAME = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]*|de|da|di|du|van|von|der|den|la|le|del|y|and|und|et|/|&)"
                   r"(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|de|da|di|du|van|von|der|den|la|le|del|y|and|und|et|/|&))*$")
_WORDS = re.compile(r"[^\W\d_]+")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
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
#: A text is article-shaped when at least this share of its characters is in prose blocks
#: (development pages: articles median 0.86, 8-12% of them below 0.5; forums, products,
#: listings and docs median 0.62, 36% below 0.5). The structural teaser heuristics, which read
#: runs of short lines as link lists, only run on article-shaped texts: on a listing, a product
#: page or a schedule those runs are the content.
ARTICLE_MIN_PROSE_SHARE = 0.5


@dataclass(slots=True)
class State:
    lines: list[Line]
    labels: list[Hit | None]
    notes: dict[int, str] = field(default_factory=dict)  # block index -> why it was kept/labelled
    full_page: bool = False  # the text is a whole page: find the body first
    article_shaped: bool = True  # mostly prose (see ARTICLE_MIN_PROSE_SHARE)

    def label(self, i: int, rule: str, category: Category, reason: str, value: str | None = None) -> None:
        self.labels[i] = Hit(rule, category, reason, value)

    def kept(self, i: int) -> bool:
        return self.labels[i] is None

    def category(self, i: int) -> Category | None:
        hit = self.labels[i]
        return hit.category if hit else None


def main_body_run(s: State) -> None:
    """Full pages only: the article body is the run of blocks with the most prose; everything
    before and after it is page furniture (menus, link lists, footers)."""
    if not s.full_page:
        return
    scores = [fullpage.block_score(line, s.labels[i]) for i, line in enumerate(s.lines)]
    runs = fullpage.body_runs(scores)
    if not runs:
        return
    wall = fullpage.wall(s.lines, s.labels, runs[0][0])
    if wall is not None:  # the article ends at the first box; the rest of an article or a thread
        runs = fullpage.body_runs(scores, limit=wall)  # comes back as runs of its own
        if s.labels[wall].category is Category.COMMENTS and fullpage.article_before(scores, runs, wall):
            # but readers' comments under an article do not
            runs = [(a, b) for a, b in runs if a < wall or not fullpage.comment_list(s.lines[a:b])]
    inside = set()
    for start, end in runs:
        inside.update(range(start, end))
    where = ", ".join(f"{s.lines[a].block.line}-{s.lines[b - 1].block.line}" for a, b in runs)
    for i in range(len(s.lines)):
        if i not in inside and s.kept(i):
            s.label(i, "page.outside_body", Category.NAVIGATION,
                    f"outside the runs of prose (lines {where}) of a full page")


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


#: A field label: the words before the colon of "Date: January 6-9" or "Release date: May 2".
_FIELD_LABEL = re.compile(r"^([^\W\d_][^:]{0,29}):\s*\S")


def _cells(line: Line) -> int:
    """The cells of a '|' (or '·', '•') separated row, 0 for a line that is not one."""
    n = len(SEGMENT_SPLIT.split(line.text.strip().strip("|").strip()))
    return n if n >= 2 else 0


def table_rows(s: State) -> None:
    """A line of '|'-separated cells with a date in one (what metadata.segments takes for a
    dateline: "March 3, 2021 | 5 min read") is a table row when the line before or after it has
    as many cells: a schedule, a results table or a price history, which stay."""
    for i, hit in enumerate(s.labels):
        if hit is None or hit.rule != "metadata.segments":
            continue
        n = _cells(s.lines[i])
        if n and any(0 <= k < len(s.lines) and _cells(s.lines[k]) == n for k in (i - 1, i + 1)):
            s.labels[i] = None
            s.notes[i] = f"a row of {n} cells next to another: a table row, not a dateline"


def repeated_fields(s: State) -> None:
    """A label that opens FIELD_MIN_REPEATS or more metadata lines with different values ("Date:
    January 6-9" / "Date: March 2-5" ..., "Release date: …" under each product of a listing,
    the "Date:" header of each message in an archive) is a field of the content, an event listing
    or a schedule, not the article's dateline: those lines stay. Values are compared with their
    digits ("March 2-5" and "March 23-26" differ)."""
    groups: dict[str, list[int]] = {}
    for i, hit in enumerate(s.labels):
        if hit is not None and hit.category is Category.METADATA and hit.rule != "metadata.segments":
            m = _FIELD_LABEL.match(s.lines[i].text.lstrip())
            if m is not None:
                groups.setdefault(m.group(1).strip().casefold(), []).append(i)
    for label, where in groups.items():
        if len(where) >= FIELD_MIN_REPEATS and len({s.lines[i].norm for i in where}) == len(where):
            for i in where:
                s.labels[i] = None
                s.notes[i] = (f"'{label}:' opens {len(where)} lines with different values: a field of "
                              "the content, not a dateline")


#: A list of at least this many items (bulleted lines or table rows in a row) is a body list...
BODY_LIST_MIN_ITEMS = 3
#: ... when at most this share of its items were labelled by a phrase or another rule.
BODY_LIST_MAX_LABELLED = 0.5
#: Sections whose words a body list names as its topic ("- 14-day free trial", "| Comments |")
#: without being the widget: matched inside an item, they are the item's subject.
_TOPIC_SECTIONS = frozenset({"subscription", "share", "comments"})


def _list_item(line: Line) -> bool:
    return line.bullet or (line.text.startswith("|") and line.text.count("|") >= 3)


def phrases_in_body_lists(s: State) -> None:
    """A phrase found inside an item of a body list ("- 14-day free trial", "- No subscription
    needed", "| Free trials | 30 days |") is what the item is about: a comparison, a pros and
    cons list or a table row, not a sign-up prompt. A list counts as body when most of its items
    were left alone; an item that is the phrase itself ("- Subscribe") stays removed."""
    n = len(s.lines)
    a = 0
    while a < n:
        if not _list_item(s.lines[a]):
            a += 1
            continue
        b = a
        while b < n and _list_item(s.lines[b]):
            b += 1
        run = range(a, b)
        if b - a >= BODY_LIST_MIN_ITEMS and \
                sum(not s.kept(i) for i in run) <= BODY_LIST_MAX_LABELLED * (b - a):
            for i in run:
                hit, line = s.labels[i], s.lines[i]
                if hit is None or not hit.rule.endswith(".phrase") or hit.category.value not in _TOPIC_SECTIONS:
                    continue
                found = [m for m in line.matches if m.section == hit.category.value]
                if found and all(m.kind in ("prefix", "contains") for m in found):
                    s.labels[i] = None
                    s.notes[i] = (f"item of a body list (lines {s.lines[a].block.line}-{s.lines[b - 1].block.line}) "
                                  f"about {found[0].phrase!r}, not a prompt")
        a = b


#: A phrase that the article's own prose uses in at least this many paragraphs (besides the
#: line itself) is what the article is about, not a widget's wording: "Subscription Box
#: Details" over each entry of a review of clothing subscription boxes, "LessAccounting offers
#: a 30-day free trial." in a comparison of accounting software (development pages: of the
#: lines this keeps on dev-wcxb half a, 20 are body and 1 is not).
TOPIC_MIN_PARAGRAPHS = 2
#: Sections whose `contains` phrases name a topic as often as a widget (captions, cookie and
#: legal notices are sentences by nature and keep their phrases).
TOPIC_SECTIONS = frozenset({"subscription", "share", "comments", "ad", "navigation", "teaser",
                            "author", "metadata"})
_WORD_RUN = re.compile(r"\w+")


def _words_of(text: str) -> str:
    """The normalized words of a text between spaces, for whole-word phrase lookups."""
    return " " + " ".join(_WORD_RUN.findall(normalize(text))) + " "


def phrases_on_topic(s: State) -> None:
    """A line that a phrase rule labelled for a phrase found inside it (`contains`) stays when
    the article's prose uses that phrase in TOPIC_MIN_PARAGRAPHS paragraphs or more: the phrase
    is the article's subject, not a widget's wording. A line that speaks to the reader or as the
    site ("Sign up for our newsletter") is a prompt whatever the topic; a line that is the label
    itself (`exact`, "Subscription") or opens with it (`prefix`, "Subscribe to ...") is a
    button or a prompt, and a phrase ending in ':' is a label."""
    candidates = []
    for i, hit in enumerate(s.labels):
        if hit is None or not hit.rule.endswith(".phrase") or hit.category.value not in TOPIC_SECTIONS:
            continue
        found = [m for m in s.lines[i].matches if m.section == hit.category.value]
        if found and all(m.kind == "contains" and not m.phrase.rstrip().endswith(":") for m in found):
            candidates.append((i, found))
    prose = [i for i, line in enumerate(s.lines) if s.kept(i) and line.prose]
    if not candidates or len(prose) < TOPIC_MIN_PARAGRAPHS:
        return
    texts: dict[int, str] = {}
    for i, found in candidates:
        if s.lines[i].addresses_reader():
            continue
        for m in found:
            phrase = _words_of(m.phrase)
            n = sum(1 for k in prose if k != i and phrase in (texts.get(k) or texts.setdefault(k, _words_of(s.lines[k].text))))
            if n >= TOPIC_MIN_PARAGRAPHS:
                s.labels[i] = None
                s.notes[i] = f"'{phrase.strip()}' is the article's topic: its prose uses it in {n} paragraphs"
                break


def form_status_near_subscription(s: State) -> None:
    """Sign-up form messages ("Something went wrong", "Loading...") beside a subscription prompt."""
    for i, line in enumerate(s.lines):
        if not line.matches or not s.kept(i) or "form_status" not in line.sections():
            continue
        lo, hi = max(0, i - FORM_STATUS_REACH), min(len(s.lines), i + FORM_STATUS_REACH + 1)
        near = [j for j in range(lo, hi) if s.category(j) is Category.SUBSCRIPTION]
        if near:
            m = line.first_match("form_status")
            s.label(i, "subscription.form_status", Category.SUBSCRIPTION,
                    f"form status message {m.describe() if m else ''} next to a subscription prompt "
                    f"(line {s.lines[near[0]].block.line})")


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
_LETTERS = re.compile(r"[^\W\d_]+")


def _named_share(texts: list[str]) -> float:
    """The mean share of capitalised words (after the first, of more than NAMED_MIN_LETTERS
    letters) in these lines. Caseless scripts have none: their lists are never judged by it."""
    shares = []
    for text in texts:
        words = [w for w in _LETTERS.findall(text)[1:] if len(w) > NAMED_MIN_LETTERS]
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
        if _card_title(line) or (run and not line.terminal and line.length >= CUT_SUMMARY_MIN_LEN):
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
        why = ending.body_list([s.lines[i] for i in tail], vocab, s.lines[tail[0] - 1])
        if why:
            for i in tail:
                s.notes.setdefault(i, f"headline-like after the last body paragraph, but a body list: {why}")
            return
        for i in tail:
            s.label(i, "teaser.tail_run", Category.TEASER,
                    f"one of {len(tail)} headline-like lines after the last body paragraph")


def _has_credit(s: State, i: int) -> bool:
    """Whether a caption already carries its credit ("Photo: Jane Doe", "(AFP / NAME)", "©")."""
    hit = s.labels[i]
    if hit is None or hit.rule in _CREDITED:
        return True
    line, m = s.lines[i], s.lines[i].first_match("caption")
    if m is None or m.kind == "suffix":
        return True
    if m.phrase.rstrip().endswith(":"):  # "Photo: Jane Doe" is a credit, "Photo: workers inspect..." is not
        return len(line.text.split(":", 1)[-1].split()) <= CREDIT_MAX_WORDS
    return False


def credit_after_caption(s: State) -> None:
    """A name on its own line right under a caption that has no credit of its own: the photo
    credit. Its words must be names: none of them occurs in lowercase elsewhere in the text, so a
    Title Case subheading ("What Happens Next") stays."""
    common: frozenset[str] | None = None
    for i in range(1, len(s.lines)):
        before = s.labels[i - 1]
        if before is None or before.category is not Category.CAPTION or not s.kept(i) or _has_credit(s, i - 1):
            continue
        line = s.lines[i]
        if not line.terminal and line.words <= CREDIT_MAX_WORDS and line.length <= AUTHOR_MAX_LEN \
                and _NAME.match(line.text.strip()):
            common = lowercase_words(line.text for line in s.lines) if common is None else common
            if any(w.lower() in common for w in _WORDS.findall(line.text) if not w.islower()):
                continue
            s.label(i, "caption.credit_after_caption", Category.CAPTION,
                    f"a name alone under the caption on line {s.lines[i - 1].block.line}: its credit")


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
    seen_body, run, tried = False, 0, set()
    for i, hit in enumerate(s.labels):
        if hit is not None:
            if hit.category in END_MARKERS and seen_body:
                run += 1
        elif s.lines[i].prose:
            seen_body, run = True, 0
        if run < END_RUN_MIN:
            continue
        zone = tuple(k for k in range(i + 1, n) if s.kept(k) or s.category(k) in CARD_PARTS)
        if not zone or zone in tried or not (s.full_page or article_shaped(s.lines[:i + 1])):
            continue
        tried.add(zone)
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


#: The headline is looked for last, on what the other heuristics left: the first line a second
#: pass would see is the one it judges (idempotence).
HEURISTICS: tuple[Callable[[State], None], ...] = (
    phrases_in_body_lists,
    phrases_on_topic,
    main_body_run,
    table_rows,
    repeated_fields,
    form_status_near_subscription,
    credit_after_caption,
    bullet_teaser_run,
    teaser_after_lead_in,
    repeated_label_cards,
    trailing_block,
    tail_headline_run,
    ending.article_end,
    byline.label_bylines,  # on what the others left (a second pass sees the same), before the title
    title_at_top,
)


def article_shaped(lines: list[Line]) -> bool:
    total = sum(line.length for line in lines)
    return sum(line.length for line in lines if line.prose) >= ARTICLE_MIN_PROSE_SHARE * total


def run(lines: list[Line], first: list[Hit | None], *, full_page: bool = False,
        before: tuple[Callable[[State], None], ...] = ()) -> State:
    """The context pass: `before` (heuristics of one input kind, such as markdown's link runs),
    then HEURISTICS."""
    state = State(lines=lines, labels=list(first), full_page=full_page,
                  article_shaped=full_page or article_shaped(lines))
    for heuristic in (*before, *HEURISTICS):
        heuristic(state)
    return state
