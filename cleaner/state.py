"""The state of the context pass: every block's features, its label so far, and the notes that
say why a block stayed. Heuristics (cleaner.context.HEURISTICS, and those of each category in
cleaner/rules/) read and label it; see cleaner.context.run."""
from __future__ import annotations

from dataclasses import dataclass, field

from .features import Line, lowercase_words
from .model import Category, Hit

#: A text is article-shaped when at least this share of its characters is in prose blocks
#: (development pages: articles median 0.86, 8-12% of them below 0.5; forums, products,
#: listings and docs median 0.62, 36% below 0.5). The structural teaser heuristics, which read
#: runs of short lines as link lists, only run on article-shaped texts: on a listing, a product
#: page or a schedule those runs are the content.
ARTICLE_MIN_PROSE_SHARE = 0.5


@dataclass(slots=True)
class State:
    lines: list[Line]
    labels: list[Hit | None]
    notes: dict[int, str] = field(default_factory=dict)  # block index -> why it was kept/labelled
    full_page: bool = False  # the text is a whole page: find the body first
    article_shaped: bool = True  # mostly prose (see ARTICLE_MIN_PROSE_SHARE)

    def label(self, i: int, rule: str, category: Category, reason: str, value: str | None = None) -> None:
        self.labels[i] = Hit(rule, category, reason, value)

    def kept(self, i: int) -> bool:
        return self.labels[i] is None

    def category(self, i: int) -> Category | None:
        hit = self.labels[i]
        return hit.category if hit else None

    def common_words(self) -> frozenset[str]:
        """The words the text writes in lowercase somewhere: a capitalised one of them is a
        common word, not a name (see features.lowercase_words, which caches the answer)."""
        return lowercase_words(line.text for line in self.lines)


def article_shaped(lines: list[Line]) -> bool:
    total = sum(line.length for line in lines)
    return sum(line.length for line in lines if line.prose) >= ARTICLE_MIN_PROSE_SHARE * total
