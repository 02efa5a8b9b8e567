"""Language detection: seeded langdetect, once per document, on its most prose-like blocks.

Short widget lines ("Share", "Newsletter") fool langdetect, so the sample is built from the
longest blocks that end like sentences, up to `Config.lang_sample` characters.

The detection is langdetect's own algorithm on langdetect's own profiles, re-implemented step for
step (`langdetect_probabilities`): the same n-grams, random draws and floating-point operations
give the same probabilities as `Detector.get_probabilities()` (tests/test_language.py compares
them), in about 0.3 instead of 1.45 ms per 600-character sample of the development corpus (two
walks each). The speed comes from caching what does not change between documents (each word's
n-grams, the walks' weighted rows) and from doing the same arithmetic on numpy vectors. The
profiles are read in sorted order (`Profiles`), so that the answer is the same on every machine.
"""
from __future__ import annotations

import functools
import itertools
import re
import sys
from dataclasses import dataclass

#: A candidate language whose probability reaches this share also contributes its phrase lists.
CANDIDATE_MIN_PROB = 0.20
#: Below this probability the top language is reported as uncertain.
CONFIDENT_PROB = 0.80
#: Fewer letters than this are not worth detecting.
MIN_LETTERS = 20
#: Sentences totalling this many characters make the sample on their own.
MIN_SENTENCE_CHARS = 60
#: Random walks langdetect averages (its default is 7). On the development corpus (656 texts)
#: 2 walks give the same languages as 7 on a 600-character sample.
N_TRIAL = 2

_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_ENDS = (".", "!", "?", "…", "»", '"', "”", "。", "！", "？", "」")


@dataclass(frozen=True, slots=True)
class Language:
    code: str | None  # ISO 639-1, None when unknown
    confidence: float
    candidates: tuple[str, ...]  # languages whose phrase lists apply, most likely first


UNKNOWN = Language(None, 0.0, ())


class _NgramChars(dict):
    """A str.translate table computing langdetect's per-character normalization on first use."""

    def __missing__(self, code: int) -> str:
        from langdetect.utils.ngram import NGram

        self[code] = value = NGram.normalize(chr(code))
        return value


#: Words (and raw tokens) whose n-grams are kept: two generations of this many entries each
#: (both tables together: at most about 38 MB on random 3-12 letter words, n-grams interned;
#: the development corpus, 12,000 tokens, fits in the first generation).
_WORD_GRAMS_MAX = 15_000
_LATIN = re.compile(r"[A-z]")
_ABOVE_LATIN = re.compile(r"[^\x00-\u02ff]")  # cleaning_text only looks at chars >= U+0300
_SPACES = re.compile(" {2,}")


#: Walks whose weights are the same for every document (see _Model.weighted_rows).
_SHARED_TRIALS = 2
#: Weighted rows kept per shared walk and generation (about 0.5 kB each; see _Generations).
_WEIGHTED_ROWS_MAX = 4096


def _word_ngrams(known: dict, padded: str) -> tuple[str, ...]:
    """The known n-grams langdetect's NGram buffer yields over `padded` (" word" or " word "),
    in its order: per character the 1-, 2- and 3-gram ending there, none while inside an
    all-capitals run."""
    found = []
    for j in range(1, len(padded)):
        ch = padded[j]
        if ch.isupper() and padded[j - 1].isupper():
            continue  # langdetect skips capitalised words (acronyms)
        if ch != " " and ch in known:
            found.append(ch)
        w = padded[j - 1:j + 1]
        if w in known:
            found.append(w)
        if j >= 2:
            w = padded[j - 2:j + 1]
            if w in known:
                found.append(w)
    return tuple(map(sys.intern, found))  # cached tuples share one string per n-gram


class _Generations(dict):
    """A table filled on first use (`compute`) that keeps what was used lately: when it holds
    `limit` entries it becomes the old generation and starts empty; a miss looks in the old
    generation before computing. Hits are plain dict lookups."""

    limit = _WORD_GRAMS_MAX

    def __init__(self):
        super().__init__()
        self.old: dict = {}

    def compute(self, key: str):
        raise NotImplementedError

    def __missing__(self, key: str):
        value = self.old.get(key)
        if value is None:
            value = self.compute(key)
        if len(self) >= self.limit:
            self.old = dict(self)
            self.clear()
        self[key] = value
        return value


class _WeightedRows(_Generations):
    """n-gram -> its language probabilities plus the walk's weight (a numpy vector)."""

    limit = _WEIGHTED_ROWS_MAX

    def __init__(self, profiles: "Profiles", weight: float):
        super().__init__()
        self.profiles, self.weight = profiles, weight

    def compute(self, ngram: str):
        return self.profiles.weighted(ngram, self.weight)


class _WordGrams(_Generations):
    """word -> the n-grams of the word followed by a space."""

    def __init__(self, known: dict):
        super().__init__()
        self.known = known

    def compute(self, word: str) -> tuple[str, ...]:
        return _word_ngrams(self.known, " " + word + " ")


class _TokenGrams(_Generations):
    """A space-separated token of the raw text -> the n-grams of its normalized words, each
    followed by a space (as the token is). Normalization maps punctuation to spaces, so a token
    may hold several words or none."""

    def __init__(self, chars: dict, words: _WordGrams):
        super().__init__()
        self.chars, self.words = chars, words

    def compute(self, token: str) -> tuple[str, ...]:
        words = self.words
        return tuple(itertools.chain.from_iterable(
            words[w] for w in token.translate(self.chars).split(" ") if w))


class Profiles:
    """langdetect's language profiles, read from langdetect's own files as its DetectorFactory
    reads them (each n-gram's frequency in a language divided by the number of n-grams of its
    length), with two differences: the files are taken in sorted order, where langdetect takes
    the directory's order, which differs between file systems (and with it the order in which
    its sums add up: the same text could get a different last digit on another machine); and
    an n-gram's probabilities are computed when it is first met (`weighted`, whose rows the
    caches keep), not for the 87,600 n-grams at start-up: a process reads the files in about a
    third of the time (0.12 against 0.32 s), and meets a few thousand n-grams per thousand
    texts."""

    def __init__(self, directory: str):
        import json
        import os

        names = sorted(n for n in os.listdir(directory)
                       if not n.startswith(".") and os.path.isfile(os.path.join(directory, n)))
        self.langs: list[str] = []
        #: per language, in `langs` order: n-gram -> its count, and the counts of n-grams per length
        self._profiles: list[tuple[dict[str, int], list[int]]] = []
        #: every n-gram of every profile, as in langdetect's table (the values are not used)
        self.known: dict[str, int] = {}
        for name in names:
            with open(os.path.join(directory, name), encoding="utf-8") as fh:
                data = json.load(fh)
            self.langs.append(data["name"])
            self._profiles.append((data["freq"], data["n_words"]))
            self.known.update(data["freq"])

    def weighted(self, ngram: str, weight: float):
        """weight + each language's probability of the n-gram, as a vector (the same IEEE
        operations as langdetect's table: count / n_words, then weight + p)."""
        import numpy

        row = numpy.full(len(self.langs), weight)
        n = len(ngram)
        for col, (freq, n_words) in enumerate(self._profiles):
            count = freq.get(ngram)
            if count is not None and 1 <= n <= len(n_words):  # langdetect: 1 <= length <= 3
                row[col] = weight + count / n_words[n - 1]
        return row


class _Model:
    """langdetect's profiles and constants, and the caches built on them (once per process)."""

    def __init__(self):
        from langdetect import DetectorFactory
        from langdetect.detector import Detector
        from langdetect.detector_factory import PROFILES_DIRECTORY
        from langdetect.utils.ngram import NGram

        DetectorFactory.seed = 0  # langdetect itself, if used elsewhere in the process: seeded too
        self.profiles = Profiles(PROFILES_DIRECTORY)
        self.known: dict[str, int] = self.profiles.known
        self.langs: list[str] = self.profiles.langs
        self.seed = 0  # deterministic: the same text gives the same answer everywhere
        self.chars = _NgramChars()
        self.word_grams = _WordGrams(self.known)
        self.token_grams = _TokenGrams(self.chars, self.word_grams)
        self.weighted: dict[float, _WeightedRows] = {}
        self.detector = Detector  # constants and regexes, read from langdetect itself
        self.normalize_vi = NGram.normalize_vi
        self.vi_marks = re.compile("[" + re.escape(NGram.DMARK_CLASS) + "]")
        self.chooser = _inline_choice if _inline_choice_agrees() else _random_choice

    def weighted_rows(self, weight: float, shared: bool) -> "_WeightedRows":
        """n-gram -> [weight + p for p in its language probabilities], the factors langdetect
        multiplies by. The first two walks of every document draw the same weights (the seed is
        fixed and random.gauss makes its values in pairs), so their rows are kept across
        documents (`shared`); later walks get a fresh table."""
        if not shared:
            return _WeightedRows(self.profiles, weight)
        rows = self.weighted.get(weight)
        if rows is None:
            rows = self.weighted[weight] = _WeightedRows(self.profiles, weight)
        return rows


def _random_choice(rnd, seq):
    return functools.partial(rnd.choice, seq)


def _inline_choice(rnd, seq):
    """`rnd.choice(seq)` as CPython's Random implements it (`seq[rnd._randbelow(len(seq))]`
    by rejection sampling on getrandbits), without its two Python-level calls per draw."""
    n = len(seq)
    k = n.bit_length()
    bits = rnd.getrandbits

    def choice():
        r = bits(k)
        while r >= n:
            r = bits(k)
        return seq[r]

    return choice


def _inline_choice_agrees() -> bool:
    """Whether _inline_choice draws what Random.choice draws on this Python (checked once per
    process; Random.choice is used otherwise)."""
    import random

    a, b = random.Random(7), random.Random(7)
    for n in (1, 2, 3, 5, 64, 100, 1000, 4097):
        seq = range(n)
        fast = _inline_choice(a, seq)
        if any(fast() != b.choice(seq) for _ in range(50)):
            return False
    return True


@functools.lru_cache(maxsize=1)
def _model() -> _Model:
    """The profiles and caches of this process, loaded on first use (the batch worker
    initializer loads them before the first document)."""
    return _Model()


def _extract_ngrams(text: str, model: _Model) -> list[str]:
    """The n-grams of `text` that langdetect knows, exactly as langdetect's
    Detector._extract_ngrams builds them (same order): its per-character buffer restarts after
    each space, so the n-grams are those of each space-separated word (cached per token of the
    text and per normalized word); only the very last word has no space after it."""
    tokens = text.split(" ")
    last = tokens.pop()
    result = list(itertools.chain.from_iterable(map(model.token_grams.__getitem__, filter(None, tokens))))
    if last:
        words = last.translate(model.chars).split(" ")
        final = words.pop()
        for w in words:
            if w:
                result += model.word_grams[w]
        if final:
            result += _word_ngrams(model.known, " " + final)
    return result


def langdetect_probabilities(text: str, n_trial: int = 7) -> list[tuple[str, float]]:
    """langdetect's `Detector.get_probabilities()` for `text`, seeded: the same languages and the
    same probabilities (tested against langdetect itself), several times faster.

    It follows Detector.append, cleaning_text, _extract_ngrams and _detect_block step for step,
    with the same random draws and the same floating-point operations in the same order. The
    55 language probabilities are a numpy vector: the five updates between two normalizations
    are five elementwise products (IEEE multiplications, as in langdetect's Python loop), and
    the sums stay Python's. Raises langdetect's LangDetectException when the text has no known
    n-gram, like langdetect.
    """
    import random

    import numpy
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException
    from langdetect.utils.unicode_block import unicode_block

    model = _model()
    D = model.detector
    # Detector.append
    # (each substitution only where it can apply: an address needs '@', Vietnamese
    # normalization a combining mark)
    text = D.URL_RE.sub(" ", text)
    if "@" in text:
        text = D.MAIL_RE.sub(" ", text)
    if model.vi_marks.search(text):
        text = model.normalize_vi(text)
    text = _SPACES.sub(" ", text[:10000])
    # Detector.cleaning_text
    # (nothing to count without a character from U+0300 on: no non-Latin letter then)
    if not text.isascii() and _ABOVE_LATIN.search(text):
        without_latin, latin = _LATIN.subn("", text)
        if latin * 2 < len(text) - latin:  # else non-Latin letters cannot be twice as many
            non_latin = sum(1 for ch in _ABOVE_LATIN.findall(text)
                            if unicode_block(ch) != "Latin Extended Additional")
            if latin * 2 < non_latin:
                text = without_latin
    ngrams = _extract_ngrams(text, model)
    if not ngrams:
        raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
    # Detector._detect_block
    nlang = len(model.langs)
    rnd = random.Random(model.seed)  # one per call: threads cleaning at once do not share draws
    choice = model.chooser(rnd, ngrams)
    limit, conv = D.ITERATION_LIMIT, D.CONV_THRESHOLD
    langprob = [0.0] * nlang
    for trial in range(n_trial):
        alpha = D.ALPHA_DEFAULT + rnd.gauss(0.0, 1.0) * D.ALPHA_WIDTH
        rows = model.weighted_rows(alpha / D.BASE_FREQ, shared=trial < _SHARED_TRIALS)
        prob = numpy.full(nlang, 1.0 / nlang) * rows[choice()]  # i = 0
        i = 0
        while True:
            # _normalize_prob divides every probability by their sum (Python's sum, in order,
            # as langdetect does); the largest one divided is the largest quotient (division by
            # a positive number keeps the order), and the division itself is done first thing
            # in the next pass
            values = prob.tolist()
            total = sum(values)
            if max(values) / total > conv or i >= limit:
                prob = [p / total for p in values]
                break
            # five updates: each probability times the five factors, in langdetect's order
            prob /= total  # in place: the same operations without a new vector each
            prob *= rows[choice()]
            prob *= rows[choice()]
            prob *= rows[choice()]
            prob *= rows[choice()]
            prob *= rows[choice()]
            i += 5
        langprob = [lp + p / n_trial for lp, p in zip(langprob, prob)]
    ranked = [(lang, p) for lang, p in zip(model.langs, langprob) if p > D.PROB_THRESHOLD]
    ranked.sort(key=lambda lp: lp[1], reverse=True)
    return ranked


def sample(texts: list[str], limit: int) -> str:
    """The most prose-like texts, longest first, joined up to `limit` characters: sentences when
    there are any (headlines, menus and labels only when there are not, so removing a headline
    does not change the language found for the rest)."""
    long = [t for t in texts if len(t) >= 40]
    sentences = [t for t in long if t.rstrip().endswith(_SENTENCE_ENDS)]
    if sum(map(len, sentences)) >= MIN_SENTENCE_CHARS:
        prose = sorted(sentences, key=len, reverse=True)
    else:
        prose = sorted(long, key=lambda t: (not t.rstrip().endswith(_SENTENCE_ENDS), -len(t)))
    picked: list[str] = []
    size = 0
    for t in prose or sorted(texts, key=len, reverse=True):
        picked.append(t)
        size += len(t) + 1
        if size >= limit:
            break
    return " ".join(picked)[:limit]


def detect(texts: list[str], limit: int) -> Language:
    """Detect the language of a document given its block texts."""
    return _detect_sample(sample(texts, limit))


@functools.lru_cache(maxsize=16)
def _detect_sample(text: str) -> Language:
    """The language of a sample (cached: the pipeline asks again about a document's kept blocks,
    whose sample is often the same text)."""
    if len(_LETTER.findall(text, 0, 4 * MIN_LETTERS)) < MIN_LETTERS and \
            len(_LETTER.findall(text)) < MIN_LETTERS:
        return UNKNOWN
    from langdetect.lang_detect_exception import LangDetectException

    try:
        probs = langdetect_probabilities(text, N_TRIAL)
    except LangDetectException:
        return UNKNOWN
    if not probs:
        return UNKNOWN
    top_lang, top_prob = probs[0]
    candidates = tuple(dict.fromkeys(_iso(lang) for lang, p in probs if p >= CANDIDATE_MIN_PROB))
    return Language(_iso(top_lang), float(top_prob), candidates)


def _iso(code: str) -> str:
    """langdetect says zh-cn / zh-tw; the lexicons are keyed by ISO 639-1."""
    return code.split("-")[0]


@functools.lru_cache(maxsize=1)
def known_codes() -> tuple[str, ...]:
    """The ISO 639-1 codes langdetect has a profile for, sorted (its zh-cn and zh-tw are zh)."""
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY

    return tuple(sorted({_iso(n) for n in os.listdir(PROFILES_DIRECTORY) if not n.startswith(".")}))


def given(code: str) -> Language:
    """A language set by the user (`--lang`): full confidence, no detection."""
    return Language(code.lower(), 1.0, (code.lower(),))
