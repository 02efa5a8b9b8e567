"""WARC and WET input (Common Crawl): small files written with warcio's own writer, gzipped and
not, cleaned through the command line and through the Python path (iter_tasks -> batch)."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner import Config, batch, clean
from cleaner.io import iter_tasks, plan_inputs

BODY = ("The county council voted on Thursday to close two of its four recycling centres, citing "
        "a budget gap of nearly four million pounds over the next three years.")
BODY_2 = ("Residents will be able to use the remaining sites for longer hours from next spring, a "
          "spokesperson for the authority confirmed in a statement on Friday.")
CAFE = "The café on the market square will stay open during the works, the council said on Friday."


def page(title: str, *paragraphs: str) -> str:
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{ps}<div class='share'><p>Share this article</p></div>"
            "</article></body></html>")


def http(content_type: str, status: str = "200 OK") -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")


def write_warc(path: Path) -> list[tuple[str, str]]:
    """warcinfo, request, two HTML responses, an image/png response and a metadata record; returns
    the (WARC-Record-ID, WARC-Target-URI) of the two pages, in order."""
    pages = []
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        w.write_record(w.create_warc_record("https://news.example/a", "request", payload=BytesIO(b""),
                                            http_headers=request))
        for url, charset, html in (
                ("https://news.example/a", "utf-8", page("Council closes two centres", BODY, BODY_2)),
                ("https://news.example/b", "iso-8859-1", page("Works on the square", CAFE, BODY_2))):
            rec = w.create_warc_record(url, "response", payload=BytesIO(html.encode(charset)),
                                       http_headers=http(f"text/html; charset={charset}"))
            w.write_record(rec)
            pages.append((rec.rec_headers.get_header("WARC-Record-ID"), url))
        w.write_record(w.create_warc_record("https://news.example/logo.png", "response",
                                            payload=BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(64)),
                                            http_headers=http("image/png")))
        w.write_record(w.create_warc_record("https://news.example/a", "metadata",
                                            payload=BytesIO(b"fetchTimeMs: 120\r\n"),
                                            warc_content_type="application/warc-fields"))
    return pages


#: Full-page texts, as Common Crawl's WET conversion records hold them.
WET_TEXTS = [
    ("https://news.example/a", f"Council closes two centres\n\nRead more: Budget cuts hit libraries\n\n"
                               f"{BODY}\n\n{BODY_2}\n\nShare this article\n\nSign up to our newsletter"),
    ("https://news.example/b", f"Works on the square\n\n{CAFE}\n\n{BODY_2}\n\nShare this article"),
]


def write_wet(path: Path) -> list[tuple[str, str]]:
    ids = []
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        for url, text in WET_TEXTS:
            rec = w.create_warc_record(url, "conversion", payload=BytesIO(text.encode()),
                                       warc_content_type="text/plain")
            w.write_record(rec)
            ids.append((rec.rec_headers.get_header("WARC-Record-ID"), url))
    return ids


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleaner", *map(str, args)], capture_output=True,
                          text=True, timeout=120)


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


WARC_SUMMARY = "6 records: 2 pages cleaned, 4 skipped (1 warcinfo, 1 request, 1 non-HTML response, 1 metadata)"


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_responses_are_cleaned_in_record_order(tmp_path, name):
    src = tmp_path / name
    pages = write_warc(src)
    out = tmp_path / "out"
    proc = run(src, "-o", out, "-j", "1", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["crawl.jsonl"]
    recs = records(out / "crawl.jsonl")
    assert [(r["id"], r["url"]) for r in recs] == pages
    assert all(r["warc_date"] and r["mode"] == "html" and "error" not in r for r in recs)
    assert BODY in recs[0]["text"] and BODY_2 in recs[0]["text"]
    assert CAFE in recs[1]["text"]  # iso-8859-1, as the HTTP Content-Type says
    assert all("Share this" not in r["text"] and "Home" not in r["text"] for r in recs)
    assert [r["title"] for r in recs] == ["Council closes two centres", "Works on the square"]
    assert f"clean-articles: {src}: {WARC_SUMMARY}\n" in proc.stderr


@pytest.mark.parametrize("name", ["crawl.warc.wet.gz", "crawl.wet"])
def test_wet_conversions_are_cleaned_as_full_page_text(tmp_path, name):
    src = tmp_path / name
    ids = write_wet(src)
    out = tmp_path / "out"
    proc = run(src, "-o", out, "-j", "1", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    recs = records(out / "crawl.jsonl")
    assert [(r["id"], r["url"]) for r in recs] == ids
    assert [r["text"] for r in recs] == [clean(t, lang="en").text for _, t in WET_TEXTS]
    assert BODY in recs[0]["text"] and "Share this" not in recs[0]["text"]
    assert "Sign up" not in recs[0]["text"] and CAFE in recs[1]["text"]
    assert f"clean-articles: {src}: 3 records: 2 pages cleaned, 1 skipped (1 warcinfo)\n" in proc.stderr


def test_python_path_and_folders(tmp_path):
    """A folder holding a WARC and a WET file: iter_tasks reads both (in path order), counts what
    it skips, and the batch cleans the pages as the command line does."""
    pages = write_warc(tmp_path / "in" / "a.warc.gz")
    ids = write_wet(tmp_path / "in" / "b.warc.wet.gz")
    (tmp_path / "in" / "notes.warc.txt").write_text("not a WARC: a text file", encoding="utf-8")
    sources, empty = plan_inputs([str(tmp_path / "in")], "auto")
    assert [(s.name.as_posix(), s.warc) for s in sources] == [("a", True), ("b", True),
                                                              ("notes.warc", False)]
    summaries: list = []
    tasks = list(iter_tasks(sources, "auto", 1 << 20, summaries=summaries))
    assert [t.id for t in tasks[:4]] == [i for i, _ in pages + ids]
    assert [t.extra["url"] for t in tasks[:4]] == [u for _, u in pages + ids]
    assert tasks[0].html is not None and tasks[2].text == WET_TEXTS[0][1]
    assert [(s.records, s.pages, dict(s.skipped)) for s in summaries] == [
        (6, 2, {"warcinfo": 1, "request": 1, "non-HTML response": 1, "metadata": 1}),
        (3, 2, {"warcinfo": 1})]
    outcomes = list(batch.run(tasks, batch.Job(Config(lang="en"), format="jsonl")))
    assert all(o.ok for o in outcomes)
    assert json.loads(outcomes[2].output)["text"] == clean(WET_TEXTS[0][1], lang="en").text


def test_corrupt_and_oversized_records_fail_alone(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    pages = write_warc(src / "a.warc.gz")
    data = (src / "a.warc.gz").read_bytes()
    members = []  # the gzip members, one per record: cut the file inside the fifth (the image)
    raw = data
    while raw:
        d = __import__("zlib").decompressobj(31)
        d.decompress(raw)
        members.append(raw[: len(raw) - len(d.unused_data)])
        raw = d.unused_data
    assert len(members) == 6
    (src / "broken.warc.gz").write_bytes(b"".join(members[:4]) + members[4][:30])
    (src / "garbage.warc").write_bytes(b"this is not a WARC file\r\n\r\n")
    write_wet(src / "c.wet")
    big = page("Council closes two centres", *[BODY] * 40)
    with (src / "d.warc").open("wb") as fh:
        w = WARCWriter(fh, gzip=False)
        w.write_record(w.create_warc_record("https://news.example/big", "response",
                                            payload=BytesIO(big.encode()), http_headers=http("text/html")))
    out = tmp_path / "out"
    proc = run(src, "-o", out, "-j", "2", "--lang", "en", "--max-bytes", "3000")
    assert proc.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl", "broken.jsonl", "c.jsonl", "d.jsonl",
                                                     "garbage.jsonl"]
    broken = records(out / "broken.jsonl")
    assert [(r["id"], r.get("url")) for r in broken[:2]] == pages  # the records before the cut are kept
    assert broken[2]["id"] == f"{src / 'broken.warc.gz'}:record 5"
    assert "the gzip file is truncated" in broken[2]["error"]
    assert f"clean-articles: {src / 'broken.warc.gz'}:record 5: cannot read past record 4: the gzip " \
           "file is truncated" in proc.stderr
    assert (f"clean-articles: {src / 'broken.warc.gz'}: 4 records: 2 pages cleaned, 2 skipped "
            "(1 warcinfo, 1 request); record 5 cannot be read, nor anything after it") in proc.stderr
    assert f"clean-articles: {src / 'garbage.warc'}:record 1: not a WARC file" in proc.stderr
    assert len(records(out / "c.jsonl")) == 2 and len(records(out / "a.jsonl")) == 2
    [too_big] = records(out / "d.jsonl")
    assert too_big["url"] == "https://news.example/big"
    assert too_big["error"] == "record 1: too large: more than 3000 bytes (see --max-bytes)"
    assert "clean-articles: 6 cleaned, 3 failed" in proc.stderr


def test_standard_input_and_gzip_whole_file(tmp_path):
    """--input-format warc reads standard input; a WARC gzipped whole (not one member per
    record), which warcio alone refuses, is read too."""
    plain = tmp_path / "x.warc"
    pages = write_warc(plain)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    summaries: list = []
    sources, _ = plan_inputs([str(whole)], "auto")
    tasks = list(iter_tasks(sources, "auto", 1 << 20, summaries=summaries))
    assert [t.id for t in tasks] == [i for i, _ in pages] and summaries[0].error is None
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--input-format", "warc", "-j", "1",
                           "--lang", "en"], input=plain.read_bytes(), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["id"] for r in out] == [i for i, _ in pages]
    assert f"clean-articles: <stdin>: {WARC_SUMMARY}".encode() in proc.stderr
