"""The README cannot drift from the code: its option list is the real --help, its phrase-file
example loads, and its two opening commands are where CI looks for them."""
from __future__ import annotations

import os
import re
import subprocess
import sys

from helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(marker: str) -> str:
    start = README.index(marker)
    m = re.compile(r"```[a-z]*\n(.*?)```", re.S).search(README, start)
    assert m, f"no code block after {marker}"
    return m.group(1)


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


def test_explain_example_is_real_output():
    cmd = "$ clean-articles --explain seeds/001_4cb4b16060de0800.txt"
    start = README.index(cmd)
    shown = README[start:README.index("```", start)].splitlines()[1:]
    shown = [ln for ln in shown if ln != "…"]
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--explain", "seeds/001_4cb4b16060de0800.txt"],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    assert proc.stdout.splitlines()[: len(shown)] == shown
