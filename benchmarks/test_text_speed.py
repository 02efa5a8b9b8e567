"""Throughput of text mode (pytest-benchmark): docs/s and MB/s in extra_info.

Run: python -m pytest benchmarks/test_text_speed.py --benchmark-only
"""
from __future__ import annotations

from corpus import throughput

from cleaner import Config, clean


def _clean_all(docs: list[str], config: Config) -> int:
    return sum(len(clean(d, config).text) for d in docs)


def test_text_mode_seeds(benchmark, seed_texts):
    config = Config()
    clean(seed_texts[0], config)  # load langdetect profiles and phrase lists outside the timing
    kept = benchmark(_clean_all, seed_texts, config)
    throughput(benchmark, seed_texts)
    assert kept > 0


def test_text_mode_dev_t1(benchmark, dev_t1_texts):
    config = Config()
    clean(dev_t1_texts[0], config)
    kept = benchmark.pedantic(_clean_all, args=(dev_t1_texts, config), rounds=3, iterations=1)
    throughput(benchmark, dev_t1_texts)
    assert kept > 0
