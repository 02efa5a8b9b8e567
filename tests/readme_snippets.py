"""The README's code blocks, found by what stands before them, for the tests that run them."""
from __future__ import annotations

import re

from helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
_BLOCK = re.compile(r"```([a-z]*)\n(.*?)```", re.S)


def block_after(marker: str, lang: str | None = None) -> str:
    """The first code block (of language `lang`, when given) after `marker` in the README."""
    start = README.index(marker)
    for m in _BLOCK.finditer(README, start):
        if lang is None or m.group(1) == lang:
            return m.group(2)
    raise AssertionError(f"no {lang or ''} code block after {marker!r}")
