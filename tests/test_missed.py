"""HTML mode: body paragraphs the extraction skipped (cleaner.html.missed), found by their place among
the page's blocks; and the boxes beside the body that must not come back with them. English and
German pages."""
from __future__ import annotations

import lxml.html
import pytest

from cleaner import clean_html
from cleaner.html import outside
from cleaner.html.missed import missed

PAGES = {
    "en": {
        "lead": "The council wants to rebuild the old harbour bridge by the end of next year, "
                "and the work is to start in the spring.",
        "body": ["The regional council approved on Tuesday a plan to rebuild the old harbour bridge, "
                 "which has been closed since a storm damaged two of its pillars.",
                 "Engineers expect the work to take eighteen months and to cost about forty million "
                 "euros, most of it paid by the national fund.",
                 "Residents of both banks have waited for a decision for almost a year, and shop owners "
                 "say their takings have fallen by a third."],
        "hole": "The old bridge was built in 1911 and carried more than ten thousand cars a day before "
                "the storm, most of them on the way to the port.",
        "bio": "Jane Miller has covered the city council for the Gazette since 2015 and writes about "
               "transport, housing and the harbour.",
        "teasers": ["The mayor announced a new plan for the ferry line to the islands this week, with more boats in summer.",
                    "A new school opens in the north of the city after two years of building work and a long debate.",
                    "The port authority reports record traffic for the third year in a row, led by container ships.",
                    "The city library extends its opening hours on weekends from next month on, the council said."],
    },
    "de": {
        "lead": "Der Gemeinderat will die alte Hafenbrücke bis Ende nächsten Jahres neu bauen lassen, "
                "die Arbeiten sollen im Frühjahr beginnen.",
        "body": ["Der Regionalrat hat am Dienstag beschlossen, die alte Hafenbrücke neu zu bauen, die "
                 "seit einem Sturm im letzten Winter gesperrt ist.",
                 "Die Ingenieure rechnen mit achtzehn Monaten Bauzeit und Kosten von rund vierzig "
                 "Millionen Euro, die größtenteils der Bund trägt.",
                 "Die Anwohner beider Ufer warten seit fast einem Jahr auf eine Entscheidung, und die "
                 "Geschäfte an der Brücke klagen über Einbußen."],
        "hole": "Die alte Brücke wurde 1911 gebaut und trug vor dem Sturm mehr als zehntausend Autos am "
                "Tag, die meisten davon auf dem Weg zum Hafen.",
        "bio": "Jana Müller berichtet seit 2015 für die Zeitung über den Gemeinderat und schreibt über "
               "Verkehr, Wohnen und den Hafen der Stadt.",
        "teasers": ["Der Bürgermeister hat diese Woche einen neuen Plan für die Fähre zu den Inseln vorgestellt.",
                    "Im Norden der Stadt öffnet nach zwei Jahren Bauzeit und langem Streit eine neue Schule.",
                    "Der Hafen meldet zum dritten Mal in Folge einen Rekord beim Umschlag von Containern.",
                    "Die Stadtbibliothek öffnet ab dem nächsten Monat auch am Wochenende länger als bisher."],
    },
}


def found(html: str, extracted: list[str], evidence=lambda text: False) -> list[str]:
    tree = lxml.html.fromstring(html)
    return [text for _, text in missed(outside.page_blocks(tree), extracted, evidence)]


def article(lang: str, *, top: str = "", middle: str = "") -> str:
    p = PAGES[lang]
    return (f"<html><body><header><nav><a href='/'>Home</a><a href='/news'>News</a></nav></header>"
            f"<main><article><h1>Hafenbrücke / Harbour bridge</h1>{top}<p>{p['body'][0]}</p>{middle}"
            f"<p>{p['body'][1]}</p><p>{p['body'][2]}</p></article></main>"
            f"<footer><p>Contact us / Kontakt</p></footer></body></html>")


@pytest.mark.parametrize("lang", PAGES)
def test_the_lead_paragraph_above_the_body_is_found(lang):
    p = PAGES[lang]
    html = article(lang, top=f"<div class='teaser'><p>{p['lead']}</p></div><p>12.03.2024</p>")
    assert found(html, p["body"]) == [p["lead"]]


@pytest.mark.parametrize("lang", PAGES)
def test_a_paragraph_between_two_body_paragraphs_is_found(lang):
    p = PAGES[lang]
    html = article(lang, middle=f"<div><div>{p['hole']}</div></div>")
    assert found(html, p["body"]) == [p["hole"]]


@pytest.mark.parametrize("lang", PAGES)
def test_boxes_beside_the_body_are_not_paragraphs_it_missed(lang):
    p = PAGES[lang]
    # an author box between two paragraphs: a widget by its class
    assert found(article(lang, middle=f"<div class='author-bio'><p>{p['bio']}</p></div>"), p["body"]) == []
    # the same text without a telling class, but inside an evidence container (a figure's caption)
    assert found(article(lang, middle=f"<div><p>{p['bio']}</p></div>"), p["body"],
                 evidence=lambda text: text == p["bio"]) == []
    # a list of teasers between two paragraphs: a run longer than a hole
    teasers = "".join(f"<div><p>{t}</p></div>" for t in p["teasers"])
    assert found(article(lang, middle=teasers), p["body"]) == []
    # teasers in an <aside> above the body: the lead is not looked for past it
    aside = "<aside>" + "".join(f"<p>{t}</p>" for t in p["teasers"][:2]) + "</aside>"
    assert found(article(lang, top=aside), p["body"]) == []
    # a short line above the body (a subtitle, a date) is no lead paragraph
    assert found(article(lang, top="<p>Update / Aktualisiert</p>"), p["body"]) == []


@pytest.mark.parametrize("lang", PAGES)
def test_a_paragraph_the_extraction_holds_in_other_lines_is_not_added_again(lang):
    p = PAGES[lang]
    # one element with <br> lines: the page has one block, the extraction two lines
    first, second = p["body"][1].split(", ", 1)
    html = article(lang).replace(f"<p>{p['body'][1]}</p>", f"<p>{first},<br>{second}</p>")
    assert found(html, [p["body"][0], first + ",", second, p["body"][2]]) == []
    # ... and with a credit between the lines that the extraction left out
    html = article(lang).replace(f"<p>{p['body'][1]}</p>", f"<p>{first},<br>(dpa)<br>{second}</p>")
    assert found(html, [p["body"][0], first + ",", second, p["body"][2]]) == []


def test_clean_html_puts_the_lead_paragraph_in_place_with_a_note(monkeypatch):
    """trafilatura returns the body without the lead paragraph (as it does on pages whose lead
    sits in the article's header): the lead comes back, in page order, and a note says so."""
    from cleaner.html import extraction as html_extraction
    from cleaner.model import Block

    p = PAGES["en"]

    def body_only(tree, options, evidence):
        return [Block(index=n, text=t, line=n + 1, para=n, tag="p") for n, t in enumerate(p["body"])]

    monkeypatch.setattr(html_extraction, "extract_blocks", body_only)
    r = clean_html(article("en", top=f"<div class='teaser'><p>{p['lead']}</p></div>"))
    assert r.paragraphs == [p["lead"], *p["body"]]
    assert any("skipped" in n for n in r.notes)
