"""Render a Result: body text, JSON, JSONL record, or the human-readable explanation."""
from __future__ import annotations

import json
from typing import Any

from .html.outside import is_outside
from .model import PAGE_FIELDS, Result

FORMATS = ("text", "markdown", "json", "jsonl")
#: The columns --explain shows before each block's text (line, decision, category, rule).
EXPLAIN_PREFIX = 61
#: The fewest characters of a block's text --explain shows on a narrow terminal.
EXPLAIN_MIN_TEXT = 20


def as_text(result: Result) -> str:
    return result.text + "\n" if result.text else ""


def as_markdown(result: Result) -> str:
    body = result.markdown
    return body + "\n" if body else ""


def record(doc_id: str, result: Result, extra: dict[str, Any] | None = None, *,
           explain: bool = False, text_field: str = "text", id_field: str = "id") -> dict[str, Any]:
    """The JSON record of one document: passed-through fields, then the result's fields."""
    out: dict[str, Any] = dict(extra or {})
    out.setdefault(id_field, doc_id)
    body = result.to_dict(explain=explain)
    out[text_field] = body.pop("text")
    for key in PAGE_FIELDS:  # an input record's own value (a WARC record's url) beats the page's
        if out.get(key) not in (None, "", []):
            body.pop(key, None)
    out.update(body)
    return out


def error_record(doc_id: str, error: str, extra: dict[str, Any] | None = None, *,
                 id_field: str = "id") -> dict[str, Any]:
    out: dict[str, Any] = dict(extra or {})
    out.setdefault(id_field, doc_id)
    out["error"] = error
    return out


def as_json(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def as_jsonl(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def _short(text: str, width: int | None) -> str:
    text = " ".join(text.split())
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def explain_width(columns: int) -> int:
    """The characters of each block's text that fit a terminal this wide."""
    return max(EXPLAIN_MIN_TEXT, columns - EXPLAIN_PREFIX)


def explain(doc_id: str, result: Result, width: int | None = None) -> str:
    """Every block with its decision, category, rule and reason; each block's text on one line,
    cut to `width` characters when given (the CLI gives the terminal's width), else whole."""
    lang = f"{result.language} ({result.language_confidence:.2f})" if result.language else "unknown"
    out = [f"# {doc_id}: language {lang}, mode {result.mode}, "
           f"title {json.dumps(result.title, ensure_ascii=False) if result.title else '-'}, "
           f"date {result.date or '-'}, "
           f"author {json.dumps(result.author, ensure_ascii=False) if result.author else '-'}"]
    for note in result.notes:
        out.append(f"# note: {note}")
    kept = sum(1 for d in result.decisions if d.kept)
    out.append(f"# {kept} of {len(result.decisions)} blocks kept")
    out.append(f"{'line':>5}  {'decision':<8}  {'category':<12}  {'rule':<28}  text")
    for d in result.decisions:
        hit = d.final
        decision = "keep" if d.kept else "drop"
        out.append(f"{d.block.line:>5}  {decision:<8}  {(hit.category.value if hit else '-'):<12}  "
                   f"{(hit.rule if hit else '-'):<28}  {_short(d.block.source, width)}")
        why = hit.reason if hit else ""
        if d.note:
            why = f"{why}; {d.note}" if why else d.note
        if why:
            out.append(f"{'':>5}  {'':<8}  {'':<12}  {'':<28}  why: {why}")
        for span in d.spans:  # a part of the kept block removed on its own
            out.append(f"{d.block.line:>5}  {'trim':<8}  {span.hit.category.value:<12}  {span.hit.rule:<28}  "
                       f"{_short(d.block.text[span.start:span.end], width)} "
                       f"[characters {span.start}-{span.end}]")
            out.append(f"{'':>5}  {'':<8}  {'':<12}  {'':<28}  why: {span.hit.reason}")
    page = [r for r in result.removed if is_outside(r)]
    if page:
        out.append(f"# {len(page)} blocks of the page outside the extracted body (line: the block's "
                   "position in the page)")
        for r in page:
            out.append(f"{r.line:>5}  {'page':<8}  {r.category.value:<12}  {r.rule:<28}  {_short(r.text, width)}")
            out.append(f"{'':>5}  {'':<8}  {'':<12}  {'':<28}  why: {r.reason}")
    return "\n".join(out) + "\n"
