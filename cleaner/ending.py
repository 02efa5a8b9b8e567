"""Where the article ends: the page's furniture after the last body paragraph, found from structure.

Most boilerplate that survives extraction sits after the article: author bios, donation and
subscription pitches, house ads, "about us" boxes, comment counters, lists of other headlines.
None of it needs a phrase to be recognised. The article's own prose gives the yardstick:

- **vocabulary**: a body paragraph shares most of its content words with the rest of the
  article's prose; a pitch, a bio or an about box talks about something else;
- **shape**: the tail is made of headline-like lines, short labels and contact lines (e-mail
  addresses, handles), rather than paragraphs.

The pass finds the last body paragraph: the last prose block that has no e-mail address or
handle and (in an article long enough to judge by) is not about something else. After it, the
tail goes from its first strong sign of furniture (a closing label a rule gave, an e-mail
address or handle, three headlines in a row, a two-word teaser label, a paragraph about
something else), except list items and table rows that continue the article and sentences that
may; those stay with a note. Nothing goes when the last paragraph ends with ':' (it introduces
a body list) or when the text is not article-shaped.

Last (`dangling`, called by the pipeline on the output as it will be written, after the repeated
paragraphs went): a few short lines that end the text right after a paragraph head nothing (a
subheading introduces what follows it) and go.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

from . import byline
from .model import Category

if TYPE_CHECKING:
    from .state import State
    from .features import Line

#: Content words: runs of four letters or more (short words are function words in most
#: languages written with spaces).
CONTENT_MIN_LETTERS = 4
#: E-mail addresses and handles: a bio's or an about box's contact (a link alone is not: list
#: articles give each entry its website).
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.\w|(?<![\w@])@[A-Za-z_]\w{2,}")
#: A text needs this many prose blocks before it has an article's shape (and vocabulary).
MIN_PROSE_BLOCKS = 4
#: A paragraph that shares at least this share of its content words with the rest of the
#: article's prose continues the article (development pages: body prose 0.75 on average).
BODY_OVERLAP = 0.5
#: A paragraph below this share talks about something else (a pitch, a bio, an about box).
FOREIGN_OVERLAP = 0.15
#: Blocks from the end looked at, at most: a tail longer than this is not a widget area.
MAX_TAIL_BLOCKS = 40
#: ... and the prose around the article's end is at least this many prose blocks before it
#: (the article must be behind us, not ahead).
MIN_BODY_BEFORE = 3

#: Labels that close an article and make what follows them tail.
_CLOSING = frozenset({Category.SHARE, Category.COMMENTS, Category.SUBSCRIPTION, Category.AUTHOR,
                      Category.LEGAL, Category.NAVIGATION, Category.TEASER, Category.AD})


#: Words are compared on their first letters, so that inflections meet ("company",
#: "companies"; "Erhöhung", "Erhöhungen").
STEM_LEN = 5
#: A content word's stem: the group holds its first STEM_LEN letters (the same runs in ASCII
#: text with an ASCII class, which the regex engine scans faster).
_CONTENT_STEM = re.compile(r"([^\W\d_]{%d,%d})[^\W\d_]*" % (CONTENT_MIN_LETTERS, STEM_LEN))
_CONTENT_STEM_ASCII = re.compile(r"([A-Za-z]{%d,%d})[A-Za-z]*" % (CONTENT_MIN_LETTERS, STEM_LEN))


_CLOSING_SECTIONS = frozenset(c.value for c in _CLOSING)


@functools.lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """The text's content words, stemmed (cached: a block is asked about by several passes)."""
    rx = _CONTENT_STEM_ASCII if text.isascii() else _CONTENT_STEM
    return frozenset(map(str.lower, rx.findall(text)))


#: Distinct word stems the article's prose needs before a paragraph's overlap with it means
#: anything: a short article repeats few of its words.
MIN_VOCABULARY = 150


class Vocabulary:
    """The article's prose vocabulary: in how many prose blocks each content word occurs."""

    def __init__(self, texts: list[str]):
        self.counts: Counter[str] = Counter()
        for t in texts:
            self.counts.update(content_words(t))
        self.enough = len(self.counts) >= MIN_VOCABULARY

    def foreign(self, line: "Line") -> float | None:
        """The block's overlap when it is too low for body prose (a pitch, a bio, an about
        box), else None; always None for a vocabulary too small to judge by."""
        if not self.enough:
            return None
        words = content_words(line.text)
        if len(words) < FOREIGN_MIN_WORDS:
            return None
        ov = self.overlap(words, own=line.prose)
        return ov if ov < FOREIGN_OVERLAP else None

    def overlap(self, words: set[str], own: bool) -> float:
        """Share of `words` found in the article's prose (outside the block itself when `own`:
        the block is one of the prose blocks counted)."""
        if not words:
            return 0.0
        floor = 1 if own else 0
        return sum(1 for w in words if self.counts[w] > floor) / len(words)


def _table_row(line: "Line") -> bool:
    return line.text.count("|") >= 2 or line.text.count("\t") >= 2


_NUMBERED = re.compile(r"^\s*\(?\d{1,3}[.)]\s")
#: Headline-like lines in a row, each of at least this many words, make a list of links
#: (shorter ones are names, addresses and list entries).
HEADLINE_RUN = 3
HEADLINE_MIN_WORDS = 4
#: A paragraph or sentence needs this many content words before its overlap says it is foreign.
FOREIGN_MIN_WORDS = 5


def _headline(line: "Line") -> bool:
    return (line.headline_like and not line.bullet and line.words >= HEADLINE_MIN_WORDS
            and not _NUMBERED.match(line.text))


#: Headline-like lines whose content words are, on average, at least this share the article's
#: prose are items of a body list that lost its bullets ("Regular instructor feedback on
#: assignments" under a course guide), not the headlines of other articles.
LIST_OVERLAP = 0.5


#: Lines that open with the same words (this many) come from one template: "Average Costs for
#: Cleaning Services in Austin", "... in Boston" is a generated list of links, whose words are
#: the article's title's.
TEMPLATE_WORDS = 3


#: A pair of words where a table's cells were joined by a space: a lowercase word, then a
#: capitalised word that the text also writes in lowercase, a common word and no name ("... an
#: assessment process For newcomers ...", "... usually by exam Course content ..."). A headline
#: in sentence case writes that word in lowercase; one in title case capitalises its neighbours
#: too, and such lines are left out.
_WORD_PAIR = re.compile(r"(?<![^\W\d_])([^\W\d_]{%d,}) (?=([^\W\d_]+))" % CONTENT_MIN_LETTERS)


#: A run of lines with this many joined table rows, a third of it at least, is a table.
JOINED_ROWS_MIN = 3
JOINED_ROWS_SHARE = 3


def _joined_cells(line: "Line", common: frozenset[str]) -> bool:
    """Whether the line reads as a table row whose cells were joined by a space (see _WORD_PAIR);
    never a line in title case (most of its words capitalised)."""
    words = line.text.split()
    if 2 * sum(1 for w in words if w[:1].isupper()) > len(words):
        return False
    for m in _WORD_PAIR.finditer(line.text):
        left, right = m.group(1), m.group(2)
        if left.islower() and right[0].isupper() and right[1:].islower() and right.lower() in common:
            return True
    return False


def _templated(lines: "list[Line]") -> bool:
    """Whether most of the lines open with the same few words."""
    openings = Counter(tuple(line.text.lower().split()[:TEMPLATE_WORDS]) for line in lines)
    return 2 * openings.most_common(1)[0][1] > len(lines)


def body_list(lines: "list[Line]", vocab: Vocabulary, before: "Line | None",
              common: frozenset[str]) -> str | None:
    """Why a run of headline-like lines is a body list, or None: a lead-in ending with ':' right
    before it, rows of a table whose cells were joined (`common`: the words the text writes in
    lowercase, see _joined_cells), or items that continue the article's vocabulary (judged on
    any vocabulary: a high overlap means something even in a short article); never lines that
    all open alike."""
    if before is not None and before.text.rstrip().endswith(":"):
        return f"introduced by line {before.block.line}, which ends with ':'"
    if _templated(lines):
        return None
    rows = sum(1 for line in lines if _joined_cells(line, common))
    if rows >= JOINED_ROWS_MIN and rows * JOINED_ROWS_SHARE >= len(lines):
        return f"{rows} of its {len(lines)} lines read as table rows whose cells were joined"
    shares = [vocab.overlap(w, own=False) for w in (content_words(line.text) for line in lines) if w]
    if shares and sum(shares) / len(shares) >= LIST_OVERLAP:
        return f"its lines share {sum(shares) / len(shares):.0%} of their words with the article"
    return None


def _overlap(line: "Line", vocab: Vocabulary) -> tuple[float, int]:
    words = content_words(line.text)
    return vocab.overlap(words, own=line.prose), len(words)


#: An author box: a line of a name (two to four words, at least two of them names: words the
#: text never writes in lowercase), then a paragraph that opens with one of them ("Jane Doe" /
#: "Jane is a reporter who covers..."), sharing less of the article's vocabulary than its own
#: sections do, and naming someone the prose before it never names (a section about a person
#: the article is about names them before).
AUTHOR_NAME_MAX_WORDS = 4
#: A bio shares the article's topic at most this much (a photographer's bio under a photography
#: guide: 0.68); a section of the article on a person or a product shares more.
BIO_MAX_OVERLAP = 0.75
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def author_boxes(s: "State", vocab: Vocabulary) -> dict[int, int]:
    """{bio paragraph: its name line} for the author boxes of the text."""
    kept = [i for i in range(len(s.lines)) if s.kept(i)]
    common: frozenset[str] | None = None
    out: dict[int, int] = {}
    for a, i in enumerate(kept):
        line = s.lines[i]
        if line.terminal or line.bullet or not 2 <= line.words <= AUTHOR_NAME_MAX_WORDS:
            continue
        words = _NAME_WORD.findall(line.text)
        if len(words) < 2 or not all(w[0].isupper() for w in words[1:]):
            continue
        j = next((k for k in kept[a + 1:a + 3] if s.lines[k].prose), None)
        if j is None:
            continue
        opening = _NAME_WORD.match(s.lines[j].text.lstrip())
        first = opening.group(0).removesuffix("'s").removesuffix("’s") if opening else ""
        if first not in {w.rstrip(".") for w in words}:
            continue  # (the cheap tests first: the text's lowercase words cost a pass over it)
        if common is None:
            common = s.common_words()
        names = {w.rstrip(".") for w in words if w[0].isupper() and w.lower() not in common}
        if len(names) < 2 or first not in names or \
                vocab.overlap(content_words(s.lines[j].text), own=True) >= BIO_MAX_OVERLAP:
            continue
        # a person the article is about is named in its prose too ("... a win over Williams")
        named = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names))) + r")\b")
        if not any(named.search(s.lines[k].text) for k in kept if k < i and s.lines[k].prose):
            out[j] = i
    return out


def _signal(s: "State", tail: list[int], pos: int, vocab: Vocabulary) -> str | None:
    """Strong evidence that the page's furniture starts at tail[pos]: a label a rule gave, a
    paragraph about something else, an address line, or the start of a run of headlines."""
    i = tail[pos]
    hit = s.labels[i]
    if hit is not None:
        return f"'{hit.rule}' ({hit.category}) on line {s.lines[i].block.line}" if hit.category in _CLOSING else None
    line = s.lines[i]
    if _table_row(line):
        return None
    head = next((m for m in line.matches if m.kind == "head" and m.section in _CLOSING_SECTIONS), None)
    if head is not None:
        return f"a label on line {line.block.line} that {head.describe()}"
    if not line.bullet and _CONTACT.search(line.text):
        return f"an e-mail address or handle on line {line.block.line}"
    if _byline(s, i):
        return f"a byline on line {line.block.line}"
    run = tail[pos:pos + HEADLINE_RUN]
    if len(run) == HEADLINE_RUN and all(s.kept(k) and _headline(s.lines[k]) for k in run) \
            and body_list([s.lines[k] for k in run], vocab, s.lines[i - 1] if i else None, s.common_words()) is None:
        return f"{HEADLINE_RUN} headline-like lines in a row from line {line.block.line}"
    if line.bullet:
        items = _bullet_run(s, tail, pos)
        after = sum(1 for k in tail if k > items[-1] and s.kept(k)) if items else 0
        if len(items) >= HEADLINE_RUN and after <= TEASER_LIST_MAX_AFTER and all(_bulleted_headline(s.lines[k]) for k in items) \
                and body_list([s.lines[k] for k in items], vocab, s.lines[i - 1] if i else None, s.common_words()) is None:
            return f"a list of {len(items)} bulleted headlines from line {line.block.line}"
    return None


def _bullet_run(s: "State", tail: list[int], pos: int) -> list[int]:
    """The kept bulleted blocks in a row from tail[pos] (removed blocks do not break it)."""
    run = []
    for k in tail[pos:]:
        if not s.kept(k):
            continue
        if not s.lines[k].bullet:
            break
        run.append(k)
    return run


#: A list of bulleted headlines closes the page's text (at most this many blocks after it, the
#: footer's lines): followed by more of the text, it is a list of the page's own content.
TEASER_LIST_MAX_AFTER = 2
#: A bulleted headline is a whole one (shorter bulleted items are a body list's entries: "Deep
#: cleaning", "Same-week appointments", "Moving supplies and boxes").
BULLETED_HEADLINE_MIN_WORDS = 6


def _bulleted_headline(line: "Line") -> bool:
    """A bulleted link to another page: a headline of a few words, not a sentence."""
    return line.headline_like and line.words >= BULLETED_HEADLINE_MIN_WORDS and not _NUMBERED.match(line.text)


def _byline(s: "State", i: int) -> bool:
    """Whether block i is a byline ("By Jane Doe", "Reporting by ...; Editing by ..."): after
    the article's last paragraph, the article is over."""
    line = s.lines[i]
    if not line.matches or "byline" not in line.sections():
        return False
    return byline.author_of(line, s.common_words()) is not None


def _body_like(line: "Line", vocab: Vocabulary, signed: bool = False) -> str | None:
    """Why a block after the cut still reads as body, or None. `signed`: a byline came before
    it after the last paragraph, and then only a paragraph of prose may still be the article's
    (a short sentence there is a standards note, a correction policy, a site's tagline)."""
    if _table_row(line):
        return "a table row"
    ov, n = _overlap(line, vocab)
    if (line.bullet or _NUMBERED.match(line.text)) and n >= 2 and ov >= BODY_OVERLAP:
        return "a list item that continues the article's vocabulary"
    if line.terminal and vocab.foreign(line) is None and (line.prose or not signed):
        return "a sentence that may continue the article"
    return None


#: Labels whose box holds a paragraph of its own: a newsletter or an app pitch under "Subscribe",
#: the publisher's about text under "About this series", a bio under "About the author".
_BOX_LABELS = frozenset({Category.SUBSCRIPTION, Category.AUTHOR, Category.SHARE, Category.COMMENTS})


#: A box's label is a few words.
BOX_LABEL_MAX_WORDS = 6


def _box_label(s: "State", i: int) -> int | None:
    """The removed box label right above block i (the nearest block before it), or None."""
    if i == 0 or s.kept(i - 1) or s.labels[i - 1].category not in _BOX_LABELS:
        return None
    label = s.lines[i - 1]
    # a label ("About this series") or a prompt ("Subscribe now for the full story."); a long
    # heading that a phrase labelled is a section of the article, with its paragraph
    return i - 1 if label.words <= BOX_LABEL_MAX_WORDS or label.terminal else None


def article_end(s: "State") -> None:
    """After the last body paragraph, the page's furniture: from the first strong sign of it
    (a closing label, a paragraph about something else, an address, a byline, a run of
    headlines, a closing list of bulleted headlines), the tail goes (`ending.tail`), except list
    items and table rows that continue the article and sentences that may. A paragraph right
    under a box label that talks about something else is the box's text (`ending.box`), and an
    author's name line and bio go as `ending.author_box`."""
    n = len(s.lines)
    prose = [i for i in range(n) if s.kept(i) and s.lines[i].prose]
    if not s.article_shaped or len(prose) < MIN_PROSE_BLOCKS:
        return  # not an article's shape: leave lists, listings and forms alone
    vocab = Vocabulary([s.lines[i].text for i in prose])
    bios = author_boxes(s, vocab)
    boxes = {name: bio for bio, name in bios.items()}
    anchor = None
    boxed: dict[int, int] = {}  # paragraph -> the box label above it
    for i in reversed(prose):  # the last body paragraph: prose that is not about something else
        line = s.lines[i]
        if _CONTACT.search(line.text) or i in bios:
            continue
        label = _box_label(s, i)
        if label is not None and _overlap(line, vocab)[0] < BODY_OVERLAP:
            boxed[i] = label
            continue
        if vocab.foreign(line) is None:
            anchor = i
            break
    if anchor is None or sum(1 for i in prose if i <= anchor) < MIN_BODY_BEFORE:
        return
    if s.lines[anchor].text.rstrip().endswith(":"):
        return  # the last paragraph introduces what follows: a body list
    tail = list(range(anchor + 1, n))
    if not tail or sum(1 for i in tail if s.kept(i)) > MAX_TAIL_BLOCKS:
        return
    def signal(pos: int) -> str | None:
        if tail[pos] in boxes:
            return f"an author box on line {s.lines[tail[pos]].block.line}"
        return _signal(s, tail, pos, vocab)

    cut = next(((pos, why) for pos in range(len(tail)) if (why := signal(pos))), None)
    if cut is None:
        return
    pos, why = cut
    end = s.lines[anchor].block.line
    signed = False  # past a byline, the article is signed off: no short sentence continues it
    for i in tail[pos:]:
        if not s.kept(i):
            continue
        if i in bios or i in boxes:
            name = s.lines[i if i in boxes else bios[i]].text.strip()
            s.label(i, "ending.author_box", Category.AUTHOR,
                    f"after the article's last paragraph (line {end}): the author box of '{name}'", name)
            continue
        if _byline(s, i):
            signed = True
            continue  # the byline itself is labelled as one, and its name reported (byline.py)
        if i in boxed:
            label = s.labels[boxed[i]]
            s.label(i, "ending.box", label.category,
                    f"after the article's last paragraph (line {end}), the text of the box labelled "
                    f"'{s.lines[boxed[i]].text.strip()}' ({label.category}) right above it")
            continue
        keep = _body_like(s.lines[i], vocab, signed)
        if keep:
            s.notes.setdefault(i, f"after the article's end (line {end}), but {keep}")
        else:
            s.label(i, "ending.tail", Category.NAVIGATION,
                    f"after the article's last paragraph (line {end}), from {why}")


#: Short lines that end the output after its last paragraph, at most this many and of at most
#: DANGLING_MAX_WORDS words each, head nothing: a subheading introduces text that follows it, so
#: these are the labels of boxes whose content the extraction dropped ("Themen", "Related
#: topics", "Mehr zum Thema"), a credit or a name line.
DANGLING_MAX_LINES = 3
DANGLING_MAX_WORDS = 6
_QUOTE_CLOSE = ('"', "”", "»", "“", "«", "„")


def _short_label(line: "Line") -> bool:
    return (line.words <= DANGLING_MAX_WORDS and not (line.terminal or line.bullet or _table_row(line))
            and not line.text.rstrip().endswith(":"))


def _field(line: "Line") -> str:
    """What a line is compared on for repetition: the label of a "Label: value" line, else its key."""
    label, colon, _ = line.key.partition(":")
    return label if colon else line.key


def dangling(lines: "list[Line]", kept: list[int], article_shaped: bool) -> list[int]:
    """The kept blocks (`kept`: their indexes, in order, as the output gives them) that end the
    output right after a prose paragraph and head nothing: the whole run of short lines after
    the last paragraph, when it is a few lines (a longer run is a list). Not the attribution of
    a quote that closes the article ("... in a year.”" / "Jane Doe, CEO"), nor a field the text
    repeats ("Release date: Mar 2, 2026" under each entry, closing the last one). Judged on the
    output, after every other pass, so that a second pass over it finds nothing more."""
    if not article_shaped or sum(1 for i in kept if lines[i].prose) < MIN_PROSE_BLOCKS:
        return []
    run: list[int] = []
    for i in reversed(kept):
        if not _short_label(lines[i]):
            break
        run.append(i)
    if not 0 < len(run) <= DANGLING_MAX_LINES:
        return []
    before = lines[kept[-len(run) - 1]]
    if not before.prose or before.text.rstrip().endswith(_QUOTE_CLOSE):
        return []
    earlier = {_field(lines[i]) for i in kept if i < run[-1]}  # in the output, as a second pass sees it
    return [] if any(_field(lines[i]) in earlier for i in run) else run[::-1]
