"""A datatrove pipeline step: clean each document's text, keep the reasons in its metadata.

    reader -> CleanArticles() -> writer

`doc.text` becomes the cleaned body (`CleanArticles(html=True)`: `doc.text` is a page's HTML,
as datatrove's WarcReader gives it, cleaned with `clean_html`). `doc.metadata` gets, under the `clean_articles_` prefix, the
`title`, `language`, `date` and `removed` spans (a list of `{text, category, rule, reason, line}`),
all JSON values, and `error`. Every document gets every key, so columnar writers (Parquet) see
one schema.

A document whose cleaning raises (empty text, too large, a bug) is never dropped: it goes on
with its text unchanged, the same keys set to None/[] and `clean_articles_error` holding the
message; the step's `clean_articles_error` stat counts them. To drop them, add after this step
`LambdaFilter(lambda doc: doc.metadata["clean_articles_error"] is None)`, which counts what it
drops.

Needs the `datatrove` extra: `pip install 'clean-articles[datatrove]'`.
"""
from __future__ import annotations

import logging
from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.typeshelper import StatHints

from ..config import Config
from ..model import Result
from ..pipeline import InputError, clean

log = logging.getLogger(__name__)

#: Prefix of every metadata key this step writes, so it never overwrites the reader's own keys
#: (WARC and Common Crawl readers already set `date` and `title`-like fields).
PREFIX = "clean_articles_"
FIELDS = ("title", "language", "date", "author", "removed", "error")


def metadata_for(result: Result | None, error: str | None = None) -> dict[str, Any]:
    """The metadata entries for one document: its result's fields, or the error."""
    if result is None:
        values: dict[str, Any] = {"title": None, "language": None, "date": None, "author": None,
                                  "removed": [], "error": error}
    else:
        values = {"title": result.title, "language": result.language, "date": result.date,
                  "author": result.author, "removed": [r.to_dict() for r in result.removed], "error": None}
    return {PREFIX + k: values[k] for k in FIELDS}


def _clean_html(html: str, config: Config) -> Result:
    from ..html import clean_html  # loads trafilatura and lxml: only for HTML documents

    return clean_html(html, config)


class CleanArticles(PipelineStep):
    """Replace `doc.text` by its cleaned body; record title, language, date, removed spans."""

    name = "🧹 clean-articles"
    type = "✂️ - FORMAT"

    def __init__(self, config: Config | None = None, html: bool = False):
        """`html=True` cleans `doc.text` as a web page (`clean_html`): the documents of
        datatrove's WarcReader on WARC files hold the page's HTML."""
        super().__init__()
        self.config = config or Config()
        self.html = html

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                try:
                    result = (_clean_html if self.html else clean)(doc.text, self.config)
                except Exception as exc:  # noqa: BLE001 - one bad document must not stop the task
                    if not isinstance(exc, InputError):
                        log.debug("document %s failed", doc.id, exc_info=True)
                    error = str(exc) if isinstance(exc, InputError) else \
                        f"internal error ({type(exc).__name__}): {exc}"
                    doc.metadata.update(metadata_for(None, error))
                    self.stat_update("clean_articles_error")
                else:
                    doc.text = result.text
                    doc.metadata.update(metadata_for(result))
                    self.stat_update("removed_blocks", value=len(result.removed))
            self.update_doc_stats(doc)
            yield doc
