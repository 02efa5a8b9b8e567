"""Markdown in, markdown out: markdown is read as what a reader sees, link and image lines are
evidence, and --format markdown keeps the body's markup."""
from __future__ import annotations

import pytest

from cleaner import clean, clean_html
from cleaner.io import sniff_html
from cleaner.markdown import looks_markdown, visible

PAGE = """\
<!-- converted from HTML -->
* [Home](/)
* [News](/news)
* [Sport](/sport)

# Ferry to run twice a day this winter

![The ferry at dawn](/img/ferry.jpg)

The island ferry will run **twice a day** throughout the winter for the first time in a decade, the operator [announced](https://example.org/press) on Wednesday.

## A lifeline for businesses

Islanders had complained for years that a single daily crossing left them unable to reach hospital appointments on the mainland.

- Two crossings a day from November
- Fares unchanged until spring

Shopkeepers said the extra sailing would make deliveries more reliable through the quieter months.

[Council backs new harbour plan](/a1)
[Fishermen welcome the new berth](/a2)
[Island school to reopen in spring](/a3)
"""


def test_markdown_is_read_as_its_visible_text():
    result = clean(PAGE)
    # a page converted to markdown: lines of links above its body (the menu) and below it
    assert result.mode == "full-page"
    assert result.title == "Ferry to run twice a day this winter"
    assert result.paragraphs == [
        "The island ferry will run twice a day throughout the winter for the first time in a decade, the "
        "operator announced on Wednesday.",
        "A lifeline for businesses",
        "Islanders had complained for years that a single daily crossing left them unable to reach hospital "
        "appointments on the mainland.",
        "- Two crossings a day from November",
        "- Fares unchanged until spring",
        "Shopkeepers said the extra sailing would make deliveries more reliable through the quieter months.",
    ]
    rules = {r.rule for r in result.removed}
    assert {"markdown.link_run", "markdown.image"} <= rules  # the menu, the teasers, the image


def test_markdown_output_keeps_the_markup():
    body = clean(PAGE).markdown
    assert body.startswith("The island ferry will run **twice a day**")
    assert "[announced](https://example.org/press)" in body
    assert "\n\n## A lifeline for businesses\n\n" in body
    assert "- Two crossings a day from November\n- Fares unchanged until spring" in body
    assert "Home" not in body and "ferry.jpg" not in body and "/a1" not in body


def test_html_to_markdown_marks_headings_and_lists():
    page = ("<html><body><article><h1>Ferry to run twice a day</h1><p>The island ferry will run twice a day "
            "throughout the winter for the first time in a decade, the operator announced on Wednesday.</p>"
            "<h2>A lifeline for businesses</h2><p>Islanders had complained for years that a single daily "
            "crossing left them unable to reach hospital appointments on the mainland.</p><ul><li>Two "
            "crossings a day from November</li><li>Fares unchanged until spring</li></ul></article></body></html>")
    body = clean_html(page).markdown
    assert "\n\n## A lifeline for businesses\n\n" in body
    assert "- Two crossings a day from November\n- Fares unchanged until spring" in body


def test_an_html_comment_alone_does_not_make_a_text_html():
    assert not sniff_html("<!-- note -->\n# Title\n\nSome text.")
    assert sniff_html("<!-- note -->\n<html><body><p>x</p></body></html>")
    assert sniff_html("<!DOCTYPE html><html></html>")


@pytest.mark.parametrize("text", [
    "The council met on Monday.\n\n# of votes: 12\n\nThe plan passed.",  # one '#' line is not markdown
    "Prices rose 3*4 percent.\n\nShe said *that* was all.\n\nThe end.",
    "- milk\n- eggs\n- flour\n\nMix and bake for twenty minutes.",  # a list alone is text too
])
def test_plain_text_is_not_markdown(text):
    assert not looks_markdown(text)
    assert clean(text, lang="en").mode == "text"


@pytest.mark.parametrize(("line", "seen"), [
    ("# Heading #", "Heading"),
    ("Read the [full report](http://x.org/a_(b)) here.", "Read the full report here."),
    ("**Bold** and __strong__ and *em* and `code`", "Bold and strong and em and code"),
    ("| Team | Points |", "Team | Points"),
    ("> A quoted line", "A quoted line"),
    ("![alt text](/i.png)", "alt text"),
])
def test_visible(line, seen):
    assert visible(line) == seen


def test_markdown_can_be_forced_or_turned_off():
    text = "[Home](/)\n[News](/news)\n\nThe council met on Monday and voted for the new harbour plan, the mayor said."
    assert clean(text, lang="en", markdown=True).mode == "markdown"
    assert clean(text, lang="en", markdown=False).mode == "text"
    assert "[News](/news)" in clean(text, lang="en", markdown=False).text


# An article as an extractor writes it in markdown: links inside the text and one list of links
# after it, but no menu above it.
ARTICLE = """\
# Ferry to run twice a day this winter

The island ferry will run **twice a day** throughout the winter for the first time in a decade, the operator [announced](https://example.org/press) on Wednesday.

Islanders had complained for years that a single daily crossing left them unable to reach hospital appointments on the mainland.

Shopkeepers said the extra sailing would make deliveries more reliable through the quieter months.

[Council backs new harbour plan](/a1)
[Fishermen welcome the new berth](/a2)
[Island school to reopen in spring](/a3)
"""


def test_an_extracted_markdown_article_is_not_a_page():
    result = clean(ARTICLE)
    assert result.mode == "markdown"
    assert result.title == "Ferry to run twice a day this winter"
    assert len(result.paragraphs) == 3


def _menu(names: list[str]) -> list[str]:
    return [f"* [{name}](/{name.lower()})" for name in names]


def test_a_page_converted_to_markdown_is_a_full_page():
    """html2text, markdownify and the like write a whole page: its menus are lines of links above
    the body and below it. The body is found as on any full page, the page's main heading is its
    title, and the article's own links and lists stay."""
    page = "\n\n".join([
        "\n".join(_menu(["Home", "News", "Sport", "Weather", "Travel", "Contact"])),
        "![Logo](/logo.png)",
        "# Ferry to run twice a day this winter",
        "[Share](/share) [Tweet](/tweet)",
        "The island ferry will run **twice a day** throughout the winter for the first time in a "
        "decade, the operator [announced](https://example.org/press) on Wednesday.",
        "Islanders had complained for years that a single daily crossing left them unable to reach "
        "hospital appointments on the mainland, and that goods arrived a day late.",
        "* Two crossings a day from November\n* Fares unchanged until spring",
        "Shopkeepers said the extra sailing would make deliveries more reliable through the quieter "
        "months, when the weather often cancels the only crossing.",
        "\n".join(_menu(["About us", "Advertise", "Jobs", "Privacy", "Imprint"])),
    ])
    result = clean(page, lang="en")
    assert result.mode == "full-page"
    assert result.title == "Ferry to run twice a day this winter"
    assert result.paragraphs[0].startswith("The island ferry will run twice a day")
    assert "- Two crossings a day from November" in result.paragraphs
    assert result.paragraphs[-1].startswith("Shopkeepers said")
    assert "[announced](https://example.org/press)" in result.markdown
    assert not any(name in result.text for name in ("Home", "Weather", "Advertise", "Imprint"))


def test_emphasis_markers_without_a_partner_cost_linear_time():
    """A page's inline script converted to markdown: one line of 300,000 characters with
    thousands of '_' and '*' took 24 s when an emphasis marker was looked for to the end of the
    line for a partner; emphasis spans are short, so the search is bounded."""
    import time

    line = " *a _b" * 10_000  # 60,000 characters, 20,000 markers, none closed
    started = time.perf_counter()
    assert visible(line) == " ".join(line.split())
    assert time.perf_counter() - started < 10  # 2 s with the bound, about 66 s (two passes) without
    assert visible("*" + "word " * 50 + "end*") == ("word " * 50 + "end").strip()


# Setext headings ("Title" over "=====", a subheading over "-----"), as markdownify writes by
# default and many converters do: the same article as with ATX headings.
SETEXT = {
    "en": ("Ferry to run twice a day this winter", "A lifeline for businesses", """\
* [Home](/)
* [News](/news)

Ferry to run twice a day this winter
====================================

The island ferry will run **twice a day** throughout the winter for the first time in a decade, the operator said on Wednesday.

A lifeline for businesses
-------------------------

Islanders had complained for years that a single daily crossing left them unable to reach hospital appointments on the mainland.

Shopkeepers said the extra sailing would make deliveries more reliable through the quieter months.
"""),
    "de": ("Fähre fährt im Winter zweimal täglich", "Eine Lebensader für die Betriebe", """\
* [Startseite](/)
* [Nachrichten](/news)

Fähre fährt im Winter zweimal täglich
=====================================

Die Inselfähre fährt in diesem Winter zum ersten Mal seit zehn Jahren **zweimal am Tag**, wie der Betreiber am Mittwoch mitteilte.

Eine Lebensader für die Betriebe
--------------------------------

Die Inselbewohner hatten sich jahrelang beklagt, dass sie mit einer einzigen Überfahrt ihre Arzttermine auf dem Festland nicht erreichen.

Die Ladenbesitzer sagen, die zusätzliche Fahrt mache die Lieferungen in den ruhigen Monaten verlässlicher.
"""),
}


@pytest.mark.parametrize("lang", sorted(SETEXT))
def test_setext_headings_are_headings(lang):
    title, subheading, text = SETEXT[lang]
    result = clean(text)
    assert result.mode == "markdown"
    assert result.title == title
    assert subheading in result.paragraphs  # the subheading stays, as text ...
    assert not any(set(p) <= set("=- ") for p in result.paragraphs)  # ... without its underline
    assert f"\n\n## {subheading}\n\n" in result.markdown  # and as a heading in markdown
    assert "---" not in result.text and "===" not in result.text


def test_a_rule_under_a_blank_line_is_no_heading_underline():
    text = ("[Home](/)\n[News](/news)\n\n"
            "The council met on Monday and voted for the new harbour plan, the mayor said.\n\n"
            "---\n\n"
            "Work on the new berth will start in the spring and take two years, the council said.\n")
    result = clean(text, lang="en", markdown=True)
    assert result.paragraphs == [
        "The council met on Monday and voted for the new harbour plan, the mayor said.",
        "Work on the new berth will start in the spring and take two years, the council said."]
    assert "#" not in result.markdown  # the paragraph above the rule is not made a heading


REFERENCE_LINKS = """\
# Ferry to run twice a day this winter

The island ferry will run twice a day throughout the winter for the first time in a decade, the operator [announced][1] on Wednesday.

Islanders had complained for years that a single daily crossing left them unable to reach hospital appointments on the mainland.

Shopkeepers said the extra sailing would make deliveries more reliable through the quieter months.

Sources:

* <https://example.org/press/ferry-winter-timetable>
* <https://example.org/council/minutes-2024-10>

* [Council backs new harbour plan][2]
* [Fishermen welcome the new berth][3]
* [Island school to reopen in spring][4]

[1]: https://example.org/press
[2]: https://example.org/a1
[3]: https://example.org/a2
[4]: https://example.org/a3
"""


def test_reference_links_are_links():
    """Links by reference ("[text][2]", the addresses listed at the end, as html2text and other
    converters can write them) are links: a list of them is a list of teasers. A link inside a
    sentence stays, and so do bare addresses, which articles use to list their sources."""
    result = clean(REFERENCE_LINKS)
    assert result.mode == "markdown"
    assert result.paragraphs[0].endswith("the operator announced on Wednesday.")
    assert "- https://example.org/press/ferry-winter-timetable" in result.paragraphs
    assert not any("harbour plan" in p or "new berth" in p for p in result.paragraphs)
    links = [r for r in result.removed if r.rule == "markdown.link_run"]
    assert len(links) == 3
    assert not any("example.org" in p for p in result.paragraphs if not p.startswith("- https"))


@pytest.mark.parametrize("line", [
    "The matrix entry m[i][j] holds the distance between the two cities.",  # code, not a link
    "Der Wert steht in feld[0][1], sagte der Entwickler.",
])
def test_brackets_in_prose_are_no_link_line(line):
    from cleaner.markdown import _only_links

    assert not _only_links(line)


# A page as html2text writes it by default: wrapped at 78 columns, inside links too (an address
# broken after a hyphen, a title on the next line), its menus and teasers made of such links.
WRAPPED = {
    "en": ("The island ferry will run twice a day throughout the winter for the first time in a decade, "
           "the operator announced on Wednesday.", """\
  * [Home](https://example.org/)
  * [Local news and weather for the islands](https://example.org/news/local-
news-and-weather "Local news")
  * [Sport](https://example.org/sport/)

# Ferry to run twice a day this winter

The island ferry will run twice a day throughout the winter for the first time
in a decade, the operator [announced](https://example.org/press/ferry-winter-
timetable "Press release") on Wednesday.

Islanders had complained for years that a single daily crossing left them
unable to reach hospital appointments on the mainland, and that goods arrived
a day late.

Shopkeepers said the extra sailing would make deliveries more reliable through
the quieter months, when the weather often cancels the only crossing.

[Council backs the new harbour plan after a long
debate](https://example.org/news/council-backs-new-harbour-plan)
[Fishermen welcome the new berth at the north
pier](https://example.org/news/fishermen-welcome-new-berth)
[Island school to reopen in spring after the
repairs](https://example.org/news/island-school-to-reopen)

  * [About us](https://example.org/about/)
  * [Advertise with us](https://example.org/advertising-
and-sponsorship)
  * [Privacy](https://example.org/privacy/)
"""),
    "de": ("Die Inselfähre fährt in diesem Winter zum ersten Mal seit zehn Jahren zweimal am Tag, wie der "
           "Betreiber am Mittwoch mitteilte.", """\
  * [Startseite](https://example.org/)
  * [Nachrichten und Wetter von den Inseln](https://example.org/nachrichten/wetter-
und-inseln "Nachrichten")
  * [Sport](https://example.org/sport/)

# Fähre fährt im Winter zweimal täglich

Die Inselfähre fährt in diesem Winter zum ersten Mal seit zehn Jahren zweimal
am Tag, wie der Betreiber am Mittwoch [mitteilte](https://example.org/presse/faehre-
winterfahrplan "Pressemitteilung").

Die Inselbewohner hatten sich jahrelang beklagt, dass sie mit einer einzigen
Überfahrt ihre Arzttermine auf dem Festland nicht erreichen konnten.

Die Ladenbesitzer sagen, die zusätzliche Fahrt mache die Lieferungen in den
ruhigen Monaten verlässlicher, wenn das Wetter oft die einzige Fahrt absagt.

[Gemeinderat stimmt nach langer Debatte dem neuen
Hafenplan zu](https://example.org/nachrichten/gemeinderat-hafenplan)
[Fischer begrüßen den neuen Liegeplatz am
Nordpier](https://example.org/nachrichten/fischer-liegeplatz)
[Inselschule öffnet nach den Reparaturen im
Frühjahr wieder](https://example.org/nachrichten/inselschule)

  * [Über uns](https://example.org/ueber-uns/)
  * [Werben bei uns](https://example.org/werbung-
und-sponsoring)
  * [Datenschutz](https://example.org/datenschutz/)
"""),
}


@pytest.mark.parametrize("lang", sorted(WRAPPED))
def test_links_wrapped_over_lines_are_whole(lang):
    first, text = WRAPPED[lang]
    result = clean(text)
    assert result.paragraphs[0] == first  # the wrapped link inside the sentence reads as its text
    assert len(result.paragraphs) == 3
    assert not any("](" in p or "example.org" in p for p in result.paragraphs)
    assert "example.org/press/ferry-winter-" in result.markdown or "example.org/presse/faehre-" in result.markdown
    runs = [r for r in result.removed if r.rule == "markdown.link_run"]
    assert len(runs) >= 3  # the three teasers, each one link over two lines


def test_a_stray_bracket_does_not_join_a_list():
    text = ("[Home](/)\n[News](/news)\n\n"
            "The council published the results [see the table below for the figures:\n"
            "* Harbour plan: 12 votes for\n* Ferry subsidy: 9 votes for\n* New berth: 7 votes for\n\n"
            "The mayor said the vote showed broad support for the plans, and that work would start soon.\n")
    result = clean(text, lang="en", markdown=True)
    assert "- Harbour plan: 12 votes for" in result.paragraphs
    assert "- New berth: 7 votes for" in result.paragraphs


# html2text's output wrapped at 78 columns: a subheading closed by a hard break (two spaces, a
# <br>) right above its paragraph, whose lines are one paragraph wrapped.
SOFT_WRAPPED = {
    "en": ("The island ferry will run twice a day throughout the winter for the first time in a decade, "
           "the operator said on Wednesday, after years of complaints from islanders about the single "
           "crossing.", """\
* [Home](/)
* [News](/news)
* [Sport](/sport)

# Ferry to run twice a day this winter

**A second crossing**  
The island ferry will run twice a day throughout the winter for the first time
in a decade, the operator said on Wednesday, after years of complaints from
islanders about the single crossing.

Shopkeepers said the extra sailing would make deliveries more reliable through
the quieter months, when the weather often cancels the only crossing there is.

* [About us](/about)
* [Privacy](/privacy)
* [Contact](/contact)
"""),
    "de": ("Die Inselfähre fährt in diesem Winter zum ersten Mal seit zehn Jahren zweimal am Tag, wie "
           "der Betreiber am Mittwoch mitteilte, nach Jahren der Klagen über die einzige Überfahrt.", """\
* [Startseite](/)
* [Nachrichten](/news)
* [Sport](/sport)

# Fähre fährt im Winter zweimal täglich

**Eine zweite Überfahrt**  
Die Inselfähre fährt in diesem Winter zum ersten Mal seit zehn Jahren zweimal
am Tag, wie der Betreiber am Mittwoch mitteilte, nach Jahren der Klagen über
die einzige Überfahrt.

Die Ladenbesitzer sagen, die zusätzliche Fahrt mache die Lieferungen in den
ruhigen Monaten verlässlicher, wenn das Wetter oft die einzige Fahrt absagt.

* [Über uns](/ueber-uns)
* [Datenschutz](/datenschutz)
* [Kontakt](/kontakt)
"""),
}


@pytest.mark.parametrize("lang", sorted(SOFT_WRAPPED))
def test_a_wrapped_paragraph_under_a_hard_break_is_one_block(lang):
    first, text = SOFT_WRAPPED[lang]
    result = clean(text)
    assert first in result.paragraphs  # one paragraph, not three lines
    # the <br> still breaks: the subheading is a block of its own
    assert any(d.block.text in ("A second crossing", "Eine zweite Überfahrt") for d in result.decisions)
    assert len(result.paragraphs) == 2


def test_lines_that_end_sentences_stay_separate_blocks():
    """One paragraph per line (single newlines), as many extractors write: each line ends a
    sentence, so the lines are not a wrapped paragraph and stay blocks of their own."""
    lines = ["The council met on Monday and voted for the new [harbour plan](/plan), the mayor said.",
             "Work on the new berth will start in the spring and take two years, officials said.",
             "Fishermen said the new berth would make landing their catch safer in winter storms.",
             "The ferry operator welcomed the vote and said it would add a second crossing."]
    text = "[Home](/)\n[News](/news)\n[Sport](/sport)\n\n" + "\n".join(lines) + "\n"
    result = clean(text, lang="en", markdown=True)
    assert result.paragraphs == [lines[0].replace("[harbour plan](/plan)", "harbour plan")] + lines[1:]


@pytest.mark.parametrize(("lang", "lines", "paragraph"), [
    ("en", ["The island ferry will run twice a day throughout the winter, the operator",
            "said on Wednesday, after years of complaints about the single crossing and",
            "its [winter",
            "timetable](https://example.org/press/2024/ferry-operator-announces-a-second-daily-crossing-for-the-winter-months)",
            "that left islanders unable to reach hospital appointments on the mainland."],
     "The island ferry will run twice a day throughout the winter, the operator said on Wednesday, after "
     "years of complaints about the single crossing and its winter timetable that left islanders unable "
     "to reach hospital appointments on the mainland."),
    ("de", ["Die Inselfähre fährt in diesem Winter zweimal am Tag, wie der Betreiber am",
            "Mittwoch mitteilte, nach Jahren der Klagen über die einzige Überfahrt und über",
            "den [alten",
            "Winterfahrplan](https://example.org/presse/2024/faehrbetreiber-kuendigt-zweite-taegliche-ueberfahrt-fuer-den-winter-an)",
            "der die Inselbewohner von ihren Arztterminen auf dem Festland abschnitt."],
     "Die Inselfähre fährt in diesem Winter zweimal am Tag, wie der Betreiber am Mittwoch mitteilte, nach "
     "Jahren der Klagen über die einzige Überfahrt und über den alten Winterfahrplan der die Inselbewohner von "
     "ihren Arztterminen auf dem Festland abschnitt."),
])
def test_a_long_address_does_not_unwrap_the_paragraph_around_it(lang, lines, paragraph):
    """markdownify and html2text wrap the text but not a long address: the line that opens the
    link is short and the address's line long; the paragraph is still one block."""
    text = "[Home](/)\n[News](/news)\n\n" + "\n".join(lines) + "\n"
    result = clean(text, lang=lang, markdown=True)
    assert paragraph in result.paragraphs
