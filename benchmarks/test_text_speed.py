"""Throughput of text mode against jusText, side by side in the same run (pytest-benchmark).

Each system runs in this one process, one document after the other, on the same texts: the five
seeds, and the development corpus' T1 texts when ../shared/dev-eval is present.

- ours: `clean(text)`, language detected;
- ours-lang-given: `clean(text, lang=<gold lang>)` (jusText is given the language, so this is
  the like-for-like figure);
- justext: `justext.justext(page, get_stoplist(<gold lang>))` where `page` is the text with each
  non-blank line HTML-escaped in a <p> of a minimal page; English stoplist when the language is
  unknown. Pages and stoplists are built before the timing; MB/s counts the same text bytes for
  every system.

The seeds are timed in pytest-benchmark's calibrated rounds; the development corpus in
CLEAN_ARTICLES_BENCH_ROUNDS rounds (default 3; 1 when CI=true). Nothing is loaded during the
timing: an untimed pass of text mode over the texts (conftest's `warm_cleaner`) loads the
langdetect profiles and the phrase lists first.

docs/s and MB/s are in each benchmark's extra_info (with `ratio_vs_justext` on our two); the
ratios are printed at the end of the run.

Run: python -m pytest benchmarks/test_text_speed.py
"""
from __future__ import annotations

import justext
import pytest

from corpus import Doc, justext_page, justext_stoplist_name, measure, pair, throughput

from cleaner import Config, clean

#: Test parameter -> fixture giving its documents (conftest.py).
CORPORA = {"seeds": "seed_docs", "dev_t1": "dev_t1_docs"}


def _comparison(corpus_name: str) -> str:
    return f"text {corpus_name}"


@pytest.fixture(params=list(CORPORA))
def corpus(request, benchmark, warm_cleaner) -> tuple[str, list[Doc], bool]:
    """(comparison name, documents, whether they are a whole corpus timed in fixed rounds)."""
    docs = request.getfixturevalue(CORPORA[request.param])
    name = _comparison(request.param)
    pair(name, "ours", "justext")
    pair(name, "ours-lang-given", "justext")
    benchmark.group = name
    return name, docs, request.param != "seeds"


def _clean_all(texts: list[str], config: Config) -> int:
    return sum(len(clean(t, config).text) for t in texts)


def _clean_all_given(docs: list[tuple[str, Config]]) -> int:
    return sum(len(clean(t, config).text) for t, config in docs)


def _justext_all(pages: list[tuple[str, frozenset]]) -> int:
    kept = 0
    for page, stoplist in pages:
        kept += sum(len(p.text) for p in justext.justext(page, stoplist) if not p.is_boilerplate)
    return kept


def test_text_mode(benchmark, corpus):
    """Ours, language detected."""
    name, docs, whole = corpus
    texts = [d.text for d in docs]
    config = Config()
    kept = measure(benchmark, _clean_all, texts, config, whole_corpus=whole)
    throughput(benchmark, texts, comparison=name, system="ours")
    assert kept > 0


def test_text_mode_lang_given(benchmark, corpus):
    """Ours, with the gold language given (no detection)."""
    name, docs, whole = corpus
    texts = [d.text for d in docs]
    given = [(d.text, Config(lang=d.lang) if d.lang else Config()) for d in docs]
    for lang in {d.lang for d in docs}:  # phrase lists of each given language, outside the timing
        clean(texts[0], Config(lang=lang) if lang else Config())
    kept = measure(benchmark, _clean_all_given, given, whole_corpus=whole)
    throughput(benchmark, texts, comparison=name, system="ours-lang-given")
    benchmark.extra_info["langs_given"] = sum(1 for d in docs if d.lang)
    assert kept > 0


def test_justext(benchmark, corpus):
    """jusText 3 on the same texts, each line a <p>, stoplist of the gold language."""
    name, docs, whole = corpus
    texts = [d.text for d in docs]
    stoplists = {n: justext.get_stoplist(n) for n in {justext_stoplist_name(d.lang) for d in docs}}
    pages = [(justext_page(d.text), stoplists[justext_stoplist_name(d.lang)]) for d in docs]
    _justext_all(pages[:1])
    kept = measure(benchmark, _justext_all, pages, whole_corpus=whole)
    throughput(benchmark, texts, comparison=name, system="justext")
    benchmark.extra_info["stoplists"] = sorted(stoplists)
    assert kept > 0
