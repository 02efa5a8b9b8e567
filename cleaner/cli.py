"""clean-articles: a thin command-line front over the library."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TextIO

from . import __version__, batch, render
from .config import DEFAULT_MAX_BYTES, Config
from .lexicon import LexiconError, available_languages, load_user_file
from .model import Category

log = logging.getLogger("cleaner")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
CATEGORIES = [c.value for c in Category]

DESCRIPTION = """\
Keep only the body of news articles. Reads already-extracted text (or HTML) from files,
folders (recursively: .txt, .html/.htm and files without a suffix) or standard input, and
writes the article body, with every removed line explained on request."""

EPILOG = """\
exit status: 0 when every document was cleaned, 1 when some failed (each is named on
stderr), 2 on a usage error.

examples:
  clean-articles seeds/                      # bodies of every file, to stdout
  clean-articles -o OUT seeds/               # OUT/<name>.txt for each input file
  clean-articles --explain seeds/001_4cb4b16060de0800.txt
  cat article.txt | clean-articles --format json
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="clean-articles", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders to clean; '-' or nothing reads standard input")
    p.add_argument("-o", "--output", metavar="DIR|FILE",
                   help="write one file per input document under DIR (same relative paths); "
                        "with a single input file, FILE is written")
    p.add_argument("-f", "--format", choices=render.FORMATS, default="text",
                   help="text: the body; json: one object per document (an array for several "
                        "on stdout); jsonl: one JSON record per line (default: text)")
    p.add_argument("--explain", action="store_true",
                   help="show every block with its decision, category, rule and reason")
    p.add_argument("--lang", metavar="CODE", help="language of the input (ISO 639-1); skips detection")
    p.add_argument("--keep", metavar="CATEGORY", action="append", choices=CATEGORIES, default=[],
                   help="leave this category in the body (repeatable)")
    p.add_argument("--only", metavar="CATEGORY", action="append", choices=CATEGORIES, default=[],
                   help="remove only this category (repeatable)")
    p.add_argument("--phrases", metavar="FILE", action="append", default=[],
                   help="a phrase file in the built-in TOML format, merged with the built-in lists")
    p.add_argument("--input-format", choices=("auto", "text", "html"), default="auto",
                   help="how to read inputs (default: auto: .html/.htm files and content that "
                        "starts like HTML are HTML, the rest is text)")
    p.add_argument("--full-page", action=argparse.BooleanOptionalAction, default=None,
                   help="treat text inputs as whole pages (menus and footers included) and look for "
                        "the body first; default: detected per document (many short lines, little prose)")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"refuse documents larger than N bytes (default: {DEFAULT_MAX_BYTES})")
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
    )


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
    """Where outcomes go: stdout (text/json/jsonl/explain) or files under -o."""

    def __init__(self, args: argparse.Namespace, many: bool):
        self.args = args
        self.many = many
        self.out_file: Path | None = None
        self.out_dir: Path | None = None
        self._first_json = True
        if args.output:
            target = Path(args.output)
            single = (len(args.paths) == 1 and args.paths[0] != "-" and Path(args.paths[0]).is_file()
                      and not target.is_dir() and not args.output.endswith(("/", "\\")))
            if single or (not args.paths or args.paths == ["-"]):
                self.out_file = target
            else:
                self.out_dir = target
        self._buffer: list[str] = []

    @property
    def suffix(self) -> str:
        return {"text": ".txt", "json": ".json", "jsonl": ".jsonl"}[self.args.format]

    def render(self, outcome: batch.Outcome, *, jsonl: bool) -> str:
        task, args = outcome.task, self.args
        if args.format == "text":
            return render.explain(task.id, outcome.result) if args.explain else render.as_text(outcome.result)
        rec = render.record(task.id, outcome.result, task.extra, explain=args.explain)
        return render.as_jsonl(rec) if jsonl else render.as_json(rec)

    def write(self, outcome: batch.Outcome) -> str | None:
        """Write one outcome; returns an error message when the output could not be written."""
        if self.out_dir is not None:
            return self._write_file(outcome, self.out_dir / ((outcome.task.name or Path("stdin")).as_posix() + self.suffix))
        if self.out_file is not None:
            self._buffer.append(self._stream_text(outcome))
            return None
        if outcome.ok or self.args.format == "jsonl":
            sys.stdout.write(self._stream_text(outcome))
            sys.stdout.flush()
        return None

    def _stream_text(self, outcome: batch.Outcome) -> str:
        args = self.args
        if args.format == "jsonl":
            if not outcome.ok:
                return render.as_jsonl(render.error_record(outcome.task.id, outcome.error, outcome.task.extra))
            return self.render(outcome, jsonl=True)
        if not outcome.ok:
            return ""
        body = self.render(outcome, jsonl=False)
        if args.format == "json":
            if not self.many:
                return body
            sep = "[\n" if self._first_json else ",\n"
            self._first_json = False
            return sep + body.rstrip("\n")
        if self.many and not args.explain:
            return f"==> {outcome.task.id} <==\n{body}\n"
        return body if not self.many else body + "\n"

    def _write_file(self, outcome: batch.Outcome, path: Path) -> str | None:
        from .io import write_atomic

        if not outcome.ok:
            return None
        src = outcome.task.source
        try:
            if src is not None and path.resolve() == src.resolve():
                return f"refusing to write over the input file {src}"
            write_atomic(path, self.render(outcome, jsonl=False))
        except OSError as exc:
            return f"cannot write {path}: {exc.strerror or exc}"
        return None

    def close(self) -> str | None:
        if self.args.format == "json" and self.many and self.out_dir is None:
            tail = "[]\n" if self._first_json else "\n]\n"
            if self.out_file is not None:
                self._buffer.append(tail)
            else:
                sys.stdout.write(tail)
        if self.out_file is not None:
            from .io import write_atomic

            try:
                write_atomic(self.out_file, "".join(self._buffer))
            except OSError as exc:
                return f"cannot write {self.out_file}: {exc.strerror or exc}"
        return None


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

    from .io import iter_tasks

    many = len(args.paths) > 1 or any(Path(p).is_dir() for p in args.paths)
    writer = Writer(args, many)
    cleaned = failed = 0
    for outcome in batch.run(iter_tasks(args.paths, args.input_format, config.max_bytes), config):
        error = writer.write(outcome) or outcome.error
        if error:
            failed += 1
            print(f"clean-articles: {outcome.task.id}: {error}", file=sys.stderr)
        else:
            cleaned += 1
            r = outcome.result
            log.info("%s: kept %d of %d blocks (language %s)", outcome.task.id,
                     sum(d.kept for d in r.decisions), len(r.decisions), r.language)
    error = writer.close()
    if error:
        print(f"clean-articles: {error}", file=sys.stderr)
        failed += 1
    if many or failed:
        print(f"clean-articles: {cleaned} cleaned, {failed} failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK
