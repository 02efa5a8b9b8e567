"""Calls to action around the article: subscribe, share, comment, cookies, ads."""
from __future__ import annotations

from ..model import Category
from ..state import State
from . import phrase_rule

RULES = (
    phrase_rule("subscription.phrase", Category.SUBSCRIPTION),
    phrase_rule("share.phrase", Category.SHARE),
    phrase_rule("comments.phrase", Category.COMMENTS),
    phrase_rule("cookie.phrase", Category.COOKIE),
    phrase_rule("ad.phrase", Category.AD),
)


# --- context heuristics (run by cleaner.context.run) ---------------------------------------------

#: A form status message ("Something went wrong") counts as part of a subscription widget when a
#: subscription prompt lies within this many blocks.
FORM_STATUS_REACH = 3


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
