"""The datatrove step, run by datatrove's own executor on 2 tasks and 2 workers, gives per
document exactly what single-process `clean()` gives.

Marked `integration` (deselected by default, see pyproject): run with `-m integration` after
`pip install '.[datatrove]'`. Outside CI a missing datatrove skips; with CI=true it fails.
"""
from __future__ import annotations

import importlib
import json
import os

import pytest

from cleaner import clean
from helpers import INVENTED_ARTICLE_EN, SEEDS

pytestmark = pytest.mark.integration

#: Invented documents beside the seeds: an English article, and one that cannot be cleaned.
INVENTED = {
    "en-invented": INVENTED_ARTICLE_EN,
    "blank": "   \n\n  ",  # cleaning raises InputError: the document must survive, with the error
}


def require(module: str):
    """Import an optional dependency: skip without it, except in CI where it must be installed."""
    if os.environ.get("CI") == "true":
        return importlib.import_module(module)
    return pytest.importorskip(module)


def documents() -> dict[str, str]:
    docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    return docs | INVENTED


def expected_metadata(text: str) -> dict:
    try:
        r = clean(text)
    except ValueError as exc:
        return {"clean_articles_title": None, "clean_articles_language": None,
                "clean_articles_date": None, "clean_articles_author": None, "clean_articles_removed": [],
                "clean_articles_error": str(exc)}
    return {"clean_articles_title": r.title, "clean_articles_language": r.language,
            "clean_articles_date": r.date, "clean_articles_author": r.author,
            "clean_articles_removed": [x.to_dict() for x in r.removed],
            "clean_articles_error": None}


def test_local_executor_matches_single_process(tmp_path):
    require("datatrove")
    require("orjson")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanArticles

    docs = documents()
    src = tmp_path / "in"
    src.mkdir()
    items = list(docs.items())
    for part in range(2):  # two files, so each of the two tasks gets one
        with open(src / f"part-{part}.jsonl", "w", encoding="utf-8") as f:
            for doc_id, text in items[part::2]:
                f.write(json.dumps({"id": doc_id, "text": text, "source": "test"}) + "\n")

    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(src)), CleanArticles(), JsonlWriter(str(tmp_path / "out"), compression=None)],
        tasks=2, workers=2, logging_dir=str(tmp_path / "logs"))
    executor.run()

    out = {}
    for path in sorted((tmp_path / "out").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            out[rec["id"]] = rec
    assert sorted(out) == sorted(docs), "every document comes out exactly once"
    for doc_id, text in docs.items():
        rec = out[doc_id]
        want = expected_metadata(text)
        got = {k: v for k, v in rec["metadata"].items() if k.startswith("clean_articles_")}
        assert got == want, doc_id
        assert rec["metadata"]["source"] == "test", "the reader's own metadata stays"
        if want["clean_articles_error"] is None:
            assert rec["text"] == clean(text).text, doc_id
        else:
            assert rec["text"] == text, "a document that fails keeps its text"

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    step = next(s for s in stats if "clean-articles" in s["name"])
    errors = step["stats"]["clean_articles_error"]  # a plain count, or a summary with its total
    assert (errors["total"] if isinstance(errors, dict) else errors) == 1
