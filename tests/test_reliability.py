"""Reliability of the command line: every input is accounted for, bad input fails alone and
clearly, limits hold, and outputs are written safely.

Real files are built in tmp_path and the CLI runs as a real subprocess (`python -m cleaner`). Most
runs use `-j 1` (no pool start-up); the accounting tests also run with `-j 2`, through the pool.
"""
from __future__ import annotations

import gzip
import json
import os
import random
import re
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from cleaner import batch, cli, io
from cleaner.config import Config
from cleaner.io import Task
from helpers import ROOT

EN = ("The county council voted on Thursday to close two of its four recycling centres, citing a "
      "budget gap of nearly four million pounds over the next three years.")
EN2 = ("Residents will be able to use the remaining sites for longer hours from next spring, a "
       "spokesperson for the authority confirmed in a statement on Friday.")
# Long enough, and with enough accents, for charset detection to recognise a legacy encoding.
DE = ("Der Gemeinderat hat am Donnerstag beschlossen, zwei der vier Wertstoffhöfe zu schließen. "
      "Die Bürgerinnen und Bürger können die übrigen Standorte ab dem Frühjahr länger nutzen, "
      "sagte eine Sprecherin der Stadtverwaltung am Freitag. Für die Schließung seien die hohen "
      "Kosten und die geringe Auslastung ausschlaggebend gewesen, hieß es weiter.")
FR = ("Le conseil municipal a voté jeudi soir la fermeture de deux des quatre déchetteries de la "
      "commune, invoquant un déficit de près de quatre millions d'euros. Les élèves et leurs "
      "familles pourront utiliser les sites restants avec des horaires élargis dès le printemps "
      "prochain, a précisé vendredi un porte-parole de la mairie, qui évoque « un équilibre "
      "nécessaire » entre la qualité du service et les économies.")
ARTICLE = f"Share this article\n\n{EN}\n\nRead more: High street vacancy rate falls\n\n{EN2}\n"
ARTICLE_BODY = f"{EN}\n\n{EN2}\n"
SUMMARY = re.compile(r"clean-articles: (\d+) cleaned, (\d+) failed")
NOT_WINDOWS = pytest.mark.skipif(os.name == "nt", reason="POSIX file types and modes")


def run(*args, stdin: bytes = b"", env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """The CLI as a subprocess; stdout as bytes (to check encodings), stderr as text."""
    proc = subprocess.run([sys.executable, "-m", "cleaner", *map(str, args)], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=timeout, env={**os.environ, **(env or {})})
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    return proc


def summary(proc: subprocess.CompletedProcess) -> tuple[int, int]:
    found = SUMMARY.findall(proc.stderr)
    assert found, f"no summary line on stderr:\n{proc.stderr}"
    return tuple(map(int, found[-1]))


def no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stderr and "RecursionError" not in proc.stderr, proc.stderr


def leftovers(folder: Path) -> list[Path]:
    """Temporary files an atomic write would leave behind if it were interrupted or buggy."""
    return [p for p in folder.rglob("*") if p.name.startswith(".") or p.name.endswith(".tmp")]


def png_bytes(n: int = 4000) -> bytes:
    r = random.Random(1)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(r.randrange(256) for _ in range(n))


def jsonl_lines(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").split("\n")[:-1]]  # not splitlines: U+2028


# --- every input accounted for --------------------------------------------------------------------

@NOT_WINDOWS
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_of_good_and_bad_files_names_each_failure_and_counts_all(tmp_path, jobs):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a_good.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "b_empty.txt").write_bytes(b"")
    (src / "c_blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (src / "d_image.txt").write_bytes(png_bytes())
    (src / "e_archive.txt").write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    (src / "f_dangling.txt").symlink_to(src / "nowhere.txt")
    os.mkfifo(src / "g_pipe.txt")  # reading it would block the batch forever
    (src / "sub" / "h_good.txt").write_text(f"{EN}\n", encoding="utf-8")
    (src / "i_dir.txt").mkdir()  # a folder named like a file is a folder (empty here), not an error
    (src / "j_loop.txt").symlink_to(src / "j_loop.txt")  # a link to itself fails alone
    out = tmp_path / "out"
    proc = run("-j", jobs, "-o", out, src, timeout=60)
    no_traceback(proc)
    assert proc.returncode == 1
    failures = {"b_empty.txt": "empty document", "c_blank.txt": "empty document",
                "d_image.txt": "not text", "e_archive.txt": "not text",
                "f_dangling.txt": "cannot read: broken symbolic link", "g_pipe.txt": "not a regular file",
                "j_loop.txt": "cannot read: broken symbolic link"}
    for name, error in failures.items():
        assert f"clean-articles: {src / name}: {error}" in proc.stderr, proc.stderr
    assert summary(proc) == (2, len(failures))
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt")) == ["a_good.txt", "sub/h_good.txt"]
    assert (out / "a_good.txt").read_text(encoding="utf-8") == ARTICLE_BODY
    assert leftovers(out) == []


def test_exit_code_0_when_every_document_is_cleaned(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{EN2}\n", encoding="utf-8")
    proc = run("-j", "1", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert summary(proc) == (2, 0)


def test_exit_code_1_for_a_missing_input_and_the_others_are_still_cleaned(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    proc = run("-j", "1", tmp_path / "missing.txt", good)
    assert proc.returncode == 1
    assert f"{tmp_path / 'missing.txt'}: no such file or folder" in proc.stderr
    assert EN in proc.stdout.decode("utf-8")
    assert summary(proc) == (1, 1)


@pytest.mark.parametrize("args", [
    ["--no-such-option"],
    ["--max-bytes", "0"],
    ["--max-bytes", "lots"],
    ["--timeout", "-1"],
    ["--timeout", "nan"],
    ["--jobs", "0"],
    ["--lang", "english"],
    ["--format", "xml"],
    ["--phrases", "/nonexistent/phrases.toml"],
], ids=lambda a: " ".join(a))
def test_exit_code_2_on_a_usage_error(tmp_path, args):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    proc = run(*args, good)
    assert proc.returncode == 2, proc.stderr
    assert "usage: clean-articles" in proc.stderr and "error:" in proc.stderr
    assert proc.stdout == b""
    no_traceback(proc)


# --- JSONL: bad records become error records, in place ------------------------------------------

def _records() -> list[str]:
    """Lines of a JSONL input: good records around every kind of broken one."""
    return [
        json.dumps({"id": "good-1", "text": ARTICLE, "source": "wire"}),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "no-text", "body": EN, "source": "site"}),
        json.dumps({"id": "not-a-string", "text": ["a", "list"]}),
        json.dumps({"id": "null-text", "text": None}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "blank", "text": "  \n "}),
        '{"id": "surrogate", "text": "\\ud800 ' + EN + '"}',  # a lone surrogate, as JSON allows
        json.dumps({"text": EN2}),  # no id: named after its line
        json.dumps({"id": "good-2", "text": EN2, "n": 2}),
    ]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_bad_records_become_error_records_in_place(tmp_path, jobs):
    src = tmp_path / "crawl.jsonl"
    src.write_text("\n".join(_records()) + "\n\n", encoding="utf-8")  # a trailing blank line is skipped
    proc = run("-j", jobs, src)
    no_traceback(proc)
    assert proc.returncode == 1
    out = jsonl_lines(proc.stdout)
    assert [r["id"] for r in out] == ["good-1", f"{src}:2", "no-text", "not-a-string", "null-text",
                                      f"{src}:6", "blank", "surrogate", f"{src}:9", "good-2"]
    errors = {r["id"]: r["error"] for r in out if "error" in r}
    assert errors == {
        f"{src}:2": errors[f"{src}:2"],
        "no-text": "line 3: no 'text' or 'html' field",
        "not-a-string": "line 4: field 'text' is list, not a string",
        "null-text": "empty document: no text to clean",  # there, but null: no text
        f"{src}:6": "line 6: expected a JSON object, got list",
        "blank": "empty document: no text to clean",
    }
    assert errors[f"{src}:2"].startswith("line 2: invalid JSON")
    by_id = {r["id"]: r for r in out}
    assert by_id["good-1"]["text"] == ARTICLE_BODY.strip() and by_id["good-1"]["source"] == "wire"
    assert by_id["no-text"]["source"] == "site" and by_id["no-text"]["body"] == EN  # passed through
    assert by_id["good-2"]["n"] == 2
    assert by_id["surrogate"]["text"] == f"\ufffd {EN}"  # replaced, not dropped, not a crash
    for rec in out:
        assert ("error" in rec) != ("language" in rec)
    for line in (f"clean-articles: {i}: {e}" for i, e in errors.items()):
        assert line in proc.stderr
    assert summary(proc) == (4, 6)


def test_jsonl_gz_input_and_a_folder_output(tmp_path):
    src = tmp_path / "crawl.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        for i in range(300):
            fh.write(json.dumps({"id": i, "text": f"{EN} Item {i}."}) + "\n")
    proc = run("-j", "2", "-o", tmp_path / "out", src)
    assert proc.returncode == 0, proc.stderr
    out = jsonl_lines((tmp_path / "out" / "crawl.jsonl").read_bytes())
    assert [r["id"] for r in out] == list(range(300))
    assert out[7]["text"] == f"{EN} Item 7."
    assert summary(proc) == (300, 0)
    assert leftovers(tmp_path / "out") == []


def test_a_truncated_gz_gives_an_error_record_after_the_records_it_could_read(tmp_path):
    data = gzip.compress("".join(json.dumps({"id": i, "text": f"{EN} Item {i}."}) + "\n"
                                 for i in range(2000)).encode("utf-8"))
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(data[: len(data) // 2])
    good = tmp_path / "next.jsonl"
    good.write_text(json.dumps({"id": "after", "text": EN2}) + "\n", encoding="utf-8")
    proc = run("-j", "1", src, good)
    no_traceback(proc)
    assert proc.returncode == 1
    out = jsonl_lines(proc.stdout)
    *records, last_of_gz, after = out
    assert records and [r["id"] for r in records] == list(range(len(records)))
    assert "error" not in records[-1]
    assert last_of_gz["id"] == f"{src}:{len(records) + 1}"
    assert last_of_gz["error"].startswith(f"cannot read past line {len(records)}")
    assert after["id"] == "after" and after["text"] == EN2  # the next input is still read
    assert summary(proc) == (len(records) + 1, 1)


def test_a_gzip_file_that_is_not_gzip_is_an_error_record(tmp_path):
    src = tmp_path / "fake.jsonl.gz"
    src.write_text(json.dumps({"id": 1, "text": EN}) + "\n", encoding="utf-8")
    proc = run("-j", "1", src)
    no_traceback(proc)
    assert proc.returncode == 1
    [rec] = jsonl_lines(proc.stdout)
    assert "error" in rec and "line" in rec["error"]


# --- encodings ------------------------------------------------------------------------------------

ENCODED = {
    "utf8": (f"{FR}\n".encode("utf-8"), FR),
    "utf8_bom": (f"\ufeff{FR}\n".encode("utf-8"), FR),
    "utf16_le_bom": (f"{DE}\r\n".encode("utf-16"), DE),  # Python writes the native order: LE here
    "utf16_le_bom_explicit": (b"\xff\xfe" + f"{DE}\n".encode("utf-16-le"), DE),
    "utf16_be_bom": (b"\xfe\xff" + f"{FR}\n".encode("utf-16-be"), FR),
    "utf32_bom": (f"{FR}\n".encode("utf-32"), FR),
    "cp1252_german": (f"{DE} Das kostet 5 €.\r\n".encode("cp1252"), f"{DE} Das kostet 5 €."),
    "latin1_french": (f"{FR}\n".encode("latin-1"), FR),
    "nul_and_controls": (f"{EN[:40]}\x00{EN[40:80]}\x07\x1b{EN[80:]}\x0c\n".encode("utf-8"), EN),
}


def test_encodings_are_decoded_and_control_characters_stripped(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name, (data, _) in ENCODED.items():
        (src / f"{name}.txt").write_bytes(data)
    proc = run("-j", "1", "-o", out, src)
    assert proc.returncode == 0, proc.stderr
    for name, (_, expected) in ENCODED.items():
        got = (out / f"{name}.txt").read_bytes().decode("utf-8")  # outputs are always UTF-8
        assert got == expected + "\n", name


def _strip_controls_reference(text: str) -> str:
    """What strip_controls must return: controls but tab, LF, CR dropped, lone surrogates U+FFFD."""
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    return re.sub("[\ud800-\udfff]", "\ufffd", text)


def test_strip_controls_drops_exactly_the_control_characters():
    """The controls are looked for in the UTF-8 bytes before any regex runs: every character
    up to U+00FF, a few wide ones and lone surrogates, alone and mixed, give what the regex
    definition gives."""
    chars = [chr(c) for c in range(256)] + ["\u2028", "\u00a0", "中", "😉", "\ud800", "\udfff", "\ufeff"]
    for ch in chars:
        text = f"a{ch}b"
        assert io.strip_controls(text) == _strip_controls_reference(text), repr(ch)
    rnd = random.Random(3)
    for _ in range(500):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randrange(0, 30)))
        assert io.strip_controls(text) == _strip_controls_reference(text), repr(text)
        if "\ud800" not in text and "\udfff" not in text:  # bytes: the decoder's own fast path
            assert io.decode(b"x" * 400 + text.encode("utf-8")) == "x" * 400 + _strip_controls_reference(text)


@NOT_WINDOWS
@pytest.mark.parametrize("size, refused", [(200_000, False), (200_001, True)])
def test_a_pipe_is_read_in_chunks_up_to_max_bytes(tmp_path, size, refused):
    """A pipe has no size to check first: it is read in chunks, and refused past --max-bytes."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    data = (b"word " * size)[:size]
    writer = threading.Thread(target=lambda: pipe.write_bytes(data), daemon=True)
    writer.start()
    task = io.read_file(pipe, None, "auto", 200_000)
    writer.join(timeout=10)
    if refused:
        assert task.error == "too large: more than 200000 bytes (see --max-bytes)"
    else:
        assert task.error is None and task.text == data.decode("ascii")


@pytest.mark.parametrize("name", ["png", "gzip", "random"])
def test_binary_input_is_rejected_as_not_text(tmp_path, name):
    data = {"png": png_bytes(), "gzip": gzip.compress(ARTICLE.encode("utf-8") * 20),
            "random": random.Random(7).randbytes(50_000)}[name]
    bad = tmp_path / f"{name}.txt"
    bad.write_bytes(data)
    proc = run("-j", "1", bad)
    assert proc.returncode == 1
    assert re.search(rf"clean-articles: {re.escape(str(bad))}: not text\b", proc.stderr), proc.stderr
    assert proc.stdout == b""
    proc = run("-j", "1", stdin=data)  # the same from standard input
    assert proc.returncode == 1 and "clean-articles: <stdin>: not text" in proc.stderr


def test_stdout_is_utf8_whatever_the_locale_encoding(tmp_path):
    src = tmp_path / "fr.txt"
    src.write_text(f"{FR} 5 €, 中文.\n", encoding="utf-8")
    proc = run("-j", "1", src, env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8") == f"{FR} 5 €, 中文.\n"


# --- limits ---------------------------------------------------------------------------------------

def test_max_bytes_refuses_large_files_records_and_stdin(tmp_path):
    big, small = tmp_path / "a_big.txt", tmp_path / "b_small.txt"
    big.write_text(ARTICLE * 20, encoding="utf-8")
    small.write_text(f"{EN2}\n", encoding="utf-8")
    limit = str(len(small.read_bytes()) + 10)
    proc = run("-j", "1", "--max-bytes", limit, big, small)
    assert proc.returncode == 1
    assert f"clean-articles: {big}: too large: {big.stat().st_size} bytes (limit {limit}, see --max-bytes)" \
        in proc.stderr
    assert proc.stdout.decode("utf-8").endswith(f"{EN2}\n\n")
    assert summary(proc) == (1, 1)

    proc = run("-j", "1", "--max-bytes", limit, stdin=big.read_bytes())
    assert proc.returncode == 1 and "<stdin>: too large" in proc.stderr

    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps({"id": "big", "text": ARTICLE * 8000}) + "\n"  # 3 MB on one line
                       + json.dumps({"id": "small", "text": "ok " + EN2}) + "\n", encoding="utf-8")
    proc = run("-j", "1", "--max-bytes", "1000", records)
    big_rec, small_rec = jsonl_lines(proc.stdout)
    # a record over the limit is not parsed (that could take the memory the limit protects)
    assert big_rec == {"id": f"{records}:1",
                       "error": "line 1: record too large: more than 1000 bytes (see --max-bytes)"}
    assert small_rec["id"] == "small" and "error" not in small_rec


def test_the_default_limit_is_20_mb():
    assert Config().max_bytes == 20 * 1024 * 1024
    assert cli.build_parser().parse_args([]).max_bytes == 20 * 1024 * 1024


def _big_article(n_paragraphs: int) -> str:
    r = random.Random(3)
    words = (EN + " " + EN2).lower().replace(",", "").replace(".", "").split()
    return "\n\n".join(" ".join(r.choice(words) for _ in range(40)).capitalize() + "."
                       for _ in range(n_paragraphs)) + "\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_timeout_gives_up_on_a_slow_document_and_the_batch_goes_on(tmp_path, jobs):
    slow, fast = tmp_path / "a_slow.txt", tmp_path / "b_fast.txt"
    slow.write_text(_big_article(8000), encoding="utf-8")  # ~2 MB: well over 10 ms to clean
    fast.write_text(f"{EN}\n", encoding="utf-8")
    proc = run("-j", jobs, "--timeout", "0.01", slow, fast)
    no_traceback(proc)
    assert proc.returncode == 1
    assert f"clean-articles: {slow}: timed out after 0.01 s (see --timeout)" in proc.stderr
    # the fast one may also time out on a very slow machine; it must still be accounted for
    cleaned, failed = summary(proc)
    assert cleaned + failed == 2 and failed >= 1


def test_a_library_that_swallows_exceptions_cannot_swallow_the_time_limit(monkeypatch):
    """The limit must hold even inside code that catches `Exception` and carries on."""
    def stubborn(task, config):
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                time.sleep(0.005)
            except Exception:  # noqa: BLE001 - what some third-party parsers do
                pass
        raise AssertionError("the time limit did not interrupt the document")

    monkeypatch.setattr(batch, "clean_document", stubborn)
    job = batch.Job(config=Config(timeout=0.2))
    start = time.monotonic()
    outcome = batch.process(Task(id="doc", text=EN), job)
    assert time.monotonic() - start < 2
    assert outcome.error == "timed out after 0.2 s (see --timeout)"


@pytest.mark.parametrize("value", ["0", "inf", "1e12"])
def test_a_zero_or_huge_timeout_means_no_limit(tmp_path, value):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    proc = run("-j", "1", "--timeout", value, src)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8") == ARTICLE_BODY


def _nested_html(depth: int) -> str:
    return ("<!doctype html><html><body>" + "<div>" * depth + f"<p>{EN}</p>" + "</div>" * depth
            + "</body></html>")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_deeply_nested_html_finishes_in_bounded_time_and_the_batch_goes_on(tmp_path, jobs):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a_nested.html").write_text(_nested_html(100_000), encoding="utf-8")
    (src / "b_unclosed.html").write_text("<html><body>" + "<div><span><b>" * 30_000 + f"<p>{EN}",
                                         encoding="utf-8")
    (src / "c_good.txt").write_text(ARTICLE, encoding="utf-8")
    start = time.monotonic()
    proc = run("-j", jobs, "--timeout", "20", "--format", "jsonl", src, timeout=90)
    assert time.monotonic() - start < 90
    no_traceback(proc)
    out = jsonl_lines(proc.stdout)
    assert [r["id"] for r in out] == [str(src / n) for n in ("a_nested.html", "b_unclosed.html", "c_good.txt")]
    for rec in out[:2]:  # each nested document: a cleaned result or its own error
        assert ("error" in rec) != ("text" in rec), rec
        if "error" in rec:
            assert f"clean-articles: {rec['id']}: " in proc.stderr
    assert out[2]["text"] == ARTICLE_BODY.strip()
    failed = sum("error" in r for r in out)
    assert summary(proc) == (3 - failed, failed)
    assert proc.returncode == (1 if failed else 0)


# --- output safety --------------------------------------------------------------------------------

def test_outputs_are_written_whole_and_leave_no_temporary_files(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "deeper").mkdir(parents=True)
    for i in range(5):
        (src / f"doc{i}.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "deeper" / "doc.txt").write_text(f"{EN2}\n", encoding="utf-8")
    (src / "records.jsonl").write_text(json.dumps({"id": 1, "text": EN}) + "\n", encoding="utf-8")
    out.mkdir()
    stale = "stale content that is much longer than the new output, " * 200
    (out / "doc0.txt").write_text(stale, encoding="utf-8")
    proc = run("-j", "2", "-o", out, src)
    assert proc.returncode == 0, proc.stderr
    assert leftovers(out) == []
    # each output in the format of its own input: text for texts, JSONL for the JSONL file
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == \
        ["deeper/doc.txt", *[f"doc{i}.txt" for i in range(5)], "records.jsonl"]
    assert (out / "doc0.txt").read_text(encoding="utf-8") == ARTICLE_BODY
    assert json.loads((out / "records.jsonl").read_text(encoding="utf-8"))["text"] == EN


def test_a_single_output_file_is_replaced_whole(tmp_path):
    src, target = tmp_path / "a.txt", tmp_path / "result.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    target.write_text("old output\n" * 1000, encoding="utf-8")
    proc = run("-j", "1", "-o", target, src)
    assert proc.returncode == 0, proc.stderr
    assert target.read_text(encoding="utf-8") == ARTICLE_BODY
    assert leftovers(tmp_path) == []


@NOT_WINDOWS
def test_output_files_get_the_usual_permissions_not_those_of_a_temporary_file(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for umask, mode in (("022", 0o644), ("077", 0o600)):
        proc = subprocess.run(["sh", "-c", f'umask {umask} && exec "$0" -m cleaner -j 1 -o "$1" "$2"',
                               sys.executable, out, src], cwd=ROOT, capture_output=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert stat.S_IMODE((out / "a.txt").stat().st_mode) == mode, umask


def test_a_folder_output_replaces_stale_partial_files_and_leaves_no_temporary_file(tmp_path):
    """Each output is written under a temporary name and renamed into place; the `.partial` file
    an interrupted run left for an output goes once that output is complete, other files stay."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    for name in ("a", "b"):
        (src / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    (out / "a.txt.partial").write_text("old", encoding="utf-8")
    (out / "notes.partial").write_text("not ours", encoding="utf-8")
    (out / "b.txt").write_text("old output", encoding="utf-8")
    assert cli.main(["-j", "1", "-o", str(out), str(src)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt", "notes.partial"]
    assert (out / "b.txt").read_text(encoding="utf-8") == (out / "a.txt").read_text(encoding="utf-8")
    assert "old output" not in (out / "b.txt").read_text(encoding="utf-8")


def test_refuses_to_write_over_its_input(tmp_path):
    same = tmp_path / "same.txt"
    same.write_text(ARTICLE, encoding="utf-8")
    before = same.read_bytes()
    proc = run("-j", "1", "-o", same, same)
    assert proc.returncode == 1
    assert f"refusing to write over the input file {same}" in proc.stderr
    assert same.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_refuses_to_write_a_folder_over_itself(tmp_path):
    """`-o DIR DIR`: every output would replace its own input."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    proc = run("-j", "1", "-o", tmp_path, tmp_path)
    assert proc.returncode == 1
    assert summary(proc) == (0, 2)
    for name in ("a.txt", "b.txt"):
        assert (tmp_path / name).read_text(encoding="utf-8") == ARTICLE
    assert leftovers(tmp_path) == []


@NOT_WINDOWS
def test_refuses_to_write_over_its_input_through_a_link(tmp_path):
    """The output folder is a link to the input folder, or an output's name is a link to an
    input: the real paths are compared, whatever the way there."""
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "linked").symlink_to(src, target_is_directory=True)
    proc = run("-j", "1", "-o", tmp_path / "linked", src)
    assert proc.returncode == 1 and summary(proc) == (0, 2)
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.txt").symlink_to(src / "b.txt")
    proc = run("-j", "1", "-o", out, src)
    assert proc.returncode == 1 and summary(proc) == (1, 1)
    assert f"refusing to write over the input file {out / 'b.txt'}" in proc.stderr
    assert (src / "b.txt").read_text(encoding="utf-8") == ARTICLE
    assert (out / "a.txt").read_text(encoding="utf-8") == ARTICLE_BODY


def test_refuses_to_write_a_jsonl_output_over_its_input(tmp_path):
    src = tmp_path / "crawl.jsonl"
    content = json.dumps({"id": 1, "text": ARTICLE}) + "\n" + json.dumps({"id": 2, "text": EN}) + "\n"
    src.write_text(content, encoding="utf-8")
    proc = run("-j", "1", "-o", tmp_path, src)
    assert proc.returncode == 1
    assert "refusing to write over the input file" in proc.stderr
    assert src.read_text(encoding="utf-8") == content


def test_the_output_folder_is_created_with_its_parents(tmp_path):
    src = tmp_path / "in"
    (src / "x").mkdir(parents=True)
    (src / "x" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "not" / "yet" / "there"
    proc = run("-j", "1", "-o", out, src)
    assert proc.returncode == 0, proc.stderr
    assert (out / "x" / "a.txt").read_text(encoding="utf-8") == ARTICLE_BODY


def test_an_unwritable_output_is_an_error_not_a_crash(tmp_path):
    src, other = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    other.write_text(ARTICLE, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    proc = run("-j", "1", "-o", blocker / "out" / "a.txt", src, other)  # two inputs: -o is a folder
    no_traceback(proc)
    assert proc.returncode == 1
    assert "cannot write" in proc.stderr


@NOT_WINDOWS
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_an_error_for_that_file(tmp_path):
    locked, good = tmp_path / "a_locked.txt", tmp_path / "b_good.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    good.write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        proc = run("-j", "1", tmp_path)
    finally:
        locked.chmod(0o644)
    assert proc.returncode == 1
    assert f"clean-articles: {locked}: cannot read: Permission denied" in proc.stderr
    assert summary(proc) == (1, 1)


@NOT_WINDOWS
def test_a_named_pipe_given_by_name_is_read_like_process_substitution(tmp_path):
    """A pipe inside a folder is refused (it could block the walk); one named explicitly, like
    `clean-articles <(zcat a.gz)`, is read."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_text(ARTICLE, encoding="utf-8"), daemon=True)
    writer.start()
    proc = run("-j", "1", pipe, timeout=60)
    writer.join(timeout=10)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8") == ARTICLE_BODY


def test_an_interrupted_run_keeps_a_partial_file_and_the_old_output(tmp_path, monkeypatch, capsys):
    src, out = tmp_path / "crawl.jsonl", tmp_path / "out"
    src.write_text("".join(json.dumps({"id": i, "text": f"{EN} {i}."}) + "\n" for i in range(10)),
                   encoding="utf-8")
    out.mkdir()
    (out / "crawl.jsonl").write_text("previous run\n", encoding="utf-8")
    real_run = batch.run

    def interrupted(tasks, job, jobs=1):
        for n, outcome in enumerate(real_run(tasks, job, jobs=1)):
            if n == 3:
                raise KeyboardInterrupt
            yield outcome

    monkeypatch.setattr(batch, "run", interrupted)
    monkeypatch.setattr(cli, "_setup_logging", lambda verbosity: None)  # leave pytest's logging alone
    assert cli.main(["-o", str(out), str(src)]) == 130
    err = capsys.readouterr().err
    assert "interrupted" in err and f"the first 3 documents written are kept in {out / 'crawl.jsonl.partial'}" in err
    assert leftovers(out) == []
    assert (out / "crawl.jsonl").read_text(encoding="utf-8") == "previous run\n"
    assert [r["id"] for r in jsonl_lines((out / "crawl.jsonl.partial").read_bytes())] == [0, 1, 2]


@NOT_WINDOWS
def test_a_worker_that_dies_does_not_hang_the_batch_and_only_its_document_fails():
    """A worker killed mid-document (the OOM killer, a crash in C code) used to leave the pool
    waiting forever. Run in a subprocess, so that a regression fails on the timeout."""
    script = textwrap.dedent(f"""
        import os, signal
        from cleaner import batch
        from cleaner.io import Task
        real = batch.clean_document
        def deadly(task, config):
            if task.id == "killer":
                os.kill(os.getpid(), signal.SIGKILL)
            return real(task, config)
        batch.clean_document = deadly  # inherited by the forked workers
        tasks = [Task(id=str(i), text={EN!r}) for i in range(9)]
        tasks.insert(4, Task(id="killer", text={EN2!r}))
        for o in batch.run(tasks, batch.Job(), jobs=2, chunk_size=2):
            print(o.id, o.error or "ok")
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    expected = [f"{i} ok" for i in range(4)] + [f"killer {batch.WORKER_DIED}"] + [f"{i} ok" for i in range(4, 9)]
    assert proc.stdout.splitlines() == expected


@NOT_WINDOWS
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_reader_that_goes_away_stops_the_run_quietly(tmp_path, jobs):
    """`clean-articles crawl.jsonl | head -1`: stop, rather than clean everything and report
    every later document as failed to write."""
    src = tmp_path / "crawl.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"{EN} {i}."}) + "\n" for i in range(3000)),
                   encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "-j", jobs, str(src)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert json.loads(first)["id"] == 0
    assert proc.returncode == 141  # as a shell reports cat or grep stopped by SIGPIPE
    assert b"Broken pipe" not in err and b"Traceback" not in err, err.decode("utf-8", "replace")[-2000:]
