"""Quality gate: clean the development corpus and compare P/R/F1 with pinned floors.

    python benchmarks/quality.py                 # print P/R/F1 per task and language, check floors
    python benchmarks/quality.py --tasks T1      # one task
    python benchmarks/quality.py --update        # re-pin the floors to the current figures

The corpus is read in place from ../shared/dev-eval (beside the repository); it is never copied.
Scoring follows its score.py: a "with" snippet must appear in the output (recall), a "without"
snippet must not (precision), whitespace-normalised substring matching, pooled over pages.
The floors (benchmarks/quality_floors.json) sit a small margin below the figures measured when
they were pinned, so noise does not fail the gate but a real loss does. Exit status: 0 when every
figure is at or above its floor (or the corpus is absent), 1 otherwise.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner import Config, InputError, clean  # noqa: E402

DEV_EVAL = ROOT.parent / "shared" / "dev-eval"
FLOORS = Path(__file__).with_name("quality_floors.json")
TASKS = ("T1", "T2", "html")
#: Floors are pinned this far below the measured figure.
MARGIN = 0.005
#: Languages with fewer pages than this get no floor of their own: with ~3 snippets a page, one
#: snippet moves a small language's figures by more than the margin.
MIN_PAGES_PER_LANGUAGE = 15


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _counts(item: dict, text: str) -> tuple[int, int, int]:
    t = _norm(text)
    tp = sum(1 for w in item["with"] if t and _norm(w) in t)
    fp = sum(1 for w in item["without"] if t and _norm(w) in t)
    return tp, fp, len(item["with"]) - tp


def prf(rows) -> tuple[float, float, float]:
    tp = sum(r[0] for r in rows)
    fp = sum(r[1] for r in rows)
    fn = sum(r[2] for r in rows)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def clean_page(task: str, page_id: str, config: Config) -> str:
    if task == "html":
        from cleaner import clean_html

        html = (DEV_EVAL / "html" / f"{page_id}.html").read_text(encoding="utf-8")
        try:
            return clean_html(html, config).text
        except InputError:
            return ""
    text = (DEV_EVAL / f"text_{task}" / f"{page_id}.txt").read_text(encoding="utf-8")
    try:
        return clean(text, config).text
    except InputError:
        return ""


def evaluate(task: str, gold: dict, config: Config) -> dict[str, list[float]]:
    """{"all": [P, R, F1], "<lang>": [...], ...} for one task."""
    rows = {k: _counts(v, clean_page(task, k, config)) for k, v in gold.items()}
    by_lang: dict[str, list] = collections.defaultdict(list)
    for k, v in gold.items():
        by_lang[v.get("lang") or "?"].append(rows[k])
    out = {"all": [round(x, 4) for x in prf(rows.values())]}
    for lang, r in sorted(by_lang.items(), key=lambda x: -len(x[1])):
        if len(r) >= MIN_PAGES_PER_LANGUAGE:
            out[lang] = [round(x, 4) for x in prf(r)]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tasks", nargs="+", choices=TASKS, default=list(TASKS))
    ap.add_argument("--update", action="store_true", help="pin the floors to the figures measured now")
    args = ap.parse_args(argv)
    if not (DEV_EVAL / "gold.json").is_file():
        print(f"quality gate skipped: {DEV_EVAL} not found")
        return 0
    gold = json.loads((DEV_EVAL / "gold.json").read_text(encoding="utf-8"))
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.is_file() else {}
    config = Config()
    failures: list[str] = []
    measured: dict[str, dict] = {}
    for task in args.tasks:
        figures = evaluate(task, gold, config)
        measured[task] = figures
        p, r, f = figures["all"]
        print(f"{task:<5} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({len(gold)} pages)")
        print("      per language: " + ", ".join(f"{lang} F1 {v[2]:.3f}" for lang, v in figures.items()
                                                if lang != "all"))
        for scope, (fp_, fr_, ff_) in figures.items():
            floor = floors.get(task, {}).get(scope)
            if not floor:
                continue
            for name, value, low in zip(("P", "R", "F1"), (fp_, fr_, ff_), floor):
                if value < low:
                    failures.append(f"{task} {scope} {name} {value:.4f} < floor {low:.4f}")
    if args.update:
        for task, figures in measured.items():
            floors[task] = {scope: [round(max(0.0, x - MARGIN), 3) for x in v] for scope, v in figures.items()}
        FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"floors written to {FLOORS}")
        return 0
    for failure in failures:
        print(f"BELOW FLOOR: {failure}")
    print("quality gate: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
