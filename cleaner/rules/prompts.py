"""Calls to action around the article: subscribe, share, comment, cookies, ads."""
from __future__ import annotations

from ..model import Category
from . import phrase_rule

RULES = (
    phrase_rule("subscription.phrase", Category.SUBSCRIPTION),
    phrase_rule("share.phrase", Category.SHARE),
    phrase_rule("comments.phrase", Category.COMMENTS),
    phrase_rule("cookie.phrase", Category.COOKIE),
    phrase_rule("ad.phrase", Category.AD),
)
