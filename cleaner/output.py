"""Where outcomes go: standard output, the single file `-o FILE`, or one file per input under
`-o DIR`; in which format each is written; and what is kept when a run is interrupted.

    plan_output(...)  ->  Target (where, and the format of documents and of JSONL streams)
    Writer(target)    ->  write(outcome) ... close()      (or abort() on an interruption)

Every file is written under a temporary name in its folder and renamed into place when it is
complete (io.AtomicFile), so a reader never sees half a file and an existing file is replaced
whole. A run that is interrupted keeps what it completed: the file being written is renamed to
`<name>.partial` (whole documents or records, in input order), the target itself is left as it
was, and `abort()` says where the partial files are.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from . import batch
from .io import AtomicFile, Source, write_atomic

SUFFIXES = {"text": ".txt", "markdown": ".md", "json": ".json", "jsonl": ".jsonl"}
#: The format a single output file's suffix asks for when --format is not given.
FORMAT_OF_SUFFIX = {suffix: fmt for fmt, suffix in SUFFIXES.items()}


@dataclass(frozen=True, slots=True)
class Target:
    """Where the run writes, and in which formats.

    `kind` is "stdout", "file" (-o FILE) or "dir" (-o DIR). `doc_format` is the format of a
    document read from a text or HTML input, `stream_format` that of a JSONL input's records; on
    stdout and in a single file they are the same. `many` says whether stdout or the file holds
    several documents (and so needs separators, or a JSON array)."""

    kind: str
    path: Path | None
    doc_format: str
    stream_format: str
    many: bool


def plan_output(output: str | None, format: str | None, paths: list[str],
                sources: list[Source]) -> Target:
    """The target of a run: -o absent or '-' is stdout; -o FILE with a single input file (or
    standard input), unless FILE is a folder or ends with a slash, or the input is JSONL and FILE
    has no output suffix (.txt, .json, .jsonl): then -o DIR. The format is --format when given;
    else, for a single file, the one its suffix names; else, per input, jsonl for JSONL inputs and
    text for the others (stdout and a single file: jsonl when any input is JSONL)."""
    jsonl_input = any(s.records for s in sources)  # JSONL, WARC and WET: streams of records
    single_input = len(paths) <= 1 and not any(Path(p).is_dir() for p in paths if p != "-")
    many = not single_input or jsonl_input
    if output is None or output == "-":
        fmt = format or ("jsonl" if jsonl_input else "text")
        return Target("stdout", None, fmt, fmt, many)
    path = Path(output)
    suffix_format = FORMAT_OF_SUFFIX.get(path.suffix.lower())
    if (single_input and not path.is_dir() and not output.endswith(("/", os.sep))
            and (not jsonl_input or suffix_format is not None or not paths or paths == ["-"])):
        fmt = format or suffix_format or ("jsonl" if jsonl_input else "text")
        return Target("file", path, fmt, fmt, many)
    return Target("dir", path, format or "text", format or "jsonl", True)


class Sink:
    """One output stream (stdout, or a file being written) and the separators its documents
    need: `==> NAME <==` lines between texts, a JSON array around several JSON objects."""

    def __init__(self, out: TextIO | AtomicFile, fmt: str, many: bool, explain: bool):
        self.out, self.format, self.many, self.explain = out, fmt, many, explain
        #: outcomes written so far (a failed one is an error record in JSONL, left out otherwise)
        self.documents = 0
        self._json_items = 0

    def _framed(self, outcome: batch.Outcome) -> str:
        if self.format == "jsonl":
            return outcome.output
        if not outcome.ok:
            return ""
        if self.format == "json":
            if not self.many:
                return outcome.output
            self._json_items += 1
            return ("[\n" if self._json_items == 1 else ",\n") + outcome.output.rstrip("\n")
        if self.many and not self.explain:
            return f"==> {outcome.id} <==\n{outcome.output}\n"
        return outcome.output + ("\n" if self.many else "")

    def write(self, outcome: batch.Outcome) -> None:
        text = self._framed(outcome)
        if text:
            self.out.write(text)
        self.documents += 1

    def tail(self) -> str:
        """What ends the stream: the JSON array's closing bracket."""
        if self.format == "json" and self.many:
            return "[]\n" if not self._json_items else "\n]\n"
        return ""


class Writer:
    """Writes the outcomes of a run to its target, in input order.

    JSONL records from one input stream go to one output (`DIR/<input name>.jsonl`), written
    record by record; a document from a text or HTML input is one file under DIR. An output that
    would replace an input file is refused, for that document only."""

    def __init__(self, target: Target, explain: bool, inputs: set[str]):
        """`inputs`: the real paths (os.path.realpath) of the input files."""
        self.target, self.explain, self.inputs = target, explain, inputs
        self._sink: Sink | None = None  # stdout, -o FILE, or the JSONL stream being written
        self._sink_path: Path | None = None
        self._folders: dict[Path, _Folder] = {}  # per output folder, what it held at first sight
        if target.kind == "stdout":
            self._sink = Sink(sys.stdout, target.doc_format, target.many, explain)

    @property
    def out_dir(self) -> Path | None:
        return self.target.path if self.target.kind == "dir" else None

    def output_path(self, source: Source) -> Path:
        """Where a source's output goes under -o DIR."""
        fmt = self.target.stream_format if source.records else self.target.doc_format
        return self.target.path / (source.name.as_posix() + SUFFIXES[fmt])

    def _folder(self, path: Path) -> "_Folder":
        folder = self._folders.get(path.parent)
        if folder is None:
            folder = self._folders[path.parent] = _Folder.listed(path.parent)
        return folder

    def _check_target(self, path: Path) -> str | None:
        folder = self._folder(path)
        name = path.name
        real = os.path.realpath(path) if name in folder.links else os.path.join(folder.real, name)
        if real in self.inputs:
            return f"refusing to write over the input file {path}"
        return None

    def _open(self, path: Path, fmt: str, many: bool) -> str | None:
        if self._sink_path == path:
            return None
        error = self._close_sink() or self._check_target(path)
        if error:
            return error
        try:
            self._sink, self._sink_path = Sink(AtomicFile(path), fmt, many, self.explain), path
        except OSError as exc:
            return f"cannot write {path}: {exc.strerror or exc}"
        return None

    def _close_sink(self) -> str | None:
        sink, path = self._sink, self._sink_path
        if path is None:
            return None
        self._sink, self._sink_path = None, None
        try:
            sink.out.write(sink.tail())
            sink.out.commit()
        except OSError as exc:
            return f"cannot write {path}: {exc.strerror or exc}"
        self._folder(path).remove_stale_partial(path)
        return None

    def write(self, outcome: batch.Outcome) -> str | None:
        """Write one outcome; returns an error message when it could not be written."""
        t = self.target
        try:
            if t.kind == "dir" and outcome.stream is not None:  # a JSONL stream: one file
                path = t.path / (outcome.stream.as_posix() + SUFFIXES[t.stream_format])
                error = self._open(path, t.stream_format, True)
                if error:
                    return error
            elif t.kind == "dir":
                if not outcome.ok:
                    return None
                path = t.path / ((outcome.name or Path("stdin")).as_posix() + SUFFIXES[t.doc_format])
                error = self._check_target(path)
                if error:
                    return error
                write_atomic(path, outcome.output)
                self._folder(path).remove_stale_partial(path)
                return None
            elif t.kind == "file":
                error = self._open(t.path, t.doc_format, t.many)
                if error:
                    return error
            self._sink.write(outcome)
            if t.kind == "stdout":
                sys.stdout.flush()
        except BrokenPipeError:
            raise  # the reader is gone (`| head`): the CLI stops the whole run quietly
        except OSError as exc:
            return f"cannot write output: {exc.strerror or exc}"
        return None

    def close(self) -> str | None:
        """Finish the run: the JSON array's end, and the last file renamed into place."""
        t = self.target
        if t.kind == "file" and self._sink is None and t.doc_format == "json" and t.many:
            error = self._open(t.path, t.doc_format, t.many)  # nothing was written: an empty array
            if error:
                return error
        if t.kind == "stdout":
            sys.stdout.write(self._sink.tail())
            sys.stdout.flush()
            return None
        return self._close_sink()

    def abort(self, keep_partial: bool = True) -> tuple[Path, int] | None:
        """Stop writing (the run was interrupted). The file being written, when it holds at least
        one document, is kept as `<name>.partial`: returns its path and how many documents it
        holds. The target itself keeps its old content."""
        sink, path = self._sink, self._sink_path
        self._sink, self._sink_path = None, None
        if path is None:
            return None
        if not keep_partial or sink.documents == 0:
            sink.out.discard()
            return None
        partial = path.with_name(path.name + ".partial")
        try:
            sink.out.write(sink.tail())  # a JSON array is closed: the partial file is valid JSON
            sink.out.commit(partial)
        except OSError:
            return None
        return partial, sink.documents


@dataclass(slots=True)
class _Folder:
    """An output folder as one listing found it when the run first wrote there: instead of a
    real path worked out (six lstat calls) and an unlink attempt for every output."""

    real: str  # its real path
    links: frozenset[str]  # the names in it that are symbolic links (resolved one by one)
    partials: set[str]  # the `.partial` files an interrupted run left in it

    @classmethod
    def listed(cls, folder: Path) -> "_Folder":
        links, partials = set(), set()
        try:
            with os.scandir(folder) as listing:
                for entry in listing:
                    if entry.is_symlink():
                        links.add(entry.name)
                    if entry.name.endswith(".partial"):
                        partials.add(entry.name)
        except OSError:  # not made yet (nothing in it), or not readable (writing will say)
            pass
        return cls(os.path.realpath(folder), frozenset(links), partials)

    def remove_stale_partial(self, path: Path) -> None:
        """A complete output replaces the partial file an interrupted run left for it."""
        name = path.name + ".partial"
        if name in self.partials:
            self.partials.discard(name)
            try:
                (path.parent / name).unlink()
            except OSError:
                pass
