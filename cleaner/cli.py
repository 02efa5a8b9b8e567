"""clean-articles: a thin command-line front over the library."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TextIO

from . import __version__, batch, render
from .config import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Config
from .io import AtomicFile, Fields, disambiguate, is_jsonl, iter_tasks, plan_inputs, write_atomic
from .lexicon import LexiconError, available_languages, load_user_file
from .model import Category

log = logging.getLogger("cleaner")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
CATEGORIES = [c.value for c in Category]

DESCRIPTION = """\
Keep only the body of news articles. Reads already-extracted text, full-page text, HTML or
JSONL records from files, folders (recursively: .txt, .html/.htm, .jsonl/.jsonl.gz and files
without a suffix) or standard input, and writes the article body, with every removed line
explained on request."""

EPILOG = """\
exit status: 0 when every document was cleaned, 1 when some failed (each is named on
stderr), 2 on a usage error.

examples:
  clean-articles seeds/                      # bodies of every file, to stdout
  clean-articles -o OUT seeds/               # OUT/<name>.txt for each input file
  clean-articles --explain seeds/001_4cb4b16060de0800.txt
  cat article.txt | clean-articles --format json
  clean-articles -j 2 crawl.jsonl.gz -o OUT/  # OUT/crawl.jsonl, one record per input record
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="clean-articles", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders to clean; '-' or nothing reads standard input")
    p.add_argument("-o", "--output", metavar="DIR|FILE",
                   help="write one file per input document under DIR (same relative paths, "
                        "DIR/<name>.jsonl per JSONL input); with a single input file, FILE is "
                        "written (for a JSONL input, when FILE ends in .jsonl)")
    p.add_argument("-f", "--format", choices=render.FORMATS, default=None,
                   help="text: the body; json: one object per document (an array for several "
                        "on stdout); jsonl: one JSON record per line (default: jsonl for JSONL "
                        "input, text otherwise)")
    p.add_argument("--explain", action="store_true",
                   help="show every block with its decision, category, rule and reason")
    p.add_argument("--lang", metavar="CODE", help="language of the input (ISO 639-1); skips detection")
    p.add_argument("--keep", metavar="CATEGORY", action="append", choices=CATEGORIES, default=[],
                   help="leave this category in the body (repeatable)")
    p.add_argument("--only", metavar="CATEGORY", action="append", choices=CATEGORIES, default=[],
                   help="remove only this category (repeatable)")
    p.add_argument("--phrases", metavar="FILE", action="append", default=[],
                   help="a phrase file in the built-in TOML format, merged with the built-in lists")
    p.add_argument("--input-format", choices=("auto", "text", "html", "jsonl"), default="auto",
                   help="how to read inputs (default: auto: .jsonl/.jsonl.gz files are JSONL, "
                        ".html/.htm files and content that starts like HTML are HTML, the rest is text)")
    p.add_argument("--full-page", action=argparse.BooleanOptionalAction, default=None,
                   help="treat text inputs as whole pages (menus and footers included) and look for "
                        "the body first; default: detected per document (indented like a text-browser "
                        "dump, or nearly all short lines)")
    p.add_argument("--text-field", default="text", metavar="NAME",
                   help="JSONL: the field holding the text, replaced by the cleaned text (default: text)")
    p.add_argument("--html-field", default="html", metavar="NAME",
                   help="JSONL: the field holding HTML, used when present (default: html)")
    p.add_argument("--id-field", default="id", metavar="NAME",
                   help="JSONL: the field holding the record id (default: id); other fields pass through")
    p.add_argument("-j", "--jobs", type=_positive_int, default=batch.default_jobs(), metavar="N",
                   help="worker processes (default: the number of cores)")
    p.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"refuse documents larger than N bytes (default: {DEFAULT_MAX_BYTES})")
    p.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"give up on a document after this many seconds (default: {DEFAULT_TIMEOUT:g})")
    p.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    p.add_argument("--list-languages", action="store_true", help="list the languages with phrase lists and exit")
    p.add_argument("-v", "--verbose", action="count", default=0, help="log to stderr (-vv for debug)")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def config_from_args(args: argparse.Namespace) -> Config:
    """The one place where command-line arguments become a Config."""
    for path in args.phrases:
        load_user_file(path)  # fail early, as a usage error, on an unreadable phrase file
    lang = args.lang.lower() if args.lang else None
    if lang is not None and (len(lang) != 2 or not lang.isalpha()):
        raise ValueError(f"--lang expects a two-letter ISO 639-1 code, got {args.lang!r}")
    return Config(
        lang=lang,
        keep=frozenset(Category(c) for c in args.keep),
        only=frozenset(Category(c) for c in args.only) or None,
        phrase_files=tuple(args.phrases),
        full_page=args.full_page,
        max_bytes=args.max_bytes,
        timeout=args.timeout,
    )


def _seconds(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}") from None
    if not n >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"expected a number of seconds of at least 0, got {value}")
    return n


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {n}")
    return n


def list_rules(out: TextIO) -> None:
    from .context import HEURISTICS
    from .pipeline import rules

    out.write("per-block rules (first match wins):\n")
    for r in rules():
        out.write(f"  {r.name:<30} {r.category.value:<13} {r.doc}\n")
    out.write("context heuristics (run in this order):\n")
    for h in HEURISTICS:
        doc = (h.__doc__ or "").split("\n")[0].strip()
        out.write(f"  {h.__name__:<30} {doc}\n")


def _setup_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(level=level, stream=sys.stderr, format="clean-articles: %(levelname)s: %(message)s")


class Writer:
    """Where outcomes go: stdout, one file per document under -o DIR, or the single file -o FILE.

    JSONL records from one input stream go to one output stream (`DIR/<input name>.jsonl`),
    written record by record. Every file is written to a temporary name and renamed at the end,
    so a reader never sees half a file, and an input file is never overwritten.
    """

    def __init__(self, args: argparse.Namespace, many: bool, inputs: set[Path]):
        self.format, self.explain, self.many = args.format, args.explain, many
        self.inputs = inputs
        self.out_file: Path | None = None
        self.out_dir: Path | None = None
        if args.output:
            target = Path(args.output)
            one = len(args.paths) == 1 and args.paths[0] != "-" and Path(args.paths[0]).is_file()
            jsonl_in = args.input_format == "jsonl" or (one and is_jsonl(Path(args.paths[0])))
            # one document -> one file; one JSONL stream -> one JSONL file when -o names one
            single_file = one and (not jsonl_in or is_jsonl(target))
            if (single_file or not args.paths or args.paths == ["-"]) and not target.is_dir() \
                    and not args.output.endswith(("/", "\\")):
                self.out_file = target
            else:
                self.out_dir = target
        self._json_items = 0
        self._sink: AtomicFile | None = None  # the open output of -o FILE or the current JSONL stream
        self._sink_path: Path | None = None
        self.suffix = {"text": ".txt", "json": ".json", "jsonl": ".jsonl"}[self.format]

    def _check_target(self, path: Path) -> str | None:
        if path.resolve() in self.inputs:
            return f"refusing to write over the input file {path}"
        return None

    def _open(self, path: Path) -> str | None:
        if self._sink_path == path:
            return None
        error = self._close_sink() or self._check_target(path)
        if error:
            return error
        try:
            self._sink, self._sink_path = AtomicFile(path), path
        except OSError as exc:
            return f"cannot write {path}: {exc.strerror or exc}"
        return None

    def _close_sink(self) -> str | None:
        sink, self._sink, self._sink_path = self._sink, None, None
        if sink is not None:
            try:
                sink.commit()
            except OSError as exc:
                return f"cannot write {sink.path}: {exc.strerror or exc}"
        return None

    def _framed(self, outcome: batch.Outcome) -> str:
        """The outcome's text with the separators a stream of several documents needs."""
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

    def write(self, outcome: batch.Outcome) -> str | None:
        """Write one outcome; returns an error message when it could not be written."""
        try:
            if self.out_dir is not None and outcome.stream is not None:  # a JSONL stream: one file
                error = self._open(self.out_dir / (outcome.stream.as_posix() + ".jsonl"))
                if error:
                    return error
                self._sink.write(outcome.output)  # rendered as JSONL (Job.stream_jsonl)
                return None
            if self.out_dir is not None:
                if not outcome.ok:
                    return None
                path = self.out_dir / ((outcome.name or Path("stdin")).as_posix() + self.suffix)
                error = self._check_target(path)
                if error:
                    return error
                write_atomic(path, outcome.output)
                return None
            if self.out_file is not None:
                error = self._open(self.out_file)
                if error:
                    return error
                self._sink.write(self._framed(outcome))
                return None
            sys.stdout.write(self._framed(outcome))
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # the reader is gone (`| head`): main() stops the whole run quietly
        except OSError as exc:
            return f"cannot write output: {exc.strerror or exc}"
        return None

    def abort(self) -> None:
        """Drop the file being written (on an interruption): the target keeps its old content."""
        sink, self._sink, self._sink_path = self._sink, None, None
        if sink is not None:
            sink.discard()

    def close(self) -> str | None:
        if self.format == "json" and self.many and self.out_dir is None:
            tail = "[]\n" if not self._json_items else "\n]\n"
            if self.out_file is not None:
                error = self._open(self.out_file)
                if error:
                    return error
                self._sink.write(tail)
            else:
                sys.stdout.write(tail)
        return self._close_sink()


def _progress(total_hint: str):
    """A progress bar on stderr when stderr is a terminal (tqdm), else nothing."""
    if not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(unit="doc", desc=total_hint, file=sys.stderr, dynamic_ncols=True, leave=False)


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # the reader went away (`clean-articles ... | head`): stop quietly, as other tools do
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("clean-articles: interrupted", file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # like the output files, whatever the locale says
    if args.list_rules:
        list_rules(sys.stdout)
        return EXIT_OK
    if args.list_languages:
        sys.stdout.write("\n".join(available_languages()) + "\n")
        return EXIT_OK
    try:
        config = config_from_args(args)
    except (ValueError, LexiconError) as exc:
        parser.print_usage(sys.stderr)
        print(f"clean-articles: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if (not args.paths or args.paths == ["-"]) and sys.stdin.isatty():
        parser.print_usage(sys.stderr)
        print("clean-articles: error: no input: give files or folders, or pipe text to standard input",
              file=sys.stderr)
        return EXIT_USAGE

    fields = Fields(text=args.text_field, html=args.html_field, id=args.id_field)
    sources, _empty = plan_inputs(args.paths, args.input_format)
    jsonl_input = any(s.jsonl for s in sources)
    args.format = args.format or ("jsonl" if jsonl_input else "text")
    inputs = {s.path.resolve() for s in sources if s.path is not None and s.error is None}
    many = len(args.paths) > 1 or any(Path(p).is_dir() for p in args.paths) or jsonl_input
    writer = Writer(args, many, inputs)
    if writer.out_dir is not None:
        suffix = {"text": ".txt", "json": ".json", "jsonl": ".jsonl"}
        sources, conflicts = disambiguate(sources, lambda s: ".jsonl" if s.jsonl else suffix[args.format])
        if conflicts:
            parser.print_usage(sys.stderr)
            for labels, name in conflicts:
                print(f"clean-articles: error: {' and '.join(labels)} would both be written to "
                      f"{writer.out_dir / name}", file=sys.stderr)
            return EXIT_USAGE
    job = batch.Job(config=config, format=args.format, explain=args.explain, fields=fields,
                    stream_jsonl=writer.out_dir is not None)
    tasks = iter_tasks(sources, args.input_format, config.max_bytes, fields)
    progress = _progress("cleaning")
    cleaned = failed = 0
    try:
        for outcome in batch.run(tasks, job, jobs=args.jobs):
            error = writer.write(outcome) or outcome.error
            if error:
                failed += 1
                print(f"clean-articles: {outcome.id}: {error}", file=sys.stderr)
            else:
                cleaned += 1
                log.info("%s: kept %d of %d blocks (language %s)", outcome.id, outcome.kept,
                         outcome.blocks, outcome.language)
            if progress is not None:
                progress.update()
    except BaseException:
        writer.abort()  # interrupted (Ctrl-C, a broken pipe): no temporary file is left behind
        raise
    if progress is not None:
        progress.close()
    error = writer.close()
    if error:
        print(f"clean-articles: {error}", file=sys.stderr)
        failed += 1
    if many or failed:
        print(f"clean-articles: {cleaned} cleaned, {failed} failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK
