"""Language detection: seeded langdetect, once per document, on its most prose-like blocks.

Short widget lines ("Share", "Newsletter") fool langdetect, so the sample is built from the
longest blocks that end like sentences, up to `Config.lang_sample` characters.
"""
from __future__ import annotations

import functools
import re
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
#: 2 walks give the same languages as 7 on a 600-character sample (with the faster n-gram
#: extraction below: 1.3 ms instead of 3.2 ms per document).
N_TRIAL = 2

_SENTENCE_END = re.compile(r"[.!?…»\"”]\s*$")


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


@functools.lru_cache(maxsize=1)
def _ngram_chars() -> _NgramChars:
    return _NgramChars()


def _extract_ngrams(text: str, known) -> list[str]:
    """The n-grams of `text` that langdetect knows, exactly as langdetect's own
    Detector._extract_ngrams builds them (same order), about four times faster."""
    result: list[str] = []
    grams, capital = " ", False
    for ch in text.translate(_ngram_chars()):
        last = grams[-1]
        if last == " ":
            grams, capital = " ", False
            if ch == " ":
                continue
        elif len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        w = grams[-1]
        if w != " " and w in known:
            result.append(w)
        if len(grams) >= 2:
            w = grams[-2:]
            if w in known:
                result.append(w)
            if len(grams) >= 3:
                w = grams[-3:]
                if w in known:
                    result.append(w)
    return result


def _detector(factory):
    from langdetect.detector import Detector

    class FastDetector(Detector):
        def _extract_ngrams(self):
            return _extract_ngrams(self.text, self.word_lang_prob_map)

    return FastDetector(factory)


def _detector_factory():
    """langdetect's shared factory with its profiles loaded and its seed fixed (per process)."""
    from langdetect import DetectorFactory, detector_factory

    DetectorFactory.seed = 0  # deterministic: the same text gives the same answer everywhere
    detector_factory.init_factory()  # loads the profiles once per process
    return detector_factory._factory


def sample(texts: list[str], limit: int) -> str:
    """The most prose-like texts, longest first, joined up to `limit` characters: sentences when
    there are any (headlines, menus and labels only when there are not, so removing a headline
    does not change the language found for the rest)."""
    long = [t for t in texts if len(t) >= 40]
    sentences = [t for t in long if _SENTENCE_END.search(t)]
    prose = sorted(sentences if sum(map(len, sentences)) >= MIN_SENTENCE_CHARS else long,
                   key=lambda t: (not _SENTENCE_END.search(t), -len(t)))
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
    text = sample(texts, limit)
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return UNKNOWN
    from langdetect.lang_detect_exception import LangDetectException

    factory = _detector_factory()
    try:
        detector = _detector(factory)
        detector.n_trial = N_TRIAL
        detector.append(text)
        probs = detector.get_probabilities()
    except LangDetectException:
        return UNKNOWN
    if not probs:
        return UNKNOWN
    top = probs[0]
    code = _iso(top.lang)
    candidates = tuple(dict.fromkeys(_iso(p.lang) for p in probs if p.prob >= CANDIDATE_MIN_PROB))
    return Language(code, float(top.prob), candidates)


def _iso(code: str) -> str:
    """langdetect says zh-cn / zh-tw; the lexicons are keyed by ISO 639-1."""
    return code.split("-")[0]


def given(code: str) -> Language:
    """A language set by the user (`--lang`): full confidence, no detection."""
    return Language(code.lower(), 1.0, (code.lower(),))
