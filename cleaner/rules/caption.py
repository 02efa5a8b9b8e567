"""Photo captions and credits."""
from __future__ import annotations

import re

from ..features import Line
from ..model import Category
from . import Rule, phrase_rule

# An agency credit in parentheses closing a caption: "( POOL / Ludovic MARIN )",
# "(AFP / John SMITH)", "(Photo: Reuters/Jane Doe)". It needs a slash and a capitalised word.
CREDIT_PARENTHESIS = re.compile(r"\(\s*[^()]{0,40}[A-Z][^()]{0,40}\s/\s?[^()]{2,60}\)\s*$|"
                                r"\(\s*[^()]{0,40}[A-Z][^()]{0,40}\s?/\s[^()]{2,60}\)\s*$")
#: Credits in parentheses close captions, which are at most a few sentences.
CAPTION_MAX_LEN = 400
#: A caption lead-in ("From left to right:") may open a long list of names.
CAPTION_PHRASE_MAX_LEN = 800
#: A copyright sign in a line this short is a credit, not a sentence about copyright.
COPYRIGHT_MAX_LEN = 160
_COPYRIGHT = re.compile(r"©|\(c\)\s", re.IGNORECASE)


def _credit_parenthesis(line: Line) -> str | None:
    if line.length <= CAPTION_MAX_LEN and CREDIT_PARENTHESIS.search(line.text):
        return "ends with a photo credit in parentheses (NAME / NAME)"
    return None


def _copyright(line: Line) -> str | None:
    if line.length <= COPYRIGHT_MAX_LEN and _COPYRIGHT.search(line.text) and "legal" not in line.sections():
        return "short line with a copyright sign: a photo credit"
    return None


RULES = (
    Rule("caption.credit_parenthesis", Category.CAPTION, _credit_parenthesis,
         "a caption closed by an agency credit in parentheses"),
    Rule("caption.copyright", Category.CAPTION, _copyright, "a short line carrying ©"),
    phrase_rule("caption.phrase", Category.CAPTION, max_len=CAPTION_PHRASE_MAX_LEN),
)
