"""The five bundled seeds, cleaned exactly as the hand-made gold fixtures say.

For each seed: the body paragraphs (whitespace-normalised) equal gold `body`, the title equals gold
`title`, the date equals gold `date` when the gold has one, and every gold `removed` entry (matched
by its 1-based line) is removed with the same category.
"""
from __future__ import annotations

import json

import pytest

from cleaner import clean
from helpers import GOLD, SEEDS, norm

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _gold(seed):
    return json.loads((GOLD / f"{seed.stem}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=SEED_FILES, ids=lambda p: p.stem)
def seed_case(request):
    seed = request.param
    return seed, _gold(seed), clean(seed.read_text(encoding="utf-8"))


def test_every_seed_has_a_gold_fixture_and_back():
    assert len(SEED_FILES) == 5
    assert {p.stem for p in SEED_FILES} == {p.stem for p in GOLD.glob("*.json")}
    for seed in SEED_FILES:
        assert _gold(seed)["source"] == seed.name


def test_body(seed_case):
    _, gold, result = seed_case
    assert [norm(p) for p in result.paragraphs] == [norm(p) for p in gold["body"]]


def test_title(seed_case):
    _, gold, result = seed_case
    assert result.title == gold["title"]


@pytest.mark.parametrize("seed", [s for s in SEED_FILES if "date" in _gold(s)], ids=lambda p: p.stem)
def test_date_when_the_gold_has_one(seed):
    assert clean(seed.read_text(encoding="utf-8")).date == _gold(seed)["date"]


def test_language(seed_case):
    _, gold, result = seed_case
    assert result.language == gold["language"]


def test_gold_removals(seed_case):
    _, gold, result = seed_case
    removed = {r.line: r for r in result.removed}
    for entry in gold["removed"]:
        line = entry["line"]
        assert line in removed, f"line {line} should be removed as {entry['kind']}: {entry['text'][:60]!r}"
        got = removed[line]
        assert got.category.value == entry["kind"], f"line {line}: {got.rule} ({got.reason})"
        assert norm(got.text) == norm(entry["text"])
        assert got.rule and got.reason


def test_removed_lines_point_at_the_input(seed_case):
    """`line` is the 1-based input line where the removed text starts."""
    seed, _, result = seed_case
    lines = seed.read_text(encoding="utf-8").split("\n")
    for r in result.removed:
        assert norm(lines[r.line - 1]).startswith(norm(r.text.split("\n")[0])[:40])
