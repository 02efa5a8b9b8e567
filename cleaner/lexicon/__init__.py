"""Phrase lists per language, and the matcher that runs them over a line.

Each language has a TOML file `<iso639-1>.toml` in this folder. Its top-level tables are
*sections*: a category name (share, caption, ...) or a signal that only context rules use
(`form_status`, `byline`). Each section may hold these lists:

- `exact`:   the whole line, lowercased and stripped of counters and edge punctuation, equals the
             phrase ("Partager cet article", "Comments (12)"); a label of two words or more
             also with its last word in the plural or the singular, and before a separator and
             what it labels ("Related story: ...", reported as the prefix the line starts with).
- `prefix`:  the line starts with the phrase, ending on a word boundary ("Lire aussi : ..."); a
             phrase that ends in ':' also with an ellipsis for its colon ("Credit...Jane Doe").
- `contains`: the phrase occurs as whole words in a *short* line (at most `max_len` characters,
             default 120), so a body paragraph that mentions a newsletter is never touched.
- `pattern`: a regular expression searched in the normalized line, for the few shapes that are
             not literals. Every pattern needs a comment in the file saying what it catches.
             Start it with a literal where you can: the engine then jumps to candidates.

Phrases are written in their natural case; matching is case-insensitive and treats ’ as '.
A caption `prefix` that ends with ':' ("Photo:", "Foto:") also marks a credit at the *end* of a
line ("... at the summit. Photo: Jane Doe"): the matcher reports it as kind `suffix` when at most
`CREDIT_TAIL_MAX` characters without a sentence end follow it.

User phrase files (`--phrases FILE`) use the same format and are merged with the built-in lists.
"""
from __future__ import annotations

import functools
import importlib.resources
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

KINDS = ("exact", "prefix", "contains", "pattern")
#: A word that opens two-word labels with this many different head nouns in a section is a
#: label head (see Matcher).
HEAD_MIN_NOUNS = 3
#: The section of words that address the reader or speak as the site ("you", "our", "unser").
READER_SECTION = "reader"
DEFAULT_CONTAINS_MAX_LEN = 120
#: A credit after a caption marker at the end of a line is a name or two, an agency, a date.
CREDIT_TAIL_MAX = 60
#: Sections that are not categories: signals that only heuristics read (`reader`: the words that
#: address the reader, which the phrase rules read). A phrase file's sections are these and the
#: category names (model.Category); add a signal here when a heuristic starts reading a new
#: section.
SIGNAL_SECTIONS = ("form_status", "byline", "reader")

#: Quotes unified before matching (spaces such as U+00A0 are unified by str.split()).
_QUOTES = (("’", "'"), ("‘", "'"), ("`", "'"), ("´", "'"), ("“", '"'), ("”", '"'), ("„", '"'),
           ("«", '"'), ("»", '"'))
_ASCII_QUOTES = tuple((q, p) for q, p in _QUOTES if q.isascii())
_LEAD = re.compile(r"^[\s\-–—•·*>▶►▸|+#(\[]+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([:;!?])")
_KEY_DROP = re.compile(r"[\d()\[\]{}#|•·]+")
EDGE_PUNCT = " .,:;!?…\"'-–—/*+>"


_LEAD_CHARS = frozenset(" \t-–—•·*>▶►▸|+#([")


def _accent_table() -> dict[int, str]:
    """Latin letters with diacritics -> their base letters ("é" -> "e", "ü" -> "u", "ł" -> "l", "ß" -> "ss"),
    for U+00C0-U+024F: labels are written with and without accents ("Publié", "PUBLIE")."""
    table = {}
    for code in range(0xC0, 0x250):
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c))
        if base and base != chr(code) and base.isascii():
            table[code] = base
    table.update({ord("ł"): "l", ord("Ł"): "L", ord("ø"): "o", ord("Ø"): "O", ord("đ"): "d", ord("ß"): "ss"})
    return table


_ACCENTS = _accent_table()
#: The letters _ACCENTS folds, and their folded forms keyed by letter. str.translate looks up every
#: character of a non-ASCII line in the table (about 11 us a line on the development texts, most
#: of whose non-ASCII lines have curly quotes and no accent); the regex finds the few letters to
#: fold in C and replaces only those: the same text, in a ninth of the time on dev-wcxb T1.
_FOLDED = {chr(code): base for code, base in _ACCENTS.items()}
_ACCENTED = re.compile("[" + re.escape("".join(sorted(_FOLDED))) + "]")


def _fold(match: re.Match) -> str:
    return _FOLDED[match.group()]


def normalize(text: str) -> str:
    """Lowercase, fold Latin accents, unify quotes and spaces, drop leading bullets; the form
    phrases are matched on (both sides: a phrase and a line meet whatever their accents)."""
    text = text.lower()
    if not text.isascii():
        text = _ACCENTED.sub(_fold, text)  # text.translate(_ACCENTS), faster
    for quote, plain in (_ASCII_QUOTES if text.isascii() else _QUOTES):
        if quote in text:  # str.replace only where present: faster than str.translate
            text = text.replace(quote, plain)
    if not text.isprintable() or "  " in text or text[:1] == " " or text[-1:] == " ":
        text = " ".join(text.split())  # (printable text has no whitespace but ' ')
    if text and text[0] in _LEAD_CHARS:
        text = _LEAD.sub("", text)
    if " :" in text or " ;" in text or " !" in text or " ?" in text:
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return text


def exact_key(norm: str) -> str:
    """The key for `exact` phrases: digits, counters and edge punctuation removed."""
    key = _KEY_DROP.sub(" ", norm)
    if "  " in key:  # `norm` is single-spaced: only a dropped run next to a space doubles one
        key = " ".join(key.split())
    return key.strip(EDGE_PUNCT)


@dataclass(frozen=True, slots=True)
class Entry:
    section: str
    kind: str
    phrase: str  # as written in the file
    lang: str
    max_len: int = DEFAULT_CONTAINS_MAX_LEN


@dataclass(frozen=True, slots=True)
class Match:
    section: str
    kind: str
    phrase: str
    lang: str

    def describe(self) -> str:
        how = {"exact": "is the phrase", "prefix": "starts with", "contains": "contains",
               "pattern": "matches the pattern", "suffix": "ends with a credit after",
               "head": "is a two-word label like"}[self.kind]
        return f"{how} '{self.phrase}' ({self.lang})"


class LexiconError(ValueError):
    """A phrase file that cannot be used."""


def lexicon_dir() -> Path:
    return Path(str(importlib.resources.files(__package__)))


def available_languages() -> list[str]:
    return sorted(p.stem for p in lexicon_dir().glob("*.toml") if len(p.stem) == 2)


def known_sections() -> frozenset[str]:
    """The sections a phrase file may hold: the category names and SIGNAL_SECTIONS."""
    from ..model import Category

    return frozenset(c.value for c in Category) | frozenset(SIGNAL_SECTIONS)


def _unknown_section(origin: str, section: str, known: frozenset[str]) -> LexiconError:
    import difflib

    close = difflib.get_close_matches(section, sorted(known), n=1)
    hint = f" (did you mean [{close[0]}]?)" if close else ""
    return LexiconError(f"{origin}: unknown section [{section}]{hint}; the sections are the "
                        f"categories ({', '.join(sorted(known - set(SIGNAL_SECTIONS)))}) and the "
                        f"signals {', '.join(SIGNAL_SECTIONS)}")


def parse_entries(data: dict, lang: str, origin: str) -> list[Entry]:
    entries: list[Entry] = []
    known = known_sections()
    for section, body in data.items():
        if not isinstance(body, dict):
            raise LexiconError(f"{origin}: '{section}' must be a table of phrase lists")
        if section not in known:
            raise _unknown_section(origin, section, known)
        max_len = body.get("max_len", DEFAULT_CONTAINS_MAX_LEN)
        if not isinstance(max_len, int) or isinstance(max_len, bool) or max_len < 1:
            raise LexiconError(f"{origin}: [{section}].max_len must be a whole number of at least 1, "
                               f"got {max_len!r}")
        for kind, phrases in body.items():
            if kind == "max_len":
                continue
            if kind not in KINDS:
                raise LexiconError(f"{origin}: [{section}] has unknown list '{kind}' "
                                   f"(expected one of {', '.join(KINDS)})")
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise LexiconError(f"{origin}: [{section}].{kind} must be a list of strings")
            for phrase in phrases:
                if kind == "pattern":
                    try:
                        re.compile(phrase)
                    except re.error as exc:
                        raise LexiconError(f"{origin}: bad pattern {phrase!r}: {exc}") from None
                entries.append(Entry(section, kind, phrase, lang, max_len))
    return entries


@functools.lru_cache(maxsize=None)
def load_language(lang: str) -> tuple[Entry, ...]:
    """The built-in entries of one language; empty when there is no file for it."""
    path = lexicon_dir() / f"{lang}.toml"
    if not path.is_file():
        return ()
    with path.open("rb") as fh:
        return tuple(parse_entries(tomllib.load(fh), lang, path.name))


@functools.lru_cache(maxsize=64)
def load_user_file(path: str) -> tuple[Entry, ...]:
    """A user phrase file; its language is the file's stem when that is a 2-letter code."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise LexiconError(f"cannot read phrase file {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(f"phrase file {path} is not UTF-8: {exc.reason} at byte {exc.start}") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"phrase file {path} is not valid TOML: {exc}") from None
    return tuple(parse_entries(data, "user", f"phrase file {path}"))


def _trie_pattern(phrases) -> str:
    """A regex matching any of `phrases`, written as a trie ("sign (?:in|up)" rather than
    "sign in|sign up"): the engine compares a place with each first letter once, not with every
    phrase. Deeper branches come first and a phrase that ends inside another one is an optional
    tail, so that, as with an alternation sorted longest first, the longest phrase that fits is
    tried first and shorter ones after it (when what follows must also match)."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here

    def build(node: dict) -> tuple[str, int]:
        """The pattern of a subtree, and the length of its longest phrase."""
        kids = sorted(((*build(child), ch) for ch, child in node.items() if ch), key=lambda k: -k[1])
        alts = [re.escape(ch) + pattern for pattern, _, ch in kids]
        longest = 1 + kids[0][1] if kids else 0
        if "" in node:
            return (f"(?:{'|'.join(alts)})?" if alts else ""), longest
        return (alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"), longest

    return build(trie)[0]


#: Plural endings a label's last word may add (English, French, Spanish "-s", "-es"; German
#: "-e", "-n", "-en"; Dutch "-en"): "related article" is also "related articles".
_PLURAL_ENDINGS = ("es", "en", "s", "e", "n")
#: ... to a word of at least this many letters.
MIN_STEM = 4


def _last_word(text: str) -> str:
    return text[text.rfind(" ") + 1:]


def _plural_end(norm: str, n: int) -> bool:
    """Whether the phrase that ends at norm[n] goes on with a plural ending, then a word end."""
    for cut in _PLURAL_ENDINGS:
        end = n + len(cut)
        if norm.startswith(cut, n) and (len(norm) == end or not norm[end].isalnum()):
            stem = _last_word(norm[:n])
            return stem.isalpha() and len(stem) >= MIN_STEM
    return False


def suffix_start(text: str, m: Match) -> int | None:
    """Where the caption marker of a `suffix` match ("... summit. Photo: Jane Doe") starts in
    the line as written, or None."""
    found = re.search(r"(?i)(?<!\w)" + re.escape(m.phrase.rstrip(":")) + r"\s*:[^:]*$", text)
    return found.start() if found else None


#: What some sites write instead of a label's colon ("Credit...Jane Doe", "Photo… AFP").
_ELLIPSES = ("...", "…")
#: An inline label: at most this many characters, then ':', ' | ', ' – ' or ' — ', then text.
INLINE_LABEL_MAX = 40
#: ... but not a label when what follows it is a sentence of this many words (a list of terms).
INLINE_SENTENCE_MIN_WORDS = 6
_LABEL_SEPARATOR = re.compile(r":|\s[|–—]\s")
_INLINE_LABEL = re.compile(r"([^:|–—]{3,%d}?)\s*(?::|\s[|–—])\s*(?=\w)" % INLINE_LABEL_MAX)

_FIRST_TOKEN = re.compile(r"\w+|\S")


def _first_token(norm: str) -> str:
    m = _FIRST_TOKEN.match(norm)
    return m.group(0) if m else ""


class Matcher:
    """All phrase lists of a set of languages, compiled once for fast matching of many lines.

    Literal first: `exact` phrases are one dict lookup; `prefix` phrases are bucketed by their
    first word, so a line is compared only with the phrases that start like it; every `contains`
    phrase goes into one alternation, tried on short lines only; caption credits are one
    anchored alternation on the line's tail. No per-phrase loop runs over a line.
    """

    def __init__(self, entries: tuple[Entry, ...]):
        self.entries = entries
        self._exact: dict[str, Match] = {}
        prefix: dict[str, Match] = {}
        contains: dict[str, tuple[Match, int]] = {}
        credits: dict[str, Match] = {}
        self._patterns: list[tuple[re.Pattern[str], Match]] = []
        #: words that address the reader or speak as the site (section [reader]): not matched on
        #: every line, only asked about by the rules that need them (Line.addresses_reader)
        reader = [e.phrase.strip() for e in entries if e.section == READER_SECTION]
        self.reader_words = frozenset(normalize(w) for w in reader if w.islower())
        #: capitalised reader words count only as written, inside a line (German "Ihrem")
        self.reader_words_cased = frozenset(w for w in reader if not w.islower())
        for e in entries:  # earlier entries win: user files, then languages in priority order
            if e.section == READER_SECTION:
                continue
            m = Match(e.section, e.kind, e.phrase, e.lang)
            if e.kind == "exact":
                self._exact.setdefault(exact_key(normalize(e.phrase)), m)
            elif e.kind == "prefix":
                prefix.setdefault(normalize(e.phrase), m)
                if e.section == "caption" and e.phrase.endswith(":"):
                    # caption markers ending in ':' also introduce a credit at the end of a line
                    credits.setdefault(normalize(e.phrase), Match(e.section, "suffix", e.phrase, e.lang))
            elif e.kind == "contains":
                contains.setdefault(normalize(e.phrase), (m, e.max_len))
            else:
                # lines are matched accent-folded: so are the letters of a pattern (regex syntax
                # is ASCII and stays as it is)
                self._patterns.append((re.compile(e.phrase.translate(_ACCENTS)), m))
        self._exact_max = max(map(len, self._exact), default=0)
        # label heads: the first word of two-word labels that a section lists with several head
        # nouns ("related articles / posts / stories") also makes other two-word labels of that
        # section ("Related videos"); reported as kind "head", which only context rules use
        nouns: dict[tuple[str, str], set[str]] = {}
        for k, m in self._exact.items():
            words = k.split()
            if len(words) == 2:
                nouns.setdefault((words[0], m.section), set()).add(words[1])
        self._heads: dict[str, Match] = {}
        for (head, section), seen in sorted(nouns.items()):
            if len(seen) >= HEAD_MIN_NOUNS:
                m = next(m for k, m in self._exact.items() if k.startswith(head + " ") and m.section == section)
                self._heads.setdefault(head, Match(section, "head", f"{head} …", m.lang))
        buckets: dict[str, list[tuple[str, Match]]] = {}
        for phrase, m in sorted(prefix.items(), key=lambda kv: -len(kv[0])):
            buckets.setdefault(_first_token(phrase), []).append((phrase, m))
        self._prefix = buckets
        self._contains = contains
        self._contains_max = max((n for _, n in contains.values()), default=0)
        # whole words: the longest phrase that fits at each place (a trie, see _trie_pattern)
        self._contains_re = (re.compile(r"(?<!\w)" + _trie_pattern(contains) + r"(?!\w)")
                             if contains else None)
        self._credits = credits
        self._credit_re = (re.compile(r"(?:^|[\s.,;)(|/])(" + "|".join(map(re.escape, sorted(credits, key=len, reverse=True)))
                                      + r")\s*(?:[^.!?:]|\.(?=\w)){1,%d}$" % CREDIT_TAIL_MAX) if credits else None)

    def _plural_exact(self, key: str) -> Match | None:
        """The exact label whose last word this line gives in the plural ("About the authors",
        "Weitere Kommentare") or in the singular ("Related article" for "related articles",
        "Related story" for "related stories"): labels of two words or more only, whose head
        noun varies."""
        if " " not in key or not key[-1:].isalpha():
            return None
        for cut in _PLURAL_ENDINGS:
            if key.endswith(cut) and len(_last_word(key[:-len(cut)])) >= MIN_STEM:
                m = self._exact.get(key[:-len(cut)])
                if m is not None:
                    return m
        if len(_last_word(key)) >= MIN_STEM:
            for plural in (key + "s", key + "es", key[:-1] + "ies" if key.endswith("y") else ""):
                m = self._exact.get(plural)
                if m is not None:
                    return m
        return None

    def _inline_label(self, norm: str) -> Match | None:
        """A label of two words or more that opens the line before a separator and what it
        labels ("Related article: Council votes ...", "More stories | ..."): the exact label
        (loosely: singular or plural), reported as the prefix the line starts with."""
        m = _INLINE_LABEL.match(norm)
        if m is None:
            return None
        head = exact_key(m.group(1))
        if " " not in head:
            return None  # one word before a colon is a field name ("Price:", "Email:")
        if norm.endswith(".") and norm.count(" ", m.end()) >= INLINE_SENTENCE_MIN_WORDS - 1:
            return None  # a term and its explanation, a sentence: "Branded content: design ... ."
        found = self._exact.get(head) or self._plural_exact(head)
        return Match(found.section, "prefix", head, found.lang) if found is not None else None

    @property
    def sections(self) -> set[str]:
        return {e.section for e in self.entries}

    def find(self, norm: str, tail: str | None = None, key: str | None = None) -> list[Match]:
        """Every match in a normalized line (`tail`: the normalized end of a line too long to
        normalize whole; `key`: exact_key(norm) when the caller has it): exact first, then
        prefixes, patterns, credits, contains."""
        found: list[Match] = []
        if not norm:
            return found
        if len(norm) <= self._exact_max + 8:  # counters and punctuation may pad an exact phrase
            key = exact_key(norm) if key is None else key
            m = self._exact.get(key) or self._plural_exact(key)
            if m:
                found.append(m)
            elif self._heads and key.count(" ") == 1:
                m = self._heads.get(key.split(" ", 1)[0])
                if m:
                    found.append(m)
        for phrase, m in self._prefix.get(_first_token(norm), ()):
            n = len(phrase)
            if norm.startswith(phrase) and (len(norm) == n or not (norm[n].isalnum() and phrase[-1].isalnum())
                                            or (" " in phrase and _plural_end(norm, n))):
                found.append(m)
            elif phrase[-1] == ":" and norm.startswith(_ELLIPSES, n - 1) and norm.startswith(phrase[:-1]):
                found.append(m)  # a label's colon written as an ellipsis: "Credit…Jane Doe"
        if not found and _LABEL_SEPARATOR.search(norm, 0, INLINE_LABEL_MAX + 3):
            m = self._inline_label(norm)
            if m is not None:
                found.append(m)
        for rx, m in self._patterns:
            if rx.search(norm):
                found.append(m)
        if self._credit_re is not None:
            end = (tail if tail is not None else norm)[-(CREDIT_TAIL_MAX + 40):]
            hit = self._credit_re.search(end) if ":" in end else None  # every marker ends in ':'
            if hit and (hit.start(1) > 0 or tail is not None):
                found.append(self._credits[hit.group(1)])
        if self._contains_re is not None and tail is None and len(norm) <= self._contains_max:
            for hit in self._contains_re.finditer(norm):
                m, max_len = self._contains[hit.group(0)]
                if len(norm) <= max_len:
                    found.append(m)
        return found


@functools.lru_cache(maxsize=128)
def matcher_for(langs: tuple[str, ...], user_files: tuple[str, ...] = ()) -> Matcher:
    """The matcher for these languages (in priority order) plus the user's phrase files."""
    entries: list[Entry] = []
    for path in user_files:  # user phrases first: they win where both match
        entries.extend(load_user_file(path))
    for lang in langs:
        entries.extend(load_language(lang))
    return Matcher(tuple(entries))
