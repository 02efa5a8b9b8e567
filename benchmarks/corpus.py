"""Corpus loading, throughput figures and quality scoring for the benchmarks. The development
corpora are read in place from ../shared/dev-eval and ../shared/dev-wcxb when they exist beside the
repository (or from the folders in CLEAN_ARTICLES_DEV_EVAL and CLEAN_ARTICLES_DEV_WCXB); they are
never copied. Quality figures are those of the corpora's own scorer, ../shared/dev-eval/score.py,
imported from there (see `scorer`).

Figures are kept twice: in each benchmark's `extra_info` (what `--benchmark-json FILE` saves) and
in `FIGURES`, from which conftest.py prints the comparisons (ours / jusText, ours / trafilatura,
-j 2 / -j 1) at the end of the run.
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import html as html_lib
import importlib.util
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterable, Iterator, Sized, TypeVar

ROOT = Path(__file__).resolve().parents[1]
DEV_EVAL = Path(os.environ.get("CLEAN_ARTICLES_DEV_EVAL") or ROOT.parent / "shared" / "dev-eval")
DEV_WCXB = Path(os.environ.get("CLEAN_ARTICLES_DEV_WCXB") or ROOT.parent / "shared" / "dev-wcxb")

#: The five seeds are French news articles (they have no gold.json entry).
SEED_LANG = "fr"

#: ISO 639-1 code -> jusText stoplist name (English when the code is missing or unknown).
JUSTEXT_STOPLISTS = {
    "af": "Afrikaans", "sq": "Albanian", "ar": "Arabic", "an": "Aragonese", "hy": "Armenian",
    "az": "Azerbaijani", "eu": "Basque", "be": "Belarusian", "bn": "Bengali", "bs": "Bosnian",
    "br": "Breton", "bg": "Bulgarian", "ca": "Catalan", "cv": "Chuvash", "hr": "Croatian",
    "cs": "Czech", "da": "Danish", "nl": "Dutch", "en": "English", "eo": "Esperanto",
    "et": "Estonian", "fi": "Finnish", "fr": "French", "gl": "Galician", "ka": "Georgian",
    "de": "German", "el": "Greek", "gu": "Gujarati", "ht": "Haitian", "he": "Hebrew",
    "hi": "Hindi", "hu": "Hungarian", "is": "Icelandic", "io": "Ido", "ig": "Igbo",
    "id": "Indonesian", "ga": "Irish", "it": "Italian", "jv": "Javanese", "kn": "Kannada",
    "kk": "Kazakh", "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin",
    "lv": "Latvian", "lt": "Lithuanian", "lb": "Luxembourgish", "mk": "Macedonian", "ms": "Malay",
    "ml": "Malayalam", "mt": "Maltese", "mr": "Marathi", "ne": "Nepali", "no": "Norwegian_Bokmal",
    "nb": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk", "oc": "Occitan", "fa": "Persian",
    "pl": "Polish", "pt": "Portuguese", "qu": "Quechua", "ro": "Romanian", "ru": "Russian",
    "sr": "Serbian", "sh": "Serbo_Croatian", "sk": "Slovak", "sl": "Slovenian", "es": "Spanish",
    "su": "Sundanese", "sw": "Swahili", "sv": "Swedish", "tl": "Tagalog", "ta": "Tamil",
    "te": "Telugu", "tr": "Turkish", "tk": "Turkmen", "uk": "Ukrainian", "ur": "Urdu",
    "uz": "Uzbek", "vi": "Vietnamese", "vo": "Volapuk", "wa": "Walloon", "cy": "Welsh",
    "fy": "West_Frisian", "yo": "Yoruba",
}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def env_int(name: str, default: int, ci_default: int | None = None) -> int:
    """An integer setting from the environment; `ci_default` applies when CI=true and it is unset."""
    value = os.environ.get(name)
    if value:
        return int(value)
    return ci_default if ci_default is not None and in_ci() else default


def corpus_rounds() -> int:
    """Timed rounds of a benchmark over a whole corpus (CLEAN_ARTICLES_BENCH_ROUNDS; default 3,
    1 when CI=true). pytest-benchmark's own calibration would add an untimed run of the corpus."""
    return env_int("CLEAN_ARTICLES_BENCH_ROUNDS", 3, ci_default=1)


def measure(benchmark, fn, *args, whole_corpus: bool):
    """Time fn(*args): a fixed number of rounds for a whole corpus (seconds per round), else
    pytest-benchmark's calibrated rounds (the --benchmark-* options apply)."""
    if whole_corpus:
        return benchmark.pedantic(fn, args=args, rounds=corpus_rounds(), iterations=1)
    return benchmark(fn, *args)


@dataclass(frozen=True)
class Doc:
    name: str
    text: str
    lang: str | None  # ISO 639-1, from gold.json (None when unknown)


def read_folder(folder: Path, pattern: str) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob(pattern))]


@lru_cache(maxsize=1)
def gold_langs() -> dict[str, str]:
    gold = DEV_EVAL / "gold.json"
    if not gold.is_file():
        return {}
    return {k: v.get("lang") for k, v in json.loads(gold.read_text(encoding="utf-8")).items()}


def read_docs(folder: Path, pattern: str, lang: str | None = None) -> list[Doc]:
    """Documents of a folder, sorted by name; the language is `lang`, else gold.json's."""
    langs = gold_langs()
    return [Doc(p.stem, p.read_text(encoding="utf-8"), lang or langs.get(p.stem))
            for p in sorted(folder.glob(pattern))]


def justext_stoplist_name(lang: str | None) -> str:
    import justext

    name = JUSTEXT_STOPLISTS.get((lang or "").lower(), "English")
    return name if name in justext.get_stoplists() else "English"


def justext_page(text: str) -> str:
    """The text as a minimal HTML page for jusText: one <p> per non-blank line, HTML-escaped."""
    paras = "".join(f"<p>{html_lib.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
    return f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n{paras}</body></html>"


def invented_pages(texts: list[str]) -> list[str]:
    """A few news-like pages (menu, article, share bar, related links, footer) around the given
    texts, for the HTML benchmark when the development corpus is absent."""
    pages = []
    for i, text in enumerate(texts):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        title, body = (lines[0], lines[1:]) if lines else ("Untitled", [])
        paras = "\n".join(f"<p>{html_lib.escape(p)}</p>" for p in body)
        pages.append(f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{html_lib.escape(title)} | Le Journal</title>
<meta property="article:published_time" content="2025-09-0{i % 9 + 1}T08:00:00Z"></head>
<body><header><nav class="main-menu"><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li>
<li><a href="/politique">Politique</a></li><li><a href="/eco">Économie</a></li></ul></nav></header>
<main><article><h1>{html_lib.escape(title)}</h1><p class="byline">Par la rédaction, publié le 5 septembre 2025</p>
<figure><img src="/p{i}.jpg" alt=""><figcaption>Photo d'illustration (AFP)</figcaption></figure>
{paras}
<div class="share-bar"><a href="#">Partager sur Facebook</a> <a href="#">Partager sur X</a></div>
</article>
<aside class="related"><h2>À lire aussi</h2><ul><li><a href="/a1">Un autre article sur le même sujet</a></li>
<li><a href="/a2">Les dernières nouvelles du front</a></li></ul></aside></main>
<footer><p>© 2025 Le Journal. Tous droits réservés.</p><a href="/cgu">Mentions légales</a></footer>
</body></html>""")
    return pages


def size_of(docs: list[str]) -> int:
    return sum(len(d.encode("utf-8")) for d in docs)


# --- figures ------------------------------------------------------------------------------------

#: (comparison, system) -> figures; filled by the benchmarks, printed by conftest.py at the end.
FIGURES: dict[tuple[str, str], dict] = {}
#: comparison -> (ours, theirs): the pairs whose ratio is printed (and stored in ours' extra_info).
PAIRS: dict[str, list[tuple[str, str]]] = {}


def throughput(benchmark, docs: Sized, *, comparison: str | None = None,
               system: str | None = None, size: int | None = None) -> dict:
    """Record docs/s and MB/s in extra_info: `docs_per_s`/`mb_per_s` from the mean round (as
    pytest-benchmark reports), `*_best` from the fastest round (the least disturbed by other load)."""
    info = benchmark.extra_info
    stats = getattr(benchmark, "stats", None)
    if stats is None:  # --benchmark-disable
        return info
    stats = stats.stats
    size = size_of(docs) if size is None else size  # pass `size` when `docs` are not the texts
    info["docs"] = len(docs)
    info["mb"] = round(size / 1e6, 3)
    info["rounds"] = stats.rounds
    info["docs_per_s"] = round(len(docs) / stats.mean, 1)
    info["mb_per_s"] = round(size / stats.mean / 1e6, 3)
    info["docs_per_s_best"] = round(len(docs) / stats.min, 1)
    info["mb_per_s_best"] = round(size / stats.min / 1e6, 3)
    if comparison and system:
        register(comparison, system, info)
    return info


def register(comparison: str, system: str, info: dict) -> None:
    """Keep a benchmark's figures for the end-of-run summary, and store in the extra_info of
    each "ours" side its ratio to the other side once both sides have run."""
    FIGURES[(comparison, system)] = info
    for ours, theirs in PAIRS.get(comparison, []):
        a, b = FIGURES.get((comparison, ours)), FIGURES.get((comparison, theirs))
        if a and b:
            a[f"ratio_vs_{theirs}"] = round(a["docs_per_s"] / b["docs_per_s"], 2)
            if "docs_per_s_best" in a and "docs_per_s_best" in b:
                a[f"ratio_vs_{theirs}_best"] = round(a["docs_per_s_best"] / b["docs_per_s_best"], 2)


def pair(comparison: str, ours: str, theirs: str) -> None:
    if (ours, theirs) not in PAIRS.setdefault(comparison, []):
        PAIRS[comparison].append((ours, theirs))


# --- quality on the development corpora (quality.py, phrase_audit.py) ---------------------------

#: The two fixed halves of each corpus (`score.py --half`): tune on a, check on b.
HALVES = ("a", "b")
#: The tasks whose input every page has; the others are `text_<extractor>/` folders.
MAIN_TASKS = ("T1", "T2", "html")


@lru_cache(maxsize=1)
def scorer() -> ModuleType | None:
    """../shared/dev-eval/score.py, imported from there (None when it is absent): the figures of
    the benchmarks are its figures, never a copy of its metric."""
    path = DEV_EVAL / "score.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("dev_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def half_of(page_id: str) -> str:
    """The page's fixed half, as `score.py --half` splits the pages (by the sha1 of the id)."""
    return HALVES[int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % 2]


class PageShingles:
    """One page's gold body, and score.py's `shingle_triple` of any text against it, computed on
    integer codes with numpy: the same figures (test_quality.py compares them on real pages), in
    a fraction of the time. Counting each text's shingles into a Counter of word tuples costs more
    than cleaning it, and the gate scores every input and every output of dev-wcxb."""

    #: Word codes are packed four to a 64-bit key, 16 bits each.
    CODE_BITS = 16

    def __init__(self, body: str):
        self.body = body
        self._codes: dict[str, int] = {}
        self._lines: dict[str, list[int]] = {}
        self._gold = self._count(body)

    def _count(self, text: str):
        """(sorted unique shingle keys, their counts), or None for a text of 4 words or fewer
        (score.py counts its words as one shorter shingle) or beyond the key's vocabulary."""
        import numpy as np

        codes, lines, token = self._codes, self._lines, scorer()._TOKEN
        words: list[int] = []
        for line in (text or "").split("\n"):  # no word spans a line break; outputs are lines of
            coded = lines.get(line)             # their input, so each line is tokenized once
            if coded is None:
                coded = lines[line] = [codes.setdefault(w, len(codes)) for w in token.findall(line)]
            words += coded
        if len(words) <= 4 or len(codes) >= 1 << self.CODE_BITS:
            return None
        w = np.array(words, dtype=np.uint64)
        b = np.uint64(self.CODE_BITS)
        keys = (((w[:-3] << b | w[1:-2]) << b | w[2:-1]) << b) | w[3:]
        return np.unique(keys, return_counts=True)

    def triple(self, text: str) -> tuple[float, float, float]:
        import numpy as np

        pred = self._count(text)
        if pred is None or self._gold is None:  # a short text: score.py's own way
            return scorer().shingle_triple(self.body, text)
        (gk, gc), (pk, pc) = self._gold, pred
        _, gi, pi = np.intersect1d(gk, pk, assume_unique=True, return_indices=True)
        tp = int(np.minimum(gc[gi], pc[pi]).sum())
        fp, fn = int(pc.sum()) - tp, int(gc.sum()) - tp
        total = tp + fp + fn
        return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class DevCorpus:
    """A development corpus as score.py reads it: gold.json, a folder of inputs per task
    (text_T1/, text_T2/, text_<extractor>/, html/), and its metric: "with"/"without" snippets
    pooled over pages (dev), or the gold body's 4-gram shingles averaged over pages (wcxb)."""

    name: str  # score.py's name for it: "dev" or "wcxb"
    root: Path

    @property
    def shingled(self) -> bool:
        return self.name == "wcxb"

    def available(self) -> bool:
        return scorer() is not None and (self.root / "gold.json").is_file()

    @property
    def gold(self) -> dict:
        return _gold(self.root)

    def pages(self, types: str = "all") -> list[str]:
        """Page ids, sorted. `types` as score.py's --types: "article", "other" (every other page
        type) or "all"; dev-eval's pages are all articles."""
        gold = self.gold
        if types == "all":
            return sorted(gold)
        return sorted(k for k, v in gold.items()
                      if (v.get("page_type", "article") == "article") == (types == "article"))

    def tasks(self) -> list[str]:
        """T1, T2, html (where there are pages), one task per extractor's folder, and the pages
        converted to markdown (MARKDOWN_TASK) when markdownify is installed."""
        tasks = scorer().tasks_of(self.root)
        if "html" in tasks:
            tasks.append(FLAT_TASK)
            if importlib.util.find_spec("markdownify") is not None:
                tasks += [MARKDOWN_TASK, WRAPPED_MARKDOWN_TASK]
        return tasks

    def read(self, task: str, page: str) -> str:
        """The page's input for a task (the text, or the HTML); "" when it has none."""
        if task == MARKDOWN_TASK:
            return page_as_markdown(self.read("html", page))
        if task == WRAPPED_MARKDOWN_TASK:
            return page_as_markdown(self.read("html", page), wrapped=True)
        if task == FLAT_TASK:
            return page_as_flat_text(self.read("html", page))
        if task != "html":
            return scorer().read(self.root / f"text_{task}" / f"{page}.txt")
        path = self.root / "html" / f"{page}.html"
        if path.is_file():
            return path.read_text(encoding="utf-8")
        gz = path.with_name(path.name + ".gz")  # dev-wcxb keeps its pages compressed
        return gzip.decompress(gz.read_bytes()).decode("utf-8", "replace") if gz.is_file() else ""

    def grader(self, page: str) -> Callable[[str], tuple]:
        """A function scoring texts of one page as score.py does, into the rows `summary` pools."""
        s = scorer()
        item = self.gold[page]
        if not self.shingled:
            return functools.partial(s.snippet_counts, item)
        return PageShingles(item["body"]).triple

    def summary(self, rows: Iterable[tuple]) -> tuple[float, float, float]:
        """P, R, F1 of some pages' rows, as score.py sums them up."""
        s = scorer()
        return (s.shingle_prf if self.shingled else s.snippet_prf)(list(rows))


#: The whole page converted to markdown at benchmark time (nothing is stored), as users feed the
#: cleaner the output of an HTML-to-markdown converter: menus, body and footer, in markdown.
MARKDOWN_TASK = "markdownify"


#: The same pages converted as markdownify writes them by default (setext headings: "Title" over
#: "=====") and wrapped at 78 columns, as html2text does by default: links broken over lines,
#: inside their addresses too, and <br> written as hard breaks inside wrapped paragraphs.
WRAPPED_MARKDOWN_TASK = "markdown_wrapped"
WRAP_WIDTH = 78


def page_as_markdown(html: str, wrapped: bool = False) -> str:
    """A page as markdownify converts it (ATX headings; `wrapped`: its default setext headings
    and lines wrapped at WRAP_WIDTH), without its scripts and styles, as most converters leave
    them out; "" for a page the converter cannot read."""
    from bs4 import BeautifulSoup
    from markdownify import MarkdownConverter

    if not html.strip():
        return ""
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    try:
        options = {"wrap": True, "wrap_width": WRAP_WIDTH} if wrapped else {"heading_style": "ATX"}
        text = MarkdownConverter(**options).convert_soup(soup)
    except RecursionError:  # a page nested deeper than Python's stack
        return ""
    return re.sub(r"\n{3,}", "\n\n", text)


#: The whole page as a flat text dump at benchmark time (nothing is stored): the text of every
#: block element on a line of its own, no indentation, as html-text or a copy of the page gives
#: it; the full-page detection must find these pages without --full-page.
FLAT_TASK = "flat_dump"
#: Elements whose text starts a line of the flat dump.
_FLAT_BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section",
                          "article", "header", "footer", "nav", "aside", "blockquote", "pre", "figcaption",
                          "dt", "dd", "br", "ul", "ol", "table", "form", "main", "figure", "option", "button",
                          "label"})


def page_as_flat_text(html: str) -> str:
    """A page's visible text, one line per block element, without scripts and styles; "" for a
    page lxml cannot read."""
    import lxml.html

    if not html.strip():
        return ""
    try:
        doc = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for tag in doc.xpath("//script|//style|//noscript|//template"):
        tag.drop_tree()
    lines: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            lines.append(" ".join("".join(current).split()))
            current.clear()

    def walk(el) -> None:  # (recursive: lxml's own recursion limit is the page's nesting)
        block = isinstance(el.tag, str) and el.tag in _FLAT_BLOCKS
        if block:
            close()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
        if block:
            close()
        if el.tail:
            current.append(el.tail)

    try:
        walk(doc)
    except RecursionError:
        return ""
    close()
    return "\n".join(line for line in lines if line)


@lru_cache(maxsize=2)
def _gold(root: Path) -> dict:
    return json.loads((root / "gold.json").read_text(encoding="utf-8"))


def dev_corpora() -> tuple[DevCorpus, DevCorpus]:
    return DevCorpus("dev", DEV_EVAL), DevCorpus("wcxb", DEV_WCXB)


@dataclass(frozen=True)
class Scope:
    """Pages scored together: a corpus, the task their inputs come from, the page types."""

    corpus: DevCorpus
    task: str
    types: str = "all"  # dev-wcxb: "article" or "other"

    @property
    def name(self) -> str:
        return f"{self.corpus.name} {self.task}" + ("" if self.types == "all" else f" {self.types}")

    @property
    def no_harm(self) -> bool:
        """An extractor's output, or pages that are not articles: the cleaner must do no harm."""
        return self.task not in MAIN_TASKS or self.types == "other"

    def pages(self) -> list[str]:
        return self.corpus.pages(self.types)


def by_page(scopes: Iterable[Scope]) -> list[tuple[DevCorpus, str, list[Scope]]]:
    """Each page of these scopes once, with the scopes it is in: a page's gold is then read and
    counted once for all its tasks."""
    pages: dict[tuple[DevCorpus, str], list[Scope]] = {}
    for scope in scopes:
        for page in scope.pages():
            pages.setdefault((scope.corpus, page), []).append(scope)
    return [(corpus, page, owned) for (corpus, page), owned in pages.items()]


def cleaned(task: str, source: str) -> str:
    """The cleaner's body text for one input (HTML for the html task, else text); "" for an
    input it refuses, such as an extractor's empty output."""
    from cleaner import InputError, clean

    try:
        if task == "html":
            from cleaner import clean_html

            return clean_html(source).text
        return clean(source).text
    except InputError:
        return ""


_T = TypeVar("_T")
_R = TypeVar("_R")


def pool_map(fn: Callable[[_T], _R], items: Iterable[_T], jobs: int, chunksize: int = 4) -> Iterator[_R]:
    """fn over items, results in order: in this process when jobs <= 1, else in `jobs` forked
    processes (fn must be a module-level function; its items and results are pickled)."""
    if jobs <= 1:
        yield from map(fn, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        yield from pool.map(fn, items, chunksize=chunksize)
