"""The command line's log on stderr: this package's messages, and the libraries' only on request.

    clean-articles: WARNING: a message of clean-articles
    clean-articles: trafilatura: crawl.jsonl:12: ERROR: a message of trafilatura, with the document

trafilatura, htmldate, courlan, charset_normalizer and the other libraries log what they meet
inside a page ("discarding data: None"); that is not the tool's own word and names no document,
so it is silenced by default. `-vv` shows their messages (INFO and up), `-vvv` their debug lines
too, each prefixed with the library's name and the document being cleaned.

The document is known through `document(id)`, which the batch sets around each one (in the worker
processes too, which inherit this configuration when they are forked).
"""
from __future__ import annotations

import contextlib
import contextvars
import logging
import sys

#: The document being read or cleaned in this process (or thread), for the libraries' messages.
_DOCUMENT: contextvars.ContextVar[str | None] = contextvars.ContextVar("clean_articles_document",
                                                                      default=None)
#: Verbosity from which the libraries' messages are shown, and from which their debug lines are.
LIBRARY_VERBOSITY, LIBRARY_DEBUG_VERBOSITY = 2, 3


@contextlib.contextmanager
def document(doc_id: str):
    """Name `doc_id` in the libraries' messages logged inside this block."""
    token = _DOCUMENT.set(doc_id)
    try:
        yield
    finally:
        _DOCUMENT.reset(token)


def _ours(record: logging.LogRecord) -> bool:
    return record.name == "cleaner" or record.name.startswith("cleaner.")


class _Prefix(logging.Filter):
    """Drops the libraries' records below the verbosity that shows them, and prefixes the others
    with the library's name and the document."""

    def __init__(self, verbosity: int):
        super().__init__()
        self.verbosity = verbosity

    def filter(self, record: logging.LogRecord) -> bool:
        if _ours(record):
            record.clean_articles_prefix = ""
            return True
        if self.verbosity < LIBRARY_VERBOSITY:
            return False
        if record.levelno < logging.INFO and self.verbosity < LIBRARY_DEBUG_VERBOSITY:
            return False
        library = record.name.split(".")[0] or "root"
        record.clean_articles_prefix = f"{library}: {_DOCUMENT.get() or '-'}: "
        return True


def setup(verbosity: int) -> None:
    """Log to stderr: warnings (0), each document (-v), debug and the libraries (-vv), the
    libraries' debug lines (-vvv)."""
    ours = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    libraries = (logging.CRITICAL + 1 if verbosity < LIBRARY_VERBOSITY else
                 logging.INFO if verbosity < LIBRARY_DEBUG_VERBOSITY else logging.DEBUG)
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_Prefix(verbosity))
    handler.setFormatter(logging.Formatter(
        "clean-articles: %(clean_articles_prefix)s%(levelname)s: %(message)s"))
    root = logging.getLogger()
    for old in root.handlers[:]:
        root.removeHandler(old)
    root.addHandler(handler)
    # the root's level is what a library logger without a level of its own uses: above CRITICAL,
    # the libraries do not even build their records; the filter catches those that set a level
    # of their own (trafilatura sets htmldate's to WARNING)
    root.setLevel(libraries)
    logging.getLogger("cleaner").setLevel(ours)
