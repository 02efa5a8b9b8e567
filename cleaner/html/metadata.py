"""HTML mode, page metadata: what the page declares about itself.

Title, publication date, author, site name, URL, description, categories, tags, image (read with
trafilatura's meta-tag and JSON-LD parsers and htmldate) and the declared language (`<html lang>`,
Content-Language, og:locale). They go to the Result's fields, not the body.
"""
from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lxml is imported lazily, with trafilatura
    from lxml.html import HtmlElement

log = logging.getLogger(__name__)

#: The article's section (examine_meta reads tags from meta tags, not the section).
_SECTION_XPATH = "//meta[@property='article:section' or @name='article:section']/@content"
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def declared_language(tree: "HtmlElement") -> str | None:
    """The language the page declares: <html lang>, else Content-Language, else og:locale;
    its primary subtag, lowercased ("en-GB" -> "en")."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath("//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')="
                             "'content-language']/@content")
    candidates += tree.xpath("//meta[@property='og:locale']/@content")
    for value in candidates:
        value = (value or "").strip().split(",")[0].strip()
        if value and _LANG_TAG.match(value):
            return re.split(r"[-_]", value)[0].lower()
    return None


def _listed(value) -> tuple[str, ...]:
    if not value:
        return ()
    items = value if isinstance(value, (list, tuple)) else [value]
    return tuple(dict.fromkeys(part.strip() for i in items if i for part in str(i).split(",") if part.strip()))


def page_metadata(tree: "HtmlElement") -> tuple[str | None, str | None, dict]:
    """(title, publication date, the Result fields of model.PAGE_FIELDS and `author`): author,
    site name, URL (canonical or og:url), description, categories, tags and image
    from meta tags (trafilatura's examine_meta), JSON-LD when the meta tags name no title or no
    author, the page's title/h1, and htmldate without its extensive search; the declared
    language from the markup. trafilatura's full metadata pass costs as much as the content
    extraction; this is the part of it that reads what the page declares. The author is also
    read off a byline in the text when the page names none."""
    from htmldate import find_date

    try:
        from trafilatura.metadata import examine_meta, extract_meta_json, extract_title
    except ImportError:  # another trafilatura layout: its public (slower) metadata function
        from trafilatura import extract_metadata

        meta = extract_metadata(tree, extensive=False)
        title, date = meta.title, meta.date
    else:
        meta = examine_meta(tree)
        if not meta.title or not meta.author:  # JSON-LD only when needed: it costs a third of this
            try:
                meta = extract_meta_json(tree, meta)
            except Exception:  # noqa: BLE001 - broken JSON-LD must not stop the page
                log.debug("JSON-LD metadata failed", exc_info=True)
        title = meta.title or extract_title(tree)
        date = meta.date or find_date(tree, extensive_search=False, original_date=True)
    page = {"author": (meta.author or "").strip() or None, "sitename": meta.sitename or None,
            "url": meta.url or None, "description": meta.description or None,
            "categories": _listed(meta.categories) or _listed(tree.xpath(_SECTION_XPATH)),
            "tags": _listed(meta.tags), "image": meta.image or None,
            "page_language": declared_language(tree)}
    return (title or "").strip() or None, date or None, page
