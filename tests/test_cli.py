"""The command line, through real subprocesses: `python -m cleaner` and the `clean-articles` script.

Expected bodies come from the gold fixtures, never from the library under test.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import GOLD, ROOT, SEEDS, norm

SEED_FILES = sorted(SEEDS.glob("*.txt"))
SEED_003 = SEEDS / "003_d8a8b9ca722da1fe.txt"
SEED_004 = SEEDS / "004_f40168916c720f6a.txt"
SCRIPT = Path(sys.executable).parent / ("clean-articles.exe" if os.name == "nt" else "clean-articles")
COMMANDS = {"module": [sys.executable, "-m", "cleaner"], "script": [str(SCRIPT)]}

STDIN_ARTICLE = """\
Share this article

The town's last independent bookshop will stay open after a group of regular customers raised enough money to buy the building from its retiring owner.

Read more: High street vacancy rate falls for the first time in five years

The new owners plan to add a small café and host readings for local schools from the autumn.
"""
STDIN_BODY = (
    "The town's last independent bookshop will stay open after a group of regular customers raised "
    "enough money to buy the building from its retiring owner.\n\n"
    "The new owners plan to add a small café and host readings for local schools from the autumn.\n"
)


def gold(seed: Path) -> dict:
    return json.loads((GOLD / f"{seed.stem}.json").read_text(encoding="utf-8"))


def paragraphs(text: str) -> list[str]:
    return [norm(p) for p in text.split("\n\n") if p.strip()]


def run(*args: str, how: str = "module", stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run the CLI; cwd is the project root so `-m cleaner` is the code under test."""
    if how == "script" and not SCRIPT.exists():
        pytest.fail(f"the clean-articles entry point is not installed next to {sys.executable}")
    return subprocess.run([*COMMANDS[how], *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=60,
                          input=stdin if stdin is not None else "")



def gold_body(seed) -> list[str]:
    """The seed's gold body paragraphs, whitespace-normalised, as `paragraphs()` returns them."""
    return [norm(p) for p in gold(seed)["body"]]

@pytest.mark.parametrize("how", COMMANDS)
def test_output_dir_gets_one_txt_per_seed(tmp_path, how):
    out = tmp_path / "out"
    proc = run("-o", out, SEEDS, how=how)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == [f"{s.stem}.txt" for s in SEED_FILES]
    for seed in SEED_FILES:
        written = (out / f"{seed.stem}.txt").read_text(encoding="utf-8")
        assert paragraphs(written) == gold_body(seed), seed.name
    assert "5 cleaned, 0 failed" in proc.stderr


@pytest.mark.parametrize("how", COMMANDS)
def test_output_file_with_one_input(tmp_path, how):
    target = tmp_path / "body.txt"
    proc = run("-o", target, SEED_004, how=how)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert target.is_file()
    assert paragraphs(target.read_text(encoding="utf-8")) == gold_body(SEED_004)


@pytest.mark.parametrize("how", COMMANDS)
def test_stdin_with_dash(how):
    proc = run("--lang", "en", "-", how=how, stdin=STDIN_ARTICLE)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == STDIN_BODY


def test_stdin_to_output_file(tmp_path):
    target = tmp_path / "from-stdin.txt"
    proc = run("--lang", "en", "-o", target, "-", stdin=STDIN_ARTICLE)
    assert proc.returncode == 0, proc.stderr
    assert target.read_text(encoding="utf-8") == STDIN_BODY


def test_jsonl_gives_one_object_per_line():
    proc = run("--format", "jsonl", SEEDS)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == len(SEED_FILES)
    for line, seed in zip(lines, SEED_FILES):  # same order as the sorted folder
        rec = json.loads(line)
        assert {"text", "title", "language", "removed"} <= rec.keys()
        assert rec["id"].endswith(seed.name)
        g = gold(seed)
        assert paragraphs(rec["text"]) == [norm(p) for p in g["body"]]
        assert rec["title"] == g["title"]
        assert rec["language"] == g["language"]
        removed = {r["line"]: r for r in rec["removed"]}
        for entry in g["removed"]:
            assert removed[entry["line"]]["category"] == entry["kind"]
            assert {"text", "category", "rule", "reason", "line"} <= removed[entry["line"]].keys()


def test_json_one_object_for_one_file():
    proc = run("--format", "json", SEED_003)
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert isinstance(rec, dict)
    assert rec["title"] == gold(SEED_003)["title"]
    assert paragraphs(rec["text"]) == gold_body(SEED_003)


def test_json_array_for_a_folder():
    proc = run("--format", "json", SEEDS)
    assert proc.returncode == 0, proc.stderr
    recs = json.loads(proc.stdout)
    assert isinstance(recs, list) and len(recs) == len(SEED_FILES)
    assert [paragraphs(r["text"]) for r in recs] == [gold_body(s) for s in SEED_FILES]


def test_explain_shows_rules_and_reasons():
    proc = run("--explain", SEEDS / "001_4cb4b16060de0800.txt")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "caption.credit_parenthesis" in out
    assert "why:" in out
    assert "2025-09-05" in out
    # one "drop" row per gold removal, one "keep" row per gold body paragraph
    rows = [ln.split() for ln in out.splitlines() if ln[:5].strip().isdigit()]
    g = gold(SEEDS / "001_4cb4b16060de0800.txt")
    assert sorted(int(r[0]) for r in rows if r[1] == "drop") == sorted(e["line"] for e in g["removed"])
    assert sum(1 for r in rows if r[1] == "keep") == len(g["body"])


def test_explain_in_json_lists_every_block():
    proc = run("--format", "json", "--explain", SEED_003)
    rec = json.loads(proc.stdout)
    blocks = rec["blocks"]
    assert sum(1 for b in blocks if b["kept"]) == len(gold(SEED_003)["body"])
    assert all(b["rule"] and b["reason"] for b in blocks if not b["kept"])


def test_keep_leaves_a_category_in_the_body():
    proc = run("--keep", "share", SEED_003)
    assert proc.returncode == 0, proc.stderr
    assert paragraphs(proc.stdout).count("Partager cet article") == 2
    assert "Commentaires" not in paragraphs(proc.stdout)


@pytest.mark.parametrize("how", COMMANDS)
def test_version(how):
    import importlib.metadata

    import cleaner

    proc = run("--version", how=how)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"clean-articles {cleaner.__version__}"
    assert importlib.metadata.version("clean-articles") == cleaner.__version__


def test_list_rules_names_every_rule_and_heuristic():
    from cleaner.context import HEURISTICS
    from cleaner.pipeline import rules

    proc = run("--list-rules")
    assert proc.returncode == 0
    listed = {ln.split()[0] for ln in proc.stdout.splitlines() if ln.startswith("  ")}
    assert {r.name for r in rules()} | {h.__name__ for h in HEURISTICS} <= listed
    assert "caption.credit_parenthesis" in listed and "trailing_block" in listed


def test_list_languages():
    proc = run("--list-languages")
    assert proc.returncode == 0
    assert {"en", "fr"} <= set(proc.stdout.split())


@pytest.mark.parametrize("args", [
    ["--lang", "xyz", str(SEED_004)],
    ["--no-such-option", str(SEED_004)],
    ["--format", "xml", str(SEED_004)],
    ["--keep", "weather", str(SEED_004)],
], ids=["bad-lang", "unknown-option", "bad-format", "bad-category"])
@pytest.mark.parametrize("how", COMMANDS)
def test_usage_error_exits_2(args, how):
    proc = run(*args, how=how)
    assert proc.returncode == 2
    assert "usage:" in proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize("how", COMMANDS)
def test_missing_input_fails_alone(tmp_path, how):
    out = tmp_path / "out"
    missing = tmp_path / "no-such-article.txt"
    first, last = SEED_FILES[0], SEED_FILES[-1]
    proc = run("-o", out, first, missing, last, how=how)
    assert proc.returncode == 1
    assert str(missing) in proc.stderr
    assert "2 cleaned, 1 failed" in proc.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"{first.stem}.txt", f"{last.stem}.txt"]
    for seed in (first, last):
        written = (out / f"{seed.stem}.txt").read_text(encoding="utf-8")
        assert paragraphs(written) == gold_body(seed)


def test_missing_input_on_stdout_still_prints_the_others(tmp_path):
    missing = tmp_path / "absent.txt"
    proc = run(SEED_004, missing)
    assert proc.returncode == 1
    assert str(missing) in proc.stderr
    assert "1 cleaned, 1 failed" in proc.stderr
    assert norm(gold(SEED_004)["body"][0]) in norm(proc.stdout)


def test_missing_input_in_jsonl_becomes_an_error_record(tmp_path):
    missing = tmp_path / "absent.txt"
    proc = run("--format", "jsonl", SEED_004, missing)
    assert proc.returncode == 1
    recs = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert len(recs) == 2
    assert "error" not in recs[0] and recs[0]["title"] == gold(SEED_004)["title"]
    assert recs[1]["id"] == str(missing) and recs[1]["error"]


def test_jsonl_file_to_a_jsonl_file(tmp_path):
    """One JSONL input and `-o out.jsonl` write that one file, a record per input record."""
    src = tmp_path / "in.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    src.write_text("".join(json.dumps({"id": f"s{i}", "text": t, "src": "seed"}) + "\n"
                           for i, t in enumerate(texts)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run("-o", out, src)
    assert proc.returncode == 0, proc.stderr
    assert out.is_file()
    recs = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == [f"s{i}" for i in range(len(texts))]
    assert all(r["src"] == "seed" and r["text"] for r in recs)


# --- output formats and targets (issue 10, points 5 and 9) ----------------------------------------

ARTICLE_EN = STDIN_ARTICLE


def mixed_folder(tmp_path: Path) -> Path:
    src = tmp_path / "mixed"
    src.mkdir()
    (src / "c.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (src / "d.jsonl").write_text(json.dumps({"id": "d1", "text": ARTICLE_EN}) + "\n"
                                 + json.dumps({"id": "d2", "text": ARTICLE_EN}) + "\n", encoding="utf-8")
    return src


def test_each_output_follows_the_format_of_its_own_input(tmp_path):
    out = tmp_path / "MIX"
    proc = run("-j", "1", "--lang", "en", "-o", out, mixed_folder(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["c.txt", "d.jsonl"]
    assert (out / "c.txt").read_text(encoding="utf-8") == STDIN_BODY
    assert [json.loads(ln)["id"] for ln in (out / "d.jsonl").read_text(encoding="utf-8").splitlines()] == ["d1", "d2"]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_format_text_or_json_applies_to_jsonl_inputs_too(tmp_path, fmt):
    out = tmp_path / "MIX"
    proc = run("-j", "1", "--lang", "en", "--format", fmt, "-o", out, mixed_folder(tmp_path))
    assert proc.returncode == 0, proc.stderr
    suffix = {"text": ".txt", "json": ".json"}[fmt]
    assert sorted(p.name for p in out.iterdir()) == [f"c{suffix}", f"d{suffix}"]
    written = (out / f"d{suffix}").read_text(encoding="utf-8")
    if fmt == "text":  # the records' bodies, each under its id, as on standard output
        assert written == f"==> d1 <==\n{STDIN_BODY}\n==> d2 <==\n{STDIN_BODY}\n"
    else:
        assert [r["id"] for r in json.loads(written)] == ["d1", "d2"]


def test_output_dash_is_standard_output(tmp_path):
    proc = subprocess.run([*COMMANDS["module"], "--lang", "en", "-o", "-", "-"], cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8", input=STDIN_ARTICLE,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == STDIN_BODY
    assert list(tmp_path.iterdir()) == []  # no file named '-'


@pytest.mark.parametrize("suffix,fmt", [(".json", "json"), (".jsonl", "jsonl"), (".txt", "text")])
def test_a_single_output_file_gets_the_format_its_suffix_names(tmp_path, suffix, fmt):
    target = tmp_path / f"res{suffix}"
    proc = run("--lang", "fr", "-o", target, SEED_004)
    assert proc.returncode == 0, proc.stderr
    written = target.read_text(encoding="utf-8")
    if fmt == "text":
        assert paragraphs(written) == gold_body(SEED_004)
    else:
        rec = json.loads(written) if fmt == "json" else json.loads(written.splitlines()[0])
        assert paragraphs(rec["text"]) == gold_body(SEED_004)
        assert fmt == "json" or len(written.splitlines()) == 1


def test_a_jsonl_input_to_a_text_file(tmp_path):
    src = tmp_path / "crawl.jsonl"
    src.write_text(json.dumps({"id": "a", "text": ARTICLE_EN}) + "\n", encoding="utf-8")
    target = tmp_path / "bodies.txt"
    proc = run("--lang", "en", "-o", target, src)
    assert proc.returncode == 0, proc.stderr
    assert target.read_text(encoding="utf-8") == f"==> a <==\n{STDIN_BODY}\n"


def test_an_empty_folder_says_no_input_files_found_and_exits_1(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "image.png").write_bytes(b"\x89PNG")  # skipped: not a document suffix
    proc = run("--lang", "en", "-o", tmp_path / "OUT", empty)
    assert proc.returncode == 1
    assert f"clean-articles: {empty}: no input files found" in proc.stderr
    assert not (tmp_path / "OUT").exists()


def test_an_empty_folder_beside_other_inputs_is_counted_as_failed(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = run("--lang", "en", SEED_004, empty)
    assert proc.returncode == 1
    assert f"{empty}: no input files found" in proc.stderr
    assert "1 cleaned, 1 failed" in proc.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_wrong_text_field_stops_with_one_message(tmp_path, jobs):
    src = tmp_path / "crawl.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": STDIN_ARTICLE, "url": "u"}) + "\n"
                           for i in range(40)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run("-j", jobs, "--lang", "en", "--text-field", "body", "-o", out, src)
    assert proc.returncode == 2
    assert proc.stderr.count("clean-articles: error:") == 1, proc.stderr
    assert (f"{src}: none of the first 10 records has a 'body' or 'html' field "
            "(the first one has 'id', 'text', 'url')") in proc.stderr
    assert "--text-field" in proc.stderr
    assert not out.exists() and list(tmp_path.glob("out.jsonl*")) == []


def test_records_without_the_field_after_good_ones_fail_one_by_one(tmp_path):
    src = tmp_path / "crawl.jsonl"
    src.write_text(json.dumps({"id": "good", "text": STDIN_ARTICLE}) + "\n"
                   + "".join(json.dumps({"id": i, "body": "x"}) + "\n" for i in range(12)), encoding="utf-8")
    proc = run("-j", "1", "--lang", "en", src)
    assert proc.returncode == 1
    assert "1 cleaned, 12 failed" in proc.stderr


def test_verbose_logs_each_skipped_file_once(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(STDIN_ARTICLE, encoding="utf-8")
    (src / "logo.png").write_bytes(b"\x89PNG")
    (src / "b.jsonl").write_text(json.dumps({"id": 1, "text": STDIN_ARTICLE}) + "\n", encoding="utf-8")
    proc = run("-v", "--lang", "en", "-o", tmp_path / "OUT", src)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.count("logo.png") == 1, proc.stderr


# --- the libraries' log lines (issue 10, point 6) ---------------------------------------------------

#: A fragment trafilatura's loader refuses before it is read inside a <body>: it logs an ERROR.
FRAGMENT = "<p>" + "The harbour reopened on Monday after three weeks of repairs to the sea wall. " * 3 + "</p>"


def test_library_messages_are_silent_by_default(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(FRAGMENT, encoding="utf-8")
    quiet = run("-j", "1", "--lang", "en", page, page.with_name("missing.html"))
    assert quiet.returncode == 1
    assert quiet.stderr.splitlines() == [f"clean-articles: {page.with_name('missing.html')}: no such file or folder",
                                         "clean-articles: 1 cleaned, 1 failed"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_library_messages_are_named_at_vv_and_their_debug_lines_at_vvv(tmp_path, jobs):
    pages = [tmp_path / "a.html", tmp_path / "b.html"]
    for page in pages:
        page.write_text(FRAGMENT, encoding="utf-8")
    loud = run("-j", jobs, "--lang", "en", "-vv" if jobs == "2" else "-vvv", *pages).stderr.splitlines()
    for page in pages:  # each library line names the library and the document, in the workers too
        assert f"clean-articles: trafilatura: {page}: ERROR: parsed tree length: 0, wrong data type " \
               "or not valid HTML" in loud
    library_debug = [ln for ln in loud if ": trafilatura: " in ln and ": DEBUG: " in ln]
    assert bool(library_debug) == (jobs == "1")  # -vvv only
    assert not any(ln.startswith("clean-articles: ERROR") for ln in loud)


def test_gzip_compressed_text_and_html_are_read_transparently(tmp_path):
    import gzip

    src = tmp_path / "in"
    src.mkdir()
    body = "The council met on Monday and voted for the plan, which will cost the town two million euros."
    (src / "a.txt.gz").write_bytes(gzip.compress(f"Share this\n\n{body}\n".encode()))
    (src / "b.html.gz").write_bytes(gzip.compress(
        f"<html><body><article><h1>Council votes</h1><p>{body}</p><p>{body}</p></article></body></html>".encode()))
    (src / "c.txt.gz").write_bytes(b"not gzip at all")
    (src / "d.txt.gz").write_bytes(gzip.compress(b"x" * 5000))  # more than --max-bytes once decompressed
    out = tmp_path / "out"
    proc = run(str(src), "-o", str(out), "--max-bytes", "4000", "--lang", "en")
    assert proc.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]
    assert (out / "a.txt").read_text(encoding="utf-8") == body + "\n"
    assert body in (out / "b.txt").read_text(encoding="utf-8")
    assert "c.txt.gz: not a valid gzip file" in proc.stderr
    assert "d.txt.gz: too large" in proc.stderr
