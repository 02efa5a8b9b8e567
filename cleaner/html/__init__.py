"""HTML mode: a web page -> its main content as Blocks with DOM evidence -> the same rules as text.

trafilatura finds the main content and keeps its structure (headings, list items, quotes, table
rows); it runs in its fast recall mode, and the project's rules and the DOM evidence give the
precision. The modules, in the order a page goes through them:

    reader.py      clean_html: parse, prune, and the steps below in order
    metadata.py    what the page declares: title, date, author, site name, URL, language...
    evidence.py    DOM evidence: which text sits in which kind of container (class names, tags)
    extraction.py  trafilatura's extractions -> Blocks with evidence; the union of two in page order
    missed.py      body paragraphs the extraction skipped, by their place among the page's blocks
    dom_rules.py   the DOM evidence rules, run with the text rules; the page title
    captions.py    figure texts the extraction left out, reported as removed captions
    outside.py     the page's blocks outside the body, reported with --explain (page_blocks)
    fallback.py    other extractions, then text mode, when nothing of the page would be left

The names below are imported on first use, as `cleaner.clean_html` is: text mode reads
`outside.is_outside` (render.py) and must not load the rest of HTML mode; lxml and trafilatura are
imported by the functions that need them.
"""
from __future__ import annotations

import importlib

#: Public name -> the module of this package that defines it.
_EXPORTS = {
    "clean_html": "reader",
    "page_metadata": "metadata", "declared_language": "metadata",
    "Evidence": "evidence", "Caption": "evidence", "collect_evidence": "evidence",
    "concepts_of": "evidence", "own_hints": "evidence",
    "EXTRACT_OPTIONS": "extraction", "BALANCED_OPTIONS": "extraction",
    "RECALL_OPTIONS": "extraction", "blocks_from_body": "extraction",
    "DOM_RULES": "dom_rules", "dom_pass": "dom_rules",
    "add_missing_captions": "captions",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:  # a submodule (`from cleaner.html import outside`) is found by the import system
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
