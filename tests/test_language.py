"""Language detection: our re-implementation of langdetect's detector must give exactly what
langdetect itself gives (same languages, same probabilities), only faster."""
from __future__ import annotations

import functools
import json
import os
import random
import sys

import pytest
from langdetect import detector_factory
from langdetect.lang_detect_exception import LangDetectException
from langdetect.utils.lang_profile import LangProfile

from cleaner import language
from helpers import BODY, SEEDS


@functools.lru_cache(maxsize=1)
def _stock_factory() -> detector_factory.DetectorFactory:
    """langdetect's own DetectorFactory, seeded, with its profiles added by its own add_profile
    in sorted order (its load_profile takes the directory's order, which varies between file
    systems; the cleaner sorts)."""
    factory = detector_factory.DetectorFactory()
    factory.seed = 0
    directory = detector_factory.PROFILES_DIRECTORY
    names = sorted(n for n in os.listdir(directory) if not n.startswith("."))
    for index, name in enumerate(names):
        with open(os.path.join(directory, name), encoding="utf-8") as fh:
            factory.add_profile(LangProfile(**json.load(fh)), index, len(names))
    return factory


def _stock(text: str, n_trial: int):
    detector = _stock_factory().create()
    detector.n_trial = n_trial
    detector.append(text)
    return [(p.lang, p.prob) for p in detector.get_probabilities()]


def _samples() -> list[str]:
    rng = random.Random(3)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    texts += [" ".join(paragraphs) for paragraphs in BODY.values()]
    out = []
    for t in texts:
        out += [t[:600], t[:2500]]
        for size in (25, 90, 300):
            start = rng.randrange(max(1, len(t) - size))
            out.append(t[start:start + size])
    # shapes that exercise langdetect's edge cases: capitalised words, URLs and e-mails,
    # repeated spaces, non-Latin scripts with Latin noise, Vietnamese combining marks
    out += [
        "The NATO and the UN said on Monday that the EU would meet in Brussels next week.",
        "Read more at https://example.com/a/b?c=d or write to press@example.org   today  please.",
        "Москва заявила, что переговоры в ООН продолжатся на следующей неделе (AFP, Reuters).",
        "東京の天気は明日、晴れのち曇りとなる見込みです。 Tokyo weather news",
        "Tiếng Việt có dấu: Hà Nội là thủ đô của Việt Nam, một đất nước xinh đẹp.",
        "ΑΘΗΝΑ Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.",
    ]
    return out


@pytest.mark.parametrize("n_trial", [language.N_TRIAL, 7])
def test_probabilities_equal_langdetect(n_trial):
    samples = _samples()
    assert len(samples) > 60
    for text in samples:
        try:
            expected = _stock(text, n_trial)
        except LangDetectException:
            with pytest.raises(LangDetectException):
                language.langdetect_probabilities(text, n_trial)
            continue
        assert language.langdetect_probabilities(text, n_trial) == expected, text[:80]


def test_text_without_features_raises_like_langdetect():
    for text in ("12345 !!! ---", "   "):
        with pytest.raises(LangDetectException):
            _stock(text, 2)
        with pytest.raises(LangDetectException):
            language.langdetect_probabilities(text, 2)


def test_inline_draws_match_random_choice():
    assert language._inline_choice_agrees()
    seq = list(range(300))
    a, b = random.Random(0), random.Random(0)
    fast = language._inline_choice(a, seq)
    assert [fast() for _ in range(1000)] == [b.choice(seq) for _ in range(1000)]


def test_detect_reports_language_and_candidates():
    assert language.detect(BODY["de"], 600).code == "de"
    assert language.detect(BODY["fr"], 600).candidates[0] == "fr"
    assert language.detect(["12 34", "..."], 600) == language.UNKNOWN


def test_profiles_are_langdetects_in_a_fixed_order():
    """The same languages and n-gram probabilities as langdetect's table, whatever order the
    file system lists the profile files in."""
    factory = _stock_factory()
    profiles = language._model().profiles
    assert profiles.langs == factory.langlist == sorted(profiles.langs, key=factory.langlist.index)
    assert set(profiles.known) == set(factory.word_lang_prob_map)
    for ngram in ("a", "e", " d", "der", "the", "ой", "の", "zz"):
        if ngram in profiles.known:
            assert profiles.weighted(ngram, 0.0).tolist() == factory.word_lang_prob_map[ngram]


def test_detection_does_not_depend_on_the_file_systems_listing_order(monkeypatch):
    """langdetect orders its languages as os.listdir lists the profile files, which differs
    between file systems; the cleaner's profiles must come out the same in any listing order."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    listed = os.listdir(PROFILES_DIRECTORY)
    baseline = language.Profiles(PROFILES_DIRECTORY)
    real_listdir = os.listdir
    monkeypatch.setattr(os, "listdir", lambda path: list(reversed(real_listdir(path))))
    assert os.listdir(PROFILES_DIRECTORY) == list(reversed(listed))
    shuffled = language.Profiles(PROFILES_DIRECTORY)
    assert shuffled.langs == baseline.langs
    assert shuffled.known.keys() == baseline.known.keys()
    for ngram in sorted(baseline.known)[::5]:
        assert shuffled.weighted(ngram, 1e-5).tolist() == baseline.weighted(ngram, 1e-5).tolist()


def test_threads_detecting_at_once_get_what_one_thread_gets():
    """Each call draws from its own seeded generator: concurrent calls cannot interleave draws."""
    from concurrent.futures import ThreadPoolExecutor

    samples = _samples()[:40]
    alone = [language.langdetect_probabilities(t, 2) if language.detect([t], 600).code else None
             for t in samples]

    def run(t):
        return language.langdetect_probabilities(t, 2) if language.detect([t], 600).code else None

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        with ThreadPoolExecutor(4) as pool:
            for _ in range(3):
                assert list(pool.map(run, samples)) == alone
    finally:
        sys.setswitchinterval(interval)


def test_caches_keep_what_was_used_lately():
    """Bounded tables: at `limit` entries the table becomes the old generation; a key used in
    the last two generations is not computed again, and every value is what compute gives."""
    computed = []

    class Squares(language._Generations):
        limit = 3

        def compute(self, key):
            computed.append(key)
            return key * key

    table = Squares()
    assert [table[k] for k in (1, 2, 3, 4)] == [1, 4, 9, 16]  # 4 starts a new generation
    assert len(table) == 1 and sorted(table.old) == [1, 2, 3]
    assert [table[k] for k in (2, 3, 4)] == [4, 9, 16]  # from the old generation, or current
    assert computed == [1, 2, 3, 4]
    assert [table[k] for k in (5, 6, 1)] == [25, 36, 1]  # 1 was rotated out: computed again
    assert computed == [1, 2, 3, 4, 5, 6, 1]
