"""Nothing lost: the four data-loss bugs of issue 10, each through the real command line.

Real files in tmp_path, the CLI as a subprocess (`python -m cleaner`), `-j 1` unless the pool is
the point.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from helpers import ROOT

EN = ("The county council voted on Thursday to close two of its four recycling centres, citing a "
      "budget gap of nearly four million pounds over the next three years.")
EN2 = ("Residents will be able to use the remaining sites for longer hours from next spring, a "
       "spokesperson for the authority confirmed in a statement on Friday.")
ARTICLE = f"Share this article\n\n{EN}\n\nRead more: High street vacancy rate falls\n\n{EN2}\n"
BODY = f"{EN}\n\n{EN2}"


def run(*args, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess:
    """The CLI, on English documents (--lang en: no language profiles to load)."""
    return subprocess.run([sys.executable, "-m", "cleaner", "--lang", "en", *map(str, args)], cwd=ROOT,
                          input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.split("\n")[:-1]]


# --- 1. an empty html field falls back to the text field -----------------------------------------

@pytest.mark.parametrize("html", ["", "   \n", None], ids=["empty", "blank", "null"])
def test_an_empty_html_field_falls_back_to_the_text_field(tmp_path, html):
    src = tmp_path / "crawl.jsonl"
    src.write_text(json.dumps({"id": 1, "text": ARTICLE, "html": html}) + "\n", encoding="utf-8")
    proc = run("-j", "1", "--input-format", "jsonl", stdin=src.read_text(encoding="utf-8"))
    assert proc.returncode == 0, proc.stderr
    [rec] = records(proc.stdout)
    assert rec["text"] == BODY
    assert rec["mode"] == "text"
    assert "error" not in rec
    if html is not None:  # a field that is there but empty: the record says which one was used
        assert any("'html' field" in n and "'text' field" in n for n in rec["notes"])


def test_an_html_field_without_text_falls_back_to_the_text_field(tmp_path):
    src = tmp_path / "crawl.jsonl"
    src.write_text(json.dumps({"id": 1, "text": ARTICLE, "html": "<html><body> </body></html>"}) + "\n",
                   encoding="utf-8")
    proc = run("-j", "1", src)
    assert proc.returncode == 0, proc.stderr
    [rec] = records(proc.stdout)
    assert rec["text"] == BODY and rec["mode"] == "text"


def test_a_record_is_an_error_only_when_neither_field_holds_anything(tmp_path):
    src = tmp_path / "crawl.jsonl"
    lines = [{"id": "both-empty", "text": "", "html": ""},
             {"id": "html-only-empty", "html": " "},
             {"id": "good-html", "text": "", "html": f"<html><body><p>{EN}</p><p>{EN2}</p></body></html>"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    proc = run("-j", "1", src)
    assert proc.returncode == 1
    recs = records(proc.stdout)
    assert [r["id"] for r in recs] == ["both-empty", "html-only-empty", "good-html"]
    assert recs[0]["error"] == recs[1]["error"] == "empty document: no text to clean"
    assert recs[2]["text"] == BODY and recs[2]["mode"] == "html"
    assert "2 failed" in proc.stderr


# --- 2. plain text given as HTML is cleaned as text -----------------------------------------------

@pytest.mark.parametrize("how", ["suffix", "input-format"])
def test_plain_text_saved_as_html_is_cleaned_as_text_and_says_so(tmp_path, how):
    src = tmp_path / ("article.html" if how == "suffix" else "article.txt")
    src.write_text(ARTICLE, encoding="utf-8")
    extra = ["--input-format", "html"] if how == "input-format" else []
    proc = run("-j", "1", "--format", "json", *extra, src)
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["text"] == BODY
    assert rec["mode"] == "text"
    assert any("no HTML tags" in n for n in rec["notes"])


# --- 3. two inputs never share an output ----------------------------------------------------------

def two_folders(tmp_path):
    for folder, extra in (("a", "First."), ("b", "Second.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"{EN} {extra}\n\n{EN2}\n", encoding="utf-8")
    return tmp_path / "a", tmp_path / "b"


@pytest.mark.parametrize("given", ["files", "folders"])
def test_two_inputs_with_the_same_name_keep_both_outputs(tmp_path, given):
    a, b = two_folders(tmp_path)
    out = tmp_path / "OUT"
    args = [a / "x.txt", b / "x.txt"] if given == "files" else [a, b]
    proc = run("-j", "1", "-o", out, *args)
    assert proc.returncode == 0, proc.stderr
    assert "2 cleaned, 0 failed" in proc.stderr
    # the outputs mirror the folder the arguments have in common
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == \
        ["a/x.txt", "b/x.txt"]
    assert "First." in (out / "a" / "x.txt").read_text(encoding="utf-8")
    assert "Second." in (out / "b" / "x.txt").read_text(encoding="utf-8")


def test_jsonl_files_that_share_a_name_are_not_merged(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "crawl.jsonl").write_text(
            json.dumps({"id": folder, "text": f"{EN} {folder}."}) + "\n", encoding="utf-8")
    out = tmp_path / "OUT"
    proc = run("-j", "1", "-o", out, tmp_path / "a", tmp_path / "b")
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in records((out / "a" / "crawl.jsonl").read_text(encoding="utf-8"))] == ["a"]
    assert [r["id"] for r in records((out / "b" / "crawl.jsonl").read_text(encoding="utf-8"))] == ["b"]


def test_files_that_differ_only_by_suffix_keep_their_full_names(tmp_path):
    src, out = tmp_path / "in", tmp_path / "OUT"
    src.mkdir()
    (src / "x.txt").write_text(f"{EN} Text.\n", encoding="utf-8")
    (src / "x.html").write_text(f"<html><body><p>{EN} Page.</p></body></html>", encoding="utf-8")
    (src / "y.txt").write_text(f"{EN2}\n", encoding="utf-8")
    proc = run("-j", "1", "-o", out, src)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["x.html.txt", "x.txt.txt", "y.txt"]
    assert "Page." in (out / "x.html.txt").read_text(encoding="utf-8")
    assert "Text." in (out / "x.txt.txt").read_text(encoding="utf-8")


def test_the_same_input_twice_is_refused_before_anything_is_written(tmp_path):
    src, out = tmp_path / "a.txt", tmp_path / "OUT"
    src.write_text(ARTICLE, encoding="utf-8")
    proc = run("-j", "1", "-o", out, src, src)
    assert proc.returncode == 2
    assert f"{src} and {src} would both be written to {out / 'a.txt'}" in proc.stderr
    assert not out.exists()


# --- 4. an interrupted run keeps what it completed ------------------------------------------------

@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize("jobs,sig,target", [("1", "SIGINT", "dir"), ("2", "SIGTERM", "file")])
def test_an_interrupted_run_keeps_the_completed_records_in_a_partial_file(tmp_path, jobs, sig, target):
    import signal
    import time

    src, out = tmp_path / "crawl.jsonl", tmp_path / "out"
    n = 20_000  # far more than a second's work: the run is stopped long before its end
    src.write_text("".join(json.dumps({"id": i, "text": f"{EN} {i}.\n\n{EN2}"}) + "\n" for i in range(n)),
                   encoding="utf-8")
    out.mkdir()
    final = out / "crawl.jsonl" if target == "dir" else out / "cleaned.jsonl"
    final.write_text("previous run\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "--lang", "en", "-j", jobs, "-o",
                             str(out if target == "dir" else final), str(src)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(p.stat().st_size > 50_000 for p in out.glob(".*.tmp")):  # some records are out
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.05)
    proc.send_signal(getattr(signal, sig))
    _, err = proc.communicate(timeout=60)
    err = err.decode("utf-8")
    assert proc.returncode == 128 + getattr(signal, sig), err
    partial = final.with_name(final.name + ".partial")
    kept = records(partial.read_text(encoding="utf-8"))  # whole lines only, each valid JSON
    assert 0 < len(kept) < n
    assert [r["id"] for r in kept] == list(range(len(kept)))  # the first records, in input order
    assert all(r["text"].startswith(EN) and "error" not in r for r in kept)
    assert f"{len(kept)} documents" in err and str(partial) in err
    assert final.read_text(encoding="utf-8") == "previous run\n"  # the target is untouched
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []  # no temporary file left
