"""Bylines: the author's name at the top or the bottom of an article ("By Sarah Jenkins,
Environment Correspondent", "Von Martin Keller", "Por Laura Martínez | Madrid", "Reporting by
Jane Doe; Editing by John Smith").

A byline is a short line that opens with a language's byline words (the `[byline]` section of
the phrase files: "By", "Von", "Par", "Por", "Autor:") followed by a person's name: two to four
capitalised words, with the particles names carry ("van", "de", "von der") and initials, and
several names joined by "and" or a comma. After the name may come a role, a desk, a place or a
date, a few words. The position decides the rest: above the second paragraph of prose, or after
the last one (a text without prose has no byline). The same words open body sentences ("By
Monday the council had agreed", "Von Berlin aus fährt der Zug"): a sentence does not read as a
name, so it stays. The name is reported as `Result.author`.
"""
from __future__ import annotations

import bisect
import re

from .features import last_paragraph
from .model import Category

#: A byline is a short line: the words, the names, a role or a date.
MAX_WORDS = 20
#: At the bottom, after the last prose paragraph, within this many kept blocks of the end.
BOTTOM_REACH = 3
#: After the names, a role, a desk or a place: at most this many words.
MAX_ROLE_WORDS = 8
#: A person's name: this many words at least (first and last name) and at most.
NAME_MIN_WORDS = 2
NAME_MAX_WORDS = 4
#: Lowercase words inside names, across languages.
PARTICLES = frozenset({"de", "da", "di", "du", "des", "del", "della", "dos", "das", "do", "van", "von",
                       "der", "den", "ter", "ten", "zu", "la", "le", "y", "bin", "ibn", "al", "el", "af", "av"})
#: Words joining two names ("Jane Doe and John Smith").
JOINERS = frozenset({"and", "und", "et", "y", "e", "i", "och", "og", "en", "&", "és", "ja"})
#: Where the names end: a role, a place or a date follows, or where the reporter was ("Reporting
#: by Jane Doe in Paris", "Von Martin Keller aus Berlin", "Par Jean Dupont à Lyon").
_END_OF_NAMES = re.compile(r"\s*(?:[|·•/(\[]|\s[-–—]\s|\d)|\s(?:in|aus|à|desde)\s(?=[A-ZÀ-Þ])")
_JOINED = re.compile(r"\s+(?:" + "|".join(sorted(map(re.escape, JOINERS))) + r")\s+")
_INITIAL = re.compile(r"^[A-ZÀ-Þ]\.(?:-?[A-ZÀ-Þ]\.)*$")
#: The last word of the byline words that open the later credits of a line ("Editing by").
_BY_WORDS = frozenset({"by", "von", "par", "por", "di", "door", "av", "af", "da", "de"})


def _name_word(word: str) -> bool:
    """A capitalised word of a name ("Martínez", "O'Brien", "Jean-Luc", "J.")."""
    if _INITIAL.match(word):
        return True
    letters = word.strip(".'’")
    return bool(letters) and letters[0].isupper() and all(c.isalpha() or c in "-'’." for c in letters)


def _person(name: str, common: frozenset[str]) -> bool:
    """Two to four capitalised words; the text never uses the first in lowercase, nor most of
    them (so "The Numbers" or "Qué Importa" is a headline, not a name; "Sarah Young" is one)."""
    words = name.split()
    core = [w for w in words if w.lower() not in PARTICLES]
    if not (NAME_MIN_WORDS <= len(core) <= NAME_MAX_WORDS and all(_name_word(w) for w in core)
            and words[-1].lower() not in PARTICLES):
        return False
    used = [w.lower().strip(".") in common for w in core]
    return not used[0] and 2 * sum(used) <= len(core)


def names(rest: str, common: frozenset[str] = frozenset()) -> str | None:
    """The names at the start of what follows the byline words ("Sarah Jenkins" in "Sarah
    Jenkins, Environment Correspondent"), or None when it does not read as names ("Monday the
    council had agreed"). Names joined by "and" ("Jane Doe and John Smith"), or listed with
    commas up to an "and", count as one credit. `common` holds the words the text uses in
    lowercase."""
    rest = rest.strip(" :–—-|·")
    end = _END_OF_NAMES.search(rest)
    parts = [p.strip() for p in (rest[:end.start()] if end else rest).split(",")]
    last = next((k for k in range(len(parts) - 1, 0, -1) if _JOINED.search(parts[k])), 0)
    credited = parts[:last + 1]
    people = [p for part in credited for p in _JOINED.split(part)]
    if not people or not all(_person(p, common) for p in people):
        return None
    after = " ".join(parts[last + 1:]) + (rest[end.start():] if end else "")
    if len(after.split()) > MAX_ROLE_WORDS or (after.strip() and rest.rstrip().endswith(".")):
        return None  # a clause follows the names: a sentence
    return ", ".join(credited)


def author_of(line, common: frozenset[str] = frozenset()) -> str | None:
    """The author named by a byline line, or None when the line is not a byline. A line of
    several credits ("Reporting by ...; Editing by ...") names the first."""
    m = line.first_match("byline")
    text = line.text.strip()
    if m is None or m.kind != "prefix" or line.words > MAX_WORDS or text.endswith(("?", "!", ":")):
        return None
    found = None
    for n, segment in enumerate(re.split(r"\s*;\s*", text)):
        words = segment.split()
        if n == 0:
            taken = len(m.phrase.split())
        else:  # "Editing by", "Additional reporting by"
            taken = next((k + 1 for k, w in enumerate(words[:3]) if w.lower().rstrip(":") in _BY_WORDS), None)
        if taken is None or len(words) <= taken:
            return None
        who = names(" ".join(words[taken:]), common)
        if who is None:
            return None
        found = found or who
    return found


#: A line a per-block rule labelled as metadata ("Jane Doe | 5 March 2025") may be a byline.
_RELABELLED = frozenset({Category.METADATA})


def label_bylines(s) -> None:
    """Bylines at the top (above the second prose paragraph) and at the bottom (after the last)."""
    order = [i for i, hit in enumerate(s.labels) if hit is None or hit.category in _RELABELLED]
    if not order or not any(s.lines[i].matches and "byline" in s.lines[i].sections() for i in order):
        return
    prose = [i for i in order if s.lines[i].prose]
    if not prose:
        return  # a byline stands above or below the article's prose
    common = s.common_words()
    found = {i: who for i in order if s.lines[i].matches and "byline" in s.lines[i].sections()
             and (who := author_of(s.lines[i], common)) is not None}
    split = _split_bylines(s, order, common, found)
    found.update((i, who) for i, (_, who) in split.items())
    names_below = {i: below for i, (below, _) in split.items()}
    second = prose[1] if len(prose) > 1 else len(s.lines)
    last = last_paragraph(s.lines, prose)
    # At the bottom: fewer than BOTTOM_REACH kept blocks follow it, not counting lines already
    # removed or other bylines (a second pass, without them, must find the same).
    rest = [i for i, hit in enumerate(s.labels) if hit is None and i not in found and i not in names_below]
    for i, who in found.items():
        if i > last and len(rest) - bisect.bisect_right(rest, i) < BOTTOM_REACH:
            where = "after the last paragraph"  # (first: in a text of one paragraph, both hold)
        elif i < second:  # by position, not by count: the headline above it may go later
            where = "at the top"
        else:
            continue
        s.label(i, "byline.name", Category.BYLINE, f"byline {where}: "
                f"{s.lines[i].first_match('byline').describe()} and a name ({who})", value=who)
        below = names_below.get(i)
        if below is not None:
            s.label(below, "byline.name", Category.BYLINE,
                    f"the name under the byline words on line {s.lines[i].block.line} ({who})", value=who)


def _split_bylines(s, order: list[int], common: frozenset[str],
                   found: dict[int, str]) -> dict[int, tuple[int, str]]:
    """Bylines whose words and name an extractor put on two lines ("Written by" / "Maya Perez"):
    a line that is only a language's byline words (and not already in `found`), and the next
    kept line reads as names. Returns {words' line: (name's line, the name)}."""
    pairs: dict[int, tuple[int, str]] = {}
    for k, i in enumerate(order[:-1]):
        line = s.lines[i]
        m = line.first_match("byline") if line.matches else None
        if m is None or i in found or line.words > len(m.phrase.split()):
            continue  # not the byline words alone
        nxt = order[k + 1]
        below = s.lines[nxt]
        if s.labels[nxt] is not None or below.words > MAX_WORDS or below.terminal:
            continue
        who = names(below.text.lstrip("*-•· "), common)
        if who is not None:
            pairs[i] = (nxt, who)
    return pairs
