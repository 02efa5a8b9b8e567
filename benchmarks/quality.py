"""Quality gate: clean the development corpora and compare P/R/F1, per half, with pinned floors.

    python benchmarks/quality.py                       # every corpus and task; check the floors
    python benchmarks/quality.py --corpus dev --tasks T1 html
    python benchmarks/quality.py --pin                 # re-pin: the figures now, minus MARGIN
    python benchmarks/quality.py --strict-extractors   # the no-harm checks fail the gate as well

Corpora, read in place beside the repository and never copied: ../shared/dev-eval (328 pages:
T1, T2, html) and ../shared/dev-wcxb (T1 and T2 for its 709 articles, and for its 628 pages of
other types), plus on both every `text_<extractor>/` folder (dev-wcxb: its articles), cleaned and
scored against the same pages' gold beside the unchanged input. Figures come from the corpora's
own score.py (snippets pooled over pages on dev-eval, 4-gram shingles averaged over pages on
dev-wcxb), for each of its two fixed halves, a and b.

Floors (benchmarks/quality_floors.json): P, R and F1 per half, and per language with at least
MIN_PAGES_PER_LANGUAGE pages on dev-eval's T1, T2 and html, pinned MARGIN below the figures
measured when they were pinned. No-harm checks: on an extractor's output and on pages that are
not articles the cleaned text must not fall more than NO_HARM_TOLERANCE F1 below its input;
printed PASS/FAIL per half, failing the gate only with --strict-extractors.
HTML mode must not leave any page empty (every page of the corpora has an article): the html
rows print the number of empty pages, and an empty page fails the gate.
Exit status: 0 when every figure is at or above its floor and no html page came out empty (or
the corpora are absent), else 1.
"""
from __future__ import annotations

import argparse
import collections
import json
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import (DEV_EVAL, HALVES, MAIN_TASKS, DevCorpus, Scope, by_page, cleaned,  # noqa: E402
                    dev_corpora, half_of, pool_map, scorer)

FLOORS = Path(__file__).with_name("quality_floors.json")
#: Floors are pinned this far below the measured figure: the cleaner is deterministic, so any
#: change that costs more than this on a half is a real loss, not noise.
MARGIN = 0.003
#: Languages with fewer pages than this get no floor of their own: with ~3 snippets a page, one
#: snippet moves a small language's figures by more than the margin.
MIN_PAGES_PER_LANGUAGE = 15
#: Per-language figures are kept for these tasks of dev-eval (the others are its extractors').
LANGUAGE_TASKS = MAIN_TASKS
#: "Do no harm": the cleaned text may score at most this much F1 below its unchanged input.
NO_HARM_TOLERANCE = 0.002


def by_language(scope: Scope) -> bool:
    return not scope.corpus.shingled and scope.task in LANGUAGE_TASKS


def scopes_of(corpus: DevCorpus, tasks: list[str] | None) -> list[Scope]:
    """The gate's scopes on one corpus (all its tasks, or those named); on dev-wcxb, T1 and T2
    are scored on its articles and on its other pages, the rest (html, extractors' outputs, the
    pages converted) on its articles, the only pages it has the HTML of."""
    available = corpus.tasks()
    chosen = [t for t in sorted(available, key=_task_order) if tasks is None or t in tasks]
    if not corpus.shingled:
        return [Scope(corpus, t) for t in chosen]
    return [Scope(corpus, t, types) for t in chosen
            for types in (("article", "other") if t in MAIN_TASKS and t != "html" else ("article",))]


def _task_order(task: str) -> tuple[int, str]:
    return (MAIN_TASKS.index(task) if task in MAIN_TASKS else len(MAIN_TASKS), task)


# --- measuring ------------------------------------------------------------------------------------

def score_page(unit: tuple[DevCorpus, tuple[str, ...], str]) -> list[tuple[tuple | None, tuple, bool]]:
    """For one page and each task: the score.py rows of its unchanged input (None for html) and
    of the cleaned text, and whether a page's HTML came out empty. One unit of work in a worker
    process: the page's gold is read once."""
    corpus, tasks, page = unit
    grade = corpus.grader(page)
    rows = []
    for task in tasks:
        source = corpus.read(task, page)
        text = cleaned(task, source)
        rows.append((None if task == "html" else grade(source), grade(text),
                     task == "html" and not text.strip()))
    return rows


def measure(scopes: list[Scope], jobs: int) -> dict[str, dict]:
    """{scope name: {"a"/"b": {"pages", "input", "cleaned", "empty"}, "lang": {code: P/R/F1}}};
    "empty" lists the pages whose HTML came out empty (html tasks only)."""
    pages = by_page(scopes)
    units = [(corpus, tuple(s.task for s in owned), page) for corpus, page, owned in pages]
    rows: dict[tuple[str, str], tuple[list, list]] = collections.defaultdict(lambda: ([], []))
    empty: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for (corpus, page, owned), result in zip(pages, pool_map(score_page, units, jobs)):
        lang = corpus.gold[page].get("lang") or "?"
        for s, (identity, ours, nothing) in zip(owned, result):
            if nothing:
                empty[s.name, half_of(page)].append(page)
            for group in (half_of(page), *((f"lang {lang}",) if by_language(s) else ())):
                rows[s.name, group][0].append(identity)
                rows[s.name, group][1].append(ours)
    figures: dict[str, dict] = {}
    for s in scopes:
        out = figures[s.name] = {}
        for half in HALVES:
            identity, ours = rows.get((s.name, half), ([], []))
            out[half] = {"pages": len(ours), "cleaned": s.corpus.summary(ours),
                         "input": None if s.task == "html" else s.corpus.summary(identity),
                         "empty": sorted(empty.get((s.name, half), []))}
        langs = sorted(((group[5:], r[1]) for (name, group), r in rows.items()
                        if name == s.name and group.startswith("lang ")), key=lambda kv: -len(kv[1]))
        out["lang"] = {lang: s.corpus.summary(r) for lang, r in langs if len(r) >= MIN_PAGES_PER_LANGUAGE}
    return figures


# --- checking and printing ------------------------------------------------------------------------

def no_harm_ok(half: dict) -> bool:
    return half["cleaned"][2] >= half["input"][2] - NO_HARM_TOLERANCE


def below_floors(name: str, figures: dict, floors: dict) -> list[str]:
    """The figures of one scope that fall below their floors."""
    pinned = floors.get(name, {})
    measured = {f"half {h}": figures[h]["cleaned"] for h in HALVES} | figures["lang"]
    return [f"{name} {scope} {metric} {value:.4f} < floor {low:.4f}"
            for scope, values in measured.items() if scope in pinned
            for metric, value, low in zip(("P", "R", "F1"), values, pinned[scope]) if value < low]


def empty_outputs(scopes: list[Scope], figures: dict) -> list[str]:
    """The pages whose HTML came out empty: every page of the corpora has an article, and HTML
    mode must never leave one empty (issue 13)."""
    return [f"{s.name} half {h}: page {page}" for s in scopes for h in HALVES
            for page in figures[s.name][h].get("empty", ())]


def _prf(values) -> str:
    return " ".join(f"{x:.3f}" for x in values) if values else "    -     -     -"


def print_table(scopes: list[Scope], figures: dict, floors: dict) -> None:
    print(f"{'corpus task [types]':<36} half pages   input:  P     R     F1    cleaned: P     R     F1 "
          f"    ΔF1  F1 floor  no harm (≥ input − {NO_HARM_TOLERANCE})")
    for s in scopes:
        for h in HALVES:
            half = figures[s.name][h]
            gain = f"{half['cleaned'][2] - half['input'][2]:+.3f}" if half["input"] else "     -"
            floor = floors.get(s.name, {}).get(f"half {h}")
            check = ("PASS" if no_harm_ok(half) else "FAIL") if s.no_harm else \
                (f"empty pages: {len(half['empty'])}" if s.task == "html" else "")
            print(f"{s.name:<36} {h:>4} {half['pages']:>5}   {_prf(half['input'])}          "
                  f"{_prf(half['cleaned'])}  {gain}  {f'{floor[2]:.3f}' if floor else '-':>8}  {check}")
        if figures[s.name]["lang"]:
            print(f"{'':<36}   per language (F1, both halves): "
                  + ", ".join(f"{lang} {v[2]:.3f}" for lang, v in figures[s.name]["lang"].items()))


def pinned(figures: dict) -> dict:
    """Floors for one scope: each figure MARGIN lower, rounded down to 3 decimals (the inner
    round() keeps 0.897 from becoming 0.896 through 896.9999999 thousandths)."""
    down = lambda values: [max(0.0, math.floor(round((x - MARGIN) * 1000, 6)) / 1000)  # noqa: E731
                           for x in values]
    return {f"half {h}": down(figures[h]["cleaned"]) for h in HALVES} | {
        lang: down(v) for lang, v in figures["lang"].items()}


def floors_json(floors: dict) -> str:
    """One line per scope, so that a re-pin reads as a diff of the scopes it moved."""
    return "{\n" + ",\n".join(f" {json.dumps(name)}: {json.dumps(floors[name], sort_keys=True)}"
                              for name in sorted(floors)) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    from cleaner.batch import default_jobs

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=("dev", "wcxb", "all"), default="all")
    ap.add_argument("--tasks", nargs="+", metavar="TASK",
                    help="T1, T2, html or extractors' names (default: every task of each corpus)")
    ap.add_argument("--pin", action="store_true",
                    help=f"write the floors of what was measured: the figures now minus {MARGIN}")
    ap.add_argument("--strict-extractors", action="store_true",
                    help="fail the gate when a no-harm check fails (extractor outputs, non-article pages)")
    ap.add_argument("-j", "--jobs", type=int, default=default_jobs(), help="worker processes")
    args = ap.parse_args(argv)
    started = time.monotonic()
    if scorer() is None:
        print(f"quality gate skipped: {DEV_EVAL / 'score.py'} not found")
        return 0
    scopes = []
    for corpus in dev_corpora():
        if args.corpus not in ("all", corpus.name):
            continue
        if not corpus.available():
            print(f"quality gate: {corpus.root} not found, skipped")
            continue
        scopes += scopes_of(corpus, args.tasks)
    unknown = set(args.tasks or ()) - {s.task for s in scopes}
    if unknown:
        ap.error(f"no such task: {', '.join(sorted(unknown))}")
    if not scopes:
        print("quality gate skipped: nothing to measure")
        return 0
    figures = measure(scopes, args.jobs)
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.is_file() else {}
    print_table(scopes, figures, floors)
    if args.pin:
        floors.update({s.name: pinned(figures[s.name]) for s in scopes})
        FLOORS.write_text(floors_json(floors), encoding="utf-8")
        print(f"floors of {len(scopes)} scopes written to {FLOORS}")
        return 0
    failures = [f for s in scopes for f in below_floors(s.name, figures[s.name], floors)]
    unpinned = [s.name for s in scopes if s.name not in floors]
    harmed = [f"{s.name} half {h}" for s in scopes if s.no_harm for h in HALVES
              if not no_harm_ok(figures[s.name][h])]
    empties = empty_outputs(scopes, figures)
    for failure in failures:
        print(f"BELOW FLOOR: {failure}")
    for page in empties:
        print(f"EMPTY OUTPUT: {page}")
    if unpinned:
        print(f"no floors yet (pin them with --pin): {', '.join(unpinned)}")
    checks = sum(2 for s in scopes if s.no_harm)
    print(f"no-harm checks: {checks - len(harmed)}/{checks} pass"
          + (f"; FAIL: {', '.join(harmed)}" if harmed else "")
          + ("" if args.strict_extractors or not harmed else " (not gating: see --strict-extractors)"))
    failed = bool(failures) or bool(empties) or (args.strict_extractors and bool(harmed))
    print(f"quality gate: {'FAILED' if failed else 'passed'} ({time.monotonic() - started:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
