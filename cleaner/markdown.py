"""Markdown in, markdown out.

Many extractors write markdown (html2text, trafilatura's markdown output, LLM-oriented
converters). The rules judge what a reader sees, so each markdown block is read as its visible
text: `[text](url)` is `text`, `**bold**` is `bold`, `# Heading` is `Heading`, and the block keeps
its markdown as `raw` for the markdown output. Link and image lines are evidence: a line that is
only an image is not text (`markdown.image`), and a run of lines that are only links is a menu or
a list of teasers (`markdown.link_run`); a single link line stays.

Detection: a text is markdown when enough of its lines carry markdown syntax (headings, links,
images, list markers with links, emphasis, table rules), not when one line happens to start with
'#' or '*'.
"""
from __future__ import annotations

import dataclasses
import re

from .model import Block, Category
from .text import is_hard_wrapped, join_wrapped, normalize_newlines

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
#: Emphasis spans at most this many characters: a marker with no partner near it is a literal
#: ('_' in a URL, a script's '*'), and an unbounded search for one is quadratic in the line (a
#: page's inline script converted to markdown, 300,000 characters on one line, took 24 s).
EMPHASIS_MAX_LEN = 1000
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.{1,%d}?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.{1,%d}?)(?<=\S)\3(?![\w*])"
                       % (EMPHASIS_MAX_LEN, EMPHASIS_MAX_LEN))
_CODE = re.compile(r"`([^`]*)`")
_LIST = re.compile(r"^(\s*)(?:[*+-]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+")
# An image by reference ("![alt][2]"): the link of a linked image line, an image of its own.
_IMAGE_REF = re.compile(r"!\[[^\]]*\]\[[^\]]*\]")
# A setext heading's underline: the line under a heading's text ("Title" / "=====", "Part" / "---").
_SETEXT = re.compile(r"^\s*(?:={2,}|-{3,})\s*$")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
#: A text is markdown when at least this many of its lines, and this share of its non-blank
#: lines, carry markdown syntax.
MIN_MARKED_LINES = 3
MIN_MARKED_SHARE = 0.05
_ITEM = re.compile(r"^(?:[*+-]|\d{1,3}[.)]|\|)\s?")
#: Link lines in a row that make a menu or a list of teasers.
LINK_RUN_MIN = 2


def _marked(line: str) -> bool:
    # (a reference link, "[text][2]", is not a mark on its own: code reads the same, "m[i][j]";
    # a converter that writes them lists their addresses, "[2]: https://...", which are)
    return bool(_HEADING.match(line) or _IMAGE.search(line) or _LINK.search(line)
                or _TABLE_RULE.match(line) or _REF_DEF.match(line)
                or ("**" in line and _EMPHASIS.search(line)))


#: Every markdown mark of _marked holds one of these: a text without any has none (most texts).
_MARKS = ("#", "[", "---", "**")
_ANY_MARK = re.compile("|".join(map(re.escape, _MARKS)))


def looks_markdown(text: str) -> bool:
    if not any(mark in text for mark in _MARKS):
        return False
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return False
    # (a line without any of the marks is not marked either: most lines of a text that has one
    # somewhere, passed over by one search instead of _marked's five)
    marked = sum(1 for ln in lines if _ANY_MARK.search(ln) and _marked(ln))
    return marked >= MIN_MARKED_LINES and marked >= MIN_MARKED_SHARE * len(lines)


def visible(line: str) -> str:
    """The text a reader sees in one markdown line."""
    line = _HTML_COMMENT.sub("", line)
    m = _HEADING.match(line)
    if m:
        line = m.group(2)
    line = _QUOTE.sub("", line)
    line = _IMAGE.sub(lambda m: m.group(1), line)
    line = _LINK.sub(lambda m: m.group(1), line)
    line = _REF_LINK.sub(lambda m: m.group(1), line)
    line = _AUTOLINK.sub(lambda m: m.group(1), line)
    line = _CODE.sub(lambda m: m.group(1), line)
    for _ in range(2):  # nested emphasis: ***both***
        line = _EMPHASIS.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(4), line)
    line = line.replace("\\", "") if "\\" in line else line
    if line.lstrip().startswith("|"):  # a table row: its cells, separated
        line = " | ".join(c.strip() for c in line.strip().strip("|").split("|"))
    return re.sub(r"\s+", " ", line).strip()


def _only_links(line: str) -> bool:
    """A line made of links alone (and separators): a menu entry or a teaser link, its links
    inline or by reference ("[text][3]", whose URLs a converter lists at the end of the text).
    A bare address ("<https://...>") is not one: menus and teasers name what they link to,
    and articles list their sources that way."""
    body = _LIST.sub("", _QUOTE.sub("", line))
    rest = _REF_LINK.sub("", _LINK.sub("", _IMAGE.sub("", body)))
    linked = _LINK.search(body) or _REF_LINK.search(body)
    return linked is not None and not re.sub(r"[\s|·•,;/–—-]+", "", _IMAGE_REF.sub("", rest))


def _only_image(line: str) -> bool:
    body = _LIST.sub("", line)
    return _IMAGE.search(body) is not None and not _IMAGE.sub("", _LINK.sub("", body)).strip(" |")


def to_blocks(blocks: list[Block], source: str | None = None) -> list[Block]:
    """The blocks of a markdown text, read as their visible text (the markdown kept as `raw`),
    with 'link', 'image' and 'markup' evidence in their hints. Table rules, reference
    definitions and horizontal rules have no text and are dropped from the body. A setext heading
    ("Title" / "=====") is one block, its markdown written the ATX way ("# Title"), as the same
    heading in ATX form would be."""
    out: list[Block] = []
    if source is not None:
        blocks = _soft_wrapped(blocks, normalize_newlines(source).split("\n"))
    for b in _setext_headings(_wrapped_links(blocks)):
        src = b.source
        lines = src.split("\n")
        hints = set(b.hints)
        if len(lines) > 1 and _SETEXT.match(lines[-1]):  # a setext heading, underline and all
            src, lines = _atx(lines[:-1], lines[-1]), lines[:-1]
        # a paragraph wrapped at a fixed width is judged unwrapped, its links whole
        one = _unwrap("\n".join(lines)) if len(lines) > 1 else None
        if all(_only_links(ln) for ln in lines if ln.strip()) or (one is not None and _only_links(one)):
            hints.add("link")
        if all(_only_image(ln) for ln in lines if ln.strip()) or (one is not None and _only_image(one)):
            hints.add("image")
        if all(_TABLE_RULE.match(ln) or _RULE.match(ln) or _REF_DEF.match(ln) for ln in lines if ln.strip()):
            hints.add("markup")
        if one is not None:
            lines = [one]
        seen = [visible(ln) for ln in lines]
        text = " ".join(v for v in seen if v)
        bullet = _LIST.match(lines[0])
        if bullet and text:  # "* item" reads as "- item"; a numbered item keeps its number
            marker = bullet.group(0).strip()
            text = (marker if marker[0].isdigit() else "-") + " " + visible(lines[0][bullet.end():]) \
                + "".join(" " + v for v in seen[1:])
        if not text.strip():
            hints.add("markup")  # an HTML comment, an image without alt text
        hints.add("md")  # its raw is markdown
        # (the passes above join blocks: the blocks are numbered again here, once)
        out.append(dataclasses.replace(b, index=len(out), text=text.strip(), raw=src, hints=frozenset(hints)))
    return out


# The target of a link or image, "](...)", which a converter wrapping at a fixed width (html2text
# writes 78 columns by default) may break over lines, inside the address or before its title.
# (an address may hold one level of parentheses: ".../Foo_(bar)")
_ADDRESS = r"[^()]*(?:\([^()]*\)[^()]*)*"
_TARGET = re.compile(r"\]\((" + _ADDRESS + r")\)")


def _unwrap(src: str) -> str:
    """A paragraph wrapped over several lines as one line, its links whole again: an address
    broken after a hyphen joins without a space ("...uploads/wp-" / "content/logo.jpg"), any
    other break is a space."""
    src = _TARGET.sub(lambda m: "](" + m.group(1).replace("-\n", "-").replace("\n", " ") + ")", src)
    return join_wrapped(src.split("\n"))


# A complete link or image, its text and target on any number of lines (replaced from the inside
# out: "[ ![logo](src) ](href)"), and what is left open at the end of a line once they are gone.
_WHOLE_LINK = re.compile(r"!?\[[^\[\]]*\]\(" + _ADDRESS + r"\)")
_OPEN_AT_END = re.compile(r"(?<!\\)\[[^\]]*$|\]\([^)]*$")
#: A wrapped link spans at most this many lines (an unclosed '[' in a text joins no more).
WRAPPED_LINK_MAX_LINES = 8


def _open_link(text: str) -> bool:
    """Whether the text ends inside a link or an image: a '[' or a '](' not closed yet."""
    if "[" not in text:
        return False
    for _ in range(3):
        shorter = _WHOLE_LINK.sub("x", text)
        if shorter == text:
            break
        text = shorter
    return _OPEN_AT_END.search(text) is not None


def _wrapped_links(blocks: list[Block]) -> list[Block]:
    """The blocks with each link or image that a fixed-width wrap broke over lines made whole: a
    line that ends inside one and the lines of the same paragraph that complete it are one
    block (one line each otherwise, when the paragraph's lines differ too much in length to be
    read as wrapped prose). A list item or a heading starts a block of its own all the same (a
    stray '[' in a line does not swallow the list under it)."""
    if not any("[" in b.text for b in blocks):
        return blocks
    out: list[Block] = []
    lines_in = 0  # lines of the block being completed
    for b in blocks:
        prev = out[-1] if out else None
        if prev is not None and 0 < lines_in < WRAPPED_LINK_MAX_LINES and prev.para == b.para \
                and b.line == prev.line + lines_in and not (_LIST.match(b.text) or _HEADING.match(b.text)):
            src = prev.source + "\n" + b.source
            out[-1] = dataclasses.replace(prev, text=" ".join(ln.strip() for ln in src.split("\n")), raw=src)
            lines_in += b.source.count("\n") + 1
        else:
            out.append(b)
            lines_in = b.source.count("\n") + 1
        if not _open_link(out[-1].source):
            lines_in = 0
    return out


# Lines that start a block of their own in a markdown paragraph: a list item, a heading, a table
# row, a quote, an image or a linked image, a reference definition, a setext underline.
_STARTS_BLOCK = re.compile(r"^\s*(?:[*+-]\s|\d{1,3}[.)]\s|#{1,6}\s|\||>|!\[|\[!\[|\[[^\]]+\]:\s|={2,}\s*$|-{3,}\s*$)")


def _soft_wrapped(blocks: list[Block], source: list[str]) -> list[Block]:
    """The blocks with the lines of a markdown paragraph wrapped at a fixed width joined again:
    a paragraph is cut into runs at its hard breaks (a line ending with two spaces or a
    backslash, as converters write <br>) and at the lines that start a block (list items,
    headings, table rows, quotes, images); a run whose lines read as wrapped prose (several long
    lines of similar length that mostly do not end sentences: the test text.py applies to whole
    paragraphs, here on the lines that neither open a link nor hold a target) is one block.
    Lines that each end a sentence (one paragraph per line) and short lines (menus, labels)
    stay blocks of their own."""
    out: list[Block] = []
    run: list[Block] = []

    def flush() -> None:
        texts = [b.text for b in run]
        # (lines that open a link or hold its target are left out of the test: a long address
        # that the wrap does not break makes the line before it short, or its own line long)
        plain = [t for t in texts[:-1] if "](" not in t and not _open_link(t)] if len(run) > 1 else []
        if plain and is_hard_wrapped(plain + texts[-1:]):
            out.append(dataclasses.replace(run[0], text=join_wrapped(texts), raw="\n".join(texts)))
        else:
            out.extend(run)
        run.clear()

    for b in blocks:
        if b.raw or not 0 < b.line <= len(source):  # already joined, or taken apart
            flush()
            out.append(b)
            continue
        if run and (b.para != run[-1].para or b.line != run[-1].line + 1 or _STARTS_BLOCK.match(b.text)
                    or _hard_break(source[run[-1].line - 1])):
            flush()
        run.append(b)
    flush()
    return out


def _hard_break(line: str) -> bool:
    """Whether a markdown line ends with a hard line break ("  " or a backslash: <br>)."""
    return line.endswith(("  ", "\\")) and bool(line.strip())


def _setext_headings(blocks: list[Block]) -> list[Block]:
    """The blocks with each setext heading made one block, as the same heading written the ATX
    way is: the line of text and the underline right under it (see to_blocks)."""
    if not any(_SETEXT.match(b.text) for b in blocks):
        return blocks
    out: list[Block] = []
    for b in blocks:
        if out and _setext_underline(b, out[-1]):
            out[-1] = dataclasses.replace(out[-1], raw=out[-1].source + "\n" + b.text.strip())
        else:
            out.append(b)
    return out


def _setext_underline(b: Block, prev: Block | None) -> bool:
    """Whether block b is the underline of a setext heading: a '===' or '---' line right under a
    line of text of the same paragraph (alone, a '---' line is a horizontal rule)."""
    if prev is None or not _SETEXT.match(b.text) or "\n" in b.text or prev.para != b.para \
            or prev.line != b.line - 1:
        return False
    above = prev.source
    return "\n" not in above and bool(above.strip()) and not (
        _LIST.match(above) or _QUOTE.match(above) or _HEADING.match(above) or _SETEXT.match(above)
        or above.lstrip().startswith("|"))


def _atx(lines: list[str], underline: str) -> str:
    """A setext heading written the ATX way: "Title" / "=====" is "# Title", "---" level two."""
    return ("# " if underline.strip().startswith("=") else "## ") + " ".join(ln.strip() for ln in lines)


def _image(line) -> str | None:
    return "a markdown image line (no text of its own)" if "image" in line.block.hints else None


def _markup(line) -> str | None:
    return ("a markdown table rule, reference definition, horizontal rule or heading underline"
            if "markup" in line.block.hints else None)


def label_link_runs(s) -> None:
    """Runs of LINK_RUN_MIN or more lines that are only links: a menu or a list of teasers."""
    n = len(s.lines)
    i = 0
    while i < n:
        j = i
        while j < n and "link" in s.lines[j].block.hints:
            j += 1
        if j - i >= LINK_RUN_MIN:  # (a line of the run that a phrase took, "Home", still counts)
            for k in range(i, j):
                if s.kept(k):
                    s.label(k, "markdown.link_run", Category.NAVIGATION,
                            f"one of {j - i} lines in a row that are only links (a menu or teaser list)")
        i = max(j, i + 1)


def as_markdown(decisions) -> str:
    """The body as markdown: each kept block's markdown (a trimmed block as its text), HTML
    blocks with their heading, list and quote structure."""
    out: list[str] = []
    para, prev_tag = None, None
    for d in decisions:
        if not d.kept or not d.text:
            continue
        b = d.block
        tag = b.tag
        if "md" in b.hints and not d.spans:
            part = b.raw.strip()
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            part = "#" * int(tag[1]) + " " + d.text
        elif tag == "li" and not d.text.startswith(("- ", "* ")):
            part = "- " + d.text
        elif tag == "blockquote":
            part = "> " + d.text
        else:
            part = d.text
        # the items of one markdown list or table stay together
        together = out and ((b.para == para and "md" in b.hints and _ITEM.match(part))
                            or (tag == "li" and prev_tag == "li"))
        out.append(("\n" if together else "\n\n" if out else "") + part)
        para, prev_tag = b.para, tag
    return "".join(out)


def rules():
    """The per-block rules of markdown input (pipeline.classify's extra rules)."""
    from .rules import Rule

    return (Rule("markdown.image", Category.CAPTION, _image, "a markdown image line"),
            Rule("markdown.markup", Category.NAVIGATION, _markup, "markdown syntax without text"))
