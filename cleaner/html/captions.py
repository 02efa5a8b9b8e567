"""HTML mode, caption recovery: figure texts the extraction left out come back as removed captions.

trafilatura drops figures. The figures of the page (evidence.Caption, collected with the DOM
evidence) whose text no block holds are placed among the decisions where the figure stands on the
page, found by the text nodes next to it, and labelled `html.figcaption` (category caption): a
removal the user can see, and `--keep caption` puts them in the body.
"""
from __future__ import annotations

import dataclasses
from itertools import islice

from ..config import Config
from ..model import Block, Category, Decision, Hit
from .evidence import Caption, match_key

#: Text nodes looked at after (or before) a figure to find where it sits among the blocks, and
#: how many of their first (last) characters are indexed to find the block they start (end).
CAPTION_ANCHOR_NODES = 5
ANCHOR_PREFIX = 12


def _texts_after(el):
    """The page's text nodes after an element, nearest first (its descendants excluded)."""
    node = el
    while node is not None:
        yield node.tail or ""
        for sib in node.itersiblings():
            yield from sib.itertext()
            yield sib.tail or ""
        node = node.getparent()


def _texts_before(el):
    """The page's text nodes before an element, nearest first (its ancestors' own text included)."""
    node = el
    while node is not None:
        for sib in node.itersiblings(preceding=True):
            yield sib.tail or ""
            yield from reversed(list(sib.itertext()))
        parent = node.getparent()
        if parent is not None:
            yield parent.text or ""
        node = parent


def _neighbours(texts) -> list[str]:
    """The first few text nodes with two characters or more (a lone "|" anchors nothing)."""
    keys = (k for k in map(match_key, texts) if len(k) > 1)
    return list(islice(keys, CAPTION_ANCHOR_NODES))


def add_missing_captions(decisions: tuple[Decision, ...], captions: tuple[Caption, ...],
                         config: Config) -> tuple[Decision, ...]:
    """Figure texts of the article that the extraction left out, placed where the figure stands
    (before the block that follows it on the page, or after the one before it), and labelled as
    captions: a removal the user can see, not a silent one. Figures outside the extracted article
    have no neighbour among the blocks and are not reported."""
    if not captions:
        return decisions
    keys = [match_key(d.block.text) for d in decisions]
    everything = "\0".join(keys)
    # block edges by their first and last characters, so that a gallery of hundreds of figures
    # does not compare every figure with every block
    heads: dict[str, list[int]] = {}
    tails: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        for n in range(2, min(len(k), ANCHOR_PREFIX) + 1):
            heads.setdefault(k[:n], []).append(i)
            tails.setdefault(k[-n:], []).append(i)

    def starting(node: str) -> int | None:
        return next((i for i in heads.get(node[:ANCHOR_PREFIX], ()) if keys[i].startswith(node)),
                    None)

    def ending(node: str) -> int | None:
        return next((i for i in tails.get(node[-ANCHOR_PREFIX:], ()) if keys[i].endswith(node)),
                    None)

    inserts: dict[int, list[Decision]] = {}
    for cap in captions:
        if match_key(cap.text) in everything:
            continue  # the extraction kept it: it is a block with its evidence already
        at = next((i for i in map(starting, _neighbours(_texts_after(cap.element)))
                   if i is not None), None)
        if at is None:
            at = next((i + 1 for i in map(ending, _neighbours(_texts_before(cap.element)))
                       if i is not None), None)
        if at is None:
            continue
        what = ("a <figcaption>" if "figcaption" in cap.hints else
                "an element classed as a caption" if "caption" in cap.hints else
                "an element classed as a photo credit" if "credit" in cap.hints else "a <figure>")
        hit = Hit("html.figcaption", Category.CAPTION, f"text of {what} on the page")
        kept = not config.removes(Category.CAPTION)
        note = ("category 'caption' is kept by the configuration" if kept else
                "the extraction had left this figure text out; listed so that its removal shows")
        block = Block(index=0, text=cap.text, line=0, para=-1, tag="figcaption", hints=cap.hints)
        inserts.setdefault(at, []).append(Decision(block, None, hit, kept, note))
    if not inserts:
        return decisions
    merged: list[Decision] = []
    for i in range(len(decisions) + 1):
        merged.extend(inserts.get(i, ()))
        if i < len(decisions):
            merged.append(decisions[i])
    # renumber: blocks are counted in order, an inserted figure is a paragraph of its own
    out, para, last = [], -1, None
    for n, d in enumerate(merged):
        if d.block.para != last or d.block.para < 0:
            para += 1
        last = d.block.para
        block = dataclasses.replace(d.block, index=n, line=n + 1, para=para)
        out.append(dataclasses.replace(d, block=block))
    return tuple(out)
