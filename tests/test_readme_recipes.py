"""The README's recipes for distributed engines, run exactly as written (issue 10, points 11-14):
each snippet is written to a file in tmp_path and run there as a script, with the venv's Python
first on PATH (as an activated venv has it), on input made of the seeds and of records that
cannot be cleaned.

Marked `integration` (deselected by default, see pyproject): run with `-m integration` after
`pip install '.[datatrove,spark,dask]'`. Outside CI a missing engine skips; with CI=true it
fails.
"""
from __future__ import annotations

import gzip
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import Config, clean
from helpers import INVENTED_ARTICLE_EN, SEEDS
from readme_snippets import block_after

pytestmark = pytest.mark.integration

SEED_TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def require(module: str):
    """Import an optional dependency: skip without it, except in CI where it must be installed."""
    if os.environ.get("CI") == "true":
        return importlib.import_module(module)
    return pytest.importorskip(module)


def run_snippet(code: str, where: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    script = where / "recipe.py"
    script.write_text(code, encoding="utf-8")
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
           "SPARK_LOCAL_IP": "127.0.0.1"}  # no network here: Spark binds to the loopback
    proc = subprocess.run([sys.executable, str(script)], cwd=where, capture_output=True, text=True,
                          timeout=timeout, env=env)
    assert proc.returncode == 0, proc.stderr[-5000:]
    return proc


def write_jsonl(path: Path, records: list) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
                    encoding="utf-8")


def test_datatrove_recipe(tmp_path):
    require("datatrove")
    require("orjson")
    records = [{"id": k, "text": v} for k, v in SEED_TEXTS.items()]
    records += [{"id": "en", "text": INVENTED_ARTICLE_EN}, {"id": "blank", "text": "  \n "},
                {"id": "empty", "text": ""}]
    write_jsonl(tmp_path / "in" / "part.jsonl", records)
    proc = run_snippet(block_after("**datatrove**", "python"), tmp_path)
    assert "RuntimeError" not in proc.stderr
    out = {}
    for path in sorted((tmp_path / "out").glob("*.jsonl.gz")):
        for line in gzip.open(path, "rt", encoding="utf-8"):
            rec = json.loads(line)
            out[rec["id"]] = rec
    # datatrove's reader skips a record whose text is empty (with a warning): the step never sees it
    assert sorted(out) == sorted(r["id"] for r in records if r["text"])
    for r in records[:-1]:
        meta = out[r["id"]]["metadata"]
        if r["id"] == "blank":  # kept, with its text and the reason it could not be cleaned
            assert out["blank"]["text"] == r["text"]
            assert meta["clean_articles_error"] == "empty document: no text to clean"
        else:
            assert out[r["id"]]["text"] == clean(r["text"]).text, r["id"]
            assert meta["clean_articles_error"] is None


def test_datatrove_warc_recipe(tmp_path):
    for module in ("datatrove", "orjson", "warcio", "cchardet", "magic"):
        require(module)
    from cleaner import clean_html
    from test_warc import CAFE, write_warc

    pages = write_warc(tmp_path / "warc" / "crawl.warc.gz")
    proc = run_snippet(block_after("**datatrove on WARC files**", "python"), tmp_path)
    assert "RuntimeError" not in proc.stderr
    out = [json.loads(line) for path in sorted((tmp_path / "cleaned").glob("*.jsonl.gz"))
           for line in gzip.open(path, "rt", encoding="utf-8")]
    assert sorted((r["id"], r["metadata"]["url"]) for r in out) == sorted(pages)  # no request, png...
    html = {}  # the pages as the WARC holds them, read back with warcio
    from warcio.archiveiterator import ArchiveIterator

    with open(tmp_path / "warc" / "crawl.warc.gz", "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type == "response":
                html[record.rec_headers.get_header("WARC-Record-ID")] = record.content_stream().read()
    for r in out:
        assert r["metadata"]["clean_articles_error"] is None
        charset = "utf-8" if r["metadata"]["url"].endswith("/a") else "iso-8859-1"  # as written
        assert r["text"] == clean_html(html[r["id"]].decode(charset)).text, r["id"]
    assert CAFE in out[[r["metadata"]["url"] for r in out].index("https://news.example/b")]["text"]


def test_spark_recipe(tmp_path):
    for module in ("pyspark", "pandas", "pyarrow"):
        require(module)
    import pandas

    assert int(pandas.__version__.split(".")[0]) < 3, "the [spark] extra pins pandas below 3"
    records = [{"id": k, "text": v} for k, v in SEED_TEXTS.items()]
    records += [{"id": "no-text", "url": "https://example.org/"}, {"id": "blank", "text": " "}]
    write_jsonl(tmp_path / "articles.jsonl", records)
    proc = run_snippet(block_after("**PySpark**", "python"), tmp_path)
    assert "does not yet fully support pandas" not in proc.stderr
    rows = pandas.read_parquet(tmp_path / "cleaned").set_index("id")
    assert sorted(rows.index) == sorted(r["id"] for r in records), "every row comes out"
    for r in records:
        row = rows.loc[r["id"]]
        if r.get("text", "").strip():
            assert row["clean_text"] == clean(r["text"], Config(lang="fr")).text, r["id"]
            assert row["clean_error"] is None
        else:
            assert row["clean_text"] is None and row["clean_error"], r["id"]


def test_dask_recipe(tmp_path):
    require("dask")
    records = [{"id": k, "text": v} for k, v in SEED_TEXTS.items()]
    write_jsonl(tmp_path / "in" / "a.jsonl", records[:3])
    bad = [{"id": "no-text", "url": "u"}, "", {"id": "empty", "text": ""}, "not JSON", [1, 2],
           {"id": "list", "text": ["a"]}]
    write_jsonl(tmp_path / "in" / "b.jsonl", records[3:] + bad)
    run_snippet(block_after("**Dask**", "python"), tmp_path)
    parts = sorted((tmp_path / "out").glob("*.jsonl"))
    assert len(parts) == 2
    assert all(p.read_text(encoding="utf-8").endswith("\n") for p in parts), "no glued lines"
    out = [json.loads(line) for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(out) == len(records) + len(bad) - 1  # one line out per line in, blank lines aside
    by_id = {r["id"]: r for r in out if "id" in r}
    for r in records:
        assert by_id[r["id"]]["text"] == clean(r["text"]).text and "error" not in by_id[r["id"]]
    assert by_id["no-text"]["error"] == by_id["empty"]["error"] == "empty document: no text to clean"
    assert by_id["list"]["error"].startswith("expected text")
    assert sum(r.get("error", "").startswith("invalid JSON") for r in out) == 1
    assert sum(r.get("error") == "not a JSON object" for r in out) == 1
