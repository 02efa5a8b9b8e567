"""PySpark: clean a DataFrame column with a vectorised (pandas) UDF.

    df = with_cleaned(df, "text")   # adds clean_text, clean_title, clean_language, clean_date,
                                    # clean_removed (a JSON list of {text, category, rule, reason,
                                    # line}) and clean_error

Each executor's Python worker calls `clean()` itself, which loads the rules and seeds langdetect
in that process (`cleaner.language`), so the output is the same as in one local process.

A row whose cleaning fails (null or empty text, too large, a bug) is not dropped: its
`clean_text` and the other result columns are null and `clean_error` holds the message (the
source column is untouched). `df.where("clean_error IS NULL")` keeps the cleaned rows.

Needs the `spark` extra: `pip install 'clean-articles[spark]'`.
"""
from __future__ import annotations

import json
import logging

import pandas as pd
from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

from ..config import Config
from ..pipeline import InputError, clean

log = logging.getLogger(__name__)

#: The struct the UDF returns, one field per output column (without the prefix).
SCHEMA = ("text string, title string, language string, date string, author string, "
          "removed string, error string")
FIELDS = ("text", "title", "language", "date", "author", "removed", "error")


def clean_record(text: object, config: Config) -> dict[str, str | None]:
    """One row's output fields; failures become an `error` instead of an exception."""
    if not isinstance(text, str):  # null (None, or NaN/NA from pandas)
        return dict.fromkeys(FIELDS) | {"error": "no text (null)"}
    try:
        r = clean(text, config)
    except Exception as exc:  # noqa: BLE001 - one bad row must not fail the Spark task
        if not isinstance(exc, InputError):
            log.debug("row failed", exc_info=True)
        error = str(exc) if isinstance(exc, InputError) else f"internal error ({type(exc).__name__}): {exc}"
        return dict.fromkeys(FIELDS) | {"error": error}
    removed = json.dumps([x.to_dict() for x in r.removed], ensure_ascii=False)
    return {"text": r.text, "title": r.title, "language": r.language, "date": r.date,
            "author": r.author, "removed": removed, "error": None}


def clean_udf(config: Config | None = None):
    """A pandas UDF: a string column -> a struct of the fields in `SCHEMA`."""
    config = config or Config()

    @F.pandas_udf(SCHEMA)  # type: ignore[call-overload]
    def clean_articles(texts: pd.Series) -> pd.DataFrame:
        return pd.DataFrame([clean_record(t, config) for t in texts], columns=list(FIELDS),
                            dtype=object)

    return clean_articles


def with_cleaned(df: DataFrame, column: str | Column = "text", config: Config | None = None,
                 prefix: str = "clean_") -> DataFrame:
    """`df` with the cleaned text and the result fields as new columns named `prefix + field`."""
    struct = "__clean_articles"
    out = df.withColumn(struct, clean_udf(config)(F.col(column) if isinstance(column, str) else column))
    return out.select("*", *(F.col(f"{struct}.{f}").alias(prefix + f) for f in FIELDS)).drop(struct)
