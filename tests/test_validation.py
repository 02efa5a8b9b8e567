"""Bad values are refused with a message naming the value and what is allowed (issue 10, point 7),
and an empty document is the same error everywhere (point 8): the API, and the command line as a
subprocess."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cleaner import Category, Config, InputError, clean, clean_html
from cleaner.lexicon import LexiconError, SIGNAL_SECTIONS, known_sections, load_user_file
from helpers import ROOT, SEEDS

SEED = SEEDS / "004_f40168916c720f6a.txt"
EN = ("The county council voted on Thursday to close two of its four recycling centres, citing a "
      "budget gap of nearly four million pounds over the next three years.")


def run(*args, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleaner", *map(str, args)], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def usage_error(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    return proc.stderr


# --- phrase files ---------------------------------------------------------------------------------

def test_the_known_sections_are_the_categories_and_the_signal_sections():
    assert known_sections() == {c.value for c in Category} | set(SIGNAL_SECTIONS)
    assert {"form_status", "byline"} <= set(SIGNAL_SECTIONS)


def test_an_unknown_section_in_a_phrase_file_is_refused_naming_the_file(tmp_path):
    phrases = tmp_path / "mine.toml"
    phrases.write_text('[subscribtion]\nexact = ["Become a member"]\n', encoding="utf-8")
    err = usage_error(run("--phrases", phrases, SEED))
    assert f"{phrases}: unknown section [subscribtion]" in err
    assert "did you mean [subscription]?" in err
    assert "form_status" in err and "caption" in err  # what is allowed
    with pytest.raises(LexiconError, match=r"unknown section \[subscribtion\]"):
        load_user_file(str(phrases))


def test_a_phrase_file_that_is_not_utf8_is_refused_naming_the_file(tmp_path):
    phrases = tmp_path / "latin1.toml"
    phrases.write_bytes('[share]\nexact = ["Partagez l\'article, très"]\n'.encode("latin-1"))
    err = usage_error(run("--phrases", phrases, SEED))
    assert f"phrase file {phrases} is not UTF-8" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("body,message", [
    ('[share]\nmax_len = "long"\nexact = ["x"]\n', "max_len must be a whole number of at least 1"),
    ('[share]\nexacts = ["x"]\n', "unknown list 'exacts'"),
    ('share = "x"\n', "'share' must be a table"),
    ("[share\n", "is not valid TOML"),
])
def test_every_phrase_file_error_names_the_file(tmp_path, body, message):
    phrases = tmp_path / "bad.toml"
    phrases.write_text(body, encoding="utf-8")
    err = usage_error(run("--phrases", phrases, SEED))
    assert str(phrases) in err and message in err


# --- language -------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["xx", "english", "zz"])
def test_an_unknown_lang_is_refused_on_the_command_line(code):
    err = usage_error(run("--lang", code, SEED))
    assert f"--lang: unknown language '{code}'" in err
    assert "ISO 639-1" in err and " de, " in err and " fr, " in err  # the allowed codes


@pytest.mark.parametrize("code", ["english", "xx", "", "fra", 3])
def test_an_unknown_lang_is_refused_by_the_api(code):
    with pytest.raises(ValueError, match="unknown language") as error:
        clean(EN, lang=code)
    assert "en, " in str(error.value)


def test_a_known_lang_is_accepted_in_any_case():
    assert Config(lang="FR").lang == "fr"
    assert clean(EN, lang="EN").language == "en"
    assert Config(lang="zh").lang == "zh"  # langdetect's zh-cn and zh-tw


# --- keep and only --------------------------------------------------------------------------------

def test_a_bare_string_is_one_category_never_a_substring():
    config = Config(keep="metadata")
    assert config.keep == frozenset({Category.METADATA})
    assert config.removes(Category.AD)  # "ad" is a substring of "metadata": it used to be kept
    assert Config(only="caption").only == frozenset({Category.CAPTION})
    assert Config(keep=["caption", Category.SHARE]).keep == frozenset({Category.CAPTION, Category.SHARE})


@pytest.mark.parametrize("field", ["keep", "only"])
def test_an_unknown_category_is_refused_by_the_api(field):
    with pytest.raises(ValueError, match=r"unknown category 'captions'.*caption, teaser"):
        Config(**{field: {"captions"}})


def test_keep_and_only_the_same_category_is_refused():
    with pytest.raises(ValueError, match="'caption' is both in keep and in only"):
        Config(keep={"caption"}, only={"caption", "share"})
    err = usage_error(run("--keep", "caption", "--only", "caption", SEED))
    assert "--keep caption and --only caption" in err


def test_a_bare_string_phrase_file_is_one_file(tmp_path):
    assert Config(phrase_files="my.toml").phrase_files == ("my.toml",)


@pytest.mark.parametrize("changes", [{"max_bytes": 0}, {"timeout": -1}, {"lang_sample": 0},
                                     {"full_page": "yes"}])
def test_other_bad_settings_are_refused(changes):
    with pytest.raises(ValueError):
        Config(**changes)


# --- one rule for empty documents -----------------------------------------------------------------

def test_an_empty_document_is_the_same_error_in_the_api_and_every_kind_of_record(tmp_path):
    messages = set()
    for fn, doc in ((clean, ""), (clean, "  \n"), (clean_html, ""), (clean_html, " "),
                    (clean_html, "<html><body></body></html>")):
        with pytest.raises(InputError) as error:
            fn(doc)
        messages.add(str(error.value))
    src = tmp_path / "crawl.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in (
        {"id": "text", "text": ""}, {"id": "html", "html": ""}, {"id": "page", "html": "<p> </p>"},
        {"id": "both", "text": " ", "html": " "})), encoding="utf-8")
    proc = run("-j", "1", "--lang", "en", src)
    assert proc.returncode == 1
    recs = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert [r["id"] for r in recs] == ["text", "html", "page", "both"]
    messages |= {r["error"] for r in recs}
    for name in ("a.txt", "b.html"):
        (tmp_path / name).write_text(" \n", encoding="utf-8")
    files = run("-j", "1", "--lang", "en", tmp_path / "a.txt", tmp_path / "b.html")
    assert files.returncode == 1
    messages |= {ln.split(": ", 2)[2] for ln in files.stderr.splitlines() if ".txt:" in ln or ".html:" in ln}
    assert messages == {"empty document: no text to clean"}
