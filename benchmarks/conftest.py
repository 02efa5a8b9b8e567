"""Fixtures for the benchmarks (helpers live in corpus.py), and the end-of-run comparison table."""
from __future__ import annotations

import pytest

from corpus import DEV_EVAL, FIGURES, PAIRS, ROOT, SEED_LANG, Doc, read_docs, read_folder


@pytest.fixture(scope="session")
def seed_texts() -> list[str]:
    return read_folder(ROOT / "seeds", "*.txt")


@pytest.fixture(scope="session")
def dev_t1_texts() -> list[str]:
    if not (DEV_EVAL / "text_T1").is_dir():
        pytest.skip("../shared/dev-eval is not present")
    return read_folder(DEV_EVAL / "text_T1", "*.txt")


@pytest.fixture(scope="session")
def seed_docs() -> list[Doc]:
    return read_docs(ROOT / "seeds", "*.txt", lang=SEED_LANG)


@pytest.fixture(scope="session")
def dev_t1_docs() -> list[Doc]:
    """The development corpus' T1 texts with gold.json's language (skipped when absent)."""
    if not (DEV_EVAL / "text_T1").is_dir():
        pytest.skip("../shared/dev-eval is not present")
    return read_docs(DEV_EVAL / "text_T1", "*.txt")


@pytest.fixture(scope="session")
def warm_cleaner(seed_texts) -> None:
    """One untimed pass of text mode over the seeds and the T1 texts (when present): loads the
    langdetect profiles, the rules and the phrase lists of every language (and language
    combination) these documents lead to, so no benchmark round pays a one-off load."""
    from cleaner import clean

    texts = list(seed_texts)
    if (DEV_EVAL / "text_T1").is_dir():
        texts += read_folder(DEV_EVAL / "text_T1", "*.txt")
    for text in texts:
        clean(text)


def _fmt(x) -> str:
    return f"{x:,.1f}" if isinstance(x, float) else str(x)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not FIGURES:
        return
    tr = terminalreporter
    tr.section("throughput comparisons (docs/s from the mean round; best round in brackets)")
    for comparison in sorted({c for c, _ in FIGURES}):
        systems = [(s, info) for (c, s), info in FIGURES.items() if c == comparison]
        tr.write_line(f"{comparison}:")
        for system, info in systems:
            line = f"  {system:<22} {_fmt(info.get('docs_per_s'))} docs/s"
            if "docs_per_s_best" in info:
                line += f" [{_fmt(info['docs_per_s_best'])}]"
            if "mb_per_s" in info:
                line += f", {info['mb_per_s']:.3f} MB/s"
            for key in ("peak_rss_tree_mb", "peak_pss_tree_mb", "max_rss_single_mb"):
                if key in info:
                    line += f", {key} {info[key]}"
            tr.write_line(line)
        for ours, theirs in PAIRS.get(comparison, []):
            a, b = FIGURES.get((comparison, ours)), FIGURES.get((comparison, theirs))
            if a and b and a.get("docs_per_s") and b.get("docs_per_s"):
                ratio = a["docs_per_s"] / b["docs_per_s"]
                best = ""
                if a.get("docs_per_s_best") and b.get("docs_per_s_best"):
                    best = f" [{a['docs_per_s_best'] / b['docs_per_s_best']:.2f}x]"
                tr.write_line(f"  ratio {ours} / {theirs}: {ratio:.2f}x{best}")
