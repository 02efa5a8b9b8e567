"""Corpus loading and throughput figures for the benchmarks. The development corpus is read in
place from ../shared/dev-eval when it exists beside the repository; it is never copied."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_EVAL = ROOT.parent / "shared" / "dev-eval"


def read_folder(folder: Path, pattern: str) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob(pattern))]


def throughput(benchmark, docs: list[str]) -> None:
    """Record docs/s and MB/s of the benchmark's mean round in extra_info."""
    mean = benchmark.stats.stats.mean
    size = sum(len(d.encode("utf-8")) for d in docs)
    benchmark.extra_info["docs"] = len(docs)
    benchmark.extra_info["docs_per_s"] = round(len(docs) / mean, 1)
    benchmark.extra_info["mb_per_s"] = round(size / mean / 1e6, 3)
