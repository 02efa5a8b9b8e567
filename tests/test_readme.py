"""The README cannot drift from the code: its option list is the real --help, its phrase-file
example loads, its two opening commands are where CI looks for them, its output examples are real
output, and its commands and Python snippets run as written (the engines' recipes run in
tests/test_readme_recipes.py, with their extras)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from helpers import ROOT
from readme_snippets import README
from readme_snippets import block_after as _block_after


def test_options_block_is_the_real_help():
    env = {**os.environ, "COLUMNS": "100"}
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--help"], capture_output=True, text=True,
                          env=env, cwd=ROOT, check=True)
    assert _block_after("<!-- help:start -->") == proc.stdout


def test_opening_commands_install_and_test():
    install = _block_after("<!-- install -->").strip()
    test = _block_after("<!-- test -->").strip()
    assert "pip install" in install and "clean-articles seeds/" in install
    assert "pytest" in test
    assert README.index("<!-- install -->") < README.index("## Usage")


def test_phrase_file_example_loads_and_applies(tmp_path):
    example = re.search(r"```toml\n(.*?)```", README, re.S).group(1)
    phrases = tmp_path / "my.toml"
    phrases.write_text(example, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(
        "The harbour reopened on Monday after three weeks of repairs to the sea wall.\n\n"
        "Become a Friend of the Gazette\n\n"
        "Fishing boats returned to their moorings the same afternoon, the harbour master said.\n",
        encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--phrases", str(phrases), "--format", "json",
                           str(article)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "Become a Friend" not in proc.stdout.split('"removed"')[0]
    assert '"category": "subscription"' in proc.stdout


@pytest.mark.parametrize("cmd", ["$ clean-articles --explain seeds/001_4cb4b16060de0800.txt",
                                 "$ clean-articles seeds/004_f40168916c720f6a.txt"])
def test_output_examples_are_real_output(cmd):
    start = README.index(cmd)
    shown = README[start:README.index("```", start)].splitlines()[1:]
    shown = [ln for ln in shown if ln != "…"]
    proc = subprocess.run([sys.executable, "-m", "cleaner", *cmd.split()[2:]],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    assert proc.stdout.splitlines()[: len(shown)] == shown


# --- every other snippet runs as written (the engines' recipes: tests/test_readme_recipes.py) ----

def _shell(block: str, where, stdin_files: dict[str, str | bytes]) -> None:
    """Run each command of a shell block in `where`, with the venv's scripts first on PATH."""
    for name, content in stdin_files.items():
        (where / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    (where / "seeds").symlink_to(ROOT / "seeds", target_is_directory=True)
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]}
    for line in block.splitlines():
        command = line.split("  #")[0].strip()
        if not command:
            continue
        proc = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=where, env=env,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, (command, proc.stderr)


def test_usage_commands_run_as_written(tmp_path):
    article = (ROOT / "seeds" / "003_d8a8b9ca722da1fe.txt").read_text(encoding="utf-8")
    _shell(_block_after("## Usage"), tmp_path, {"article.txt": article})
    assert len(list((tmp_path / "OUT").glob("*.txt"))) == len(list((ROOT / "seeds").glob("*.txt")))


def test_jsonl_commands_run_as_written(tmp_path):
    import gzip
    import json

    records = [{"id": p.stem, "text": t, "body": t} for p in sorted((ROOT / "seeds").glob("*.txt"))
               for t in [p.read_text(encoding="utf-8")]]
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode("utf-8"))
    _shell(_block_after("- **JSONL**"), tmp_path, {"crawl.jsonl.gz": data})
    out = [json.loads(ln) for ln in (tmp_path / "cleaned.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in out] == [r["id"] for r in records] and all(r["body"] for r in out)


def test_warc_commands_run_as_written(tmp_path):
    from test_warc import WARC_SUMMARY, write_warc

    pages = write_warc(tmp_path / "crawl.warc.gz")
    _shell(_block_after("**WARC and WET**", "sh"), tmp_path, {})
    for out in (tmp_path / "OUT" / "crawl.jsonl", tmp_path / "cleaned.jsonl"):
        recs = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
        assert [(r["id"], r["url"]) for r in recs] == pages
    assert f"clean-articles: crawl.warc.gz: {WARC_SUMMARY}" in _block_after("**WARC and WET**", "text")


def test_python_api_snippet_runs_as_written(monkeypatch, capsys):
    code = _block_after("## Python API")
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    exec(compile(code, "README.md (Python API)", "exec"), namespace)
    result = namespace["result"]
    for attr in ("title", "language"):  # the values its comments show
        shown = re.search(rf'^result\.{attr}\s+# "([^"]*)"', code, re.M).group(1)
        assert getattr(result, attr) == shown
    assert result.date is None and "# None here" in code
    assert capsys.readouterr().out  # the loop over result.removed printed them


def test_html_snippet_runs_as_written(tmp_path, monkeypatch):
    code = _block_after("```python\nfrom cleaner import clean_html")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
        "<p>The harbour reopened on Monday after three weeks of repairs to the sea wall, the port "
        "authority said.</p></article></body></html>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(code, "README.md (HTML mode)", "exec"), namespace)
    assert namespace["result"].title == "Harbour reopens"
