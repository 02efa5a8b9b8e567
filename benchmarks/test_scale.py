"""Scale of the command line on JSONL streams (pytest-benchmark, one timed round each).

The CLI runs end to end in a subprocess (`python -m cleaner`: start-up, reading, the process
pool, writing), on a JSONL file written to tmp_path, its output redirected to a file (stdout
streams record by record; `-o` would also stream, but with a JSONL *file* input `-o out.jsonl`
names a folder, out.jsonl/<input>.jsonl, and only a stdin input gives a single -o FILE).
Texts are the development corpus' T1 texts when ../shared/dev-eval is present, else the seeds.

- test_jobs: the same ~3,000 records (the texts repeated) with -j 1 and with -j 2; docs/s of each
  and the speed-up `ratio_vs_j1` (target >= 1.6x on 2 cores) in the -j 2 extra_info.
  `startup_s` is the time of the same command on a single record (interpreter, imports, pool,
  warm-up); `docs_per_s_after_startup` leaves it out, and its ratio is printed as well ("cli -j,
  after start-up": the speed-up a long batch settles at, which the start-up of each run hides
  on 3,000 records).
- test_stream_memory: peak memory of a 50,000-record stream with -j 2 (target < 300 MB), and a
  check that the output holds exactly one record per input record, in input order.

Settings (environment):
  CLEAN_ARTICLES_BENCH_JOBS_RECORDS  records for test_jobs (default 3000)
  CLEAN_ARTICLES_BENCH_RECORDS       records for test_stream_memory (default 50000; 5000 when
                                     CI=true, so the brief CI run stays brief)
  CLEAN_ARTICLES_BENCH_CLI_ROUNDS    timed rounds of each test_jobs run (default 3, 1 when
                                     CI=true; the best round is in brackets: the two cores
                                     are shared, and a busy second core slows -j 2 alone)

Run: python -m pytest benchmarks/test_scale.py
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from corpus import DEV_EVAL, ROOT, env_int, pair, read_docs, register, throughput

try:
    import psutil
except ImportError:  # optional: without it only the largest single process is reported
    psutil = None

JOBS_COMPARISON = "cli -j"
JOBS_AFTER_STARTUP = "cli -j, after start-up"
MB = 1024 * 1024


@pytest.fixture(scope="module")
def scale_texts() -> tuple[str, list[tuple[str, str]]]:
    if (DEV_EVAL / "text_T1").is_dir():
        return "dev-eval T1", [(d.name, d.text) for d in read_docs(DEV_EVAL / "text_T1", "*.txt")]
    return "seeds", [(d.name, d.text) for d in read_docs(ROOT / "seeds", "*.txt")]


def write_jsonl(path: Path, texts: list[tuple[str, str]], n: int, *, shuffle: bool = False) -> list[str]:
    """n records {"id", "text", "meta"} drawn from texts (in turn, or at random with a fixed
    seed); returns the ids in order."""
    rng = random.Random(0)
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            name, text = rng.choice(texts) if shuffle else texts[i % len(texts)]
            rec_id = f"doc-{i:06d}"
            ids.append(rec_id)
            fh.write(json.dumps({"id": rec_id, "text": text, "meta": {"source": name, "n": i}},
                                ensure_ascii=False) + "\n")
    return ids


#: Runs a command and writes the ru_maxrss of its process tree (KiB on Linux) to argv[1]. The CLI
#: is started from this small process, not from pytest: a child forked from a large process and
#: then exec'd inherits that process's RSS high-water mark in ru_maxrss (Linux), which would
#: report pytest's size instead of the CLI's.
LAUNCHER = ("import resource, subprocess, sys; rc = subprocess.call(sys.argv[2:]); "
            "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); "
            "sys.exit(rc)")


def run_cli(args: list[str], out: Path, *, sample_memory: bool = False, interval: float = 0.05) -> dict:
    """Run `python -m cleaner ARGS > out`; returns the wall time, exit status and stderr. With
    `sample_memory`, also the peak RSS summed over the CLI process and its workers, polled every
    `interval` s with psutil (and the PSS sum every 5th poll), and `max_rss_single_mb`: the
    kernel's ru_maxrss over the same processes, i.e. the largest single process (no psutil needed)."""
    cmd = [sys.executable, "-m", "cleaner", *args]
    maxrss_file = out.with_name(out.name + ".maxrss")
    if sample_memory:
        cmd = [sys.executable, "-c", LAUNCHER, str(maxrss_file), *cmd]
    with out.open("wb") as stdout, tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=stderr, cwd=ROOT)
        peak_rss = peak_pss = peak_single = 0
        tick = 0
        launcher = psutil.Process(proc.pid) if sample_memory and psutil is not None else None
        while True:
            if launcher is None:
                proc.wait()
                break
            if proc.poll() is not None:
                break
            rss, pss, single = _tree_memory(launcher, with_pss=tick % 5 == 0)
            peak_rss, peak_pss, peak_single = max(peak_rss, rss), max(peak_pss, pss), max(peak_single, single)
            tick += 1
            time.sleep(interval)
        wall = time.perf_counter() - start
        stderr.seek(0)
        err = stderr.read().decode("utf-8", "replace")
    info = {"wall_s": wall, "returncode": proc.returncode, "stderr": err}
    if sample_memory:
        if maxrss_file.is_file():
            info["max_rss_single_mb"] = round(int(maxrss_file.read_text()) * 1024 / MB, 1)
        if launcher is not None:
            info["peak_rss_tree_mb"] = round(peak_rss / MB, 1)
            info["peak_pss_tree_mb"] = round(peak_pss / MB, 1)
            info["peak_rss_single_polled_mb"] = round(peak_single / MB, 1)
            info["memory_samples"] = tick
    return info


def _tree_memory(launcher, with_pss: bool) -> tuple[int, int, int]:
    """RSS (and PSS, when asked) summed over the launcher's descendants (the CLI process and its
    workers), and the largest single RSS, now."""
    try:
        procs = launcher.children(recursive=True)
    except psutil.Error:
        return 0, 0, 0
    rss = pss = single = 0
    for p in procs:
        try:
            if with_pss:
                full = p.memory_full_info()
                r, pss = full.rss, pss + full.pss
            else:
                r = p.memory_info().rss
        except psutil.Error:  # exited between the listing and the reading
            continue
        rss, single = rss + r, max(single, r)
    return rss, pss, single


def _check_output(out: Path, ids: list[str]) -> None:
    """Exactly one record per input record, in input order, none of them an error, the extra
    field passed through."""
    got, errors, lost = [], 0, 0
    with out.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            rec = json.loads(line)
            got.append(rec["id"])
            errors += "error" in rec
            lost += rec.get("meta", {}).get("n") != i
    assert len(got) == len(ids), f"{len(got)} output records for {len(ids)} input records"
    assert got == ids, "output records are not in input order"
    assert errors == 0, f"{errors} records failed"
    assert lost == 0, f"{lost} records lost their extra field"


@pytest.mark.parametrize("jobs", [1, 2], ids=["j1", "j2"])
def test_jobs(benchmark, tmp_path, scale_texts, jobs):
    """The CLI end to end with -j 1 and -j 2 on the same ~3,000 records."""
    pair(JOBS_COMPARISON, "j2", "j1")
    benchmark.group = JOBS_COMPARISON
    source, texts = scale_texts
    n = env_int("CLEAN_ARTICLES_BENCH_JOBS_RECORDS", 3000)
    inp, one = tmp_path / "in.jsonl", tmp_path / "one.jsonl"
    ids = write_jsonl(inp, texts, n)
    write_jsonl(one, texts, 1)
    args = ["-j", str(jobs), "--format", "jsonl"]
    startup = run_cli([*args, str(one)], tmp_path / "one.out.jsonl")
    assert startup["returncode"] == 0, startup["stderr"]

    runs = []

    def run():
        runs.append(run_cli([*args, str(inp)], tmp_path / "out.jsonl"))

    benchmark.pedantic(run, rounds=env_int("CLEAN_ARTICLES_BENCH_CLI_ROUNDS", 3, ci_default=1), iterations=1)
    assert all(r["returncode"] == 0 for r in runs), runs[-1]["stderr"]
    _check_output(tmp_path / "out.jsonl", ids)
    info = benchmark.extra_info
    info.update(corpus=source, jobs=jobs, startup_s=round(startup["wall_s"], 2))
    best = min(r["wall_s"] for r in runs)
    info["docs_per_s_after_startup"] = round(n / max(best - startup["wall_s"], 1e-9), 1)
    throughput(benchmark, range(n), comparison=JOBS_COMPARISON, system=f"j{jobs}", size=_text_size(inp))
    # the same runs without the start-up time: the rate a long batch settles at
    pair(JOBS_AFTER_STARTUP, "j2", "j1")
    register(JOBS_AFTER_STARTUP, f"j{jobs}", {"docs_per_s": info["docs_per_s_after_startup"]})


def test_stream_memory(benchmark, tmp_path, scale_texts):
    """Peak memory of `python -m cleaner --format jsonl -j 2 in.jsonl > out.jsonl` on a stream of
    CLEAN_ARTICLES_BENCH_RECORDS records (default 50,000, which takes a few minutes on 2 cores;
    5,000 when CI=true). The figure reported as the peak is the RSS summed over the CLI process and
    its workers, polled every 50 ms with psutil (it counts pages the forked workers share with
    the parent once per process, so it overstates the footprint; the PSS sum, sampled every
    250 ms, does not). `max_rss_single_mb` (the kernel's ru_maxrss: the largest single process)
    needs no psutil; without psutil it is the only figure."""
    source, texts = scale_texts
    n = env_int("CLEAN_ARTICLES_BENCH_RECORDS", 50_000, ci_default=5_000)
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = write_jsonl(inp, texts, n, shuffle=True)
    name = f"jsonl stream of {n:,} records"
    benchmark.group = name
    result = benchmark.pedantic(run_cli, args=(["--format", "jsonl", "-j", "2", str(inp)], out),
                                kwargs={"sample_memory": True}, rounds=1, iterations=1)
    assert result["returncode"] == 0, result["stderr"][-2000:]
    _check_output(out, ids)
    info = benchmark.extra_info
    info.update(corpus=source, records=n, input_mb=round(inp.stat().st_size / 1e6, 1),
                output_mb=round(out.stat().st_size / 1e6, 1), target_peak_mb=300)
    for key in ("peak_rss_tree_mb", "peak_pss_tree_mb", "peak_rss_single_polled_mb",
                "max_rss_single_mb", "memory_samples"):
        if key in result:
            info[key] = result[key]
    if psutil is None:
        info["note"] = "psutil is not installed: max_rss_single_mb only (largest single process)"
    throughput(benchmark, range(n), comparison=name, system="-j 2", size=_text_size(inp))


def _text_size(path: Path) -> int:
    with path.open(encoding="utf-8") as fh:
        return sum(len(json.loads(line)["text"].encode("utf-8")) for line in fh)
