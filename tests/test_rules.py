"""One case (at least) per per-block rule, in English and French, on invented lines.

Each case is (lang, line, expected rule, expected category, fragment of the reason). The line is
cleaned inside a small article (see helpers.in_body) and must be removed by that rule, with that
category and a reason that says why, while the body paragraphs around it stay.
"""
from __future__ import annotations

import pytest

from cleaner import Category
from cleaner.pipeline import rules
from helpers import BODY, LINE, clean_line, norm

C = Category

PHOTO_CREDIT_NO_SPACES = ("Firefighters tackle a warehouse blaze on the edge of Leeds on Tuesday evening "
                          "(Reuters/Anna Whitfield)")

#: Cases that fail because of a bug in the cleaner: line -> what is wrong (reported, not fixed here).
KNOWN_BUGS: dict[str, str] = {}

RULE_CASES = [
    # labels match loosely: whatever the case and the accents
    ("fr", "CREDIT PHOTO : MAIRIE DE NANTES", "caption.phrase", C.CAPTION, "crédit photo"),
    ("de", "BILD VERGROSSERN", "caption.phrase", C.CAPTION, "vergrößern"),
    ("es", "hace 5 dias", "metadata.phrase", C.METADATA, "hace"),
    # an affiliate disclosure speaks as the site, and may run over a line or two
    ("en", "Products are chosen independently by our editors. Purchases made through our links may earn us a commission.",
     "ad.phrase", C.AD, "earn us a commission"),
    ("en", "This article includes affiliate links. These links have no influence on our editorial content. For more "
           "information, see our affiliate guidelines.", "ad.phrase", C.AD, "affiliate links"),
    # a prompt written as a sentence stays a prompt when it speaks to the reader
    ("en", "Subscribe to our newsletter to get the latest news from the region every morning.",
     "subscription.phrase", C.SUBSCRIPTION, "subscribe"),
    ("de", "Abonnieren Sie unseren Newsletter und erhalten Sie jeden Morgen die wichtigsten Nachrichten.",
     "subscription.phrase", C.SUBSCRIPTION, "abonnieren"),
    ("fr", "Abonnez-vous à notre newsletter pour recevoir chaque matin l'essentiel de l'actualité.",
     "subscription.phrase", C.SUBSCRIPTION, "abonnez-vous"),
    # a sentence that names the newsletter and speaks to the reader or as the site, however long
    ("de", "Mit unserem Newsletter erhalten Sie monatlich Informationen rund um das Urlaubsland und eine "
           "Auswahl exklusiver Angebote!", "subscription.phrase", C.SUBSCRIPTION, "newsletter"),
    ("de", "Der Newsletter ist kostenlos und kann jederzeit abbestellt werden. Ihre E-Mail-Adresse wird "
           "nicht für Werbezwecke genutzt.", "subscription.phrase", C.SUBSCRIPTION, "newsletter"),
    # metadata.date_line: a line that is only a date, with an optional time and label words
    ("fr", "Mardi 14 mars 2023, 08:45", "metadata.date_line", C.METADATA, "date"),
    ("en", "Updated March 3, 2024 at 9:15 am CET", "metadata.date_line", C.METADATA, "date"),
    ("fr", "Publié le 02/11/2022 à 17h05", "metadata.date_line", C.METADATA, "date"),
    # metadata.segments: a dateline of short segments separated by '|' or '·'
    ("en", "March 3, 2024 | 4 min read | Local news", "metadata.segments", C.METADATA, "segments"),
    ("fr", "Publié le 12 avril 2023 · Mis à jour à 18h40", "metadata.segments", C.METADATA, "segments"),
    # metadata.phrase: reading time and similar short metadata labels
    ("fr", "Temps de lecture : 4 min", "metadata.phrase", C.METADATA, "temps de lecture"),
    ("en", "Reading time: 6 minutes", "metadata.phrase", C.METADATA, "reading time"),
    ("en", "5 min read", "metadata.phrase", C.METADATA, "min"),
    # caption.credit_parenthesis: a caption closed by "(AGENCY / NAME)"
    ("fr", "Des sauveteurs fouillent les décombres d'un immeuble effondré à Lyon, le 3 février "
           "( AFP / Marc DURAND )", "caption.credit_parenthesis", C.CAPTION, "credit"),
    ("en", "Firefighters tackle a warehouse blaze on the edge of Leeds on Tuesday evening "
           "(PA / Anna Whitfield)", "caption.credit_parenthesis", C.CAPTION, "credit"),
    ("en", PHOTO_CREDIT_NO_SPACES, "caption.credit_parenthesis", C.CAPTION, "credit"),
    # caption.copyright: a short line carrying ©
    ("fr", "© Jean Martin / Studio Nord", "caption.copyright", C.CAPTION, "copyright"),
    ("en", "Wind turbines stand in a field near the coast as the evening light fades over the water, "
            "seen from the ferry that links the island to the mainland twice a day. © Jane Doe - stock agency",
     "caption.copyright", C.CAPTION, "closed by a © credit"),
    ("en", "Photograph © Sarah Blake for the Northfield Echo", "caption.copyright", C.CAPTION, "copyright"),
    # a mis-decoded "©" (UTF-8 read as Latin-1) is still one
    ("en", "Photograph Â© Sarah Blake for the Northfield Echo", "caption.copyright", C.CAPTION, "copyright"),
    # caption.credit_line: a line that is only "Name/Agency" credits
    ("en", "Anna Whitfield/Northfield Echo", "caption.credit_line", C.CAPTION, "credit"),
    ("fr", "Marc Durand / Studio Nord / AFP", "caption.credit_line", C.CAPTION, "credit"),
    ("de", "picture alliance/dpa", "caption.credit_line", C.CAPTION, "credit"),
    # caption.trailing_slash_credit: a caption whose last sentence is followed by "Name/Agency"
    ("en", "Crowds gather outside the town hall ahead of the vote on Tuesday. Anna Whitfield/Northfield Echo",
     "caption.trailing_slash_credit", C.CAPTION, "credit"),
    ("fr", "Des habitants se rassemblent devant la mairie avant le vote de mardi. Marc Durand/Studio Nord",
     "caption.trailing_slash_credit", C.CAPTION, "credit"),
    # caption.phrase: caption lead-ins, credits after "Photo:" at the end, and glued credits
    ("fr", "Photo : les manifestants rassemblés devant la préfecture de Rennes, samedi matin.",
     "caption.phrase", C.CAPTION, "photo:"),
    ("fr", "De gauche à droite, la maire, le préfet et la présidente du département lors de "
           "l'inauguration du nouveau pont, vendredi.", "caption.phrase", C.CAPTION, "de gauche à droite"),
    ("en", "Pictured: the new footbridge over the Tyne shortly after it opened to walkers",
     "caption.phrase", C.CAPTION, "pictured:"),
    ("en", "Firefighters tackle a warehouse blaze on the edge of Leeds on Tuesday evening. Photo: Anna Whitfield",
     "caption.phrase", C.CAPTION, "photo:"),
    # a name, then a credit after a caption marker
    ("de", "Angela Merkel Foto: dpa", "caption.phrase", C.CAPTION, "foto:"),
    # a caption label's colon written as an ellipsis
    ("en", "Credit...Anna Whitfield for the Northfield Echo", "caption.phrase", C.CAPTION, "credit:"),
    ("de", "Foto… Max Mustermann", "caption.phrase", C.CAPTION, "foto:"),
    # a listed label with its last word in the plural ("About the author" -> "authors")
    ("en", "About the authors", "author.phrase", C.AUTHOR, "about the author"),
    ("de", "Über den Autoren", "author.phrase", C.AUTHOR, "über den autor"),
    # ... or in the singular ("related articles" -> "Related article", "related stories" -> "story")
    ("en", "Related Article", "teaser.lead_in", C.TEASER, "related articles"),
    # a listed label of two words or more, loosely matched, before a separator and what it labels
    ("en", "Related story: Council approves new cycle lanes on Hill Street", "teaser.lead_in",
     C.TEASER, "related story"),
    ("en", "More stories | Council approves new cycle lanes on Hill Street", "teaser.lead_in",
     C.TEASER, "more stories"),
    ("de", "Weitere Artikel: Stadtrat beschließt neue Radwege", "teaser.lead_in", C.TEASER, "weitere artikel"),
    ("en", "Contact us: newsroom@example.org", "navigation.phrase", C.NAVIGATION, "contact us"),
    # caption.phrase, figure labels and gallery counters: a figure noun, its number, a separator
    ("en", "Figure 2. Effects of the new timetable on average commuting times in the region.",
     "caption.phrase", C.CAPTION, "pattern"),
    ("en", "Image 7: The operational loop of a coding assistant, from the prompt to the test run.",
     "caption.phrase", C.CAPTION, "pattern"),
    ("en", "Picture 1 of 4", "caption.phrase", C.CAPTION, "pattern"),
    ("de", "Abbildung 4: klassische Schwachschicht in der Schneedecke", "caption.phrase", C.CAPTION, "pattern"),
    ("de", "Abb. 2 – Verlauf der Pegelstände im März", "caption.phrase", C.CAPTION, "pattern"),
    ("fr", "Figure 3 : évolution du chômage depuis 2010", "caption.phrase", C.CAPTION, "pattern"),
    ("es", "Foto 2 de 8", "caption.phrase", C.CAPTION, "pattern"),
    ("pl", "Rycina 1. Przebieg zmian temperatury w ciągu roku", "caption.phrase", C.CAPTION, "pattern"),
    ("en", "Volunteers sort donations at the food bank on Market StreetCredit: Tom Reyes",
     "caption.phrase", C.CAPTION, "credit"),
    # subscription.phrase: newsletter and subscribe prompts, paywall lines
    ("fr", "Inscrivez-vous à notre lettre d'information quotidienne", "subscription.phrase",
     C.SUBSCRIPTION, "inscrivez-vous à"),
    ("fr", "Cet article est réservé aux abonnés", "subscription.phrase", C.SUBSCRIPTION, "abonnés"),
    ("en", "Sign up for our morning briefing and get the day's headlines in your inbox",
     "subscription.phrase", C.SUBSCRIPTION, "sign up"),
    ("en", "Subscribe now", "subscription.phrase", C.SUBSCRIPTION, "subscribe"),
    # donation appeals of reader-funded news sites
    ("en", "Support local journalism", "subscription.phrase", C.SUBSCRIPTION, "support local journalism"),
    ("en", "Donate now", "subscription.phrase", C.SUBSCRIPTION, "donate now"),
    ("fr", "Je fais un don", "subscription.phrase", C.SUBSCRIPTION, "je fais un don"),
    ("de", "Jetzt spenden", "subscription.phrase", C.SUBSCRIPTION, "jetzt spenden"),
    # share.phrase: share bars and buttons
    ("fr", "Partager sur Mastodon", "share.phrase", C.SHARE, "partager sur"),
    ("en", "Share on Bluesky", "share.phrase", C.SHARE, "share on"),
    ("en", "Copy link", "share.phrase", C.SHARE, "copy link"),
    # comments.phrase: comment prompts and counters
    ("fr", "Voir les commentaires (37)", "comments.phrase", C.COMMENTS, "voir les commentaires"),
    ("en", "Comments are closed for this story", "comments.phrase", C.COMMENTS, "comments are closed"),
    ("en", "3 thoughts on “Ten things I wish I knew before learning to sail”", "comments.phrase", C.COMMENTS,
     "pattern"),
    ("en", "Discussion about this post", "comments.phrase", C.COMMENTS, "discussion about this post"),
    ("de", "Du musst angemeldet sein, um einen Kommentar abzugeben.", "comments.phrase", C.COMMENTS,
     "du musst angemeldet sein"),
    # cookie.phrase: consent notices
    ("fr", "Nous utilisons des cookies pour améliorer votre expérience de lecture.", "cookie.phrase",
     C.COOKIE, "nous utilisons des cookies"),
    ("en", "We use cookies to personalise content and to measure our traffic.", "cookie.phrase",
     C.COOKIE, "we use cookies"),
    # ad.phrase: advertising labels
    ("fr", "Publicité", "ad.phrase", C.AD, "publicité"),
    ("en", "Story continues below this advertisement", "ad.phrase", C.AD, "story continues below"),
    # teaser.lead_in: "Read more:" links to other articles
    ("fr", "Lire aussi : Le prix du gazole repart à la hausse dans l'Hexagone", "teaser.lead_in",
     C.TEASER, "lire aussi"),
    ("en", "Read more: Council approves new cycle lanes on Hill Street", "teaser.lead_in",
     C.TEASER, "read more"),
    # author.phrase: tip lines and author boxes
    ("fr", "Contactez la rédaction pour nous signaler une erreur", "author.phrase", C.AUTHOR,
     "contactez la rédaction"),
    ("en", "Have a tip about local government? Email our newsroom.", "author.phrase", C.AUTHOR,
     "have a tip"),
    # legal.phrase: copyright footers (a © line that says "all rights reserved" is legal, not a credit)
    ("fr", "Tous droits réservés - Le Journal du Var 2024", "legal.phrase", C.LEGAL,
     "tous droits réservés"),
    ("en", "© 2024 Northfield Press. All rights reserved.", "legal.phrase", C.LEGAL,
     "all rights reserved"),
    # navigation.phrase: breadcrumbs and page furniture
    ("fr", "Retour en haut", "navigation.phrase", C.NAVIGATION, "retour en haut"),
    ("en", "Home > World > Europe", "navigation.phrase", C.NAVIGATION, "home >"),
    # navigation.layout_row: a layout table rendered as text, spacer cells around a link
    ("en", "|  | Weather for the week ahead |  |", "navigation.layout_row", C.NAVIGATION, "page layout"),
    ("fr", "|  |  | Toutes les infos régionales |  |  |", "navigation.layout_row", C.NAVIGATION, "page layout"),
]


def _case_id(case) -> str:
    lang, line, rule = case[:3]
    text = norm(line)
    return f"{lang}-{rule}-{text if len(text) <= 44 else text[:24] + '...' + text[-16:]}"


def _params():
    for case in RULE_CASES:
        bug = KNOWN_BUGS.get(case[1])
        marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
        yield pytest.param(*case, id=_case_id(case), marks=marks)


@pytest.mark.parametrize(("lang", "line", "rule", "category", "why"), list(_params()))
def test_rule_removes_line(lang, line, rule, category, why):
    result, decision = clean_line(line, lang)

    assert decision.removed, f"kept: {line!r}"
    assert decision.first is not None and decision.first.rule == rule
    assert decision.final.rule == rule
    assert decision.final.category is category
    assert why in decision.final.reason.lower()

    removed = [r for r in result.removed if r.line == LINE]
    assert len(removed) == 1
    assert (removed[0].rule, removed[0].category, removed[0].text) == (rule, category, line)
    assert removed[0].reason == decision.final.reason
    # the rule took only its line: both body paragraphs around it stay
    assert [norm(p) for p in result.paragraphs] == [norm(p) for p in BODY[lang]]


def test_every_registered_rule_has_a_case():
    covered = {rule for _, line, rule, _, _ in RULE_CASES if line not in KNOWN_BUGS}
    assert {r.name for r in rules()} <= covered


def test_each_rule_category_matches_its_registry_entry():
    by_name = {r.name: r.category for r in rules()}
    for _, line, rule, category, _ in RULE_CASES:
        assert by_name[rule] is category, line


def test_rule_names_are_unique_and_prefixed_by_their_category():
    names = [r.name for r in rules()]
    assert len(names) == len(set(names))
    for r in rules():
        assert r.name.split(".")[0] == r.category.value


def test_normalize_folds_exactly_the_accent_table():
    """Lines are matched accent-folded: every letter of the table becomes its base letters, and
    nothing else changes (curly quotes are unified, other scripts stay)."""
    from cleaner.lexicon import _ACCENTS, normalize

    for code, base in _ACCENTS.items():
        assert normalize(f"x{chr(code)}y") == f"x{chr(code).lower().translate(_ACCENTS)}y", chr(code)
    assert normalize("Crédit PHOTO : Łódź, Øre, Straße — ’Ünïcödé’ 東京 Ελλάδα") == \
        "credit photo: lodz, ore, strasse — 'unicode' 東京 ελλάδα"
