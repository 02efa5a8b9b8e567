"""The PySpark UDF, run by a real local[2] Spark session, gives per row exactly what
single-process `clean()` gives.

Marked `integration` (deselected by default, see pyproject): run with `-m integration` after
`pip install '.[spark]'` (and a Java runtime). Outside CI a missing PySpark skips; with CI=true it
fails. Starting the session dominates the time, so the module shares one.
"""
from __future__ import annotations

import importlib
import json
import os
import sys

import pytest

from cleaner import clean
from helpers import INVENTED_ARTICLE_EN, SEEDS

pytestmark = pytest.mark.integration

#: Invented rows beside the seeds: an English article, one that cannot be cleaned, and a null.
INVENTED = {
    "en-invented": INVENTED_ARTICLE_EN,
    "blank": "   \n\n  ",
    "null": None,
}

def require(module: str):
    """Import an optional dependency: skip without it, except in CI where it must be installed."""
    if os.environ.get("CI") == "true":
        return importlib.import_module(module)
    return pytest.importorskip(module)


@pytest.fixture(scope="module")
def spark(request):
    for module in ("pyspark", "pandas", "pyarrow"):
        require(module)
    from pyspark.sql import SparkSession

    env = {"PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable,
           "SPARK_LOCAL_IP": "127.0.0.1"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)

    def restore():
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v

    request.addfinalizer(restore)
    session = (SparkSession.builder.master("local[2]").appName("clean-articles-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.bindAddress", "127.0.0.1")
               # a short-lived JVM: the quick compiler only and a serial GC warm up faster (about
               # 20-30 s instead of 40 s for this module on 2 busy cores)
               .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
               .getOrCreate())
    request.addfinalizer(session.stop)
    return session


def expected(text: str | None) -> dict:
    if text is None:
        return {"title": None, "language": None, "date": None, "author": None, "removed": None, "error": "no text (null)",
                "text": None}
    try:
        r = clean(text)
    except ValueError as exc:
        return {"title": None, "language": None, "date": None, "author": None, "removed": None, "error": str(exc),
                "text": None}
    return {"title": r.title, "language": r.language, "date": r.date, "author": r.author,
            "removed": [x.to_dict() for x in r.removed], "error": None, "text": r.text}


def test_udf_matches_single_process(spark):
    from cleaner.integrations.spark import with_cleaned

    docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))} | INVENTED
    rdd = spark.sparkContext.parallelize(list(docs.items()), 2)  # one partition per worker
    df = spark.createDataFrame(rdd, "id string, body string")
    rows = with_cleaned(df, "body").collect()

    assert sorted(r["id"] for r in rows) == sorted(docs), "every row comes out exactly once"
    for row in rows:
        want = expected(docs[row["id"]])
        got = {"title": row["clean_title"], "language": row["clean_language"], "date": row["clean_date"],
               "author": row["clean_author"],
               "removed": json.loads(row["clean_removed"]) if row["clean_removed"] is not None else None,
               "error": row["clean_error"], "text": row["clean_text"]}
        assert got == want, row["id"]
        assert row["body"] == docs[row["id"]], "the source column is untouched"
