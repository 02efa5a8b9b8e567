"""The quality gate's scoring agrees with the corpora's own score.py (skipped without the corpora)."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from corpus import DEV_EVAL, PageShingles, cleaned, dev_corpora, half_of, scorer

DEV, WCXB = dev_corpora()


def needs(corpus):
    return pytest.mark.skipif(not corpus.available(), reason=f"{corpus.root} is not present")


@needs(WCXB)
def test_page_shingles_give_score_py_figures():
    s = scorer()
    for page in WCXB.pages()[::60]:
        body = WCXB.gold[page]["body"]
        shingles = PageShingles(body)
        for task in ("T1", "T2", "readability"):
            source = WCXB.read(task, page)
            for text in (source, cleaned(task, source)):
                assert shingles.triple(text) == s.shingle_triple(body, text), (page, task)


@pytest.mark.skipif(scorer() is None, reason="score.py is not present")
@pytest.mark.parametrize("gold", ["", "one", "a b c d", "a b c d e", "a a a a a a", "x y\nz w v"])
@pytest.mark.parametrize("text", ["", "one", "a b c d", "b c d e f", "a a a a a a a", "a b\n\nc d e\n"])
def test_page_shingles_on_short_and_repeated_texts(gold, text):
    assert PageShingles(gold).triple(text) == scorer().shingle_triple(gold, text)


@needs(DEV)
@pytest.mark.parametrize("half", ["a", "b"])
def test_halves_and_figures_are_score_py_s(half, tmp_path):
    """The unchanged T1 inputs of one half, scored here and by `score.py --half`."""
    out = subprocess.run([sys.executable, str(DEV_EVAL / "score.py"), "dev", "--task", "T1", "--half", half,
                          str(tmp_path)], capture_output=True, text=True, check=True).stdout
    pages = [p for p in DEV.pages() if half_of(p) == half]
    assert f"({len(pages)} pages, task T1, half {half})" in out
    grade = {p: DEV.grader(p) for p in pages}
    figures = DEV.summary(grade[p](DEV.read("T1", p)) for p in pages)
    identity = re.search(r"^identity\s+(\S+)\s+(\S+)\s+(\S+)", out, re.M).groups()
    assert [f"{x:.3f}" for x in figures] == list(identity)


def test_pinned_floors_sit_a_margin_below():
    import quality

    figures = {"a": {"cleaned": (0.9304, 0.95, 0.9)}, "b": {"cleaned": (0.5, 0.0031, 0.0)},
               "lang": {"de": (0.91, 0.92, 0.93)}}
    floors = quality.pinned(figures)
    assert floors["half a"] == [0.927, 0.947, 0.897]
    assert floors["half b"] == [0.497, 0.0, 0.0]
    assert floors["de"] == [0.907, 0.917, 0.927]


def test_a_figure_below_its_floor_fails_and_one_without_a_floor_does_not():
    import quality

    figures = {"a": {"cleaned": (0.93, 0.95, 0.94)}, "b": {"cleaned": (0.90, 0.90, 0.90)}, "lang": {}}
    floors = {"dev T1": {"half a": [0.92, 0.95, 0.945]}}
    assert quality.below_floors("dev T1", figures, floors) == ["dev T1 half a F1 0.9400 < floor 0.9450"]
    assert quality.below_floors("dev T2", figures, floors) == []


@needs(DEV)
def test_a_page_whose_html_comes_out_empty_is_reported(monkeypatch):
    """score_page flags an html page whose cleaned text is empty, and the gate lists it as a
    failure; other tasks are never flagged."""
    import quality

    page = DEV.pages()[0]
    assert [empty for _, _, empty in quality.score_page((DEV, ("html", "T1"), page))] == [False, False]
    monkeypatch.setattr(quality, "cleaned", lambda task, source: "")
    assert [empty for _, _, empty in quality.score_page((DEV, ("html", "T1"), page))] == [True, False]
    scopes = quality.scopes_of(DEV, ["html"])
    figures = {"dev html": {"a": {"empty": [page]}, "b": {"empty": []}}}
    assert quality.empty_outputs(scopes, figures) == [f"dev html half a: page {page}"]
    assert quality.empty_outputs(scopes, {"dev html": {"a": {"empty": []}, "b": {"empty": []}}}) == []
