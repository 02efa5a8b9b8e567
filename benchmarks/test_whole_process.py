"""Throughput as a user sees it: whole processes over a folder, first pass (pytest-benchmark).

Every round starts a new process, so every round is a first pass: the language detector's caches
and the phrase lists start empty, and start-up, walking the folder, reading and writing are timed
on both sides. Both sides run in the same test run, one after the other, on the same folder.

- `test_cli_texts` / `test_justext_texts`: `python -m cleaner FOLDER -o OUT -j 1` against a
  jusText loop run as its own process (`python -c ...`: import jusText, then for each file of the
  folder in sorted order read it, run `justext.justext` on it as a page of one `<p>` per line with
  the stoplist of the folder's language, and write the kept paragraphs to OUT/<name>.txt). The
  folder is ../shared/dev-wcxb/text_T1 (1,337 texts, English: the jusText loop is given the
  language, which favours it), else the seeds (French).
- `test_cli_pages` / `test_trafilatura_pages`: `python -m cleaner FOLDER -o OUT -j 1` on HTML pages
  against a `trafilatura.extract(html, include_comments=False)` loop run the same way. The folder
  is ../shared/dev-eval/html (328 pages), else a few invented pages written to a temporary folder.
- `test_cli_texts_jobs`: the same text folder with `-j 2`, against `-j 1` ("whole process -j").
- `test_first_pass_in_process`: `clean()` over the text folder once, in a new process, timed
  after the imports and the reading (the in-process first-pass figure: no warm caches).

docs/s are in each benchmark's extra_info, and the ratios (ours / peer) are printed at the end of
the run. Rounds: CLEAN_ARTICLES_BENCH_ROUNDS (default 3; 1 when CI=true).

Run: python -m pytest benchmarks/test_whole_process.py
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import (DEV_EVAL, DEV_WCXB, ROOT, SEED_LANG, corpus_rounds, invented_pages, pair,
                    read_folder, throughput)

TEXTS = "whole process, texts"
PAGES = "whole process, HTML"
JOBS = "whole process -j"

#: The peers, as whole processes: argv[1] the folder, argv[2] the output folder, argv[3] the
#: glob, argv[4] jusText's stoplist name.
JUSTEXT_LOOP = """
import html, sys
from pathlib import Path
import justext
src, out, pattern, stoplist = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
stop = justext.get_stoplist(stoplist)
out.mkdir(parents=True, exist_ok=True)
for path in sorted(src.glob(pattern)):
    text = path.read_text(encoding="utf-8")
    page = "<html><body>" + "".join("<p>%s</p>" % html.escape(l.strip()) for l in text.splitlines() if l.strip()) + "</body></html>"
    kept = [p.text for p in justext.justext(page, stop) if not p.is_boilerplate]
    (out / (path.stem + ".txt")).write_text("\\n\\n".join(kept), encoding="utf-8")
"""
TRAFILATURA_LOOP = """
import sys
from pathlib import Path
import trafilatura
src, out, pattern = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
out.mkdir(parents=True, exist_ok=True)
for path in sorted(src.glob(pattern)):
    text = trafilatura.extract(path.read_text(encoding="utf-8"), include_comments=False) or ""
    (out / (path.stem + ".txt")).write_text(text, encoding="utf-8")
"""
#: clean() over a folder once, timed after imports and reading: prints {"docs", "seconds"}.
FIRST_PASS = """
import json, sys, time
from pathlib import Path
from cleaner import InputError, clean
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob(sys.argv[2]))]
start = time.perf_counter()
for t in texts:
    try:
        clean(t)
    except InputError:
        pass
print(json.dumps({"docs": len(texts), "seconds": time.perf_counter() - start}))
"""


class Folder:
    def __init__(self, name: str, path: Path, pattern: str, lang: str):
        self.name, self.path, self.pattern, self.lang = name, path, pattern, lang
        self.files = sorted(path.glob(pattern))
        self.size = sum(p.stat().st_size for p in self.files)


@pytest.fixture(scope="module")
def text_folder() -> Folder:
    if (DEV_WCXB / "text_T1").is_dir():
        return Folder("dev-wcxb T1", DEV_WCXB / "text_T1", "*.txt", "English")
    return Folder("seeds", ROOT / "seeds", "*.txt", "French" if SEED_LANG == "fr" else "English")


@pytest.fixture(scope="module")
def page_folder(tmp_path_factory) -> Folder:
    if (DEV_EVAL / "html").is_dir():
        return Folder("dev-eval html", DEV_EVAL / "html", "*.html", "")
    folder = tmp_path_factory.mktemp("pages")
    for i, page in enumerate(invented_pages(read_folder(ROOT / "seeds", "*.txt"))):
        (folder / f"page{i}.html").write_text(page, encoding="utf-8")
    return Folder("invented pages", folder, "*.html", "")


#: The command line's summary line on stderr ("clean-articles: 1333 cleaned, 4 failed").
_SUMMARY = re.compile(r"(\d+) cleaned(?:, (\d+) failed)?")


def _run(cmd: list[str], out: Path) -> int:
    """One whole process into a fresh output folder; returns how many documents it reported as
    failed (the command line: exit status 1 and its summary line; dev-wcxb's T1 folder holds a
    few empty files, which are errors). Any other failure fails the benchmark."""
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    summary = _SUMMARY.search(proc.stderr.splitlines()[-1]) if proc.stderr.strip() else None
    failed = int(summary.group(2) or 0) if summary else 0
    assert proc.returncode == 0 or (proc.returncode == 1 and failed), \
        f"{cmd[:4]} exited with {proc.returncode}: {proc.stderr[-2000:]}"
    return failed


def _timed(benchmark, comparison: str, system: str, folder: Folder, cmd: list[str], out: Path) -> dict:
    benchmark.group = comparison
    failed = benchmark.pedantic(_run, args=(cmd, out), rounds=corpus_rounds(), iterations=1)
    written = sorted(out.rglob("*.txt"))
    # every document is accounted for: an output, or an error the command line reported
    assert len(written) + failed == len(folder.files), \
        f"{len(written)} outputs and {failed} errors for {len(folder.files)} inputs"
    benchmark.extra_info["corpus"] = folder.name
    return throughput(benchmark, folder.files, comparison=comparison, system=system, size=folder.size)


def _cli(folder: Folder, out: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "cleaner", str(folder.path), "-o", str(out), "-j", str(jobs)]


def test_cli_texts(benchmark, text_folder, tmp_path):
    pair(TEXTS, "clean-articles", "justext loop")
    _timed(benchmark, TEXTS, "clean-articles", text_folder, _cli(text_folder, tmp_path / "out", 1), tmp_path / "out")


def test_justext_texts(benchmark, text_folder, tmp_path):
    pytest.importorskip("justext")
    cmd = [sys.executable, "-c", JUSTEXT_LOOP, str(text_folder.path), str(tmp_path / "out"),
           text_folder.pattern, text_folder.lang]
    _timed(benchmark, TEXTS, "justext loop", text_folder, cmd, tmp_path / "out")


def test_cli_pages(benchmark, page_folder, tmp_path):
    pair(PAGES, "clean-articles", "trafilatura loop")
    _timed(benchmark, PAGES, "clean-articles", page_folder, _cli(page_folder, tmp_path / "out", 1), tmp_path / "out")


def test_trafilatura_pages(benchmark, page_folder, tmp_path):
    cmd = [sys.executable, "-c", TRAFILATURA_LOOP, str(page_folder.path), str(tmp_path / "out"),
           page_folder.pattern]
    _timed(benchmark, PAGES, "trafilatura loop", page_folder, cmd, tmp_path / "out")


@pytest.mark.parametrize("jobs", [1, 2], ids=["j1", "j2"])
def test_cli_texts_jobs(benchmark, text_folder, tmp_path, jobs):
    pair(JOBS, "-j 2", "-j 1")
    _timed(benchmark, JOBS, f"-j {jobs}", text_folder, _cli(text_folder, tmp_path / "out", jobs), tmp_path / "out")


def test_first_pass_in_process(benchmark, text_folder):
    """clean() once over texts the process has not seen (no warm caches), in a new process."""
    runs: list[dict] = []

    def once() -> None:
        proc = subprocess.run([sys.executable, "-c", FIRST_PASS, str(text_folder.path), text_folder.pattern],
                              cwd=ROOT, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr[-2000:]
        runs.append(json.loads(proc.stdout))

    benchmark.group = "first pass, in process"
    benchmark.pedantic(once, rounds=corpus_rounds(), iterations=1)
    rates = [r["docs"] / r["seconds"] for r in runs]
    assert runs and runs[0]["docs"] == len(text_folder.files)
    benchmark.extra_info.update(corpus=text_folder.name, docs=runs[0]["docs"],
                                docs_per_s=round(sum(rates) / len(rates), 1),
                                docs_per_s_best=round(max(rates), 1),
                                docs_per_s_range=[round(min(rates), 1), round(max(rates), 1)])

