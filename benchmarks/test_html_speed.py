"""Throughput of HTML mode against trafilatura, side by side in the same run (pytest-benchmark).

Both run in this one process, one page after the other, on the same pages: the development
corpus' HTML pages when ../shared/dev-eval is present, else a few pages invented around the seeds.

- ours: `clean_html(html)` (default Config: language detected);
- trafilatura: `trafilatura.extract(html, include_comments=False)`, other settings default.

docs/s and MB/s (of the HTML) are in each benchmark's extra_info (`ratio_vs_trafilatura` on
ours); the ratio is printed at the end of the run. The corpus is timed in
CLEAN_ARTICLES_BENCH_ROUNDS rounds (default 3; 1 when CI=true), the invented pages in
pytest-benchmark's calibrated rounds. Skipped, with the reason, while HTML mode is
not importable (`from cleaner import clean_html`).

Run: python -m pytest benchmarks/test_html_speed.py
"""
from __future__ import annotations

import pytest

from corpus import DEV_EVAL, ROOT, invented_pages, measure, pair, read_folder, throughput

COMPARISON = "html"


def _clean_html():
    try:
        from cleaner import clean_html
    except ImportError as exc:
        pytest.skip(f"HTML mode is not importable (`from cleaner import clean_html`): {exc}")
    return clean_html


@pytest.fixture(scope="module")
def pages() -> tuple[str, list[str]]:
    if (DEV_EVAL / "html").is_dir():
        return "dev-eval html", read_folder(DEV_EVAL / "html", "*.html")
    return "invented", invented_pages(read_folder(ROOT / "seeds", "*.txt"))


@pytest.fixture
def setup(benchmark, pages, warm_cleaner):
    pair(COMPARISON, "ours", "trafilatura")
    benchmark.group = COMPARISON
    benchmark.extra_info["corpus"] = pages[0]
    return pages[1], pages[0] != "invented"


def _ours_all(clean_html, pages: list[str]) -> int:
    return sum(len(clean_html(p).text) for p in pages)


def _trafilatura_all(pages: list[str]) -> int:
    import trafilatura

    return sum(len(trafilatura.extract(p, include_comments=False) or "") for p in pages)


def test_html_mode(benchmark, setup):
    clean_html = _clean_html()
    docs, whole = setup
    clean_html(docs[0])  # and conftest's warm_cleaner: nothing is loaded during the timing
    kept = measure(benchmark, _ours_all, clean_html, docs, whole_corpus=whole)
    throughput(benchmark, docs, comparison=COMPARISON, system="ours")
    assert kept > 0


def test_trafilatura(benchmark, setup):
    docs, whole = setup
    _trafilatura_all(docs[:1])
    kept = measure(benchmark, _trafilatura_all, docs, whole_corpus=whole)
    throughput(benchmark, docs, comparison=COMPARISON, system="trafilatura")
    assert kept > 0
