"""The same input gives the same output: twice in one process, and in separate processes."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from cleaner import clean
from helpers import ROOT, SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))

# Detection is on (no lang=): language detection is the one place where randomness could creep in.
MIXED_ARTICLE = """\
Share this article

The county council voted on Thursday to close two of its four recycling centres, citing a budget gap of nearly four million pounds.

Lire aussi : la mairie de Lyon renonce à fermer ses déchetteries

Residents will be able to use the remaining sites for longer hours from next spring, a spokesperson confirmed.
"""


@pytest.mark.parametrize("text", [p.read_text(encoding="utf-8") for p in SEED_FILES] + [MIXED_ARTICLE],
                         ids=[p.stem for p in SEED_FILES] + ["mixed-en-fr"])
def test_cleaning_twice_gives_the_same_result(text):
    first, second = clean(text), clean(text)
    assert first.to_dict(explain=True) == second.to_dict(explain=True)
    assert json.dumps(first.to_dict(explain=True), sort_keys=True) == json.dumps(second.to_dict(explain=True),
                                                                                 sort_keys=True)


def _cli(args, hash_seed: str, tmp_out=None) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    proc = subprocess.run([sys.executable, "-m", "cleaner", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, timeout=60, input=b"")
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return proc.stdout


def test_two_processes_give_byte_identical_jsonl():
    # different hash seeds: output must not depend on set or dict order of str keys
    a = _cli(["--format", "jsonl", "--explain", SEEDS], "1")
    b = _cli(["--format", "jsonl", "--explain", SEEDS], "4242")
    assert a and a == b


def test_two_processes_write_byte_identical_files(tmp_path):
    outs = []
    for n, hash_seed in enumerate(("7", "99")):
        out = tmp_path / f"run{n}"
        _cli(["-o", out, SEEDS], hash_seed)
        outs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert len(outs[0]) == len(SEED_FILES)
    assert outs[0] == outs[1]
