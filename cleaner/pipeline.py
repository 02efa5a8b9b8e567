"""clean(): the steps, in order.

    text -> blocks -> metadata markers -> language -> per-block rules -> context pass -> spans
         -> configuration (--keep/--only) -> Result
"""
from __future__ import annotations

import dataclasses
import functools

from . import context, ending, fullpage, language, markdown, spans
from .config import Config
from .features import copy_key, line_features, lowercase_words
from .lexicon import matcher_for, normalize
from .model import Block, Category, Decision, Hit, Removed, Result, Span
from .rules import Rule, first_hit, registry
from .rules.metadata import LEADING_MARKER, iso_date
from .state import article_shaped
from .text import split_blocks

#: English lists always apply as well: many sites keep English widget labels in every language.
FALLBACK_LANGUAGES = ("en",)
#: A machine date marker glued to a block is only looked for in the first few blocks.
MARKER_SCAN_BLOCKS = 3


class InputError(ValueError):
    """A document that cannot be cleaned (empty, binary, too large, ...)."""


#: The one message for a document with nothing to clean, whatever its kind (text, HTML, record).
EMPTY_DOCUMENT = "empty document: no text to clean"


class EmptyDocument(InputError):
    """A document without text: empty, blank, or a page without visible text."""

    def __init__(self, message: str = EMPTY_DOCUMENT):
        super().__init__(message)


@functools.lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    return registry()


def _split_markers(blocks: list[Block]) -> tuple[list[Block], str | None]:
    """Take machine date markers ("date 2025-09-05 ...") off the start of the first blocks."""
    date = None
    out = []
    for b in blocks:
        m = LEADING_MARKER.match(b.text) if b.index < MARKER_SCAN_BLOCKS else None
        if m:
            date = date or m.group(1)[:10]
            b = dataclasses.replace(b, text=b.text[m.end():], raw=b.text)
        out.append(b)
    return out, date


def languages_for(lang: language.Language) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*lang.candidates, *FALLBACK_LANGUAGES)))


def classify(blocks: list[Block], config: Config, lang: language.Language,
             extra_rules: tuple[Rule, ...] = (), before: tuple = ()) -> tuple[tuple[Decision, ...], bool]:
    """Label every block: per-block rules first (then `extra_rules`, such as HTML mode's DOM
    evidence), then the context pass, then the configuration. Also says whether the text was
    treated as a full page."""
    matcher = matcher_for(languages_for(lang), config.phrase_files)
    lines = [line_features(b, matcher) for b in blocks]
    table = rules() + extra_rules
    structural = tuple(r for r in table if r.section is None)
    first = [first_hit(line, table, structural) for line in lines]
    full_page = fullpage.looks_full_page(lines, first) if config.full_page is None else config.full_page
    state = context.run(lines, first, full_page=full_page, before=before)
    decisions = []
    trims = config.removes(Category.CAPTION)
    common = functools.cache(lambda: lowercase_words(b.text for b in blocks))
    phrase_rules = tuple(r for r in table if r.section is not None)
    phrase_names = frozenset(r.name for r in phrase_rules)

    def judge(b: Block, sentence: str) -> Hit | None:
        line = line_features(dataclasses.replace(b, text=sentence, raw=""), matcher)
        hit = first_hit(line, phrase_rules) if line.matches else None
        if hit is None or not config.removes(hit.category):
            return None
        return hit if spans.label_sentence(line, hit) else None

    for i, b in enumerate(blocks):
        final, note = state.labels[i], state.notes.get(i, "")
        found: tuple[Span, ...] = ()
        if final is not None and final is first[i] and final.rule in phrase_names \
                and final.category is not Category.CAPTION:
            # a phrase rule labelled the whole block: only its edge sentences, if the rest is prose
            found = spans.edge_sentences(b.text, functools.partial(judge, b), bool(lines[i].matches))
            if found:
                final = None
        if trims and final is not None and final.category is Category.CAPTION:
            span = spans.trimmed_credit(lines[i], final)  # a body paragraph closed by a credit
            if span is not None:
                final, found = None, (span,)
        elif final is None and not found:
            found = spans.edge_sentences(b.text, functools.partial(judge, b), bool(lines[i].matches)) \
                if lines[i].length >= spans.EDGE_REST_MIN_LEN else ()
            span = spans.glued_credit(lines[i], common) if trims and not found else None
            found = found or ((span,) if span else ())
        kept = final is None or not config.removes(final.category)
        if final is not None and kept:
            note = f"category '{final.category}' is kept by the configuration"
        decisions.append(Decision(b, first[i], final, kept, note, found))
    # the blocks as the output gives them (after their spans went), as a second pass reads them:
    # what the two passes over the output judge
    output = [output_line(d, line, matcher) for d, line in zip(decisions, lines)]
    if config.removes(Category.REPEAT):
        repeated_paragraphs(decisions, output, config)
    if config.removes(Category.NAVIGATION):
        dangling_labels(decisions, output, full_page)
    return tuple(decisions), full_page


def output_line(d: Decision, line, matcher):
    """The features of a block as the output gives it: after its spans went."""
    return line if not d.spans else line_features(dataclasses.replace(d.block, text=d.text, raw=""), matcher)


def dangling_labels(decisions: list[Decision], output: list, full_page: bool) -> None:
    """The few short lines that end the output after its last paragraph go (ending.dangling).
    `output`: the blocks' features as the output gives them (see output_line)."""
    kept = [i for i, d in enumerate(decisions) if d.kept]
    shaped = full_page or article_shaped([output[i] for i in kept])
    found = ending.dangling(output, kept, shaped)
    for i in found:
        d = decisions[i]
        hit = Hit("ending.dangling", Category.NAVIGATION,
                  f"one of {len(found)} short lines that end the text after its last paragraph "
                  f"(line {decisions[kept[-len(found) - 1]].block.line}) and head nothing")
        decisions[i] = Decision(d.block, d.first, hit, False)


#: A paragraph given twice is a pull quote, a box shown twice or a duplicated page: only prose of
#: at least this many words counts (subheadings, list items and table rows repeat in real bodies:
#: "Pros", "- Cost: $20", the same question heading each section).
REPEAT_MIN_WORDS = 5


def repeated_paragraphs(decisions: list[Decision], output: list, config: Config) -> None:
    """A prose paragraph that the output would give twice, word for word: the second copy goes (a
    pull quote, an "about us" box or an advertisement shown twice, an article extracted twice).
    Paragraphs are compared as they are output (after their spans went), so that a second pass,
    which reads that output, finds the same copies. A paragraph given three times or more is part
    of a repeated template (the same credit under every card of a listing) and stays. Texts are
    compared whole (long ones on their head and tail), digits included: "In 2019 …" and "In
    2020 …" are two paragraphs."""
    copies: dict[str, list[int]] = {}
    for i, d in enumerate(decisions):
        if not d.kept:
            continue
        line = output[i]
        if line.prose and not line.bullet and line.words >= REPEAT_MIN_WORDS:
            copies.setdefault(copy_key(line), []).append(i)
    second = {later[0]: first for first, *later in copies.values() if len(later) == 1}
    if not second:
        return
    if not config.lang:
        # cleaning the output again must read it in the same language (idempotence): on a text
        # that mixes languages, dropping a copy can tip the detection, and then the copy stays
        kept = [(i, dataclasses.replace(d.block, text=d.text)) for i, d in enumerate(decisions) if d.kept]
        before = detect_language([b for _, b in kept], config)
        after = detect_language([b for i, b in kept if i not in second], config)
        if languages_for(before) != languages_for(after):
            return
    for i, first in second.items():
        d = decisions[i]
        hit = Hit("repeat.paragraph", Category.REPEAT, f"repeats line {decisions[first].block.line} word for word")
        decisions[i] = Decision(d.block, d.first, hit, False)


def build_result(decisions: tuple[Decision, ...], lang: language.Language, *, date: str | None,
                 mode: str, notes: tuple[str, ...] = (), title: str | None = None,
                 page: dict | None = None) -> Result:
    """The Result of a document's decisions; `page` holds what an HTML page declares about
    itself (html.page_metadata: the author and the model.PAGE_FIELDS)."""
    page = dict(page or {})
    author = page.pop("author", None)
    removed = tuple(sorted(
        [Removed(d.block.source, d.final.category, d.final.rule, d.final.reason, d.block.line)
         for d in decisions if d.removed and d.final is not None]
        + [Removed(d.block.text[s.start:s.end], s.hit.category, s.hit.rule, s.hit.reason, d.block.line,
                   s.start, s.end) for d in decisions if d.kept for s in d.spans],
        key=lambda r: (r.line, r.start or 0)))
    if title is None:
        title = next((d.block.text for d in decisions
                      if d.final is not None and d.final.category is Category.TITLE), None)
    if date is None:
        date = next((iso_date(d.block.text) for d in decisions
                     if d.final is not None and d.final.rule == "metadata.date_line"
                     and iso_date(d.block.text)), None)
    if author is None:
        author = next((d.final.value for d in decisions if d.final is not None
                       and d.final.category in (Category.BYLINE, Category.AUTHOR) and d.final.value), None)
    text = "\n\n".join(t for d in decisions if d.kept and (t := d.text))
    return Result(text=text, title=title, language=lang.code, language_confidence=lang.confidence,
                  date=date, removed=removed, decisions=decisions, mode=mode, notes=notes, author=author,
                  **page)


#: Blocks this short may be widget labels (see detect_language).
LABEL_MAX_LEN = 40


def _is_fallback_label(text: str) -> bool:
    """An English widget label ("Share this", "Comments"): many sites keep them whatever the
    page's language, so they say nothing about it."""
    norm = normalize(text)
    return any(m.kind == "exact" for m in matcher_for(FALLBACK_LANGUAGES).find(norm))


def detect_language(blocks: list[Block], config: Config) -> language.Language:
    """The document's language. When it must be judged on short lines (no prose), English widget
    labels are left out of the sample, so that a French page whose only English line is "Share
    this" is read as French (and a second pass, without the label, agrees)."""
    if config.lang:
        return language.given(config.lang)
    texts = [b.text for b in blocks]
    if not any(len(t) >= LABEL_MAX_LEN for t in texts):
        texts = [t for t in texts if not _is_fallback_label(t)] or texts
    return language.detect(texts, config.lang_sample)


def clean(text: str, config: Config | None = None, **overrides) -> Result:
    """Clean already-extracted article text and return the body with the reasons for each removal.

    >>> clean("Share this\\n\\nThe council met on Monday and voted for the plan.").text
    'The council met on Monday and voted for the plan.'
    """
    config = (config or Config()).replace(**overrides) if overrides else (config or Config())
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    if len(text.encode("utf-8", "surrogatepass")) > config.max_bytes:
        raise InputError(f"document too large: more than {config.max_bytes} bytes (see --max-bytes)")
    if not text.strip():
        raise EmptyDocument()
    blocks, date = _split_markers(split_blocks(text))
    is_markdown = config.markdown if config.markdown is not None else markdown.looks_markdown(text)
    extra: dict = {}
    if is_markdown:
        blocks = markdown.to_blocks(blocks, text)
        extra = {"extra_rules": markdown.rules(), "before": (markdown.label_link_runs,)}
    lang = detect_language(blocks, config)
    decisions, full_page = classify(blocks, config, lang, **extra)
    decisions = _trims_that_keep_the_language(decisions, config)
    mode = "full-page" if full_page else "markdown" if is_markdown else "text"
    return build_result(decisions, lang, date=date, mode=mode)


def _trims_that_keep_the_language(decisions: tuple[Decision, ...], config: Config) -> tuple[Decision, ...]:
    """The decisions, without their spans if removing them would change the language the body
    is read in: cleaning the output again must read it in the same language and find the same
    labels (idempotence). It only matters on texts that mix languages, whose detection a few
    words can tip."""
    if config.lang or not any(d.spans for d in decisions):
        return decisions
    kept = [d for d in decisions if d.kept]
    before = detect_language([d.block for d in kept], config)
    after = detect_language([dataclasses.replace(d.block, text=d.text) for d in kept], config)
    if languages_for(before) == languages_for(after):
        return decisions
    return tuple(dataclasses.replace(d, spans=()) if d.spans else d for d in decisions)
