"""Photo captions and credits."""
from __future__ import annotations

import re

from ..features import LETTERS, Line
from ..model import Category
from ..state import State
from . import Rule, phrase_rule

# An agency credit in parentheses closing a caption: "( POOL / Ludovic MARIN )",
# "(AFP / John SMITH)", "(Photo: Agency/Jane Doe)": a slash between two capitalised names.
CREDIT_PARENTHESIS = re.compile(r"\(\s*((?:[^()/]{0,40}?:\s*)?[^()/:]{1,40})/([^()/]{2,60})\)\s*$")
_CAPITALISED = re.compile(r"\b[A-ZÀ-Þ][\w'’.-]*")
#: Words in a credit in parentheses; more is a remark, not a credit.
CREDIT_MAX_WORDS = 8
#: Credits in parentheses close captions, which are at most a few sentences.
CAPTION_MAX_LEN = 400
#: A caption lead-in ("From left to right:") may open a long list of names.
CAPTION_PHRASE_MAX_LEN = 800
#: A copyright sign in a line this short is a credit, not a sentence about copyright.
COPYRIGHT_MAX_LEN = 160
# "©", or "(c)" before a year or a name ("(c) 2024", "(c) Jane Doe"), not a list item "(c) storage".
# "(c)" glued to a word is code or a formula ("sum(c) FROM ..."), not a copyright sign.
# A "©" right after the lead byte of a UTF-8 sequence read as Latin-1/cp1252 ("Ã".."ß", or "â"
# and one more character, or a C1 control) is the last byte of another character decoded with
# the wrong charset ("é" -> "Ã©", "⟩" -> "âŸ©"), not a copyright sign; "Â©" is a mis-decoded
# "©" itself and still counts.
_COPYRIGHT = re.compile(r"(?<![\x80-\x9f\u00c3-\u00df\u00e2])(?<!\u00e2\S)©"
                        r"|(?<!\w)\([cC]\)\s*(?:\d{4}|[A-Z])")
#: A © this close to the end of a longer line closes a caption with its credit.
COPYRIGHT_TAIL = 50
# A credit line on its own: names and agencies joined by slashes, "Archive/The Daily",
# "Name/Agency/Desk", "Someone/stock-site.com". One of the parts must have two words or a domain,
# or there must be three parts, so that "Pro/Contra" headings stay.
_CREDIT_PART = r"[^\W\d_][\w.'’&-]*(?:\s+[\w.'’&-]+){0,3}"
CREDIT_LINE = re.compile(r"^\(?\s*" + _CREDIT_PART + r"(?:\s?/\s?" + _CREDIT_PART + r")+\s*\)?$")
_DOMAIN = re.compile(r"\w\.(?:com|net|org|de|fr|es|it|co\.uk|io)\b", re.IGNORECASE)
# The words a credit's slash joins are names, agencies or domains ("Doe/Reuters", "Name/dpa",
# "Getty Images/iStockphoto"): a letter alone ("c/o", "w/IR", "s/he") or a word with a digit or
# an underscore ("NetBSD/sun2", "caddy_config/Caddyfile") joins no names.
_SLASH_NEIGHBOURS = re.compile(r"([\w.'’&-]*)\s?/\s?(?=([\w.'’&-]*))")
_NAME_WORD = re.compile(r"[^\W\d_]{2,}(?:[.'’&-]+[^\W\d_]*)*\.?")
#: A credit line is short: a few names.
CREDIT_LINE_MAX_WORDS = 8
# A path or an address with a path ("mkdir /mnt/backup", "example.com/module", "i.host.it/x.jpg"):
# a slash opening a word, or following a domain; a credit's slash joins two names.
_PATH = re.compile(r"(?:^|\s)/[\w.~]|\w\.[a-z]{2,}/\w")
# A lowercase word of four letters or more: credits are names ("dpa", "de", "of" are short).
_LOWER_WORD = re.compile(r"(?<![\w.])[^\W\d_A-ZÀ-Þ][^\W\dA-ZÀ-Þ]{3,}(?![\w.])")
#: Lowercase words a credit line may hold (an agency written in lowercase, "picture alliance");
#: more reads as a phrase or a command ("Shutdown/reboot takes terribly long").
CREDIT_LINE_MAX_LOWER = 2
# A credit glued after the last sentence of a caption: "... in March. Jane Doe/Agency files"
TRAILING_SLASH_CREDIT = re.compile(r"[.!?][\"”»’]?\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s?/\s?"
                                   r"[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,3}$")


def _credit_parenthesis(line: Line) -> str | None:
    # a list item's parenthesis glosses the item ("- A# (A sharp / A flat)"); captions are no items
    if line.bullet or line.length > CAPTION_MAX_LEN or not line.text.rstrip().endswith(")"):
        return None
    m = CREDIT_PARENTHESIS.search(line.text)
    if m is None or len(m.group(0).split()) > CREDIT_MAX_WORDS + 2:
        return None
    left, right = m.group(1).split(":")[-1], m.group(2)
    if _CAPITALISED.search(left) and _CAPITALISED.search(right):
        return "ends with a photo credit in parentheses (NAME / NAME)"
    return None


def _copyright(line: Line) -> str | None:
    if not ("©" in line.text or "(" in line.text) or "legal" in line.sections():
        return None
    if line.length <= COPYRIGHT_MAX_LEN and _COPYRIGHT.search(line.text):
        return "short line with a copyright sign: a photo credit"
    if line.length <= CAPTION_MAX_LEN and _COPYRIGHT.search(line.text[-COPYRIGHT_TAIL:]):
        return "a caption closed by a © credit"
    return None


#: Lowercase words inside personal names ("Jean de la Fontaine", "Anna von Stein").
_NAME_PARTICLES = frozenset({"de", "la", "le", "du", "des", "di", "da", "del", "dos", "das", "van",
                             "von", "der", "den", "ter", "ten", "y", "e", "of", "the", "and", "für"})


def _sentence_case(part: str) -> bool:
    """Whether a part of a slashed line is a phrase in sentence case, a capitalised word then a
    lowercase one ("Waterproof map bag"): a name is capitalised throughout ("Studio Nord", "Anna
    von Stein"), an agency may be lowercase throughout ("picture alliance", "dpa")."""
    words = part.split()
    return bool(words) and words[0][:1].isupper() and any(
        w.isalpha() and w.islower() and len(w) >= 3 and w not in _NAME_PARTICLES for w in words[1:])


def _credit_line(line: Line) -> str | None:
    if line.terminal or "/" not in line.text or line.words > CREDIT_LINE_MAX_WORDS \
            or not CREDIT_LINE.match(line.text) or _PATH.search(line.text) \
            or len(_LOWER_WORD.findall(line.text)) > CREDIT_LINE_MAX_LOWER:
        return None
    if not all(_NAME_WORD.fullmatch(w.strip("()")) for pair in _SLASH_NEIGHBOURS.findall(line.text) for w in pair):
        return None  # a slash between words that are no names: "c/o", "w/IR", a path, a command
    parts = [p.strip(" ()") for p in line.text.split("/")]
    if any(_sentence_case(p) for p in parts):
        return None  # "Waterproof map bag / Ziploc", "Sleeping bag / quilt": a list item
    if len(parts) >= 3 or any(len(p.split()) >= 2 for p in parts) or _DOMAIN.search(line.text):
        return "a line of names joined by slashes: a photo credit"
    return None


#: A caption is a sentence of at least this many words before its credit: "13. Paint/Stain" is
#: a numbered heading, its "13." no sentence.
CAPTION_MIN_WORDS = 3
# A possessive: "Men's / Women's" is a choice of sizes; credits name people and agencies.
_POSSESSIVE = re.compile(r"\w['’]s\b")


def _trailing_slash_credit(line: Line) -> str | None:
    if line.length > CAPTION_MAX_LEN or "/" not in line.text[-60:]:
        return None
    m = TRAILING_SLASH_CREDIT.search(line.text)
    if m is None or len(line.text[:m.start() + 1].split()) < CAPTION_MIN_WORDS \
            or _POSSESSIVE.search(m.group(0)):
        return None
    return "caption ending with a 'Name/Agency' credit after its last sentence"


RULES = (
    Rule("caption.credit_parenthesis", Category.CAPTION, _credit_parenthesis,
         "a caption closed by an agency credit in parentheses"),
    Rule("caption.copyright", Category.CAPTION, _copyright, "a short line carrying ©"),
    Rule("caption.credit_line", Category.CAPTION, _credit_line, "a line that is only 'Name/Agency' credits"),
    Rule("caption.trailing_slash_credit", Category.CAPTION, _trailing_slash_credit,
         "a caption closed by a 'Name/Agency' credit"),
    phrase_rule("caption.phrase", Category.CAPTION, max_len=CAPTION_PHRASE_MAX_LEN),
)


# --- context heuristics (run by cleaner.context.run) ---------------------------------------------

#: Rules whose captions already carry their credit.
_CREDITED = frozenset({"caption.credit_parenthesis", "caption.copyright", "caption.credit_line",
                       "caption.trailing_slash_credit"})
#: A credit under a caption: a name or two.
CREDIT_UNDER_MAX_WORDS = 5
#: ... of at most this many characters.
CREDIT_UNDER_MAX_LEN = 40
_NAME = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]*|de|da|di|du|van|von|der|den|la|le|del|y|and|und|et|/|&)"
                   r"(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|de|da|di|du|van|von|der|den|la|le|del|y|and|und|et|/|&))*$")


def _has_credit(s: State, i: int) -> bool:
    """Whether a caption already carries its credit ("Photo: Jane Doe", "(AFP / NAME)", "©")."""
    hit = s.labels[i]
    if hit is None or hit.rule in _CREDITED:
        return True
    line, m = s.lines[i], s.lines[i].first_match("caption")
    if m is None or m.kind == "suffix":
        return True
    if m.phrase.rstrip().endswith(":"):  # "Photo: Jane Doe" is a credit, "Photo: workers inspect..." is not
        return len(line.text.split(":", 1)[-1].split()) <= CREDIT_UNDER_MAX_WORDS
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
        if not line.terminal and line.words <= CREDIT_UNDER_MAX_WORDS and line.length <= CREDIT_UNDER_MAX_LEN \
                and _NAME.match(line.text.strip()):
            common = s.common_words() if common is None else common
            if any(w.lower() in common for w in LETTERS.findall(line.text) if not w.islower()):
                continue
            s.label(i, "caption.credit_after_caption", Category.CAPTION,
                    f"a name alone under the caption on line {s.lines[i - 1].block.line}: its credit")
