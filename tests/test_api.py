"""The library API: `from cleaner import clean` and the Result it returns."""
from __future__ import annotations

import dataclasses
import json

import pytest

import cleaner
from cleaner import Category, Config, InputError, Removed, Result, clean

ARTICLE = """\
Ferry operator adds winter sailings to the islands

Published: 12/01/2024

The island ferry will run twice a day throughout the winter for the first time in a decade, the operator announced on Wednesday.

Share on Facebook

Islanders had complained for years that a single daily crossing left them unable to reach hospital appointments and return the same day.
"""
BODY = [
    "The island ferry will run twice a day throughout the winter for the first time in a decade, "
    "the operator announced on Wednesday.",
    "Islanders had complained for years that a single daily crossing left them unable to reach "
    "hospital appointments and return the same day.",
]


@pytest.fixture(scope="module")
def result() -> Result:
    return clean(ARTICLE, lang="en")


def test_public_names():
    assert cleaner.clean is clean
    assert isinstance(cleaner.__version__, str) and cleaner.__version__
    for name in ("clean", "Config", "Result", "Removed", "Category", "InputError", "__version__"):
        assert name in cleaner.__all__


def test_result_fields(result):
    assert result.text == "\n\n".join(BODY)
    assert result.paragraphs == BODY
    assert result.title == "Ferry operator adds winter sailings to the islands"
    assert result.language == "en"
    assert result.date == "2024-01-12"


def test_removed_items(result):
    assert all(isinstance(r, Removed) for r in result.removed)
    by_line = {r.line: r for r in result.removed}
    assert sorted(by_line) == [1, 3, 7]
    assert (by_line[1].category, by_line[1].rule) == (Category.TITLE, "title.top")
    assert by_line[3].category is Category.METADATA and by_line[3].rule.startswith("metadata.")
    assert (by_line[7].text, by_line[7].category, by_line[7].rule) == ("Share on Facebook", Category.SHARE,
                                                                        "share.phrase")
    for r in result.removed:
        assert isinstance(r.text, str) and r.text
        assert isinstance(r.reason, str) and r.reason
        assert isinstance(r.line, int)


def test_decisions_cover_every_block_in_order(result):
    lines = [d.block.line for d in result.decisions]
    assert lines == [1, 3, 5, 7, 9]
    assert [d.kept for d in result.decisions] == [False, False, True, False, True]


def test_to_dict_is_json_serialisable(result):
    data = result.to_dict()
    back = json.loads(json.dumps(data))
    assert back["text"] == result.text
    assert back["title"] == result.title
    assert back["language"] == "en"
    assert back["date"] == "2024-01-12"
    assert [r["line"] for r in back["removed"]] == [1, 3, 7]
    assert back["removed"][2] == {"text": "Share on Facebook", "category": "share", "rule": "share.phrase",
                                  "reason": result.removed[2].reason, "line": 7}
    explained = json.loads(json.dumps(result.to_dict(explain=True)))
    assert len(explained["blocks"]) == 5


def test_category_prints_as_its_value():
    assert str(Category.CAPTION) == "caption"
    assert Category("teaser") is Category.TEASER


def test_keyword_overrides_and_config_keep():
    kept = clean(ARTICLE, lang="en", keep=frozenset({Category.SHARE}))
    assert "Share on Facebook" in kept.paragraphs
    share = next(d for d in kept.decisions if d.block.line == 7)
    assert share.final.category is Category.SHARE and share.kept and "kept" in share.note
    assert Config(lang="en").replace(keep=frozenset({Category.SHARE})) == Config(lang="en", keep=frozenset({Category.SHARE}))


def test_config_only_removes_just_those_categories():
    only = clean(ARTICLE, config=Config(lang="en", only=frozenset({Category.SHARE})))
    assert [r.line for r in only.removed] == [7]
    assert only.paragraphs[0] == "Ferry operator adds winter sailings to the islands"


def test_config_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Config().lang = "fr"  # type: ignore[misc]


def test_not_text_is_an_input_error():
    with pytest.raises(InputError):
        clean(b"bytes are not text")  # type: ignore[arg-type]


def test_too_large_is_an_input_error():
    with pytest.raises(InputError, match="too large"):
        clean("word " * 100, max_bytes=100)


@pytest.mark.parametrize("text", ["", "   \n\n\t  \n"])
def test_empty_text_is_refused_with_a_clear_error(text):
    with pytest.raises(InputError, match="empty document"):
        clean(text)
