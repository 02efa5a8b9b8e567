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
