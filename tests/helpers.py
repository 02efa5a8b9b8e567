"""Small helpers shared by the tests: where things are, and how to put one line inside an article.

The per-line cases (rules, negatives) are judged inside a tiny invented article: a body paragraph,
the line under test, another body paragraph. Both paragraphs are long sentences, so no context
heuristic (title at the top, end-of-article run) has a reason to fire, and the line under test is
always on line 3.
"""
from __future__ import annotations

from pathlib import Path

from cleaner import Decision, Result, clean

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"
GOLD = TESTS / "fixtures" / "gold"

#: Two invented body paragraphs per language, used around the line under test.
BODY = {
    "de": (
        "Der Stadtrat hat am Donnerstag beschlossen, zwei der vier Wertstoffhöfe zu schließen, und "
        "begründet das mit einer Haushaltslücke von fast vier Millionen Euro in drei Jahren.",
        "Die verbleibenden Höfe sollen ab dem kommenden Frühjahr länger geöffnet sein, bestätigte "
        "eine Sprecherin der Stadtverwaltung am Freitag auf Nachfrage.",
    ),
    "es": (
        "El ayuntamiento aprobó el jueves el cierre de dos de los cuatro puntos limpios del "
        "municipio, alegando un déficit de casi cuatro millones de euros en tres años.",
        "Los vecinos podrán usar los puntos restantes con un horario más amplio a partir de la "
        "próxima primavera, confirmó el viernes una portavoz municipal.",
    ),
    "it": (
        "Il consiglio comunale ha approvato giovedì la chiusura di due delle quattro isole "
        "ecologiche della città, citando un buco di bilancio di quasi quattro milioni di euro.",
        "I residenti potranno usare i centri rimasti con orari più lunghi dalla prossima "
        "primavera, ha confermato venerdì una portavoce del comune.",
    ),
    "pt": (
        "A câmara municipal aprovou na quinta-feira o encerramento de dois dos quatro ecocentros "
        "do concelho, invocando um défice de quase quatro milhões de euros em três anos.",
        "Os moradores poderão usar os restantes ecocentros com horários alargados a partir da "
        "próxima primavera, confirmou na sexta-feira uma porta-voz da autarquia.",
    ),
    "nl": (
        "De gemeenteraad heeft donderdag besloten twee van de vier milieustraten te sluiten, met "
        "een begrotingstekort van bijna vier miljoen euro over drie jaar als reden.",
        "Bewoners kunnen vanaf het voorjaar langer terecht bij de overgebleven locaties, "
        "bevestigde een woordvoerder van de gemeente vrijdag.",
    ),
    "pl": (
        "Rada miasta zdecydowała w czwartek o zamknięciu dwóch z czterech punktów selektywnej "
        "zbiórki odpadów, powołując się na lukę budżetową sięgającą czterech milionów złotych.",
        "Mieszkańcy będą mogli korzystać z pozostałych punktów w dłuższych godzinach od wiosny, "
        "potwierdziła w piątek rzeczniczka urzędu miasta.",
    ),
    "sv": (
        "Kommunfullmäktige beslutade i torsdags att stänga två av kommunens fyra "
        "återvinningscentraler, med hänvisning till ett budgetunderskott på nästan fyra miljoner.",
        "Invånarna kan använda de återstående centralerna med längre öppettider från och med "
        "våren, bekräftade en talesperson för kommunen på fredagen.",
    ),
    "da": (
        "Byrådet besluttede torsdag at lukke to af kommunens fire genbrugspladser og henviste "
        "til et budgethul på næsten fire millioner kroner over de næste tre år.",
        "Borgerne kan bruge de resterende pladser med længere åbningstider fra foråret, "
        "bekræftede en talsperson for kommunen fredag.",
    ),
    "en": (
        "The county council voted on Thursday to close two of its four recycling centres, citing "
        "a budget gap of nearly four million pounds over the next three years.",
        "Residents will be able to use the remaining sites for longer hours from next spring, a "
        "spokesperson for the authority confirmed in a statement on Friday.",
    ),
    "fr": (
        "Le conseil municipal a voté jeudi soir la fermeture de deux des quatre déchetteries de la "
        "commune, invoquant un déficit de près de quatre millions d'euros sur trois ans.",
        "Les habitants pourront utiliser les sites restants avec des horaires élargis dès le "
        "printemps prochain, a confirmé vendredi un porte-parole de la mairie.",
    ),
}
#: The 1-based input line of the line under test in `in_body()`.
LINE = 3


def norm(text: str) -> str:
    """Whitespace-normalised text, for comparing paragraphs."""
    return " ".join(text.split())


def in_body(line: str, lang: str) -> str:
    """An article whose line 3 is `line`, between two body paragraphs of language `lang`."""
    before, after = BODY[lang]
    return f"{before}\n\n{line}\n\n{after}\n"


def decision_at(result: Result, line: int) -> Decision:
    """The decision about the block that starts on input line `line`."""
    found = [d for d in result.decisions if d.block.line == line]
    assert len(found) == 1, f"expected one block on line {line}, got {[d.block.line for d in result.decisions]}"
    return found[0]


def clean_line(line: str, lang: str) -> tuple[Result, Decision]:
    """Clean `line` inside a small article; return the result and the decision about the line."""
    result = clean(in_body(line, lang), lang=lang)
    return result, decision_at(result, LINE)


#: An invented English article with a teaser lead-in, a share widget and a newsletter prompt,
#: shared by the tests of the distributed engines.
INVENTED_ARTICLE_EN = (
    "Council votes to close two recycling centres\n\n"
    "The county council voted on Thursday to close two of its four recycling centres, citing "
    "a budget gap of nearly four million pounds over the next three years.\n\n"
    "Read more: Budget cuts hit libraries across the county\n\n"
    "Residents will be able to use the remaining sites for longer hours from next spring, a "
    "spokesperson for the authority confirmed in a statement on Friday.\n\n"
    "Share this article\n\n"
    "Sign up to our newsletter"
)
