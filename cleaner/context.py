"""The context pass: decisions that depend on neighbours, position and repetition.

Per-block rules see one line at a time. Here each heuristic sees the whole document (its lines and
their first labels) and may label more blocks. Every heuristic is a function of the same shape,
listed in `HEURISTICS` in the order they run; each label it gives names the heuristic and says why.

Each heuristic lives with its category: the teaser heuristics in rules/teaser.py beside the
teaser lead-in rule, the caption credit in rules/caption.py, the dateline guards in
rules/metadata.py, form messages in rules/prompts.py, the body search in fullpage.py, the end of
the article in ending.py, bylines in byline.py, the headline in title.py. Here are the ordered
pass and the two guards that apply to every category's phrases (body lists, the article's topic).
"""
from __future__ import annotations

import re
from typing import Callable

from . import byline, ending, fullpage, title
from .features import Line
from .lexicon import normalize
from .model import Hit
from .rules import caption, metadata, prompts, teaser
from .state import State, article_shaped

#: A list of at least this many items (bulleted lines or table rows in a row) is a body list...
BODY_LIST_MIN_ITEMS = 3
#: ... when at most this share of its items were labelled by a phrase or another rule.
BODY_LIST_MAX_LABELLED = 0.5
#: Sections whose words a body list names as its topic ("- 14-day free trial", "| Comments |")
#: without being the widget: matched inside an item, they are the item's subject.
_TOPIC_SECTIONS = frozenset({"subscription", "share", "comments"})


def _list_item(line: Line) -> bool:
    return line.bullet or (line.text.startswith("|") and line.text.count("|") >= 3)


#: An item that is a share phrase and at most this many words more is the share bar's own button
#: ("- Teilen auf Xing", "- Share on Facebook"), not an item about sharing ("- Share with up to
#: six family members"). (Other sections' short items stay topics: "- Free trial available".)
BUTTON_MAX_EXTRA_WORDS = 2


def _button(line: Line, m) -> bool:
    if m.kind != "prefix" or m.section != "share":
        return False
    phrase = normalize(m.phrase).rstrip(":")
    return line.norm.startswith(phrase) and len(line.norm[len(phrase):].split()) <= BUTTON_MAX_EXTRA_WORDS


def phrases_in_body_lists(s: State) -> None:
    """A phrase found inside an item of a body list ("- 14-day free trial", "- No subscription
    needed", "| Free trials | 30 days |") is what the item is about: a comparison, a pros and
    cons list or a table row, not a sign-up prompt. A list counts as body when most of its items
    were left alone; an item that is the phrase itself ("- Subscribe"), or a share phrase and a
    word or two ("- Share on Facebook"), stays removed."""
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
                if found and all(m.kind in ("prefix", "contains") for m in found) \
                        and not any(_button(line, m) for m in found):
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


#: The headline is looked for last, on what the other heuristics left: the first line a second
#: pass would see is the one it judges (idempotence).
HEURISTICS: tuple[Callable[[State], None], ...] = (
    phrases_in_body_lists,
    phrases_on_topic,
    fullpage.main_body_run,
    metadata.table_rows,
    metadata.repeated_fields,
    prompts.form_status_near_subscription,
    caption.credit_after_caption,
    teaser.bullet_teaser_run,
    teaser.teaser_after_lead_in,
    teaser.repeated_label_cards,
    teaser.trailing_block,
    teaser.tail_headline_run,
    ending.article_end,
    byline.label_bylines,  # on what the others left (a second pass sees the same), before the title
    title.title_at_top,
)


def run(lines: list[Line], first: list[Hit | None], *, full_page: bool = False,
        before: tuple[Callable[[State], None], ...] = ()) -> State:
    """The context pass: `before` (heuristics of one input kind, such as markdown's link runs),
    then HEURISTICS."""
    state = State(lines=lines, labels=list(first), full_page=full_page,
                  article_shaped=full_page or article_shaped(lines))
    for heuristic in (*before, *HEURISTICS):
        heuristic(state)
    return state
