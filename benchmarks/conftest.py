"""Fixtures for the benchmarks (helpers live in corpus.py)."""
from __future__ import annotations

import pytest

from corpus import DEV_EVAL, ROOT, read_folder


@pytest.fixture(scope="session")
def seed_texts() -> list[str]:
    return read_folder(ROOT / "seeds", "*.txt")


@pytest.fixture(scope="session")
def dev_t1_texts() -> list[str]:
    if not (DEV_EVAL / "text_T1").is_dir():
        pytest.skip("../shared/dev-eval is not present")
    return read_folder(DEV_EVAL / "text_T1", "*.txt")
