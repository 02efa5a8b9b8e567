"""Page furniture: navigation, author boxes and contact lines, legal footers."""
from __future__ import annotations

from ..features import Line
from ..model import Category
from . import Rule, phrase_rule


#: Text in a layout cell is a link or a label; a longer cell is content laid out in a table.
LAYOUT_CELL_MAX_LEN = 80


def _layout_row(line: Line) -> str | None:
    """A row of a layout table rendered as text: '|  | Some link |  |'. An empty first cell
    (an indentation spacer) and mostly empty cells around short text mean the table arranges
    the page; data rows fill their first cell."""
    text = line.text.strip()
    if not text.startswith("|") or text.count("|") < 3:
        return None
    cells = [c.strip() for c in text[1:].rstrip("|").split("|")]
    filled = [c for c in cells if c]
    empty = len(cells) - len(filled)
    if not cells[0] and empty >= 2 and empty > len(filled) and all(len(c) <= LAYOUT_CELL_MAX_LEN for c in filled):
        return f"table row with {empty} of {len(cells)} cells empty, the first one too: page layout"
    return None


RULES = (
    Rule("navigation.layout_row", Category.NAVIGATION, _layout_row, "a layout-table row of mostly empty cells"),
    phrase_rule("author.phrase", Category.AUTHOR),
    phrase_rule("legal.phrase", Category.LEGAL),
    phrase_rule("navigation.phrase", Category.NAVIGATION),
)
