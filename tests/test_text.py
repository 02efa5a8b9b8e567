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
