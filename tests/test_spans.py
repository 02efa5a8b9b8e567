"""Credits removed as spans of a block: the body paragraph stays, only the credit goes, with its
category, rule, reason and character offsets; captions still go whole."""
from __future__ import annotations

import json

import pytest

from cleaner import Category, clean

LEDE = {
    "en": "The island ferry will run twice a day throughout the winter for the first time in a decade, "
          "the operator announced on Wednesday.",
    "de": "Die Fähre zur Insel fährt in diesem Winter zum ersten Mal seit zehn Jahren zweimal am Tag, "
          "teilte die Reederei am Mittwoch mit.",
    "es": "El ferry a la isla hará dos viajes diarios durante todo el invierno por primera vez en una "
          "década, anunció el miércoles la naviera.",
}
#: The paragraph after the one under test (a paragraph given twice would lose its second copy).
CLOSING = {
    "en": "Fares will not rise before the spring, when the operator reviews how many passengers used "
          "the early boat.",
    "de": "Die Preise steigen vor dem Frühjahr nicht, wenn die Reederei prüft, wie viele Fahrgäste das "
          "frühe Schiff genutzt haben.",
    "es": "Las tarifas no subirán antes de la primavera, cuando la naviera revise cuántos pasajeros "
          "usaron el primer barco.",
}

#: (lang, paragraph as the body keeps it, the credit glued or appended to it, rule)
CASES = [
    ("en", "Islanders had complained for years that a single daily crossing left them unable to reach "
           "hospital appointments on the mainland.", "Reuters", "caption.credit_glued"),
    ("en", "The harbour master said the new berth would be ready by March, and that the older boat would "
           "be refitted over the summer.", "Jane Doe/AFP", "caption.credit_glued"),
    ("de", "Hunde sind am Strand der Insel in der Hauptsaison zwischen Mai und September und auch im "
           "Winter verboten", "Martin Keller", "caption.credit_glued"),
    ("es", "“Hemos realizado avances importantes que han permitido enfrentar esta situación”, explicó la "
           "ministra. “Seguiremos hasta que cada isla tenga dos viajes al día”, añadió.", " Archivo/La Gaceta",
     "caption.credit_trim"),
    ("en", "Residents queued at the harbour before dawn to see the first boat leave. Many of them had "
           "campaigned for the second crossing for more than ten years, and some wept as it left.",
     " Photo: Jane Doe", "caption.credit_trim"),
    ("en", "Residents queued at the harbour before dawn to see the first boat leave. Many of them had "
           "campaigned for the second crossing for more than ten years, and some wept as it left.",
     " (Photo credit: Jane Doe)", "caption.credit_trim"),
]


@pytest.mark.parametrize(("lang", "body", "credit", "rule"), CASES, ids=[c[2].strip() for c in CASES])
def test_a_credit_at_the_end_of_a_body_paragraph_is_trimmed(lang, body, credit, rule):
    block = body + credit
    result = clean("\n\n".join([LEDE[lang], block, CLOSING[lang]]), lang=lang)
    assert result.paragraphs == [LEDE[lang], body, CLOSING[lang]]
    [span] = [r for r in result.removed if r.start is not None]
    assert (span.rule, span.category, span.line) == (rule, Category.CAPTION, 3)
    assert block[span.start:span.end] == credit.strip()
    assert span.to_dict()["start"] == span.start and span.reason
    # a second pass finds nothing more to trim (idempotence)
    again = clean(result.text, lang=lang)
    assert again.text == result.text


def test_a_caption_with_its_credit_still_goes_whole():
    caption = "The ferry leaves the harbour at dawn. Photo: Jane Doe"
    result = clean("\n\n".join([LEDE["en"], caption, CLOSING["en"]]), lang="en")
    assert result.paragraphs == [LEDE["en"], CLOSING["en"]]
    assert [(r.rule, r.start) for r in result.removed] == [("caption.phrase", None)]


#: Body paragraphs whose ends look glued but are not credits: they stay whole.
NEGATIVES = [
    "We tested every model on the same route and found the lighter boats handled the swell better on YouTube Music",
    "The new timetable is published on the operator's website and in the harbour office at St.Petersburg",
    "Increase experimentation with these tools for topic research, content gap analysisContent Gap Analysis",
    "Die neue Fähre wurde in einer Werft in Norwegen gebaut und soll im Frühjahr in Dienst gehen, sagte der Sprecher.",
    "El nuevo horario se publicará en la web de la naviera y en la oficina del puerto, según la empresa.",
    "Mehr als zwei Drittel der Inselbewohner nutzen die Fähre mindestens einmal pro Woche, meist für den EinkaufAldi",
]


@pytest.mark.parametrize("paragraph", NEGATIVES, ids=[n[-25:] for n in NEGATIVES])
def test_paragraph_ends_that_are_not_credits_stay(paragraph):
    text = "\n\n".join([LEDE["en"], paragraph, CLOSING["en"]])
    result = clean(text)
    assert paragraph in result.paragraphs
    assert not [r for r in result.removed if r.start is not None]


def test_keep_caption_keeps_the_credit():
    block = CASES[0][1] + CASES[0][2]
    result = clean("\n\n".join([LEDE["en"], block]), lang="en", keep=["caption"])
    assert block in result.paragraphs
    assert not result.removed


def test_spans_in_explain_and_json():
    from cleaner.render import explain

    block = CASES[0][1] + CASES[0][2]
    result = clean("\n\n".join([LEDE["en"], block]), lang="en")
    shown = explain("doc", result)
    assert "trim" in shown and "caption.credit_glued" in shown and "[characters" in shown
    data = result.to_dict(explain=True)
    [span] = data["blocks"][1]["spans"]
    assert span["text"] == "Reuters" and span["rule"] == "caption.credit_glued"
    assert json.loads(json.dumps(data))["removed"][0]["end"] == len(block)


# --- boilerplate sentences at the edges of a paragraph ------------------------------------------

BODY_SENTENCE = {
    "en": "Islanders had complained for years that a single daily crossing left them unable to reach "
          "hospital appointments on the mainland.",
    "de": "Die Inselbewohner hatten jahrelang beklagt, dass sie mit nur einer Überfahrt am Tag keine "
          "Arzttermine auf dem Festland wahrnehmen konnten.",
    "fr": "Les insulaires se plaignaient depuis des années qu'une seule traversée par jour les empêchait "
          "de se rendre à un rendez-vous médical sur le continent.",
}

#: (lang, boilerplate sentence, where it sits, its category)
EDGES = [
    ("en", "Click to tweet", "end", Category.SHARE),
    ("en", "Subscribe to our newsletter!", "start", Category.SUBSCRIPTION),
    ("en", "We use cookies to improve your experience on our site.", "start", Category.COOKIE),
    ("de", "Jetzt abonnieren!", "start", Category.SUBSCRIPTION),
    ("fr", "Partager cet article", "end", Category.SHARE),
]


@pytest.mark.parametrize(("lang", "sentence", "where", "category"), EDGES, ids=[e[1] for e in EDGES])
def test_a_boilerplate_sentence_at_the_edge_of_a_paragraph_goes_alone(lang, sentence, where, category):
    block = f"{sentence} {BODY_SENTENCE[lang]}" if where == "start" else f"{BODY_SENTENCE[lang]} {sentence}"
    result = clean("\n\n".join([LEDE["en"] if lang == "en" else LEDE.get(lang, LEDE["de"]), block]), lang=lang)
    assert result.paragraphs[-1] == BODY_SENTENCE[lang]
    [span] = [r for r in result.removed if r.start is not None]
    assert span.category is category and span.text == sentence
    assert "sentence of a paragraph" in span.reason
    assert clean(result.text, lang=lang).text == result.text


#: A cookie banner of two sentences glued before the first paragraph: the second sentence is
#: long, but it goes on the banner the first one opened.
BANNERS = [
    ("en", ["We use cookies to improve your experience on our site.",
            "By continuing to browse, you agree to our use of cookies and to our privacy policy."]),
    ("de", ["Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
            "Wenn Sie die Website weiter nutzen, stimmen Sie der Verwendung von Cookies zu."]),
]


@pytest.mark.parametrize(("lang", "banner"), BANNERS, ids=[b[0] for b in BANNERS])
def test_a_banner_of_several_sentences_at_the_start_of_a_paragraph_goes(lang, banner):
    block = " ".join([*banner, BODY_SENTENCE[lang]])
    result = clean("\n\n".join([LEDE[lang], block]), lang=lang)
    assert result.paragraphs[-1] == BODY_SENTENCE[lang]
    spans = [r for r in result.removed if r.start is not None]
    assert [r.text for r in spans] == banner
    assert {r.category for r in spans} == {Category.COOKIE}


#: After a banner's sentence, a long sentence that is not of the banner's kind is the body: a
#: phrase of another list in it, or the banner's topic without a phrase.
AFTER_BANNER = [
    ("en", "Subscribers to the council's waste service will pay twelve pounds more a year from April, "
           "officials said."),
    ("en", "Cookies have become a battleground for regulators in Brussels, who want every banner to "
           "offer a clear refusal button."),
    ("de", "Abonnenten der Stadtwerke zahlen ab April rund zwölf Euro mehr im Jahr für das Wasser, "
           "teilte die Stadt mit."),
    # a caption opener, but after a cookie banner a sentence of the body
    ("en", "From left to right along the coast, the new ferry will call at three harbours before "
           "it reaches the mainland."),
]


@pytest.mark.parametrize(("lang", "sentence"), AFTER_BANNER, ids=[a[1][:30] for a in AFTER_BANNER])
def test_a_long_body_sentence_after_a_banner_stays(lang, sentence):
    banner = BANNERS[0][1][0] if lang == "en" else BANNERS[1][1][0]
    block = f"{banner} {sentence} {BODY_SENTENCE[lang]}"
    result = clean("\n\n".join([LEDE[lang], block]), lang=lang)
    assert result.paragraphs[-1] == f"{sentence} {BODY_SENTENCE[lang]}"
    assert [r.text for r in result.removed if r.start is not None] == [banner]


#: Sentences at a paragraph's edge that mention a phrase but are body: they stay.
EDGE_NEGATIVES = [
    ("en", "You won't have to purchase new equipment or subscribe to new software services."),
    ("en", "Xero has three monthly subscription plans, and each one includes a free trial."),
    ("en", "Sign up fees for the scheme will be waived until April, the minister said."),
    ("de", "Mehr zum Thema Streik hat die Gewerkschaft auf ihrer Website veröffentlicht."),
    ("fr", "Lire aussi le rapport de la Cour des comptes, a recommandé la ministre."),
]


@pytest.mark.parametrize(("lang", "sentence"), EDGE_NEGATIVES, ids=[e[1][:30] for e in EDGE_NEGATIVES])
def test_body_sentences_at_the_edge_of_a_paragraph_stay(lang, sentence):
    for block in (f"{sentence} {BODY_SENTENCE[lang]}", f"{BODY_SENTENCE[lang]} {sentence}"):
        result = clean("\n\n".join([LEDE.get(lang, LEDE["en"]), block]), lang=lang)
        assert result.paragraphs[-1] == block
        assert not [r for r in result.removed if r.start is not None]
