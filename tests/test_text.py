"""The text reader: blank-line paragraphs, single lines, and hard-wrapped paragraphs joined back."""
from __future__ import annotations

from cleaner.text import split_blocks


def test_hard_wrapped_paragraph_is_joined():
    text = ("The council voted on Thursday to close two of its four recycling\n"
            "centres, citing a budget gap of nearly four million pounds over the\n"
            "next three years, a spokesperson said.\n")
    blocks = split_blocks(text)
    assert len(blocks) == 1
    assert blocks[0].text.startswith("The council voted") and blocks[0].text.endswith("said.")


def test_list_items_stay_separate_blocks():
    text = ("Tickets go on sale on Monday at the box office and online\n"
            "- Adults pay twelve euros for a day ticket at the gate\n"
            "- Children under twelve go in free with an adult\n")
    assert [b.text for b in split_blocks(text)] == [
        "Tickets go on sale on Monday at the box office and online",
        "- Adults pay twelve euros for a day ticket at the gate",
        "- Children under twelve go in free with an adult",
    ]


def test_dash_glued_to_a_capital_is_a_list_item():
    """Some sites write their lists of links "-La historia de ...": each is its own line, not a
    paragraph wrapped at a fixed width."""
    text = ("-La historia de la mujer de 77 años que acaba de graduarse de la universidad\n"
            "-La angustia que vive un barrio familiar que se llenó de oficinas\n"
            "-Cinco claves para entender la reforma de las pensiones en el Congreso\n")
    assert len(split_blocks(text)) == 3


def test_hyphenated_wrap_is_not_a_list_item():
    """A wrapped line that opens with a lowercase word after a dash is not an item."""
    text = ("The report, published on Tuesday by the national statistics office, found\n"
            "-in most regions- that rents rose faster than wages for a third year in a row\n"
            "and that the gap was widest in the largest cities of the country.\n")
    assert len(split_blocks(text)) == 1


def test_a_word_broken_at_its_hyphen_is_joined_without_a_space():
    """A wrap that breaks on hyphens (Python's textwrap, html2text's default) leaves the hyphen at
    the end of the line: the word is joined back whole; a dash between spaces, or a figure before
    the hyphen, keeps its space."""
    en = ("The council approved the long-awaited plan for a new ferry terminal and a kid-\n"
          "friendly playground near the harbour, the mayor said on Monday after a\n"
          "meeting that lasted six hours - the longest of the year - in the town hall.\n")
    assert split_blocks(en)[0].text == (
        "The council approved the long-awaited plan for a new ferry terminal and a kid-friendly playground "
        "near the harbour, the mayor said on Monday after a meeting that lasted six hours - the longest of "
        "the year - in the town hall.")
    de = ("Das Widget mit den ikonischen Sketch- und Cartoon-\n"
          "Klassikern ist ab sofort in der App, teilte der Sender mit, und die Saison 2023-\n"
          "2024 beginnt im Herbst mit neuen Folgen und alten Bekannten aus dem Archiv.\n")
    text = split_blocks(de)[0].text
    assert "Sketch- und Cartoon-Klassikern ist" in text
    assert "Saison 2023- 2024" in text  # a figure before the hyphen: no word to join
