"""One immutable configuration, with every default in one place.

Override with keywords: `Config().replace(lang="de")`. The CLI maps its arguments to a Config in
one function (`cli.config_from_args`).
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import Iterable

from .model import Category

#: Documents larger than this are refused with a clear error instead of risking a hang.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: Seconds a document may take before it is given up (pathological HTML, say).
DEFAULT_TIMEOUT = 30.0

#: Characters of prose handed to langdetect: ~1.8 ms on 300 characters versus ~9 ms on a whole
#: article, with the same answer on all five seeds and almost all of the development corpus.
DEFAULT_LANG_SAMPLE = 600


@dataclass(frozen=True, slots=True)
class Config:
    lang: str | None = None  # ISO 639-1 code; None detects it per document
    keep: frozenset[Category] = frozenset()  # categories left in the body
    only: frozenset[Category] | None = None  # when set, remove only these categories
    phrase_files: tuple[str, ...] = ()  # user phrase files merged with the built-in lists
    full_page: bool | None = None  # None: detect full-page text automatically
    markdown: bool | None = None  # None: detect markdown text automatically
    page_blocks: bool = False  # HTML: also report the page's blocks outside the extracted body
    max_bytes: int = DEFAULT_MAX_BYTES
    lang_sample: int = DEFAULT_LANG_SAMPLE
    timeout: float = DEFAULT_TIMEOUT  # seconds per document in the CLI (0: no limit)

    def __post_init__(self) -> None:
        """Refuse bad values with a message naming the value and what is allowed, and normalise
        the others: a bare string is one category (or one phrase file), never iterated letter by
        letter; a language code is lowercased."""
        set_ = object.__setattr__  # a frozen dataclass normalises its own fields this way
        if self.lang is not None:
            set_(self, "lang", check_lang(self.lang))
        set_(self, "keep", _categories(self.keep, "keep") if self.keep is not None else frozenset())
        if self.only is not None:
            set_(self, "only", _categories(self.only, "only"))
            both = sorted(c.value for c in self.keep & self.only)
            if both:
                raise ValueError(f"category '{both[0]}' is both in keep and in only: a category "
                                 "cannot be kept and removed at once")
        files = self.phrase_files
        set_(self, "phrase_files", (str(files),) if isinstance(files, (str, os.PathLike))
             else tuple(map(str, files)))
        for name in ("full_page", "markdown"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, bool):
                raise ValueError(f"{name} must be True, False or None, got {value!r}")
        for name, least in (("max_bytes", 1), ("lang_sample", 1)):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < least:
                raise ValueError(f"{name} must be a whole number of at least {least}, got {value!r}")
        if not isinstance(self.timeout, (int, float)) or not self.timeout >= 0:  # also refuses nan
            raise ValueError(f"timeout must be a number of seconds of at least 0, got {self.timeout!r}")

    def replace(self, **changes) -> "Config":
        return dataclasses.replace(self, **changes)

    def removes(self, category: Category) -> bool:
        """Whether blocks of this category leave the body under this configuration."""
        if category in self.keep:
            return False
        return self.only is None or category in self.only


def check_lang(code: object) -> str:
    """A language code as Config keeps it (lowercased), or ValueError naming the codes allowed:
    the ISO 639-1 codes langdetect has a profile for."""
    from .language import known_codes

    codes = known_codes()
    if isinstance(code, str) and code.lower() in codes:
        return code.lower()
    raise ValueError(f"unknown language {code!r}: expected an ISO 639-1 code that langdetect "
                     f"knows: {', '.join(codes)}")


def _categories(value: str | Category | Iterable[str | Category], field: str) -> frozenset[Category]:
    if isinstance(value, (str, Category)):  # a bare name is one category: "metadata", not m, e, t...
        value = (value,)
    out = set()
    for item in value:
        if isinstance(item, Category):
            out.add(item)
            continue
        try:
            out.add(Category(item.lower() if isinstance(item, str) else item))
        except ValueError:
            raise ValueError(f"{field}: unknown category {item!r}: expected one of "
                             f"{', '.join(c.value for c in Category)}") from None
    return frozenset(out)
