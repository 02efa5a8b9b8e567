"""The per-block rules: small, pure functions of one line's features, in an explicit order.

A rule returns a reason (str) when it fires and None otherwise; the registry pairs it with its
name and category. The first rule that fires gives the block its first label; the context pass
(cleaner.context) then looks at neighbours and decides the final label.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from ..features import Line
from ..lexicon import Match, normalize, suffix_start
from ..model import Category, Hit


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    category: Category
    check: Callable[[Line], str | None]
    doc: str
    #: A phrase rule only fires on a line with a match in this section (skipped otherwise).
    section: str | None = None


#: A phrase that starts a line this long is part of prose, not a widget label or prompt.
PREFIX_MAX_LEN = 300
#: A single word found inside a full sentence this long ("... in the parish newsletter.") is
#: the sentence's topic, not a prompt, unless the sentence speaks to the reader or as the site
#: ("Mit unserem Newsletter erhalten Sie ...").
SENTENCE_MIN_WORDS = 6


#: A sentence of this many words that a phrase opens or contains is prose, unless it speaks to
#: the reader: "Sign up fees for the scheme will be waived until April, the minister said."
PROSE_SENTENCE_MIN_WORDS = 8


#: Sections whose phrases open sentences by nature: captions describe a photo in a sentence,
#: cookie banners and legal notices are sentences about the site.
SENTENCE_SECTIONS = frozenset({"caption", "cookie", "legal"})


def prose_sentence(line: Line, m: Match) -> bool:
    """Whether a phrase match sits in a full prose sentence rather than on a label or prompt:
    the line ends like a sentence, has many words, the phrase reads on into the sentence (it
    does not end in ':' and is followed by a word), and nothing in it addresses the reader or
    speaks as the site ("Subscribe to our newsletter for the day's news." stays a prompt)."""
    if not line.terminal or line.words < PROSE_SENTENCE_MIN_WORDS or m.phrase.rstrip().endswith(":"):
        return False
    if m.kind == "prefix":
        rest = line.norm[len(_normalized(m.phrase)):].lstrip()
        if not rest or not rest[0].isalnum():
            return False  # "Read more: ...", "Subscribe - ...": a label and what it labels
    return not line.addresses_reader()


#: A caption marker at the end of a line after this many words at most ...
LABEL_MAX_WORDS = 2


def label_before_marker(line: Line, m: Match) -> bool:
    """Whether a caption marker found at the end of a line ("... Photo: Jane Doe") ends a label
    of a word or two instead, whose last word is lowercase: "Where to watch: Netflix", "How to
    watch: BBC One". A name before the marker is a caption ("Angela Merkel Foto: dpa")."""
    start = suffix_start(line.text, m)
    if start is None:
        return False
    words = line.text[:start].split()
    return 0 < len(words) <= LABEL_MAX_WORDS and words[-1][:1].islower()


@functools.lru_cache(maxsize=4096)
def _normalized(phrase: str) -> str:
    return normalize(phrase)


def phrase_rule(name: str, category: Category, section: str | None = None, *,
                max_len: int = PREFIX_MAX_LEN) -> Rule:
    """A rule that fires when a line matches a phrase of `section` (default: the category)."""
    section = section or category.value

    def check(line: Line) -> str | None:
        for m in line.matches:
            if m.section != section or m.kind == "head" or (m.kind != "exact" and line.length > max_len):
                continue  # a label head alone is only evidence for the context pass
            if m.kind == "contains" and " " not in m.phrase.strip() and line.terminal \
                    and line.words >= SENTENCE_MIN_WORDS and not line.addresses_reader():
                continue
            if m.kind in ("prefix", "contains") and section not in SENTENCE_SECTIONS and prose_sentence(line, m):
                continue
            if m.kind == "suffix" and label_before_marker(line, m):
                continue
            return f"line {m.describe()}"
        return None

    return Rule(name, category, check, f"phrase list [{section}] of the document's languages", section)


def registry() -> tuple[Rule, ...]:
    """Every per-block rule, in the order they are tried."""
    from . import caption, metadata, page, prompts, teaser

    return (*metadata.RULES, *caption.RULES, *prompts.RULES, *teaser.RULES, *page.RULES)


def first_hit(line: Line, rules: tuple[Rule, ...],
              structural: tuple[Rule, ...] | None = None) -> Hit | None:
    """The first of `rules` that fires on the line. `structural`, when given, are those of them
    that need no phrase match (section None), in the same order: all a line without matches
    needs to be tried on."""
    if line.matches:
        sections = line.sections()
    else:
        sections = ()
        if structural is not None:
            rules = structural
    for rule in rules:
        if rule.section is not None and rule.section not in sections:
            continue  # a phrase rule without a match of its section cannot fire
        reason = rule.check(line)
        if reason:
            return Hit(rule.name, rule.category, reason)
    return None
