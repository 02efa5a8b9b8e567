"""Metadata lines: date markers, "Published on ...", reading time."""
from __future__ import annotations

import re

from ..features import Line
from ..model import Category
from ..state import State
from . import Rule, phrase_rule

# A date: ISO (2025-09-05, with optional time), numeric (05.09.2025, 5/9/25),
# "5 septembre 2025" / "5. März 2024", or "March 5, 2024".
DATE = (r"(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
        r"|\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}"
        r"|\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4}"
        r"|[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})")
# An optional time after the date: ", 14:32 Uhr", " à 10h30", " | 9:15 am CET".
TIME = (r"(?:\s*(?:[,|–—-]|[^\W\d_]{1,3})?\s*\d{1,2}[:.h]\d{2}"
        r"(?:\s*(?:[^\W\d_]{1,4}\.?(?:[^\W\d_]\.)?))?(?:\s+[A-Z]{2,5})?)?")
# A whole line that is only a date marker: up to three label words ("date", "Publié le",
# "Stand:"), an optional weekday, the date and an optional time.
DATE_LINE = re.compile(r"^(?:[^\W\d_]+\.?\s+){0,3}?(?:[^\W\d_]+\s*:\s*)?(?:[^\W\d_]+,?\s+)?"
                       + DATE + TIME + r"\s*$")
#: A date line is short; longer lines with a date are sentences.
DATE_LINE_MAX_LEN = 80
#: A machine marker glued to the start of a block: a label word and an ISO date ("date 2025-09-05 ...").
LEADING_MARKER = re.compile(r"^\s*(?:[^\W\d_]{2,12}\s*:?\s*)?(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?Z?)?)\s+(?=\S)")

# A line of short segments split by '|', '·' or '•' with a date in one of them:
# "March 3, 2021 | 5 min read | Comments".
SEGMENT_SPLIT = re.compile(r"\s[|·•]\s")
_DATE_ANYWHERE = re.compile(DATE)
#: Each segment of a metadata line is short; a segment longer than this is a sentence.
SEGMENT_MAX_LEN = 60
SEGMENTS_LINE_MAX_LEN = 240

_DIGIT = re.compile(r"\d")
_NUMERIC = re.compile(r"(\d{1,2})[./-]\s?(\d{1,2})[./-]\s?(\d{4})")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(text: str) -> str | None:
    """The first date in `text` as YYYY-MM-DD when it is numeric, else None."""
    m = _ISO.search(text)
    if m:
        return m.group(0)
    m = _NUMERIC.search(text)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if 1 <= day <= 31 and 1 <= month <= 12:
            return f"{year}-{month:02d}-{day:02d}"
    return None


def _date_line(line: Line) -> str | None:
    if line.length <= DATE_LINE_MAX_LEN and _DIGIT.search(line.text) \
            and DATE_LINE.match(line.text.strip()):
        return "line is only a date marker"
    return None


def _segments(line: Line) -> str | None:
    if line.length > SEGMENTS_LINE_MAX_LEN or not ("|" in line.text or "·" in line.text or "•" in line.text):
        return None
    parts = SEGMENT_SPLIT.split(line.text)
    if len(parts) >= 2 and all(len(p) <= SEGMENT_MAX_LEN for p in parts) \
            and any(_DATE_ANYWHERE.search(p) for p in parts):
        return f"{len(parts)} short segments separated by '|' or '·', one of them a date"
    return None


RULES = (
    Rule("metadata.date_line", Category.METADATA, _date_line, "a line that is only a date (and time)"),
    Rule("metadata.segments", Category.METADATA, _segments, "a dateline of short '|'-separated segments"),
    phrase_rule("metadata.phrase", Category.METADATA, max_len=DATE_LINE_MAX_LEN),
)


# --- context heuristics (run by cleaner.context.run) ---------------------------------------------

#: A metadata label ("Date:") opening this many lines with different values is a content field.
FIELD_MIN_REPEATS = 3
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
