"""clean-articles: a thin command-line front over the library."""
from __future__ import annotations

import argparse
import contextlib
import inspect
import logging
import os
import shutil
import signal
import sys
from collections import Counter
from typing import TextIO

from . import __version__, batch, render
from .config import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Config, check_lang
from .io import Fields, MissingFields, disambiguate, iter_tasks, plan_inputs
from .lexicon import LexiconError, available_languages, load_user_file
from .model import Category
from .output import Writer, plan_output

log = logging.getLogger("cleaner")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
#: A reader that went away (`| head`): the status a shell reports for cat killed by SIGPIPE.
EXIT_BROKEN_PIPE = 128 + 13
CATEGORIES = [c.value for c in Category]

DESCRIPTION = """\
Keep only the body of news articles. Reads already-extracted text, full-page text, HTML,
JSONL records or WARC/WET records from files, folders (recursively: .txt, .html/.htm,
.jsonl/.jsonl.gz, .warc/.warc.gz, .wet/.wet.gz and files without a suffix) or standard input,
and writes the article body, with every removed line explained on request."""

EPILOG = """\
exit status: 0 when every document was cleaned; 1 when some failed (each is named on
stderr) or a folder held no input file; 2 on a usage error; 130 (Ctrl-C) or 143 (SIGTERM)
when interrupted, the documents completed kept in <output>.partial; 141 when the reader of
standard output went away (`| head`).

examples:
  clean-articles seeds/                      # bodies of every file, to stdout
  clean-articles -o OUT seeds/               # OUT/<name>.txt for each input file
  clean-articles --explain seeds/001_4cb4b16060de0800.txt
  cat article.txt | clean-articles --format json
  clean-articles -j 2 crawl.jsonl.gz -o OUT/  # OUT/crawl.jsonl, one record per input record
  clean-articles x.warc.gz -o OUT/            # OUT/x.jsonl, one record per HTML response
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="clean-articles", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders to clean; '-' or nothing reads standard input")
    p.add_argument("-o", "--output", metavar="DIR|FILE",
                   help="write FILE when there is a single input file (a JSONL input: when FILE ends "
                        "in .jsonl, .json or .txt), else one output per input file under DIR, at its "
                        "path relative to the folder the arguments have in common (DIR/<name>.jsonl "
                        "per JSONL input); '-' is standard output")
    p.add_argument("-f", "--format", choices=render.FORMATS, default=None,
                   help="text: the body; json: one object per document (an array for several in "
                        "one output); jsonl: one JSON record per line (default: the format -o FILE's "
                        "suffix names; else jsonl for JSONL inputs and text for the others, each "
                        "output under -o DIR in the format of its own input)")
    p.add_argument("--explain", action="store_true",
                   help="show every block with its decision, category, rule and reason")
    p.add_argument("--lang", metavar="CODE",
                   help="language of the input, an ISO 639-1 code langdetect knows (en, fr, de, "
                        "...); skips detection")
    p.add_argument("--keep", metavar="CATEGORY", action="append", choices=CATEGORIES, default=[],
                   help="leave this category in the body (repeatable)")
    p.add_argument("--only", metavar="CATEGORY", action="append", choices=CATEGORIES, default=[],
                   help="remove only this category (repeatable)")
    p.add_argument("--phrases", metavar="FILE", action="append", default=[],
                   help="a phrase file in the built-in TOML format, merged with the built-in lists")
    p.add_argument("--input-format", choices=("auto", "text", "html", "jsonl", "warc"), default="auto",
                   help="how to read inputs (default: auto: .jsonl/.jsonl.gz files are JSONL, "
                        ".warc/.wet files (also .gz) are WARC, .html/.htm files and content that "
                        "starts like HTML are HTML, the rest is text)")
    p.add_argument("--full-page", action=argparse.BooleanOptionalAction, default=None,
                   help="treat text inputs as whole pages (menus and footers included) and look for "
                        "the body first; default: detected per document (a run of prose with the page's "
                        "menus above it and its footer below)")
    p.add_argument("--markdown", action=argparse.BooleanOptionalAction, default=None,
                   help="read text inputs as markdown (links, images, headings, lists and emphasis "
                        "read as what a reader sees); default: detected per document")
    p.add_argument("--text-field", default="text", metavar="NAME",
                   help="JSONL: the field holding the text, replaced by the cleaned text (default: text)")
    p.add_argument("--html-field", default="html", metavar="NAME",
                   help="JSONL: the field holding HTML, used when it holds a page with text, else the "
                        "text field is (default: html)")
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
    p.add_argument("-v", "--verbose", action="count", default=0,
                   help="log each document to stderr; -vv also debug lines and the messages of the "
                        "libraries used (trafilatura, htmldate, ...), each with the document; -vvv "
                        "their debug lines too")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def config_from_args(args: argparse.Namespace) -> Config:
    """The one place where command-line arguments become a Config."""
    for path in args.phrases:
        load_user_file(path)  # fail early, as a usage error, on an unreadable phrase file
    try:
        lang = check_lang(args.lang) if args.lang is not None else None
    except ValueError as exc:
        raise ValueError(f"--lang: {exc}") from None
    both = sorted(set(args.keep) & set(args.only))
    if both:
        raise ValueError(f"--keep {both[0]} and --only {both[0]} contradict each other: a category "
                         "cannot be left in the body and be the only one removed")
    return Config(
        lang=lang,
        keep=frozenset(Category(c) for c in args.keep),
        only=frozenset(Category(c) for c in args.only) or None,
        phrase_files=tuple(args.phrases),
        full_page=args.full_page,
        markdown=args.markdown,
        page_blocks=args.explain,
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
    from . import spans
    from .context import HEURISTICS
    from .pipeline import rules

    out.write("per-block rules (first match wins):\n")
    for r in rules():
        out.write(f"  {r.name:<30} {r.category.value:<13} {' '.join(r.doc.split())}\n")
    out.write("context heuristics (run in this order):\n")
    for h in HEURISTICS:
        out.write(f"  {h.__name__:<30} {first_paragraph(h.__doc__)}\n")
    out.write("span rules (parts of kept blocks, after the context pass):\n")
    for name, fn in (("caption.credit_trim", spans.trimmed_credit), ("caption.credit_glued", spans.glued_credit)):
        out.write(f"  {name:<30} {first_paragraph(fn.__doc__)}\n")


def first_paragraph(doc: str | None) -> str:
    """A docstring's first paragraph, whole, on one line."""
    return " ".join(inspect.cleandoc(doc or "").split("\n\n")[0].split())


def _setup_logging(verbosity: int) -> None:
    from . import logs

    logs.setup(verbosity)


def _progress(total_hint: str):
    """A progress bar on stderr when stderr is a terminal (tqdm), else nothing."""
    if not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(unit="doc", desc=total_hint, file=sys.stderr, dynamic_ncols=True, leave=False)


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM: the run stops, keeping what it completed."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class _Signals:
    """Ctrl-C (SIGINT) and SIGTERM stop the run between two writes, never inside one, so that
    what was written holds whole documents. Outside a write they stop it at once."""

    def __init__(self):
        self._writing = False
        self._pending: int | None = None
        self._saved: dict[int, object] = {}

    def _handle(self, signum, frame):
        if self._writing:
            self._pending = signum
        else:
            raise Interrupted(signum)

    def __enter__(self) -> "_Signals":
        for sig in (signal.SIGINT, getattr(signal, "SIGTERM", None)):
            if sig is not None:
                try:
                    self._saved[sig] = signal.signal(sig, self._handle)
                except ValueError:  # not the main thread: leave Python's defaults
                    pass
        return self

    def __exit__(self, *exc) -> None:
        for sig, handler in self._saved.items():
            signal.signal(sig, handler)

    @contextlib.contextmanager
    def writing(self):
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
        if self._pending is not None:
            raise Interrupted(self._pending)


def main(argv: list[str] | None = None) -> int:
    """The command line. Run as the program (argv None), a run stopped by Ctrl-C, SIGTERM or a
    broken pipe ends the process at once: its outputs are already settled, and worker processes
    stopped in the middle of a write can leave the pool's threads waiting forever at exit."""
    try:
        return _main(argv)
    except BrokenPipeError:
        # the reader went away (`clean-articles ... | head`): stop quietly, with the status a
        # shell gives cat or grep killed by SIGPIPE (128 + 13)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_BROKEN_PIPE
    except KeyboardInterrupt as exc:
        print("clean-articles: interrupted", file=sys.stderr)
        code = 128 + getattr(exc, "signum", signal.SIGINT)
    if argv is None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    return code


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

    def usage_error(*messages: str) -> int:
        parser.print_usage(sys.stderr)
        for message in messages:
            print(f"clean-articles: error: {message}", file=sys.stderr)
        return EXIT_USAGE

    try:
        config = config_from_args(args)
    except (ValueError, LexiconError) as exc:
        return usage_error(str(exc))
    if (not args.paths or args.paths == ["-"]) and sys.stdin.isatty():
        return usage_error("no input: give files or folders, or pipe text to standard input")

    fields = Fields(text=args.text_field, html=args.html_field, id=args.id_field)
    sources, empty = plan_inputs(args.paths, args.input_format)
    for folder in empty:  # a folder given to clean with nothing in it is a mistake: say so
        print(f"clean-articles: {folder}: no input files found (.txt, .html/.htm, .jsonl/.jsonl.gz, "
              ".warc/.wet or files without a suffix)", file=sys.stderr)
    if not sources:
        return EXIT_FAILED
    target = plan_output(args.output, args.format, args.paths, sources)
    writer = Writer(target, args.explain, {s.real for s in sources if s.real is not None})
    if target.kind == "dir":
        sources, conflicts = disambiguate(sources, lambda s: writer.output_path(s).suffix)
        if conflicts:
            return usage_error(*(f"{' and '.join(labels)} would both be written to {target.path / name}"
                                 for labels, name in conflicts))
    width = None
    if args.explain and target.kind == "stdout" and sys.stdout.isatty():
        width = render.explain_width(shutil.get_terminal_size().columns)
    job = batch.Job(config=config, format=target.doc_format, explain=args.explain, fields=fields,
                    stream_format=target.stream_format, explain_width=width)
    summaries: list = []  # one per WARC or WET input, filled as its records are read
    tasks = iter_tasks(sources, args.input_format, config.max_bytes, fields, summaries)
    progress = _progress("cleaning")
    cleaned, failed = 0, len(empty)
    cleaned_in: Counter = Counter()  # pages cleaned per WARC or WET input
    with _Signals() as signals:
        try:
            for outcome in batch.run(tasks, job, jobs=args.jobs):
                with signals.writing():
                    error = writer.write(outcome) or outcome.error
                if error:
                    failed += 1
                    print(f"clean-articles: {outcome.id}: {error}", file=sys.stderr)
                else:
                    cleaned += 1
                    cleaned_in[outcome.source, outcome.stream] += 1
                    log.info("%s: kept %d of %d blocks (language %s)", outcome.id, outcome.kept,
                             outcome.blocks, outcome.language)
                if progress is not None:
                    progress.update()
            with signals.writing():
                error = writer.close()
        except MissingFields as exc:  # a wrong --text-field: one message, not one per record
            writer.abort(keep_partial=False)
            if progress is not None:
                progress.close()
            return usage_error(str(exc))
        except BaseException as exc:
            # interrupted (Ctrl-C, SIGTERM) or stopped: what was completed is kept, under a name
            # that says it is partial; after a broken pipe there is nothing to keep
            kept = writer.abort(keep_partial=not isinstance(exc, BrokenPipeError))
            if progress is not None:
                progress.close()
            if kept is not None:
                partial, count = kept
                print(f"clean-articles: the first {count} documents written are kept in {partial}; "
                      f"{partial.with_suffix('')} is left as it was", file=sys.stderr)
            raise
    if progress is not None:
        progress.close()
    for summary in summaries:  # what each WARC or WET file held, the records skipped included
        print(f"clean-articles: {summary.describe(cleaned_in[summary.source, summary.stream])}",
              file=sys.stderr)
    if error:
        print(f"clean-articles: {error}", file=sys.stderr)
        failed += 1
    if target.many or failed:
        print(f"clean-articles: {cleaned} cleaned, {failed} failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK
