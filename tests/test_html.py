"""HTML mode: `clean_html(page)` on small invented pages, and its DOM evidence rules one by one.

Every page is the same invented article (a headline and three body paragraphs) with one widget
added; each test asserts which rule removed the widget (or why a block stayed), its category,
and that the three body paragraphs are the body.
"""
from __future__ import annotations

import pytest

import cleaner
from cleaner import Category, Config, clean_html
from cleaner.features import line_features
from cleaner.html import DOM_RULES, collect_evidence, concepts_of
from cleaner.lexicon import matcher_for
from cleaner.model import Block
from cleaner.rules import first_hit

TITLE = "Harbour bridge to be rebuilt"
BODY = [
    "The regional council approved on Tuesday a plan to rebuild the old harbour bridge, which has "
    "been closed to traffic since a storm damaged two of its pillars last winter.",
    "Engineers expect the work to take eighteen months and to cost about forty million euros, "
    "most of it paid by the national infrastructure fund according to the council.",
    "Residents of both banks have waited for a decision for almost a year, and shop owners near "
    "the bridge say their takings have fallen by a third since it closed.",
]


def page(*, middle: str = "", after: str = "", head: str = "", top: str = "") -> str:
    """The invented article; `middle` goes between the first two paragraphs, `after` after the
    last one, `top` right under the headline, `head` into <head>."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Example Gazette</title>{head}</head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>{TITLE}</h1>{top}
<p>{BODY[0]}</p>{middle}
<p>{BODY[1]}</p>
<p>{BODY[2]}</p>{after}</article></main>
<footer><p>Contact us</p></footer></body></html>"""


def removed_by(result, text: str):
    """The decision of the block holding `text` (which must have been removed)."""
    found = [d for d in result.decisions if text in d.block.text]
    assert found, f"no block holds {text!r}"
    assert all(d.removed for d in found), f"{text!r} stayed in the body"
    return found[0]


def assert_body(result) -> None:
    assert result.paragraphs == BODY
    assert result.mode == "html"


# --- pages -------------------------------------------------------------------------------------

def test_exported_from_the_package():
    assert cleaner.clean_html is clean_html
    assert "clean_html" in cleaner.__all__


def test_plain_article():
    r = clean_html(page())
    assert_body(r)
    assert r.title == TITLE
    assert r.notes == ()
    assert [d.block.line for d in r.decisions] == list(range(1, len(r.decisions) + 1))


def test_figure_with_caption_and_credit_is_reported_not_dropped():
    caption = "The bridge seen from the north bank at dusk. Photo: Jane Doe"
    r = clean_html(page(middle=f'<figure><img src="b.jpg" alt=""><figcaption>{caption}'
                               '</figcaption></figure>'))
    assert_body(r)
    d = removed_by(r, "north bank at dusk")
    assert d.final.rule == "html.figcaption"
    assert d.final.category is Category.CAPTION
    assert "<figcaption>" in d.final.reason
    assert {"figure", "figcaption"} <= d.block.hints
    assert d.block.tag == "figcaption"
    assert d.note  # says the extraction had left it out
    # where the figure stands: between the first and the second paragraph
    texts = [x.block.text for x in r.decisions]
    assert texts.index(d.block.text) == texts.index(BODY[0]) + 1
    assert any(x.rule == "html.figcaption" for x in r.removed)


def test_caption_classed_element_without_figure():
    r = clean_html(page(middle='<div class="wp-caption-text">The bridge seen from the north bank'
                               "</div>"))
    assert_body(r)
    d = removed_by(r, "seen from the north bank")
    assert d.final.rule == "html.figcaption"
    assert "caption" in d.block.hints


def test_kept_captions_go_back_into_the_body():
    caption = "The bridge seen from the north bank at dusk"
    html = page(middle=f"<figure><img src='b.jpg'><figcaption>{caption}</figcaption></figure>")
    r = clean_html(html, keep=frozenset({Category.CAPTION}))
    assert r.paragraphs == [BODY[0], caption, BODY[1], BODY[2]]
    d = next(d for d in r.decisions if d.block.text == caption)
    assert d.kept and d.final.rule == "html.figcaption"
    assert "kept by the configuration" in d.note


def test_share_bar():
    r = clean_html(page(after='<div class="article-share"><span>Send to a friend</span> '
                              "<span>Print</span></div>"))
    assert_body(r)
    d = removed_by(r, "Send to a friend")
    assert (d.final.rule, d.final.category) == ("html.share", Category.SHARE)
    assert "share" in d.block.hints


def test_related_articles_box():
    r = clean_html(page(after='<div class="recommendations"><h3>Across the region</h3>'
                              "<p>Ferry operator adds winter sailings to the islands</p>"
                              "<p>New cycle lane opens along the river promenade</p></div>"))
    assert_body(r)
    for text in ("Across the region", "Ferry operator adds winter sailings",
                 "New cycle lane opens"):
        d = removed_by(r, text)
        assert (d.final.rule, d.final.category) == ("html.related", Category.TEASER)


def test_newsletter_box():
    r = clean_html(page(after='<div class="subscribe-box"><h3>Morning briefing</h3>'
                              "<p>Get the headlines in your inbox every day before breakfast</p>"
                              "</div>"))
    assert_body(r)
    d = removed_by(r, "Get the headlines in your inbox")
    assert (d.final.rule, d.final.category) == ("html.newsletter", Category.SUBSCRIPTION)


def test_body_paragraph_in_an_oddly_classed_container_stays():
    """A negative: prose inside a container classed as recommendations is still body."""
    extra = ("The mayor said the council would publish the tender documents next week and "
             "invited local firms to take part in the information sessions.")
    r = clean_html(page(after=f'<div class="recommendations"><p>{extra}</p></div>'))
    assert r.paragraphs == [*BODY, extra]
    d = next(d for d in r.decisions if d.block.text == extra)
    assert "related" in d.block.hints and d.kept


def test_title_and_date_from_meta_tags():
    head = ('<meta property="og:title" content="Harbour bridge to be rebuilt">'
            '<meta property="article:published_time" content="2024-03-05T08:00:00+01:00">')
    r = clean_html(page(head=head, top="<h2>Work starts in spring</h2>"))
    assert r.title == TITLE
    assert r.date == "2024-03-05"
    assert TITLE not in r.text
    d = removed_by(r, TITLE)
    assert (d.final.rule, d.final.category) == ("html.title", Category.TITLE)
    assert r.paragraphs == ["Work starts in spring", *BODY]


def test_author_from_the_meta_tags_else_none():
    r = clean_html(page(head='<meta name="author" content="Sarah Jenkins">'))
    assert r.author == "Sarah Jenkins"
    assert r.to_dict()["author"] == "Sarah Jenkins"
    assert r.paragraphs == BODY
    assert clean_html(page()).author is None


def test_page_metadata_a_trafilatura_user_expects():
    head = ('<meta property="og:site_name" content="Example Gazette">'
            '<meta property="og:url" content="https://gazette.example/harbour-bridge">'
            '<meta name="description" content="The harbour bridge will be rebuilt from spring.">'
            '<meta property="article:section" content="Local">'
            '<meta property="article:tag" content="harbour, bridges">'
            '<meta property="og:image" content="https://gazette.example/bridge.jpg">')
    r = clean_html(page(head=head))
    assert (r.sitename, r.url, r.description) == ("Example Gazette", "https://gazette.example/harbour-bridge",
                                                  "The harbour bridge will be rebuilt from spring.")
    assert r.categories == ("Local",) and r.tags == ("harbour", "bridges")
    assert r.image == "https://gazette.example/bridge.jpg"
    assert r.page_language == "en" and r.language == "en"  # declared next to detected
    d = r.to_dict()
    assert d["url"] == r.url and d["tags"] == ["harbour", "bridges"] and d["page_language"] == "en"
    assert r.paragraphs == BODY


LOADER_CASES = [
    "<!DOCTYPE html><html lang='en'><head><title>T</title></head><body><form action='/s'><label>Find"
    "</label><input name='q'><select><option>a</option></select><textarea>t</textarea></form>"
    "<p>Body <b>text</b><!-- note --></p><?pi x?></body></html>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>An XML declaration with an encoding</p></body></html>",
    "<html/>\n<body><p>A self-closing html tag</p></body>",
    "<div><p>Two blocks</p></div><div><p>without an html tag</p></div>",
    "<p>A fragment alone</p>",
    "plain text, no markup",
]


@pytest.mark.parametrize("html", LOADER_CASES)
def test_the_page_is_parsed_as_trafilaturas_loader_parses_it(html):
    """reader.parse uses its own parser (element classes looked up in C): the tree and the class of
    every element are trafilatura's."""
    from lxml import etree
    from trafilatura.utils import load_html

    from cleaner.html.reader import _load_html

    ours, theirs = _load_html(html), load_html(html)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
        assert [type(e) for e in ours.iter()] == [type(e) for e in theirs.iter()]


def _closed_early(after_html: str) -> str:
    """A page whose template closes the document after its header: the article follows
    `</html>` (`after_html`)."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Example Gazette</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
</body></html>
{after_html}"""


ARTICLE_AFTER_HTML = f"<main><article><h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in BODY) + "</article></main>"


def test_content_after_the_closing_html_tag_is_read_as_a_browser_shows_it():
    """lxml makes a second root of what follows </html>; a browser puts it at the end of <body>,
    and so does the reader: the article is found, not the header's menu."""
    from cleaner.html.reader import parse

    tree = parse(_closed_early(ARTICLE_AFTER_HTML))
    assert BODY[0] in tree.find("body").text_content()
    assert_body(clean_html(_closed_early(ARTICLE_AFTER_HTML)))


def test_content_after_html_wrapped_in_its_own_html_and_head():
    """A second document after the first (its own <html>, <head> and <body>): its body's content
    joins the page's body; its head's title is no body text."""
    second = f"<html><head><title>Second head title</title></head><body>{ARTICLE_AFTER_HTML}</body></html>"
    r = clean_html(_closed_early(second))
    assert_body(r)
    assert "Second head title" not in r.text


def test_a_page_with_nothing_after_html_is_parsed_as_before():
    """Negative: a comment after </html> (a cache plugin's) adds nothing, and a well-formed page
    has one root."""
    from cleaner.html.reader import parse

    assert parse(page()).getnext() is None
    assert clean_html(page() + "\n<!-- Cached by a plugin -->").to_dict() == clean_html(page()).to_dict()


def test_trafilaturas_loader_is_used_when_the_parser_cannot_be_built(monkeypatch):
    """Without lxml.html's class table (another lxml version), pages are read with trafilatura's
    own loader, and cleaned the same."""
    from cleaner.html import reader

    expected = clean_html(page())
    monkeypatch.setattr(reader, "_html_parser", lambda: None)
    assert clean_html(page()).to_dict(explain=True) == expected.to_dict(explain=True)


def test_declared_language_forms():
    from cleaner.html import declared_language
    from cleaner.html.reader import parse

    assert declared_language(parse('<html lang="de-AT"><body><p>x</p></body></html>')) == "de"
    assert declared_language(parse('<html><head><meta http-equiv="Content-Language" content="fr">'
                                    '</head><body><p>x</p></body></html>')) == "fr"
    assert declared_language(parse('<html><head><meta property="og:locale" content="es_ES"></head>'
                                    '<body><p>x</p></body></html>')) == "es"
    assert declared_language(parse('<html lang="{{ lang }}"><body><p>x</p></body></html>')) is None


def test_text_mode_has_no_page_metadata():
    from cleaner import clean

    d = clean("The council met on Monday and voted for the plan, the mayor said.", lang="en").to_dict()
    assert d["url"] is None and d["sitename"] is None and d["tags"] == [] and d["page_language"] is None


def test_fallback_to_text_mode_when_the_extraction_finds_nothing(monkeypatch):
    import cleaner.html.extraction

    monkeypatch.setattr(cleaner.html.extraction, "extract_body", lambda tree, options: None)
    r = clean_html(page())
    assert all(p in r.paragraphs for p in BODY)
    assert r.mode == "html"
    assert any("no main content" in n for n in r.notes)
    assert any("text mode" in n for n in r.notes)


def test_empty_output_always_says_why():
    widgets = ("<html><head><title>Newsletter</title></head><body><article>"
               "<p>Share this article</p><p>Subscribe to our newsletter</p>"
               "<p>Comments (3)</p></article></body></html>")
    r = clean_html(widgets)
    assert r.text == ""
    assert any("no article body" in n for n in r.notes)


@pytest.mark.parametrize("html", ["", "   \n", "<html><body></body></html>",
                                  "<html><head><title></title></head><body><p> </p></body></html>"],
                         ids=["empty", "blank", "no-body", "no-visible-text"])
def test_an_empty_page_is_the_same_error_as_an_empty_text(html):
    """One rule (issue 10): a document without text is an error, with clean()'s message."""
    with pytest.raises(cleaner.InputError) as text_error:
        cleaner.clean("")
    with pytest.raises(cleaner.InputError) as html_error:
        clean_html(html)
    assert str(html_error.value) == str(text_error.value) == "empty document: no text to clean"


def test_plain_text_given_as_html_is_cleaned_as_text_and_says_so():
    text = "Share this article\n\n" + "\n\n".join(BODY) + "\n"
    r = clean_html(text)
    assert r.paragraphs == BODY
    assert r.mode == "text"
    assert any("no HTML tags" in n and "as text" in n for n in r.notes)


def test_text_the_parser_cannot_hold_goes_through_text_mode():
    """libxml2 keeps no text nested deeper than it allows: the tags are stripped instead."""
    deep = "<html><body>" + "<div>" * 3000 + f"<p>{BODY[0]}</p>" + "</div>" * 3000 + "</body></html>"
    r = clean_html(deep)
    assert r.text == BODY[0]
    assert any("tags stripped" in n for n in r.notes)


_PARAGRAPHS = [f"Paragraph {i}: the council met on Monday and voted for the new plan after a long debate "
               "about the budget of the town and its schools." for i in range(10)]


@pytest.mark.parametrize("inner", ["", "<div>"], ids=["children", "one-child"])
@pytest.mark.parametrize("widget", ["button", "select", "footer"])
def test_a_widget_left_open_around_the_whole_page_keeps_the_page(widget, inner):
    """Broken markup: a header's menu <button> that is never closed wraps the article, and
    dropping the widget would drop the page. It is unwrapped; a real button is still dropped."""
    body = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    page = (f"<html><head><title>Council votes</title></head><body><header><{widget} class='menu'>{inner}"
            f"<span>Menu</span><span>x</span><nav><a href='/'>Home</a></nav><main><article>"
            f"<h1>Council votes</h1>{body}<button>Send to a friend</button></article></main></body></html>")
    result = clean_html(page)
    assert result.paragraphs == _PARAGRAPHS
    assert "Send to a friend" not in result.text


def test_fragment_is_read_as_a_page():
    r = clean_html(f"<p>{BODY[0]}</p>")
    assert r.text == BODY[0]


def test_not_a_string():
    with pytest.raises(cleaner.InputError):
        clean_html(b"<html></html>")  # type: ignore[arg-type]


def test_deterministic():
    html = page(middle="<figure><figcaption>The bridge at dusk</figcaption></figure>",
                after='<div class="recommendations"><p>Ferry adds winter sailings</p></div>')
    a, b = clean_html(html), clean_html(html)
    assert a.to_dict(explain=True) == b.to_dict(explain=True)


# --- the DOM rules, one per case -----------------------------------------------------------------

#: (line text, hints, tag, expected rule or None): a block judged by DOM_RULES alone.
DOM_CASES = [
    ("The bridge at dusk", {"figcaption", "figure"}, "p", "html.figcaption"),
    ("The bridge at dusk", {"caption"}, "p", "html.figcaption"),
    ("Photo archive", {"figure"}, "p", "html.figcaption"),
    ("Picture: Jane Doe", {"credit"}, "p", "html.credit"),
    ("Send to a friend", {"share"}, "p", "html.share"),
    ("Morning briefing", {"newsletter"}, "h3", "html.newsletter"),
    ("Ferry operator adds winter sailings", {"related"}, "p", "html.related"),
    ("Ferry operator adds winter sailings to the islands, after years of complaints from "
     "residents who could not reach the hospital.", {"related", "link"}, "p", "html.related"),
    ("Write a reply", {"comments"}, "p", "html.comments"),
    ("About the author", {"author"}, "h3", "html.author"),
    # negatives: prose stays in widget containers, "ad" and "aside" are hints without a rule,
    # table rows stay, long figure text is body (a table or an infobox in a figure)
    (BODY[0], {"share"}, "p", None),
    (BODY[0], {"related"}, "p", None),
    (BODY[0], {"figure"}, "p", None),
    ("Anzeige", {"ad"}, "p", None),
    ("Key figures", {"aside"}, "h3", None),
    ("| Share | 12 |", {"share"}, "tr", None),
    (" ".join(BODY * 2), {"figcaption"}, "p", None),
]


@pytest.mark.parametrize("text,hints,tag,rule", DOM_CASES)
def test_dom_rule(text, hints, tag, rule):
    block = Block(index=0, text=text, line=1, para=0, tag=tag, hints=frozenset(hints))
    hit = first_hit(line_features(block, matcher_for(("en",))), DOM_RULES)
    assert (hit.rule if hit else None) == rule
    if hit:
        assert hit.reason and "on the page" in hit.reason


#: class or id value -> evidence concepts
CONCEPT_CASES = [
    ("post-share-bar", {"share"}),
    ("relatedPosts", {"related"}),
    ("c-article__caption", {"caption"}),
    ("wp-caption-text", {"caption"}),
    ("SocialShare", {"share"}),
    ("newsletter-signup", {"newsletter"}),
    ("AuthorBio", {"author"}),
    ("ad-slot", {"ad"}),
    ("comments-area", {"comments"}),
    ("commentary", set()),  # an opinion piece, not comments
    ("shadow header download", set()),  # "ad" only as a whole token
    ("jAdXyz hABuKF", set()),  # CSS-in-JS hashes
    ("entry-content", set()),
]


@pytest.mark.parametrize("value,concepts", CONCEPT_CASES)
def test_concepts_of(value, concepts):
    assert concepts_of(value) == frozenset(concepts)


def test_evidence_matches_whole_text_nodes_only():
    from lxml import html as lxml_html

    tree = lxml_html.fromstring("<html><body><div class='share-tools'><a>Teilen</a></div>"
                                "<p>Bitte mitteilen</p></body></html>")
    ev = collect_evidence(tree)
    assert "share" in ev.lookup("Teilen")
    assert ev.lookup("mitteilen") == frozenset()
    assert ev.lookup("Bitte mitteilen") == frozenset()


def test_config_only_other_categories_keeps_dom_labelled_blocks():
    r = clean_html(page(after='<div class="article-share"><span>Send to a friend</span></div>'),
                   Config(only=frozenset({Category.COOKIE})))
    d = next(d for d in r.decisions if "Send to a friend" in d.block.text)
    assert d.kept and d.final.rule == "html.share"


def test_explain_reports_the_page_blocks_outside_the_body():
    full = page(after='<aside class="related"><ul><li>Council backs new harbour plan</li></ul></aside>').replace(
        "<footer><p>Contact us</p></footer>",
        '<div class="cookie-banner"><p>We use cookies to improve this site.</p></div>'
        '<form class="newsletter-signup"><p>Get the morning briefing</p></form>'
        '<footer><p>Contact us</p><p>© 2025 Example Gazette</p></footer>')
    plain = clean_html(full)
    explained = clean_html(full, page_blocks=True)
    assert explained.text == plain.text  # the body does not change
    outside = {r.text: r.rule for r in explained.removed if r.reason.endswith(")") and "page block" in r.reason}
    assert outside["Home News"] == "html.nav"  # the nearest region: a menu inside the header
    assert outside["We use cookies to improve this site."] == "html.outside_cookie"
    assert outside["Get the morning briefing"] in ("html.form", "html.outside_newsletter")
    assert outside["© 2025 Example Gazette"] == "html.footer"
    lines = [r.line for r in explained.removed if "page block" in r.reason]
    assert lines == sorted(lines)  # in page order
    assert not any("page block" in r.reason for r in plain.removed)
    for body_text in BODY:
        assert body_text not in outside


def test_cli_explain_lists_page_blocks(tmp_path):
    import subprocess
    import sys

    src = tmp_path / "p.html"
    src.write_text(page(), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--explain", str(src)], capture_output=True,
                          text=True, check=True)
    assert "blocks of the page outside the extracted body" in proc.stdout
    assert "html.nav" in proc.stdout


# --- the second opinion on a fast extraction that holds little of the page ---------------------

def _fast_keeps_longest_block_only(monkeypatch) -> list[str]:
    """Make the fast extraction return only its longest block (as it does on pages where it picks
    the wrong container); return the list of extractions asked for."""
    from cleaner.html import extraction as html_extraction

    real, asked = html_extraction.extract_blocks, []

    def extraction(tree, options, evidence):
        blocks = real(tree, options, evidence)
        name = "fast" if options is html_extraction.EXTRACT_OPTIONS else "balanced" \
            if options is html_extraction.BALANCED_OPTIONS else "recall"
        asked.append(name)
        return [max(blocks, key=lambda b: len(b.text))] if name == "fast" and blocks else blocks

    monkeypatch.setattr(html_extraction, "extract_blocks", extraction)
    return asked


def test_fast_extraction_with_little_of_a_long_page_gets_the_balanced_one(monkeypatch):
    # the fast run keeps one long paragraph (over 800 characters) of a page of 9,000: a short
    # share of the page, not a short text
    asked = _fast_keeps_longest_block_only(monkeypatch)
    lede = " ".join([BODY[0]] * 6)
    body = [lede, *BODY[1:]]
    menu = "".join(f"<li><a href='/s{n}'>Section number {n} of the regional site</a></li>" for n in range(200))
    html = (f"<html><body><nav><ul>{menu}</ul></nav><article><h1>{TITLE}</h1>"
            + "".join(f"<p>{p}</p>" for p in body) + "</article></body></html>")
    r = clean_html(html)
    assert asked[:2] == ["fast", "balanced"]
    assert r.paragraphs == body
    assert any("balanced extraction" in n for n in r.notes)


def test_fast_extraction_that_is_most_of_a_short_page_is_kept(monkeypatch):
    asked = _fast_keeps_longest_block_only(monkeypatch)
    short = (f"<html><body><h1>{TITLE}</h1><p>{BODY[0]}</p><p>{BODY[1][:40]}</p></body></html>")
    r = clean_html(short)
    assert asked == ["fast"]
    assert r.paragraphs[0] == BODY[0]


def test_article_inside_a_newsletter_classed_container_stays():
    # a newsletter platform's post: the whole article sits in an element classed "newsletter";
    # a container that holds the extraction is the content, not a box beside it
    items = ["Excellent tooling support out of the box", "High quality documentation",
             "A polished story for background tasks"]
    html = (f"<html><body><div class='newsletter-post'><h1>{TITLE}</h1><p>{BODY[0]}</p><ul>"
            + "".join(f"<li>{i}</li>" for i in items) + f"</ul><p>{BODY[1]}</p></div>"
            "<div class='newsletter-signup'><p>Subscribe to our newsletter</p></div></body></html>")
    r = clean_html(html)
    for text in [BODY[0], *items, BODY[1]]:
        assert any(text in p for p in r.paragraphs), text
    assert "Subscribe to our newsletter" not in r.text


# --- the page's paragraphs when the extraction took a box of the page ---------------------------

def test_an_extraction_of_a_teaser_box_gets_the_pages_paragraphs_in_page_order(monkeypatch):
    """Every extraction returns the related-posts box only (as trafilatura does on some pages):
    the page's paragraphs (trafilatura's baseline) hold far more text, so the two are merged in
    page order and the rules judge the whole."""
    from cleaner.html import extraction as html_extraction
    from cleaner.model import Block

    def teaser_box_only(tree, options, evidence):
        return [Block(index=n, text=f"Ten ways to save water in the garden, part {n}", line=n + 1, para=0,
                      tag="li") for n in range(3)]

    monkeypatch.setattr(html_extraction, "extract_blocks", teaser_box_only)
    teasers = "".join(f"<li><a href='/p{n}'>Ten ways to save water in the garden, part {n}</a></li>" for n in range(3))
    html = (f"<html><body><h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in BODY)
            + f"<aside class='related'><ul>{teasers}</ul></aside></body></html>")
    r = clean_html(html)
    assert r.paragraphs[:len(BODY)] == BODY
    assert any("baseline" in n for n in r.notes)


def _short_json_body_page(extra: str = "") -> str:
    """A page whose JSON-LD articleBody is a one-sentence summary; its paragraphs are the article."""
    json_ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
               '"Article", "articleBody": "A short summary of the council decision on the harbour '
               'bridge, which is to be rebuilt within eighteen months."}</script>')
    return (f"<html><head>{json_ld}</head><body><h1>{TITLE}</h1>"
            + "".join(f"<div class='text'><p>{p}</p></div>" for p in BODY) + f"{extra}</body></html>")


def test_a_short_json_body_does_not_hide_the_pages_paragraphs():
    """The baseline stops at its first source with text: a JSON-LD articleBody that is a summary
    shadows the paragraphs. When it holds no more than the floor, the paragraph elements' text
    is read instead."""
    from cleaner.html.evidence import collect_evidence
    from cleaner.html.extraction import baseline_blocks, chars
    from cleaner.html.reader import parse

    tree = parse(_short_json_body_page())
    evidence = collect_evidence(tree)
    shadowed = baseline_blocks(tree, evidence)  # no floor: the baseline as it is
    assert [b.text for b in shadowed] != BODY and chars(shadowed) < 200
    assert [b.text for b in baseline_blocks(tree, evidence, floor=1000)] == BODY


def test_pages_of_article_elements_keep_the_baseline_as_it_is():
    """Negative: a page with <article> elements (posts, comments) had them read by the baseline;
    their paragraphs are no body to add."""
    from cleaner.html.evidence import collect_evidence
    from cleaner.html.extraction import baseline_blocks
    from cleaner.html.reader import parse

    comment = "<article class='comment'><p>Thanks for the article, we had the same problem in our town.</p></article>"
    tree = parse(_short_json_body_page(extra=comment))
    evidence = collect_evidence(tree)
    assert [b.text for b in baseline_blocks(tree, evidence, floor=1000)] == \
        [b.text for b in baseline_blocks(tree, evidence)]


def test_union_keeps_page_order_and_each_block_once():
    from cleaner.html.evidence import match_key
    from cleaner.html.extraction import union
    from cleaner.model import Block

    def blocks(*texts):
        return [Block(index=i, text=t, line=i + 1, para=i) for i, t in enumerate(texts)]

    page = match_key("Intro text. First paragraph. A list item. Second paragraph. Footer.")
    merged = union(page, blocks("A list item."), blocks("First paragraph.", "A list item.", "Second paragraph."))
    assert [b.text for b in merged] == ["First paragraph.", "A list item.", "Second paragraph."]
    assert [b.line for b in merged] == [1, 2, 3]
    assert len({b.para for b in merged}) == 3  # blocks of different elements stay apart
    # a heading the page also gives in its table of contents lands at its place in the body
    page = match_key("Contents Costs Savings Intro text. Costs The panels cost more. Savings They pay back.")
    merged = union(page, blocks("Intro text."), blocks("Intro text.", "Costs", "The panels cost more.",
                                                      "Savings", "They pay back."))
    assert [b.text for b in merged] == ["Intro text.", "Costs", "The panels cost more.", "Savings",
                                        "They pay back."]


def test_union_keeps_the_lines_the_extraction_repeats():
    """A weekly plan gives 'Rest day' under several days: every copy the first extraction holds
    stays (before, the union kept each text once and the plan lost its rest days); a block of the
    second extraction that the first holds is not added again. German and English."""
    from cleaner.html.evidence import match_key
    from cleaner.html.extraction import union
    from cleaner.model import Block

    def blocks(*texts):
        return [Block(index=i, text=t, line=i + 1, para=i) for i, t in enumerate(texts)]

    for days, rest, extra in ((("Monday", "Tuesday", "Wednesday"), "Rest day", "Run 5 km at an easy pace."),
                              (("Montag", "Dienstag", "Mittwoch"), "Ruhetag", "5 km locker laufen.")):
        plan = [days[0], rest, days[1], extra, days[2], rest]
        page = match_key(" ".join(plan))
        merged = union(page, blocks(*plan), blocks(extra, rest))
        assert [b.text for b in merged] == plan
        assert [b.line for b in merged] == list(range(1, len(plan) + 1))
