"""Inputs and outputs: files, folders, stdin, decoding, and safe writing.

Every input becomes a `Task` (one document), in a stable order: arguments in the order given,
folder contents sorted by path. Reading errors do not stop the batch: they become tasks that carry
their error, so each failure is reported for its own document.
"""
from __future__ import annotations

import codecs
import dataclasses
import gzip
import itertools
import json
import logging
import os
import re
import stat
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from . import logs

log = logging.getLogger(__name__)

#: File suffixes read as text, and as HTML; files without a suffix are read as text.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
#: Bytes looked at to decide whether content is HTML or binary.
SNIFF_BYTES = 2048
#: A control character share above this in the sniffed bytes means binary data, not text.
BINARY_CONTROL_SHARE = 0.10

#: The bytes counted as control characters by looks_binary (all below 32 but tab, LF, VT, FF, CR).
_CONTROL_BYTES = bytes(b for b in range(32) if not 9 <= b <= 13)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: The characters _CONTROL removes, as bytes: in UTF-8 each is that single byte, and no other
#: character's encoding holds one (multi-byte sequences are made of bytes from 0x80 on), so
#: counting them in the encoded text tells whether strip_controls has anything to remove.
_STRIPPED_BYTES = bytes([*range(9), 11, 12, *range(14, 32), 127])
_SURROGATE = re.compile("[\ud800-\udfff]")  # lone surrogates (from JSON "\ud800"): not encodable
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>]|<article)",
                         re.IGNORECASE)
# Comments before the first tag: alone they do not make a text HTML (markdown and text files
# start with them too).
_LEADING_COMMENTS = re.compile(rb"^\s*(?:<!--.*?-->\s*)+", re.DOTALL)


class ReadError(ValueError):
    """A document that could not be read or decoded."""


#: A JSONL stream whose first records all lack both the text and the html field is read with the
#: wrong field names (--text-field, --html-field): it is stopped after this many records, with one
#: message, rather than failing every record one by one.
FIELDS_CHECK_RECORDS = 10


class MissingFields(ReadError):
    """The first records of a JSONL stream all lack the text and the html field: the run stops."""


@dataclass(slots=True)
class Task:
    """One document to clean."""

    id: str  # shown in messages and written as the record id
    name: Path | None = None  # relative output path (without suffix) when writing to a folder
    text: str | None = None
    html: str | None = None
    error: str | None = None  # set when the document could not be read
    extra: dict[str, Any] | None = None  # JSONL fields passed through unchanged
    source: Path | None = None  # the file it came from
    stream: Path | None = None  # for JSONL records: the output file name of their stream
    fields: "Fields | None" = None  # for JSONL records: the names of their text and html fields
    notes: tuple[str, ...] = ()  # said in the result's notes (a record field that was ignored)
    lacks_fields: bool = False  # a JSONL record with neither the text nor the html field


@dataclass(frozen=True, slots=True)
class Fields:
    """Names of the JSONL fields that hold the text, the HTML and the id."""

    text: str = "text"
    html: str = "html"
    id: str = "id"


def strip_controls(text: str) -> str:
    """Drop NUL and other control characters, and replace lone surrogates with U+FFFD."""
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATE.sub("\ufffd", text)
        encoded = text.encode("utf-8")
    return _strip_utf8(encoded, text)


def _strip_utf8(data: bytes, text: str) -> str:
    """`text` without its control characters, `data` being its UTF-8 encoding: the controls are
    looked for in the bytes (bytes.translate, in C) and the regex runs only when there is one
    (the regex scan cost about 70 us on an 8 kB text; most texts have none)."""
    if len(data.translate(None, _STRIPPED_BYTES)) == len(data):
        return text
    return _CONTROL.sub("", text)


def looks_binary(data: bytes) -> bool:
    head = data[:SNIFF_BYTES]
    if not head:
        return False
    # control characters other than tab, newlines and form feed, counted in C (bytes.translate)
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > BINARY_CONTROL_SHARE


def decode(data: bytes, what: str = "input") -> str:
    """Bytes to text: BOMs first (UTF-8, UTF-16, UTF-32), then UTF-8, then charset detection."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return strip_controls(data.decode(enc))
            except UnicodeDecodeError as exc:
                raise ReadError(f"invalid {enc} in {what}: {exc.reason} at byte {exc.start}") from None
    if looks_binary(data):
        raise ReadError(f"not text: {what} looks like binary data")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # the strict decoder lets no lone surrogate through: only the controls are left to drop
        return _strip_utf8(data, text)
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise ReadError(f"not text: cannot detect the encoding of {what}")
    log.info("%s: decoded as %s", what, best.encoding)
    return strip_controls(data.decode(best.encoding, errors="replace"))


def sniff_html(data: bytes | str) -> bool:
    head = data[:SNIFF_BYTES]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    head = head.lstrip(codecs.BOM_UTF8)
    comments = _LEADING_COMMENTS.match(head)
    return bool(_HTML_START.match(head[comments.end():] if comments else head))


def _kind_of(path: Path, head: bytes, input_format: str) -> str:
    if input_format in ("text", "html"):
        return input_format
    if path.suffix.lower() in HTML_SUFFIXES:
        return "html"
    return "html" if sniff_html(head) else "text"


def not_regular(path: Path) -> str | None:
    """Why a file found in a folder is not read: a named pipe, socket or device could block the
    batch forever. None for regular files (and for broken links: reading reports those)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else \
        "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file"
    return f"not a regular file ({kind}); name it as an argument to read it"


def _regular(entry: os.DirEntry) -> bool:
    """Whether a folder's entry is a regular file (or a link to one), from the listing when it
    says (no stat call); a link that loops is not (reading it reports the loop)."""
    try:
        return entry.is_file()
    except OSError:
        return False


def _gzipped(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def open_binary(path: Path) -> BinaryIO:
    """The file for reading bytes, decompressed as it is read when its name ends in .gz."""
    return gzip.open(path, "rb") if _gzipped(path) else path.open("rb")


def _inner(path: Path) -> Path:
    """The document's own name: a compressed page.html.gz is a page.html."""
    return path.with_name(path.name[:-3]) if _gzipped(path) else path


#: Bytes asked for per read when the size is not known in advance (a pipe such as `<(cmd)`).
_PIPE_CHUNK = 1 << 16
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, at most `max_bytes + 1` of them (so that a larger file is refused):
    open, fstat, reads until the end, close. A regular file is read in one call of its size (plus
    the read that finds its end); a buffered open() would stat the file, ask whether it is a
    terminal and where it stands, and allocate `max_bytes + 1` bytes for every file read."""
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        regular = stat.S_ISREG(info.st_mode)
        if regular and info.st_size > max_bytes:
            raise ReadError(f"too large: {info.st_size} bytes (limit {max_bytes}, see --max-bytes)")
        want = info.st_size + 1 if regular else _PIPE_CHUNK
        parts, total = [], 0
        while total <= max_bytes:
            part = os.read(fd, min(want, max_bytes + 1 - total))
            if not part:
                break
            parts.append(part)
            total += len(part)
            want = _PIPE_CHUNK  # the file grew while it was read, or it is a pipe
        return b"".join(parts)
    finally:
        os.close(fd)


def read_file(path: Path, name: Path | None, input_format: str, max_bytes: int) -> Task:
    task = Task(id=str(path), name=name, source=path)
    try:
        if _gzipped(path):  # .txt.gz, .html.gz: read transparently, bounded after decompression
            try:
                with gzip.open(path, "rb") as fh:
                    data = fh.read(max_bytes + 1)
            except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
                raise ReadError(f"not a valid gzip file: {exc}") from None
        else:
            data = _read_bounded(path, max_bytes)
        if len(data) > max_bytes:
            raise ReadError(f"too large: more than {max_bytes} bytes (see --max-bytes)")
        with logs.document(str(path)):  # charset_normalizer's messages name the file
            text = decode(data, str(path))
    except ReadError as exc:
        task.error = str(exc)
        return task
    except OSError as exc:
        broken = path.is_symlink() and not path.exists()
        task.error = f"cannot read: {'broken symbolic link' if broken else exc.strerror or exc}"
        return task
    if _kind_of(_inner(path), data, input_format) == "html":
        task.html = text
    else:
        task.text = text
    return task


def is_jsonl(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(".jsonl") or name.endswith(".jsonl.gz")


def is_warc(path: Path) -> bool:
    """WARC and WET files: .warc, .warc.gz, .wet, .wet.gz (Common Crawl's *.warc.wet.gz)."""
    from .warc import is_warc

    return is_warc(path)


def is_document(path: Path) -> bool:
    """Files a folder walk picks up: text, HTML, JSONL and WARC/WET suffixes (text and HTML also
    gzip-compressed), and files without a suffix."""
    if is_jsonl(path) or is_warc(path):
        return True
    suffix = _inner(path).suffix.lower()
    return suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES or (suffix == "" and not _gzipped(path))


def _record_task(line: bytes, lineno: int, where: str, fields: Fields, max_bytes: int,
                 stream: Path | None) -> Task:
    """One JSONL line -> one task; a line that cannot be used becomes an error task in its place."""
    task = Task(id=f"{where}:{lineno}", stream=stream)
    if len(line) > max_bytes:
        task.error = f"line {lineno}: record too large: more than {max_bytes} bytes (see --max-bytes)"
        return task
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        task.error = f"line {lineno}: invalid JSON: {exc}"
        return task
    if not isinstance(record, dict):
        task.error = f"line {lineno}: expected a JSON object, got {type(record).__name__}"
        return task
    if fields.id in record and record[fields.id] is not None:
        task.id = str(record[fields.id])
    task.extra = {k: v for k, v in record.items() if k not in (fields.text, fields.html)}
    if fields.html not in record and fields.text not in record:
        task.error = f"line {lineno}: no '{fields.text}' or '{fields.html}' field"
        task.lacks_fields = True
        return task
    # Both fields are kept: an empty html field, or one whose page has no text, falls back to
    # the text field (batch.clean_document); the record fails only when neither holds anything.
    task.fields = fields
    problems = []
    for name, value in ((fields.html, record.get(fields.html)), (fields.text, record.get(fields.text))):
        if value is not None and not isinstance(value, str):
            problems.append(f"field '{name}' is {type(value).__name__}, not a string")
        elif value is not None:
            setattr(task, "html" if name == fields.html else "text", strip_controls(value))
    if task.html is None and task.text is None and problems:
        task.error = f"line {lineno}: {' and '.join(problems)}"
    elif task.html is None and task.text is None:
        task.text = ""  # both null: cleaning reports the empty document, as for any other
    else:
        task.notes = tuple(f"{p}: ignored" for p in problems)
    return task


def _bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes]:
    """The lines of a stream, each read with bounded memory: a line longer than `max_bytes` comes
    back cut after `max_bytes + 1` bytes (so it is refused as too large), and its rest is skipped."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
        yield line


def iter_jsonl(stream: BinaryIO, where: str, fields: Fields, max_bytes: int,
               out_name: Path | None = None) -> Iterator[Task]:
    """One task per line of a JSONL stream (blank lines are skipped), read line by line. Raises
    MissingFields when the first FIELDS_CHECK_RECORDS records all lack the text and html fields
    (they are held back until a record has one, so nothing is written for them)."""
    lineno = 0
    held: list[Task] | None = []  # the first records, while none of them has either field
    try:
        for lineno, line in enumerate(_bounded_lines(stream, max_bytes), start=1):
            if not line.strip():
                continue
            task = _record_task(line, lineno, where, fields, max_bytes, out_name)
            if held is not None and task.lacks_fields:
                held.append(task)
                if len(held) >= FIELDS_CHECK_RECORDS:
                    raise MissingFields(_missing_fields(where, fields, held))
                continue
            if held:
                yield from held
            held = None
            yield task
    except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt .gz
        yield from held or ()
        held = None
        yield Task(id=f"{where}:{lineno + 1}", stream=out_name,
                   error=f"cannot read past line {lineno}: {exc}")
    yield from held or ()


def _missing_fields(where: str, fields: Fields, held: list[Task]) -> str:
    keys = list(held[0].extra or {})
    seen = ", ".join(f"'{k}'" for k in keys[:12]) + (", ..." if len(keys) > 12 else "")
    return (f"{where}: none of the first {len(held)} records has a '{fields.text}' or "
            f"'{fields.html}' field (the first one has {seen or 'no field'}): name the fields "
            "with --text-field and --html-field")


def read_jsonl_file(path: Path, name: Path, fields: Fields, max_bytes: int) -> Iterator[Task]:
    try:
        fh = open_binary(path)
    except OSError as exc:
        yield Task(id=str(path), name=name, source=path, error=f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        yield from iter_jsonl(fh, str(path), fields, max_bytes, name)


def _by_name(entry: os.DirEntry) -> str:
    return entry.name


def _walk_files(top: str) -> Iterator[os.DirEntry]:
    """The files under a folder as os.walk(top) finds them (links to folders are not followed,
    folders that cannot be listed are skipped), each folder's files, sorted, before its
    subfolders, sorted; hidden names skipped. As directory entries: whether each is a regular
    file or a link is known from the listing, without a stat call per file."""
    try:
        with os.scandir(top) as listing:
            entries = [e for e in listing if not e.name.startswith(".")]
    except OSError:
        return
    files, folders = [], []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        (folders if is_dir else files).append(entry)
    yield from sorted(files, key=_by_name)
    for entry in sorted(folders, key=_by_name):
        if not entry.is_symlink():
            yield from _walk_files(entry.path)


def walk(root: Path) -> Iterator[os.DirEntry]:
    """Documents under a folder, sorted, skipping hidden files and folders (directory entries)."""
    for entry in _walk_files(os.fspath(root)):
        if is_document(Path(entry.name)):
            yield entry
        else:
            log.info("skipping %s: not a .txt, .md, .html, .jsonl, .warc or suffix-less file", entry.path)


def read_stdin(input_format: str, max_bytes: int, name: Path = Path("stdin")) -> Task:
    task = Task(id="<stdin>", name=name)
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        task.error = f"too large: more than {max_bytes} bytes (see --max-bytes)"
        return task
    try:
        text = decode(data, "stdin")
    except ReadError as exc:
        task.error = str(exc)
        return task
    if input_format == "html" or (input_format == "auto" and sniff_html(data)):
        task.html = text
    else:
        task.text = text
    return task


def _stem(path: Path) -> Path:
    """The output name of an input: its path without the document suffix(es)."""
    name = path.name
    for suffix in (".jsonl.gz", ".jsonl"):
        if name.lower().endswith(suffix):
            return path.with_name(name[: -len(suffix)])
    if is_warc(path):
        from .warc import stem

        return stem(path)
    return _inner(path).with_suffix("")


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file (found in a folder or named as an argument) or standard input, with the
    relative path its output gets under `-o DIR`."""

    arg: str  # the argument it comes from
    path: Path | None  # None: standard input
    rel: Path  # its path relative to the arguments' common folder (suffix kept)
    name: Path  # the output name: `rel` without its document suffix (see disambiguate)
    jsonl: bool  # read as JSONL records
    error: str | None = None  # why it is not read: missing, or not a regular file in a folder
    warc: bool = False  # read as WARC or WET records
    real: str | None = None  # its real path (links resolved) when it is read: no output replaces it

    @property
    def records(self) -> bool:
        """A stream of records (JSONL, WARC, WET): written as one stream, JSONL by default."""
        return self.jsonl or self.warc

    @property
    def label(self) -> str:
        return "<stdin>" if self.path is None else str(self.path)


def _base(args: list[str]) -> str | None:
    """The folder output names are relative to: a folder argument's own, a file argument's
    parent, and with several arguments the folder they all have in common. None when there is no
    common folder (different drives on Windows)."""
    anchors = []
    for arg in args:
        path = Path(arg)
        if arg == "-" or not (path.exists() or path.is_symlink()):
            continue
        anchors.append(os.path.abspath(arg if path.is_dir() else path.parent))
    try:
        return os.path.commonpath(anchors) if anchors else None
    except ValueError:
        return None


def _relative(path: Path, base: str | None) -> Path:
    return Path(os.path.relpath(os.path.abspath(path), base)) if base else Path(path.name)


class _Folders:
    """Where the files of a walked folder go: each file's path relative to the arguments' common
    folder and its real path, from its folder's, worked out once per folder (a path made
    absolute, relative and real for every file cost about 80 us and six lstat calls)."""

    def __init__(self, base: str | None):
        self.base = base
        self._seen: dict[str, tuple[Path | None, str]] = {}  # folder -> (relative, real path)

    def place(self, entry: os.DirEntry) -> tuple[Path, str]:
        """The entry's relative path and its real path (a link's is resolved on its own)."""
        folder = os.path.dirname(entry.path)
        seen = self._seen.get(folder)
        if seen is None:
            rel = Path(os.path.relpath(os.path.abspath(folder), self.base)) if self.base else None
            seen = self._seen[folder] = (rel, os.path.realpath(folder))
        rel, real = seen
        link = entry.is_symlink()
        return (rel / entry.name if rel is not None else Path(entry.name),
                os.path.realpath(entry.path) if link else os.path.join(real, entry.name))


def plan_inputs(paths: list[str], input_format: str) -> tuple[list[Source], list[str]]:
    """Every input, in order (arguments as given, folder contents sorted), and the folder
    arguments that hold no input file. Folders are walked once, here; nothing is read."""
    args = paths or ["-"]
    base = _base(args)
    sources: list[Source] = []
    empty: list[str] = []

    def reads_jsonl(path: Path) -> bool:
        return input_format == "jsonl" or (input_format == "auto" and is_jsonl(path))

    def reads_warc(path: Path) -> bool:
        return input_format == "warc" or (input_format == "auto" and is_warc(path))

    for arg in args:
        if arg == "-":
            sources.append(Source(arg, None, Path("stdin"), Path("stdin"), input_format == "jsonl",
                                  warc=input_format == "warc"))
            continue
        path = Path(arg)
        if path.is_dir():
            before = len(sources)
            folders = _Folders(base)
            for entry in walk(path):
                p = Path(entry.path)
                rel, real = folders.place(entry)
                error = None if _regular(entry) else not_regular(p)
                sources.append(Source(arg, p, rel, _stem(rel), reads_jsonl(p), error, reads_warc(p),
                                      None if error else real))
            if len(sources) == before:
                empty.append(arg)
        elif path.exists() or path.is_symlink():
            rel = _relative(path, base)
            sources.append(Source(arg, path, rel, _stem(rel), reads_jsonl(path), warc=reads_warc(path),
                                  real=os.path.realpath(path)))
        else:
            rel = Path(path.name)
            sources.append(Source(arg, path, rel, _stem(rel), False, "no such file or folder"))
    return sources, empty


def disambiguate(sources: list[Source], suffix_of) -> tuple[list[Source], list[tuple[list[str], str]]]:
    """Output names under -o DIR that no two inputs share. Inputs whose outputs would collide
    (x.txt and x.html, c.jsonl and c.jsonl.gz) keep their whole file name (x.txt.txt,
    x.html.txt); what still collides (the same file given twice) is returned as messages, so that
    the run can be refused before anything is written, as (the inputs, their output name).
    `suffix_of(source)` is a source's output suffix."""

    def target(s: Source) -> str:
        return s.name.as_posix() + suffix_of(s)

    def groups(items: list[Source]) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for i, s in enumerate(items):
            if s.error is None:  # an input that cannot be read writes nothing
                found.setdefault(target(s), []).append(i)
        return found

    out = list(sources)
    for indices in groups(out).values():
        if len(indices) > 1:
            for i in indices:
                out[i] = dataclasses.replace(out[i], name=out[i].rel)
    conflicts = [([out[i].label for i in indices], name) for name, indices in groups(out).items()
                 if len(indices) > 1]
    return out, conflicts


def iter_tasks(sources: list[Source], input_format: str, max_bytes: int,
               fields: Fields = Fields(), summaries: list | None = None) -> Iterator[Task]:
    """One task per document (per record for JSONL, per page record for WARC and WET), in the
    order of `sources` (plan_inputs). Nothing is read ahead: a task is read when the consumer asks
    for it. Each WARC or WET input appends its `warc.WarcSummary` (its records, pages and
    skipped records, counted as they are read) to `summaries` when it is given."""
    for source in sources:
        if source.warc and source.error is None:
            from .warc import WarcSummary, iter_warc, read_warc_file

            summary = WarcSummary(source.label, source.path, source.name)
            if summaries is not None:
                summaries.append(summary)
            if source.path is None:
                yield from iter_warc(sys.stdin.buffer, "<stdin>", max_bytes, source.name,
                                     summary=summary, fields=fields)
            else:
                yield from read_warc_file(source.path, source.name, max_bytes, summary, fields)
        elif source.path is None:
            if source.jsonl:
                yield from iter_jsonl(sys.stdin.buffer, "<stdin>", fields, max_bytes, source.name)
            else:
                yield read_stdin(input_format, max_bytes, source.name)
        elif source.error is not None:
            yield Task(id=source.label, name=source.name, source=source.path, error=source.error)
        elif source.jsonl:
            yield from read_jsonl_file(source.path, source.name, fields, max_bytes)
        else:
            yield read_file(source.path, source.name, input_format, max_bytes)


#: Output folders already made by this process: an output's folder is made once, not stat'ed
#: again for every file written into it.
_MADE: set[Path] = set()
#: Temporary names are unique in this process (its id and a counter): no random name has to be
#: drawn as mkstemp does, and open() gives the file its usual mode (0o666 less the umask).
_TMP_COUNTER = itertools.count()
_TMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _open_temporary(path: Path) -> tuple[int, str]:
    """A new temporary file beside `path` (its folder made if need be): (fd, its name)."""
    if path.parent not in _MADE:
        path.parent.mkdir(parents=True, exist_ok=True)
        _MADE.add(path.parent)
    while True:
        tmp = os.path.join(path.parent, f".{path.name}.{os.getpid()}.{next(_TMP_COUNTER)}.tmp")
        try:
            return os.open(tmp, _TMP_FLAGS, 0o666), tmp
        except FileExistsError:  # a stale file of an earlier process with the same id
            continue


def _unlink_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


class AtomicFile:
    """A text file written under a temporary name in its folder and renamed into place on
    commit(), so the target is either complete or untouched."""

    def __init__(self, path: Path):
        self.path = path
        fd, self._tmp = _open_temporary(path)
        try:
            self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        except BaseException:
            os.close(fd)
            _unlink_quietly(self._tmp)
            raise

    def write(self, text: str) -> None:
        self._fh.write(text)

    def commit(self, path: Path | None = None) -> None:
        """Rename the complete file into place (at `path` instead of the target when given: an
        interrupted run keeps what it wrote as `<name>.partial`)."""
        try:
            self._fh.close()
            os.replace(self._tmp, path or self.path)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        try:
            self._fh.close()
        finally:
            _unlink_quietly(self._tmp)


def write_atomic(path: Path, content: str) -> None:
    """Write through a temporary file in the same folder, then rename over the target: four
    system calls (open, write, close, rename), the bytes written as they are."""
    fd, tmp = _open_temporary(path)
    try:
        view = memoryview(content.encode("utf-8"))
        while view:
            view = view[os.write(fd, view):]
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        _unlink_quietly(tmp)
        raise
