"""Phrase audit: every entry of the built-in phrase lists, the development pages it fires on, and
the F1 change if it were removed (issue 11: prune the entries that fit one page's wording).

    python benchmarks/phrase_audit.py                          # dev-eval T1, dev-wcxb T1 (articles, other)
    python benchmarks/phrase_audit.py --corpus dev --only-firing --out audit.md
    python benchmarks/phrase_audit.py --t2 --out audit.tsv     # the T2 inputs as well (10 times the work:
                                                               # full pages match many more entries)

An entry (language, section, kind, phrase) *fires* on a page when the page's cleaned text changes
once the entry is removed from the lists; a match on a line that changes nothing does not count.
One pass cleans every page and records which entries' matches appear on its lines (every match
comes from `Matcher.find`). Removing an entry can change only those pages, so each entry's pages
are cleaned again with that entry left out of the lexicon (`without`), and the half's F1 recomputed
with their new outputs by the corpora's score.py (snippets pooled over pages on dev-eval, shingle
figures averaged over pages on dev-wcxb).

The table (TSV, or markdown when FILE ends in .md) has one row per entry, sorted by the number of
distinct development pages it fires on; then per set of pages and half, the pages fired and
"dF1", the F1 without the entry minus the F1 now (positive: the entry costs F1). The summary counts
the entries firing on 0, 1 and 2+ pages of the sets scanned together, and gives each set's F1 per
half with every single-page entry removed at once (issue 11 target: dev T1 falls by at most 0.005).
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import DEV_EVAL, HALVES, Scope, by_page, cleaned, dev_corpora, half_of, pool_map, scorer  # noqa: E402

from cleaner import lexicon  # noqa: E402

log = logging.getLogger("phrase_audit")

#: The fall of dev T1's F1 on each half that issue 11 allows with the single-page entries off.
SINGLE_PAGE_TARGET = 0.005
#: Pages listed by id in the table for an entry that fires on at most this many.
LIST_PAGES_UP_TO = 3

Key = tuple[str, str, str, str]  # (lang, section, kind, phrase): survives edits of the lists


def key_of(entry: lexicon.Entry | lexicon.Match) -> Key:
    """An entry's identity; a match's entry (a credit at the end of a line, kind `suffix`, comes
    from a caption `prefix` entry)."""
    kind = "prefix" if entry.kind == "suffix" else entry.kind
    return entry.lang, entry.section, kind, entry.phrase


def builtin_entries() -> list[Key]:
    return list(dict.fromkeys(key_of(e) for lang in lexicon.available_languages()
                              for e in lexicon.load_language(lang)))


@contextlib.contextmanager
def recording_matches():
    """The keys of every entry whose match `Matcher.find` returns meanwhile, in the yielded set."""
    found: set[Key] = set()
    find = lexicon.Matcher.find

    def recording(self, *args, **kwargs):
        matches = find(self, *args, **kwargs)
        found.update(map(key_of, matches))
        return matches

    lexicon.Matcher.find = recording
    try:
        yield found
    finally:
        lexicon.Matcher.find = find


@contextlib.contextmanager
def without(keys: frozenset[Key]):
    """The built-in lists without these entries, for what is cleaned meanwhile. `matcher_for`
    looks `load_language` up at each call, so wrapping it is enough once matcher_for's cache
    (the only cache that holds matchers) is cleared, on the way in and on the way out."""
    load = lexicon.load_language

    def filtered(lang: str) -> tuple[lexicon.Entry, ...]:
        return tuple(e for e in load(lang) if key_of(e) not in keys)

    lexicon.load_language = filtered
    lexicon.matcher_for.cache_clear()
    try:
        yield
    finally:
        lexicon.load_language = load
        lexicon.matcher_for.cache_clear()


def digest(text: str) -> bytes:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()


# --- the units of work (module level: run in forked workers) -------------------------------------

def base_page(unit) -> list[tuple[bytes, tuple, frozenset[Key]]]:
    """One page, each of its tasks cleaned with every entry: (digest of the output, score row,
    the entries that matched a line)."""
    corpus, tasks, page = unit
    grade = corpus.grader(page)
    out = []
    for task in tasks:
        with recording_matches() as found:
            text = cleaned(task, corpus.read(task, page))
        out.append((digest(text), grade(text), frozenset(found)))
    return out


def reclean(unit) -> list[tuple | None]:
    """Pages cleaned again without some entries: the new score row of each page whose output
    changed, None for the others."""
    keys, pages = unit
    out = []
    with without(keys):
        for scope, page, before in pages:
            text = cleaned(scope.task, scope.corpus.read(scope.task, page))
            out.append(None if digest(text) == before else scope.corpus.grader(page)(text))
    return out


# --- the audit ------------------------------------------------------------------------------------

class Audit:
    """The base figures of some scopes, and what removing entries does to them."""

    def __init__(self, scopes: list[Scope], jobs: int):
        self.scopes, self.jobs = scopes, jobs
        self.rows: dict[tuple[str, str], dict[str, tuple]] = {(s.name, h): {} for s in scopes for h in HALVES}
        self.digests: dict[tuple[str, str], bytes] = {}
        self.matched: dict[Key, list[tuple[Scope, str]]] = {}
        pages = by_page(scopes)
        units = [(corpus, tuple(s.task for s in owned), page) for corpus, page, owned in pages]
        for (_, page, owned), result in zip(pages, pool_map(base_page, units, jobs)):
            for scope, (dig, row, found) in zip(owned, result):
                self.rows[scope.name, half_of(page)][page] = row
                self.digests[scope.name, page] = dig
                for key in found:
                    self.matched.setdefault(key, []).append((scope, page))
        self.base = {(s.name, h): self.f1(s, h) for s in scopes for h in HALVES}

    def f1(self, scope: Scope, half: str, changed: dict[str, tuple] | None = None) -> float:
        """The F1 of a scope's half, with the rows of some of its pages `changed`."""
        rows = self.rows[scope.name, half]
        return scope.corpus.summary(changed.get(p, r) if changed else r for p, r in rows.items())[2]

    def removing(self, groups: list[frozenset[Key]]) -> list[dict[tuple[Scope, str], tuple]]:
        """For each group of entries removed together: {(scope, page): new row} of the pages
        whose cleaned text changes."""
        units = []
        for keys in groups:
            pages = list(dict.fromkeys(sp for k in keys for sp in self.matched.get(k, ())))
            units.append((keys, [(s, p, self.digests[s.name, p]) for s, p in pages]))
        results = pool_map(reclean, units, self.jobs, chunksize=1)
        return [{(s, p): row for (s, p, _), row in zip(pages, result) if row is not None}
                for (_, pages), result in zip(units, results)]

    def changes(self, fired: dict[tuple[Scope, str], tuple]) -> dict[tuple[str, str], tuple[int, float]]:
        """{(scope name, half): (pages fired, F1 change)}."""
        out = {}
        for scope in self.scopes:
            for half in HALVES:
                new = {p: row for (s, p), row in fired.items() if s == scope and half_of(p) == half}
                out[scope.name, half] = (len(new), self.f1(scope, half, new) - self.base[scope.name, half]
                                         if new else 0.0)
        return out


def _single_page_changes(audit: Audit, single: frozenset[Key], fired: dict[Key, dict]):
    """(F1 change, entry, "scope/half/page") of each entry firing on one page, the largest
    changes (either sign) first: the entries the development figures lean on most."""
    for key in single:  # one page, but with --t2 maybe in two scopes (its T1 and its T2)
        per = audit.changes(fired[key])
        hits = [(s.name, half_of(p), p) for s, p in fired[key]]
        yield (-max(abs(per[s, h][1]) for s, h, _ in hits), key,
               ", ".join(f"{s}/{h}/{p}  {per[s, h][1]:+.5f}" for s, h, p in sorted(hits)))


def write_table(audit: Audit, entries: list[Key], fired: dict[Key, dict], out, markdown: bool) -> None:
    heads = ["lang", "section", "kind", "phrase", "pages", "matched"]
    for s in audit.scopes:
        heads += [f"{s.name} {h}" for h in HALVES] + [f"dF1 {s.name} {h}" for h in HALVES]
    heads.append("pages fired (scope/half/id)")
    rows = []
    for key in entries:
        changed = fired.get(key, {})
        per = audit.changes(changed) if changed else {}
        cells = [*key, str(len({(s.corpus.name, p) for s, p in changed})), str(len(audit.matched.get(key, ())))]
        for s in audit.scopes:
            cells += [str(per.get((s.name, h), (0, 0.0))[0]) for h in HALVES]
            cells += [f"{per.get((s.name, h), (0, 0.0))[1]:+.5f}" for h in HALVES]
        where = sorted(f"{s.name}/{half_of(p)}/{p}" for s, p in changed)
        cells.append(" ".join(where) if len(where) <= LIST_PAGES_UP_TO else "")
        rows.append(cells)
    if markdown:
        esc = lambda c: c.replace("|", "\\|")  # noqa: E731
        out.write("| " + " | ".join(heads) + " |\n|" + "---|" * len(heads) + "\n")
        out.writelines("| " + " | ".join(map(esc, r)) + " |\n" for r in rows)
    else:
        esc = lambda c: c.replace("\t", " ")  # noqa: E731
        out.write("\t".join(heads) + "\n")
        out.writelines("\t".join(map(esc, r)) + "\n" for r in rows)


def scopes_of(corpus_name: str, t2: bool) -> list[Scope]:
    """dev-eval's T1 pages, dev-wcxb's T1 articles and other pages (and the same for T2)."""
    scopes = []
    for corpus in dev_corpora():
        if corpus_name in ("all", corpus.name) and corpus.available():
            types = ("article", "other") if corpus.shingled else ("all",)
            scopes += [Scope(corpus, task, t) for task in (("T1", "T2") if t2 else ("T1",)) for t in types]
    return scopes


def report(audit: Audit, entries: list[Key], fired: dict[Key, dict], top: int, out) -> None:
    """The summary: entries by pages fired, and the figures without the single-page entries."""
    pages = {k: len({(s.corpus.name, p) for s, p in f}) for k, f in fired.items()}
    single = frozenset(k for k, n in pages.items() if n == 1)
    silent = sum(1 for k in entries if k in audit.matched and k not in fired)
    print(f"phrase audit: {len(entries)} entries, scanned {', '.join(s.name for s in audit.scopes)}", file=out)
    print(f"entries firing on 0 development pages: {len(entries) - len(fired)} ({silent} of them match a "
          f"line without changing the output), on exactly 1: {len(single)}, on 2 or more: "
          f"{len(fired) - len(single)}", file=out)
    [off] = audit.removing([single]) if single else [{}]
    changes = audit.changes(off)
    print(f"F1 per half with every entry on, and with the {len(single)} single-page entries removed at once:",
          file=out)
    for s in audit.scopes:
        for h in HALVES:
            on, (n, change) = audit.base[s.name, h], changes[s.name, h]
            print(f"  {s.name:<18} {h}  on {on:.4f}  off {on + change:.4f}  change {change:+.4f}"
                  f"  ({n} pages changed)", file=out)
    dev = [changes[k][1] for k in (("dev T1", h) for h in HALVES) if k in changes]
    if dev:
        met = all(-change <= SINGLE_PAGE_TARGET for change in dev)
        print(f"issue 11 target (dev T1 falls by at most {SINGLE_PAGE_TARGET} on each half): "
              f"{'met' if met else 'NOT met'}", file=out)
    if top and single:
        print(f"the {min(top, len(single))} single-page entries whose removal moves F1 most "
              "(lang, section, kind, phrase; scope/half/page; F1 change):", file=out)
        for _, key, where in sorted(_single_page_changes(audit, single, fired))[:top]:
            print(f"  {' '.join(key[:3])} {key[3]!r}  {where}", file=out)


def main(argv: list[str] | None = None) -> int:
    from cleaner.batch import default_jobs

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=("dev", "wcxb", "all"), default="all")
    ap.add_argument("--t2", action="store_true", help="scan the T2 (full-page) inputs as well")
    ap.add_argument("--out", type=Path, help="write the table here (.md: markdown; else TSV); "
                    "default: standard output, with the summary on standard error")
    ap.add_argument("--only-firing", action="store_true", help="leave out the entries that fire on no page")
    ap.add_argument("--top", type=int, default=20, metavar="N",
                    help="list in the summary the N single-page entries whose removal moves F1 most")
    ap.add_argument("-j", "--jobs", type=int, default=default_jobs(), help="worker processes")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    started = time.monotonic()
    if scorer() is None:
        log.info("phrase audit skipped: %s not found", DEV_EVAL / "score.py")
        return 0
    scopes = scopes_of(args.corpus, args.t2)
    if not scopes:
        log.info("phrase audit skipped: no development corpus found")
        return 0
    entries = builtin_entries()
    log.info("cleaning %s ...", ", ".join(f"{s.name} ({len(s.pages())} pages)" for s in scopes))
    audit = Audit(scopes, args.jobs)
    candidates = [k for k in entries if k in audit.matched]
    log.info("%d of %d entries match a line; cleaning their %d pages again without each (%.0f s so far)",
             len(candidates), len(entries), sum(len(audit.matched[k]) for k in candidates),
             time.monotonic() - started)
    fired = {k: f for k, f in zip(candidates, audit.removing([frozenset([k]) for k in candidates])) if f}
    pages = {k: len({(s.corpus.name, p) for s, p in f}) for k, f in fired.items()}
    order = sorted(entries, key=lambda k: (-pages.get(k, 0), -len(audit.matched.get(k, ())), k))
    if args.only_firing:
        order = [k for k in order if k in fired]
    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            write_table(audit, order, fired, fh, markdown=args.out.suffix == ".md")
    else:
        write_table(audit, order, fired, sys.stdout, markdown=False)
    out = sys.stdout if args.out else sys.stderr
    report(audit, entries, fired, args.top, out)
    print(f"runtime: {time.monotonic() - started:.0f} s", file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
