"""Bylines at the top and bottom of an article: removed as `byline`, the name reported as
`Result.author`; the same opening words in body sentences stay."""
from __future__ import annotations

import json

import pytest

from cleaner import Category, clean
from cleaner.byline import names

BODY = {
    "en": ["The island ferry will run twice a day throughout the winter for the first time in a decade, "
           "the operator announced on Wednesday.",
           "Islanders had complained for years that a single daily crossing left them unable to reach "
           "hospital appointments on the mainland.",
           "Shopkeepers said the extra sailing would make deliveries more reliable through the quieter months."],
    "de": ["Die Fähre zur Insel fährt in diesem Winter zum ersten Mal seit zehn Jahren zweimal am Tag, "
           "teilte die Reederei am Mittwoch mit.",
           "Die Inselbewohner hatten jahrelang beklagt, dass sie mit nur einer Überfahrt am Tag keine "
           "Arzttermine auf dem Festland wahrnehmen konnten.",
           "Die Händler erwarten, dass die Lieferungen in den ruhigen Monaten zuverlässiger werden."],
    "fr": ["Le bac de l'île assurera deux rotations quotidiennes tout l'hiver, une première depuis dix ans, "
           "a annoncé mercredi la compagnie.",
           "Les insulaires se plaignaient depuis des années qu'une seule traversée par jour les empêchait "
           "de se rendre à un rendez-vous médical.",
           "Les commerçants estiment que les livraisons seront plus fiables pendant les mois creux."],
    "es": ["El ferry a la isla hará dos viajes diarios durante todo el invierno por primera vez en una "
           "década, anunció el miércoles la naviera.",
           "Los vecinos se quejaban desde hace años de que un solo trayecto al día les impedía acudir a "
           "sus citas médicas en la península.",
           "Los comerciantes creen que las entregas serán más fiables en los meses de menos turismo."],
}
TITLE = {"en": "Ferry to run twice a day this winter", "de": "Fähre fährt im Winter zweimal täglich",
         "fr": "Le bac passera deux fois par jour cet hiver", "es": "El ferry hará dos viajes diarios en invierno"}

#: (lang, byline line, the author it names)
TOP = [
    ("en", "By Sarah Jenkins, Environment Correspondent", "Sarah Jenkins"),
    ("en", "By SARAH JENKINS", "SARAH JENKINS"),
    ("en", "Written by Jane Doe and John Smith | 5 March 2025", "Jane Doe and John Smith"),
    ("de", "Von Martin Keller", "Martin Keller"),
    ("de", "Von Anna-Lena van der Berg und Jan Lukas Strozyk, NDR", "Anna-Lena van der Berg und Jan Lukas Strozyk"),
    ("fr", "Par Jean-Luc Dupont, envoyé spécial à Kiev", "Jean-Luc Dupont"),
    ("es", "Por Laura Martínez | Madrid", "Laura Martínez"),
    # where the reporter was, after the name
    ("de", "Von Martin Keller aus Berlin", "Martin Keller"),
    ("fr", "Par Jean Dupont à Lyon", "Jean Dupont"),
    ("es", "Por Laura Martínez desde Bogotá", "Laura Martínez"),
]


@pytest.mark.parametrize(("lang", "byline", "author"), TOP, ids=[t[1] for t in TOP])
def test_a_byline_under_the_headline_goes_and_names_the_author(lang, byline, author):
    text = "\n".join([TITLE[lang], byline, *BODY[lang]])
    result = clean(text, lang=lang)
    assert result.paragraphs == BODY[lang]
    assert result.title == TITLE[lang]  # the byline does not stop headline detection
    assert result.author == author
    removed = {r.line: (r.rule, r.category) for r in result.removed}
    assert removed[2] == ("byline.name", Category.BYLINE)
    assert result.to_dict()["author"] == author


@pytest.mark.parametrize("credits", [
    "Reporting by Jane Doe; Additional reporting by Li Wei; Editing by John Smith",
    "Reporting by Jane Doe in Paris; Additional reporting by Li Wei in Beijing; Editing by John Smith",
])
def test_credits_after_the_last_paragraph_go(credits):
    text = "\n".join([*BODY["en"], credits])
    result = clean(text, lang="en")
    assert result.paragraphs == BODY["en"]
    assert result.author == "Jane Doe"
    assert [r.rule for r in result.removed] == ["byline.name"]


@pytest.mark.parametrize(("lang", "credits", "author"), [
    ("en", "Reporting by Jane Doe; Editing by John Smith", "Jane Doe"),
    ("de", "Von Martin Keller", "Martin Keller"),
])
def test_a_byline_under_a_one_paragraph_text_is_reported_at_the_bottom(lang, credits, author):
    """Under the only paragraph, a byline is both above the second paragraph (there is none) and
    after the last one: the reason says where it is, after the paragraph."""
    result = clean("\n".join([BODY[lang][0], credits]), lang=lang)
    assert result.paragraphs == [BODY[lang][0]]
    assert result.author == author
    (removed,) = result.removed
    assert removed.rule == "byline.name"
    assert removed.reason.startswith("byline after the last paragraph:")


def test_a_byline_before_a_repeated_paragraph_is_at_the_bottom():
    """A paragraph given twice goes (repeat.paragraph); a byline before the copy is after the
    last paragraph, in the first pass as in a second one over the output."""
    text = "\n".join([*BODY["en"], "By Jane Doe", BODY["en"][0]])
    result = clean(text, lang="en")
    assert result.paragraphs == BODY["en"]
    assert sorted(r.rule for r in result.removed) == ["byline.name", "repeat.paragraph"]
    assert clean(result.text, lang="en").removed == ()


def test_a_headline_with_a_byline_date_and_listen_line_before_the_body():
    text = "\n".join([TITLE["en"], "By Sarah Jenkins", "5 March 2025", "Listen to this article", *BODY["en"]])
    result = clean(text, lang="en")
    assert result.paragraphs == BODY["en"]
    assert result.title == TITLE["en"]
    assert result.author == "Sarah Jenkins"


#: Body sentences that open with byline words, in the byline's positions: they stay.
SENTENCES = [
    ("en", "By Monday the council had agreed to fund the extra crossing for three years."),
    ("en", "By the end of the year, the operator hopes to add a third boat."),
    ("en", "Written by hand, the petition gathered more than two thousand names."),
    ("de", "Von Berlin aus fährt der Zug künftig stündlich an die Küste."),
    ("de", "Von Bären und Menschen"),
    ("de", "von Open Source Software (OSS) ein und entwickeln einen Praxisleitfaden."),
    ("fr", "Par ailleurs, le ministre a annoncé une aide pour les commerçants de l'île."),
    ("fr", "Par Monts et par Vaux"),
    ("es", "Por la mañana, los vecinos salieron a celebrar la noticia en el puerto."),
    ("en", "By The Numbers"),  # a title-case headline: the article uses its words in lowercase
    ("en", "By Tom Reed in Paris the talks were seen as a success, his editor said."),
    ("de", "Von Martin Keller aus Berlin stammt die Idee, die Fähre im Winter auszubauen."),
]


@pytest.mark.parametrize(("lang", "sentence"), SENTENCES, ids=[s[1][:40] for s in SENTENCES])
def test_body_lines_that_open_with_byline_words_stay(lang, sentence):
    for lines in ([sentence, *BODY[lang]], [BODY[lang][0], sentence, *BODY[lang][1:]], [*BODY[lang], sentence]):
        result = clean("\n".join(lines), lang=lang)
        assert not [r for r in result.removed if r.category is Category.BYLINE], lines
        assert result.author is None


def test_a_byline_in_the_middle_of_the_article_stays():
    """Between body paragraphs a "By ..." line is body (a quote, a list of credits)."""
    lines = [*BODY["en"][:2], "By Sarah Jenkins", *BODY["en"][2:], *BODY["en"]]
    result = clean("\n".join(lines), lang="en")
    assert "By Sarah Jenkins" in result.paragraphs
    assert result.author is None


@pytest.mark.parametrize(("rest", "expected"), [
    ("Sarah Jenkins, Environment Correspondent", "Sarah Jenkins"),
    ("J. R. Hartley", "J. R. Hartley"),
    ("Jane Doe, John Smith and Ann Lee", "Jane Doe, John Smith and Ann Lee"),
    ("Seán O'Brien in Dublin", "Seán O'Brien"),
    ("Seán O'Brien in Dublin said on Monday that the ferry would run all winter.", None),
    ("Monday the council had agreed", None),
    ("Reuters", None),
])
def test_names(rest, expected):
    assert names(rest) == expected


def test_author_in_json_lines(tmp_path):
    from cleaner.cli import main

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "1", "text": "\n".join([TITLE["de"], "Von Martin Keller", *BODY["de"]])}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main([str(src), "-o", str(out), "--lang", "de"]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["author"] == "Martin Keller"


#: (lang, byline words alone on a line, the name on the next line)
SPLIT = [("en", "Written by", "Maya Perez"), ("en", "By:", "Dale Koike"),
         ("de", "Von", "Martin Keller"), ("es", "Por", "Laura Martínez")]


@pytest.mark.parametrize(("lang", "words", "name"), SPLIT, ids=[f"{t[1]} / {t[2]}" for t in SPLIT])
def test_a_byline_split_over_two_lines_goes_whole(lang, words, name):
    text = "\n".join([TITLE[lang], words, name, *BODY[lang]])
    result = clean(text, lang=lang)
    assert result.paragraphs == BODY[lang]
    assert result.title == TITLE[lang]
    assert result.author == name
    removed = {r.line: (r.rule, r.category) for r in result.removed}
    assert removed[2] == removed[3] == ("byline.name", Category.BYLINE)


@pytest.mark.parametrize(("lang", "words", "below"), [
    ("en", "By", "The Numbers Behind the Ferry Timetable"),  # a subheading, not a name
    ("de", "Von", "Die Fähre fährt bald öfter zur Insel"),
    ("en", "Written by", "Islanders who wrote to the council asked for a second crossing."),
])
def test_byline_words_alone_above_no_name_stay(lang, words, below):
    text = "\n".join([TITLE[lang], BODY[lang][0], words, below, *BODY[lang][1:]])
    result = clean(text, lang=lang)
    assert below in result.paragraphs
    assert result.author is None
