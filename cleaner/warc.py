"""WARC and WET input (Common Crawl): one task per page record, streamed, with warcio.

    .warc  .warc.gz   response records whose HTTP payload is HTML  -> Task.html
    .wet   .wet.gz    conversion records (the page's text)         -> Task.text

warcio (Webrecorder's streaming WARC library, the one datatrove's WarcReader uses) reads the
records one at a time, from plain files and from gzip files with one member per record, so
memory stays bounded by one record's payload, itself bounded by --max-bytes. It also undoes the
HTTP transfer and content encodings (chunked, gzip, br) of a response's payload.

Each page keeps its `WARC-Record-ID` as its id, and its `WARC-Target-URI` (`url`) and
`WARC-Date` (`warc_date`) as fields of its record. Every other record (warcinfo, request,
metadata, revisit, resource records that are not HTML, responses that are not HTML or not 2xx,
empty payloads) is skipped and counted in the file's `WarcSummary`, which the command line
reports at the end of the run. A file that cannot be read further (not a WARC, a truncated or
corrupt record) ends with one error task in place of the rest; the records before it are kept.
"""
from __future__ import annotations

import codecs
import gzip
import logging
import re
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator

from . import logs
from .io import Fields, ReadError, Task, decode, open_binary, strip_controls

log = logging.getLogger(__name__)

#: Name suffixes read as WARC or WET files (Common Crawl names its WET files `*.warc.wet.gz`),
#: longest first: the output name is the file name without them.
SUFFIXES = (".warc.wet.gz", ".warc.wet", ".warc.gz", ".wet.gz", ".warc", ".wet")
#: Payload types that are pages.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Bytes read at a time to skip the rest of a record.
_CHUNK = 1 << 16

_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def stem(path: Path) -> Path:
    """The output name of a WARC or WET file: its name without the WARC suffixes."""
    name = path.name
    for suffix in SUFFIXES:
        if name.lower().endswith(suffix):
            return path.with_name(name[: -len(suffix)])
    return path.with_suffix("")


@dataclass(slots=True)
class WarcSummary:
    """What one WARC or WET file held: its records, the pages read, and why the rest was skipped."""

    label: str
    source: Path | None = None  # the file (None: standard input), as in its tasks
    stream: Path | None = None  # the output name of its records, as in its tasks
    records: int = 0
    pages: int = 0
    skipped: Counter = field(default_factory=Counter)
    error: str | None = None  # why reading stopped before the end of the file
    stopped_at: int | None = None  # the record that could not be read

    def describe(self, cleaned: int | None = None) -> str:
        """`x.warc.gz: 6 records: 2 pages cleaned, 4 skipped (1 warcinfo, 1 request, ...)`."""
        parts = []
        if cleaned is None:
            parts.append(f"{self.pages} {_plural(self.pages, 'page')} read")
        else:
            parts.append(f"{cleaned} {_plural(cleaned, 'page')} cleaned")
            if self.pages - cleaned:
                parts.append(f"{self.pages - cleaned} failed")
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{n} {why}" for why, n in self.skipped.most_common())
        parts.append(f"{skipped} skipped" + (f" ({reasons})" if reasons else ""))
        text = f"{self.label}: {self.records} {_plural(self.records, 'record')}: {', '.join(parts)}"
        if self.stopped_at is not None:
            text += f"; record {self.stopped_at} cannot be read, nor anything after it (see above)"
        return text


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def _media_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def _charset(content_type: str | None) -> str | None:
    m = _CHARSET.search(content_type or "")
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1)).name
    except LookupError:
        return None


def _decode_payload(data: bytes, content_type: str | None, what: str) -> str:
    """The HTTP charset when it is given and decodes the payload, else the project's decode()."""
    charset = _charset(content_type)
    if charset:
        try:
            return strip_controls(data.decode(charset))
        except UnicodeDecodeError:
            log.info("%s: not valid %s as its Content-Type says: detecting the encoding", what, charset)
    return decode(data, what)


def _skip_reason(record) -> str | None:
    """Why a record is not a page (None: it is one)."""
    kind = record.rec_type
    if kind == "conversion":
        return None
    if kind == "response":
        if record.http_headers is None:  # dns: and other non-HTTP responses
            return "non-HTTP response"
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return "non-2xx response"
        media = _media_type(record.http_headers.get_header("Content-Type")) or \
            _media_type(record.rec_headers.get_header("WARC-Identified-Payload-Type"))
        return None if media is None or media in HTML_TYPES else "non-HTML response"
    if kind == "resource":
        return None if _media_type(record.content_type) in HTML_TYPES else "non-HTML resource"
    return kind or "untyped"


class _Stop(Exception):
    """The file cannot be read past this record."""


class _Truncated(OSError):
    """A gzip stream that ends in the middle of a member."""


class _GzipStream:
    """A gzip file whose early end is an OSError, raised after the data before it was returned:
    warcio takes an EOFError for the end of the archive, which would make a truncated file look
    complete (and GzipFile.read drops what it decompressed in the call that meets the end)."""

    def __init__(self, fh: gzip.GzipFile):
        self._fh = fh
        self._truncated: str | None = None

    def read(self, size: int = -1) -> bytes:
        if self._truncated:
            raise _Truncated(self._truncated)
        size = sys.maxsize if size is None or size < 0 else size
        parts, got = [], 0
        while got < size:
            try:
                part = self._fh.read1(min(size - got, _CHUNK))
            except EOFError as exc:
                self._truncated = f"the gzip file is truncated: {exc}"
                if not parts:
                    raise _Truncated(self._truncated) from None
                break
            if not part:
                break
            parts.append(part)
            got += len(part)
        return b"".join(parts)

    def close(self) -> None:
        self._fh.close()


def _drain(record, number: int) -> None:
    """Read the rest of a record; a record shorter than its Content-Length is truncated."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    missing = getattr(raw, "limit", 0)
    if missing:
        raise _Stop(f"record {number} is truncated: {missing} bytes missing")


def iter_warc(stream: BinaryIO, where: str, max_bytes: int, out_name: Path | None = None,
              source: Path | None = None, summary: WarcSummary | None = None,
              fields: Fields = Fields()) -> Iterator[Task]:
    """One task per page record of a WARC or WET stream, in record order (see the module)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    summary = summary if summary is not None else WarcSummary(where, source, out_name)
    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            summary.records = number
            if record.length is None or record.rec_headers.get_header("WARC-Record-ID") is None:
                raise _Stop("not a WARC file: its first record has no Content-Length or "
                            "WARC-Record-ID header" if number == 1 else
                            f"record {number} is truncated or invalid (no Content-Length or "
                            "WARC-Record-ID header)")
            reason = _skip_reason(record)
            if reason is None:
                task = _page(record, number, where, max_bytes, out_name, source, fields)
                if task is None:
                    reason = "empty"
            _drain(record, number)
            if reason is not None:
                summary.skipped[reason] += 1
                log.debug("%s: record %d (%s) skipped: %s", where, number,
                          record.rec_headers.get_header("WARC-Record-ID"), reason)
                continue
            summary.pages += 1
            yield task
    except (_Stop, ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        message = " ".join(str(exc).split()) or type(exc).__name__
        if isinstance(exc, _Stop):  # the record was read, but is broken
            summary.records = number = number - 1
        if isinstance(exc, gzip.BadGzipFile) and number == 0:
            message = f"not a valid gzip file: {message}"
        elif isinstance(exc, ArchiveLoadFailed) and number == 0:
            message = f"not a WARC file: {message}"
        elif not isinstance(exc, _Stop):
            message = f"cannot read past record {number}: {message}"
        summary.error, summary.stopped_at = message, number + 1
        yield Task(id=f"{where}:record {number + 1}", stream=out_name, source=source, error=message)


def _page(record, number: int, where: str, max_bytes: int, out_name: Path | None,
          source: Path | None, fields: Fields) -> Task | None:
    """The task of a page record, reading at most max_bytes + 1 of its payload (None: empty)."""
    headers = record.rec_headers
    record_id = headers.get_header("WARC-Record-ID")
    extra = {fields.id: record_id, "url": headers.get_header("WARC-Target-URI"),
             "warc_date": headers.get_header("WARC-Date")}
    task = Task(id=record_id, stream=out_name, source=source, extra=extra)
    try:
        data = record.content_stream().read(max_bytes + 1)
    except (OSError, EOFError, zlib.error, ValueError) as exc:  # a bad content encoding
        task.error = f"record {number}: cannot decode the HTTP payload: {exc}"
        return task
    if not data.strip():
        return None
    if len(data) > max_bytes:
        task.error = f"record {number}: too large: more than {max_bytes} bytes (see --max-bytes)"
        return task
    what = f"{where}: record {number}"
    content_type = record.http_headers.get_header("Content-Type") if record.http_headers else \
        record.content_type
    try:
        with logs.document(record_id):
            text = _decode_payload(data, content_type, what)
    except ReadError as exc:
        task.error = f"record {number}: {exc}"
        return task
    if record.rec_type == "conversion" and _media_type(content_type) not in HTML_TYPES:
        task.text = text
    else:
        task.html = text
    return task


def read_warc_file(path: Path, name: Path, max_bytes: int, summary: WarcSummary | None = None,
                   fields: Fields = Fields()) -> Iterator[Task]:
    """The page records of a WARC or WET file. A `.gz` file is decompressed by Python's gzip
    module, which reads a file of one gzip member per record (the norm, and Common Crawl's) and a
    file gzipped whole alike, as a stream; warcio refuses the second kind."""
    try:
        fh = open_binary(path)
        stream = _GzipStream(fh) if isinstance(fh, gzip.GzipFile) else fh
    except OSError as exc:
        if summary is not None:
            summary.error = f"cannot read: {exc.strerror or exc}"
        yield Task(id=str(path), name=name, source=path, error=f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        yield from iter_warc(stream, str(path), max_bytes, name, path, summary, fields)
