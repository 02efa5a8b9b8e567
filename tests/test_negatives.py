"""Negatives: real-looking body text that resembles boilerplate and must stay.

Two kinds of cases, both kept as data:
- NEGATIVE_LINES: (lang, line, what it resembles). The line is cleaned inside a small article
  (helpers.in_body) and must stay in the body, as its own paragraph.
- NEGATIVE_ARTICLES: (name, lang, article, lines that must stay). Each listed input line must stay
  in the body as its own paragraph, and must not appear in `result.removed`.

Cases that fail because of a cleaner bug are listed in KNOWN_BUGS with what goes wrong; they run as
strict xfails, so fixing the bug makes them fail until the mark is removed.
"""
from __future__ import annotations

import pytest

from cleaner import clean
from helpers import LINE, clean_line, norm

NEGATIVE_LINES = [
    # a listed label's words going on as other words, not as its plural
    ("en", "About the authority of the court, the judges disagreed sharply on Tuesday.", "author prefix plural"),
    ("de", "Über den Autorenvertrag wird seit Monaten mit dem Verlag gestritten.", "author prefix plural"),
    # a listed label before a colon, but a term and its explanation (a sentence), or a field name
    ("en", "- Branded content: design photo booths and video stations that give guests something to share.",
     "inline label"),
    ("en", "Related costs: heating and insurance rose by a third over the same period", "inline label"),
    ("de", "- Weitere Artikel: Die Verordnung ändert auch die Paragrafen zur Meldepflicht der Betriebe.",
     "inline label"),
    ("fr", "- Article suivant : le texte prévoit aussi une aide pour les communes touchées par les crues.",
     "inline label"),
    # a label of a word or two ending in a caption marker: where to watch, not a photo credit
    ("en", "Where to watch: Netflix", "caption credit after a marker"),
    ("en", "How to watch: BBC One", "caption credit after a marker"),
    ("fr", "Revoir en vidéo: France 2", "caption credit after a marker"),
    # sentences that open like a donation appeal
    ("en", "Donate now or the shelter will close by spring, its director warned on Monday.", "subscription prefix"),
    ("fr", "Faire un don de sang reste un geste simple qui sauve des vies, rappelle l'établissement.", "subscription prefix"),
    ("es", "Dona ahora el ayuntamiento parte de sus terrenos a la fundación, según el acuerdo firmado ayer.",
     "subscription prefix"),
    ("de", "Jetzt spenden viele Unternehmen lieber an lokale Vereine, zeigt eine Umfrage der Kammer.", "subscription prefix"),
    # a word that opens like a caption label, then an ellipsis: not the label
    ("en", "Photography… that was her first love, the painter told the audience on Friday.", "caption label ellipsis"),
    ("de", "Bildung… das sei der Schlüssel zu allem, sagte die Ministerin am Abend.", "caption label ellipsis"),
    # numbered headings and size choices with a slash after a full stop: no caption's credit
    ("en", "13. Period-Calculator/Birth-Control App", "caption trailing slash credit"),
    ("en", "Available in six colours and half sizes. Men’s / Women’s", "caption trailing slash credit"),
    ("de", "4. Entwurf/Planung", "caption trailing slash credit"),
    ("fr", "2. Préparation/Cuisson", "caption trailing slash credit"),
    # sentences about a figure, and headings with a year: a figure noun and a number without
    # the label's separator
    ("en", "Figure 3 shows that the rate rose sharply after 2020, the authors noted.", "caption figure label"),
    ("en", "Photo 2020: the year the city reopened its harbour to ferries.", "caption figure label"),
    ("de", "Abbildung 2 zeigt, wie stark die Pegel im März gestiegen sind.", "caption figure label"),
    ("fr", "La figure 3 montre une hausse nette du chômage depuis 2010.", "caption figure label"),
    ("es", "La foto 2 del reportaje muestra el puerto antes de la tormenta.", "caption figure label"),
    # prose sentences that open (or contain) a prompt's or label's phrase: a clause reads on,
    # the sentence ends, nothing in it speaks to the reader
    ("en", "Advertisement spending by British companies also recovered, the Advertising Association said.", "ad prefix"),
    ("en", "Share this view? Many Democratic strategists do not.", "share prefix"),
    ("en", "Sign up fees for the scheme will be waived until April, the minister said.", "subscription prefix"),
    ("en", "More from the summit: leaders also agreed to extend sanctions.", "teaser prefix"),
    ("en", "New customers who sign up for the scheme before March will pay no fee, the bank said.", "subscription contains"),
    ("en", "Leave a comment was the only instruction on the card found beside the body, police said.", "comments prefix"),
    ("en", "Affiliate programs pay streamers a commission when viewers buy games or gear through affiliate links.", "ad contains"),
    ("en", "To measure the outcomes of these partnerships, brands implement affiliate links and exclusive discount codes.", "ad contains"),
    ("de", "Mehr zum Thema Streik hat die Gewerkschaft auf ihrer Website veröffentlicht.", "teaser prefix"),
    ("de", "Lesen Sie auch die Erklärung des Bahnvorstands, sagte ein Sprecher.", "teaser prefix"),
    ("de", "Newsletter verschickt die Behörde nach eigenen Angaben seit diesem Jahr nicht mehr an alle Haushalte.", "subscription word"),
    ("de", "Laut dem Newsletter der Stadtwerke steigen die Preise für Fernwärme im Januar um sieben Prozent.",
     "subscription word in a sentence about someone else's newsletter"),
    ("de", "Die Ministerin kündigte im Newsletter ihres Hauses an, die Förderrichtlinie bis zum Sommer zu überarbeiten, "
           "und verwies auf die laufenden Gespräche mit den Ländern und den kommunalen Spitzenverbänden.",
     "subscription word in a long sentence"),
    ("es", "Lee también el informe del Banco de España, recomendó la ministra.", "teaser prefix"),
    ("es", "Suscribirse a la prensa local cuesta ahora el doble que hace cinco años, según el estudio.", "subscription prefix"),
    ("fr", "Lire aussi les témoignages recueillis par la commission aurait suffi, a estimé le rapporteur.", "teaser prefix"),
    ("fr", "S'abonner au service de vélos coûtera dix euros de plus par an à partir de janvier, selon la mairie.", "subscription prefix"),
    # body sentences in the other languages with phrase lists, each using a word those lists know
    ("de", "Die Kommentare des Ministers sorgten im Landtag für erhebliche Aufregung.", "comments word"),
    ("de", "„Du musst angemeldet sein, sonst darfst du nicht mitspielen“, sagte der Trainer den Jugendlichen.", "comments prefix"),
    ("de", "Von den Plänen erfuhren die Anwohner erst aus der Zeitung.", "byline word 'Von'"),
    ("de", "Weitere Einzelheiten will die Polizei am Montag bekanntgeben.", "'Weitere' opens teaser labels"),
    ("es", "Por la tarde, los vecinos se concentraron frente al ayuntamiento para protestar.", "byline word 'Por'"),
    ("es", "Compartir el coche sigue siendo poco habitual entre los trabajadores del polígono.", "share word"),
    ("it", "Leggi e regolamenti regionali non prevedono ancora sanzioni per questi casi.", "'Leggi' opens teasers"),
    ("pt", "Partilhar a casa com estudantes tornou-se comum entre os reformados da cidade.", "share word"),
    ("nl", "Lees de brief van de minister en u begrijpt waarom de oppositie boos is, zei de wethouder.", "'Lees' opens teasers"),
    ("pl", "Czytaj uważnie umowy, apelował rzecznik konsumentów podczas konferencji prasowej.", "'Czytaj' opens teasers"),
    ("sv", "Dela ut matkassar är nu en del av föreningens vardag, berättar ordföranden.", "share word 'Dela'"),
    ("da", "Del af vejen bliver spærret i tre uger, mens kloakken bliver udskiftet.", "share word 'Del'"),
    # data tables rendered as text: their first cell is filled, or their cells hold content
    ("en", "| Docker Desktop for Windows |  |  |", "a table row with empty cells"),
    ("de", "|  | Auskunft: Reiseinformationen erhalten Sie beim Fremdenverkehrsamt in Frankfurt am Main, auch für Österreich und die Schweiz |  |",
     "a layout row, but its cell holds a long piece of content"),
    # short quoted sentences
    ("en", '"We will not back down," she said.', "a short line"),
    ("fr", "« Nous ne céderons pas », a-t-elle lancé.", "a short line"),
    ("fr", "Merci.", "a sign-up form message ('merci'), but no subscription prompt is near"),
    # sentences that mention a newsletter, a photo, sharing, comments
    ("en", "The mayor announced the decision in the council's weekly newsletter, which is delivered "
           "to around forty thousand households across the district.", "subscription ('newsletter')"),
    ("en", "She first read about the closure in the parish newsletter.", "subscription ('newsletter')"),
    ("fr", "La mairie a détaillé le projet dans la newsletter envoyée chaque mois à ses quarante mille "
           "abonnés, a précisé son cabinet mardi.", "subscription ('la newsletter')"),
    ("en", "A photo of the damaged bridge circulated widely on social media on Sunday evening.",
     "caption ('photo')"),
    ("en", "Photos taken by residents show water reaching the first floor of several houses.",
     "caption ('photos')"),
    ("fr", "Une photo du pont endommagé a largement circulé sur les réseaux sociaux dimanche soir.",
     "caption ('photo')"),
    ("en", "Shares in the company fell twelve per cent on Tuesday after a profit warning.", "share ('shares')"),
    ("fr", "Partager les richesses, c'est le cœur de notre programme, a martelé la candidate.",
     "share ('partager')"),
    ("en", "Comments from residents were overwhelmingly negative, the report found.", "comments ('comments')"),
    ("fr", "Comment la ville a-t-elle financé le projet ?", "comments ('comment')"),
    ("fr", "Commentaires et critiques ont afflué après la publication du rapport.", "comments ('commentaires')"),
    # sentences that open with a widget or menu word
    ("en", "Subscribers to the streaming service were told on Monday that prices would rise.",
     "subscription ('subscribe')"),
    ("en", "Sign-ups for the scheme have doubled since January, officials said.", "subscription ('sign up')"),
    ("en", "Like many coastal towns, Whitby depends on summer visitors.", "share ('like')"),
    ("en", "Top officials met on Friday to discuss the plan.", "caption ('top:')"),
    ("en", "Follow the money, the detective told jurors.", "navigation ('follow')"),
    ("en", "Home owners in the valley have been told to prepare for further flooding.", "navigation ('home')"),
    ("fr", "Accueil chaleureux pour la délégation japonaise, reçue mardi en mairie.", "navigation ('accueil')"),
    ("fr", "À lire le rapport, on comprend que la mairie connaissait le problème depuis 2019.",
     "teaser ('à lire')"),
    ("fr", "Il vous reste trois jours pour déposer votre dossier, rappelle la préfecture.",
     "subscription ('il vous reste', a paywall counter)"),
    ("en", "By continuing to use coal, the plant will miss its 2030 emissions target, the report said.",
     "cookie ('by continuing to use')"),
    ("en", "You can reach the island only by ferry during the winter months.", "author ('you can reach')"),
    # sentences with a date, a source in parentheses, an enumeration
    ("en", "On March 3, 2024, the council approved the budget by a single vote.", "metadata (a date)"),
    ("fr", "Le 14 juillet 2023, la mairie a tiré son dernier feu d'artifice.", "metadata (a date)"),
    ("fr", "Le taux de participation a atteint 64 %, un record depuis 1998 (sondage Ifop / Fiducial).",
     "caption (a credit in parentheses)"),
    ("en", "The new law bans (a) resale, (b) export and (c) storage of the devices.",
     "caption ('(c)' read as a copyright sign)"),
    ("en", "SELECT a, b, sum(c) FROM tab1 GROUP BY a;", "caption ('(c)' glued to a word, in code)"),
    # text decoded with the wrong charset: the last byte of "é" or "⟩" reads as "©"
    ("fr", "Le CafÃ© de Flore rouvre ses portes lundi.", "caption ('Ã©', a mis-decoded 'é')"),
    ("pt", "A seleÃ§Ã£o chegou ontem ao estÃ¡dio, disse o tÃ©cnico.", "caption ('Ã©', a mis-decoded 'é')"),
    ("en", "A complete manual âŸ¨https://www.example.org/manual/âŸ© is available.",
     "caption ('âŸ©', a mis-decoded '⟩')"),
    ("en", "Email bug reports to the bug-reporting address â¨bugs@example.orgâ©.",
     "caption ('â©', a mis-decoded '⟩' without its middle byte)"),
    # commands, paths and short phrases with slashes: no credit joins names with them
    ("en", "sudo mkdir /mnt/root_backup", "caption credit line (a path)"),
    ("en", "require example.com/theirmodule v1.3.4", "caption credit line (a domain with a path)"),
    ("en", "Shutdown/reboot takes terribly long", "caption credit line (words joined by a slash)"),
    ("de", "Neustart/Herunterfahren dauert ewig lange", "caption credit line (words joined by a slash)"),
    ("fr", "Arrêt/redémarrage beaucoup trop lent", "caption credit line (words joined by a slash)"),
    # a sentence that opens like a comment-section heading, without the post's title in quotes
    ("en", "3 responses to the survey were positive, the council said.", "comments heading pattern"),
    ("en", "12 comments on the draft rules came from farmers", "comments heading pattern"),
    ("de", "3 Kommentare zu dem Entwurf kamen von Landwirten", "comments heading pattern"),
    ("fr", "12 réponses au questionnaire venaient d'agriculteurs", "comments heading pattern"),
    # items of a packing list: a phrase in sentence case on one side of the slash is no name
    ("en", "Waterproof map bag / Ziploc", "caption credit line (a list item)"),
    ("en", "Sleeping bag / backpacking quilt", "caption credit line (a list item)"),
    ("de", "Schlafsack mit Kapuze / Decke", "caption credit line (a list item)"),
    ("fr", "Sac de couchage / couverture légère", "caption credit line (a list item)"),
    # a slash beside a letter alone or a word with a digit or an underscore joins no names
    ("en", "c/o Special Investigations Unit", "caption credit line (c/o)"),
    ("en", "EU Price w/IR VAT", "caption credit line (w/ for with)"),
    ("en", "NetBSD/sun2 on the Sun-2", "caption credit line (a port name)"),
    ("en", "nano caddy_config/Caddyfile", "caption credit line (a file path)"),
    ("de", "Preis inkl. MwSt. u/o Versand", "caption credit line (u/o)"),
    ("fr", "Version Linux/x86_64 du Logiciel", "caption credit line (an architecture)"),
    # a list item glossed in parentheses, with a slash between capitalised words
    ("en", "- Cg (High-Level Shader/Shading Language)", "caption credit in parentheses"),
    ("fr", "- Pôle Nord (Arctique / Groenland)", "caption credit in parentheses"),
]

SHORT_FIRST_PARAGRAPH_EN = """\
The strike is over.

After eleven days of walkouts, bus drivers in Bristol voted by a large majority on Tuesday to accept a revised pay offer from the operator.

Full timetables will return on Monday, the company said, although some rural routes may take longer to restore.
"""

SHORT_FIRST_PARAGRAPH_FR = """\
La grève est terminée.

Après onze jours de mobilisation, les conducteurs de bus de Rennes ont accepté mardi à une large majorité la nouvelle proposition salariale de l'exploitant.

Les horaires complets reprendront dès lundi, selon la société, même si certaines lignes rurales pourraient mettre plus de temps à être rétablies.
"""

SUBHEADINGS_EN = """\
After eleven days of walkouts, bus drivers in Bristol voted by a large majority on Tuesday to accept a revised pay offer from the operator.

What changes for passengers

Full timetables will return on Monday, the company said, although some rural routes may take longer to restore because of driver shortages.

A fragile truce

The union warned that it could call new strikes in the spring if the promised recruitment of drivers does not happen.
"""

SUBHEADINGS_FR = """\
Après onze jours de mobilisation, les conducteurs de bus de Rennes ont accepté mardi à une large majorité la nouvelle proposition salariale de l'exploitant.

Ce qui change pour les usagers

Les horaires complets reprendront dès lundi, selon la société, même si certaines lignes rurales pourraient mettre plus de temps à être rétablies.

Une trêve fragile

Le syndicat prévient qu'il pourrait appeler à de nouvelles grèves au printemps si les recrutements promis ne sont pas au rendez-vous.
"""

COLON_LIST_EN = """\
After eleven days of walkouts, bus drivers in Bristol voted by a large majority on Tuesday to accept a revised pay offer from the operator.
The deal has three parts:
- Recruiting forty new drivers before the winter timetable begins
- Reopening the depot in Avonmouth that closed last spring
- Reviewing shift patterns with the union every three months
The union said it would monitor the deal closely.
"""

COLON_LIST_FR = """\
Après onze jours de mobilisation, les conducteurs de bus de Rennes ont accepté mardi la nouvelle proposition salariale de l'exploitant.

L'accord prévoit notamment :
- Recruter quarante nouveaux conducteurs avant la rentrée de septembre
- Rouvrir le dépôt de Cesson-Sévigné fermé au printemps dernier
- Revoir l'organisation des horaires avec les syndicats chaque trimestre

Le syndicat a promis de rester vigilant.
"""

HEADING_LIST_FR = """\
Après onze jours de mobilisation, les conducteurs de bus de Rennes ont accepté mardi la nouvelle proposition salariale de l'exploitant.

Les priorités pour l'année à venir
- Recruter quarante nouveaux conducteurs avant la rentrée de septembre
- Rouvrir le dépôt de Cesson-Sévigné fermé au printemps dernier

Le syndicat a promis de rester vigilant.
"""

SHORT_BULLETS_AFTER_SENTENCE_EN = """\
The new tram line, approved by the combined authority on Wednesday, will be the largest transport project in the region for a generation.
- Fourteen kilometres of track
- Twenty-two new stops
- Opening in spring 2029
Construction is due to start next summer, once the final funding agreement with the government has been signed.
"""

COLON_LIST_OWN_PARAGRAPH_EN = """\
After eleven days of walkouts, bus drivers in Bristol voted by a large majority on Tuesday to accept a revised pay offer from the operator.

The agreement sets out three priorities for the coming year:
- Recruiting forty new drivers before the winter timetable begins
- Reopening the depot in Avonmouth that closed last spring
- Reviewing shift patterns with the union every three months

The union said it would monitor the deal closely.
"""

SHARE_BAR_MID_ARTICLE_EN = """\
The city's only maternity unit will close its doors at the end of the month, health officials confirmed on Wednesday afternoon.

Share this article

Comments (12)

Women due to give birth after the closure will be referred to the hospital in Hexham, a forty-minute drive away for most families.

Campaigners have vowed to challenge the decision in court, arguing that the public consultation ignored the views of local midwives.
"""

NEWSLETTER_BOX_MID_ARTICLE_EN = """\
The city's only maternity unit will close its doors at the end of the month, health officials confirmed on Wednesday afternoon.

Get our free morning newsletter

Sign up

What happens to expectant mothers

Women due to give birth after the closure will be referred to the hospital in Hexham, a forty-minute drive away for most families.

A fight that is not over

Campaigners have vowed to challenge the decision in court, arguing that the public consultation ignored the views of local midwives.
"""

BODY_AFTER_LEAD_IN_LIST_FR = """\
Le port de Saint-Malo a confirmé vendredi que les travaux de réparation de la digue commenceraient en mars et dureraient environ dix-huit mois.

Lire aussi

Tempête Ciarán : les communes du littoral comptent encore les dégâts

Les ingénieurs estiment que l'ouvrage, fragilisé par des décennies d'érosion, devra être reconstruit plutôt que simplement consolidé.
"""

SUBHEADING_AFTER_LEAD_IN_LIST_FR = """\
Le port de Saint-Malo a confirmé vendredi que les travaux de réparation de la digue commenceraient en mars et dureraient environ dix-huit mois.

Lire aussi

Tempête Ciarán : les communes du littoral comptent encore les dégâts

Une facture salée pour la ville

Les ingénieurs estiment que l'ouvrage, fragilisé par des décennies d'érosion, devra être reconstruit plutôt que simplement consolidé.

Le chantier coûtera au moins six millions d'euros, dont la moitié sera prise en charge par l'État et la région Bretagne.
"""

SUBHEADING_AFTER_CAPTION_EN = """\
The harbour authority confirmed on Friday that repairs to the sea wall would begin in March and last around eighteen months.

Photo: workers inspect the damaged section of the sea wall after the January storms

What Happens Next

Engineers say the wall has been weakened by decades of erosion and will need to be rebuilt rather than patched, at a cost of several million pounds.

The authority will publish a detailed timetable for the works at a public meeting in the town hall next month.
"""

BULLETS_AFTER_QUESTION_EN = """\
The new pricing applies from January, the company said in a note to customers on Tuesday evening.
Which jobs are affected by this change?
- Jobs that run in Private Repositories on Standard Hosted Runners
- Any Jobs running on Larger Hosted Runners
Public repositories remain free, and the enterprise server is not affected by the change.
"""

BULLETS_AFTER_QUESTION_DE = """\
Die neuen Tarife gelten ab Januar, teilte der Verkehrsverbund am Dienstag in Kassel mit.
Welche Strecken sind von der Änderung betroffen?
- Linien im Kasseler Stadtgebiet und im Landkreis Waldeck
- Alle Verbindungen der Regionalbahn nach Göttingen
Für Schüler und Auszubildende ändert sich zunächst nichts, hieß es weiter.
"""

#: A directory in the body: each entry's city line repeats with another postcode, and its
#: opening hours follow it; a field whose figures change is no section label.
DIRECTORY_DE = """\
Die Stadt hat ihr Beratungsangebot für Mieterinnen und Mieter erweitert: Drei neue Stellen helfen seit dieser Woche bei Fragen zu Nebenkosten, Mieterhöhungen und Kündigungen.
Die Beratung ist kostenlos und ohne Termin möglich, teilte das Bezirksamt mit. Die Adressen und Sprechzeiten:
Beratungsstelle Nord
Hauptstraße 12
10115 Berlin
Montag bis Freitag von 9 bis 17 Uhr
Beratungsstelle Süd
Bahnhofstraße 4
12043 Berlin
Dienstag und Donnerstag von 10 bis 14 Uhr
Beratungsstelle Ost
Frankfurter Allee 80
10247 Berlin
Mittwoch von 12 bis 18 Uhr geöffnet
Der Mieterverein begrüßt die neuen Stellen, fordert aber, das Angebot auch auf die Außenbezirke auszudehnen, wo die Wege zu den Ämtern weit sind.
Nach Angaben des Bezirksamts wurden im vergangenen Jahr mehr als viertausend Anfragen gezählt, fast doppelt so viele wie noch vor fünf Jahren, vor allem zu gestiegenen Heizkosten.
"""

#: The same shape in English: each entry's price line repeats with another figure.
TOUR_EN = """\
The band will return to the road in the spring for its first tour in six years, its label announced on Monday, with shows in three cities so far.
Tickets go on sale on Friday morning. The dates announced so far:
Tickets from £45
Albert Hall in central Manchester
Saturday and Sunday from 7.30 pm
Tickets from £38
Barrowland Ballroom in the East End of Glasgow
Wednesday from 8 pm with support acts
Tickets from £52
First Direct Arena in the centre of Leeds
Thursday to Saturday from 7 pm
More dates in Europe are expected to follow in the summer, the label said, once the band has finished recording its new album.
The tour will be the band's first since its drummer left in 2020, and the label said a new drummer would be named before the first show in Manchester.
"""


#: (name, lang, article, input lines that must stay, each as its own paragraph)
NEGATIVE_ARTICLES = [
    ("short_first_paragraph", "en", SHORT_FIRST_PARAGRAPH_EN, [1, 3, 5]),
    ("short_first_paragraph", "fr", SHORT_FIRST_PARAGRAPH_FR, [1, 3, 5]),
    ("subheadings_in_body", "en", SUBHEADINGS_EN, [1, 3, 5, 7, 9]),
    ("subheadings_in_body", "fr", SUBHEADINGS_FR, [1, 3, 5, 7, 9]),
    ("bullets_after_colon_line", "en", COLON_LIST_EN, [1, 2, 3, 4, 5, 6]),
    ("bullets_after_colon_line", "fr", COLON_LIST_FR, [1, 3, 4, 5, 6, 8]),
    ("bullets_after_heading", "fr", HEADING_LIST_FR, [1, 3, 4, 5, 7]),
    ("short_bullets_after_sentence", "en", SHORT_BULLETS_AFTER_SENTENCE_EN, [1, 2, 3, 4, 5]),
    ("bullets_after_colon_line_own_paragraph", "en", COLON_LIST_OWN_PARAGRAPH_EN, [1, 3, 4, 5, 6, 8]),
    ("body_after_share_bar_mid_article", "en", SHARE_BAR_MID_ARTICLE_EN, [1, 7, 9]),
    ("body_after_newsletter_box_mid_article", "en", NEWSLETTER_BOX_MID_ARTICLE_EN, [1, 7, 9, 11, 13]),
    ("last_paragraph_after_lead_in_list", "fr", BODY_AFTER_LEAD_IN_LIST_FR, [1, 7]),
    ("subheading_after_lead_in_list", "fr", SUBHEADING_AFTER_LEAD_IN_LIST_FR, [1, 7, 9, 11]),
    ("title_case_subheading_after_caption", "en", SUBHEADING_AFTER_CAPTION_EN, [1, 5, 7, 9]),
    ("bullets_after_question", "en", BULLETS_AFTER_QUESTION_EN, [1, 2, 3, 4, 5]),
    ("bullets_after_question", "de", BULLETS_AFTER_QUESTION_DE, [1, 2, 3, 4, 5]),
    ("directory_with_postcodes", "de", DIRECTORY_DE, list(range(1, 17))),
    ("tour_dates_with_counts", "en", TOUR_EN, list(range(1, 14))),
]

#: Case (line text, or article name-lang) -> the cleaner bug that makes it fail.
KNOWN_BUGS: dict[str, str] = {}


def _xfail(key: str) -> list:
    bug = KNOWN_BUGS.get(key)
    return [pytest.mark.xfail(strict=True, reason=bug)] if bug else []


def _line_params():
    for lang, line, looks_like in NEGATIVE_LINES:
        short = norm(line)
        yield pytest.param(lang, line, looks_like, marks=_xfail(line),
                           id=f"{lang}-{short if len(short) <= 40 else short[:40] + '...'}")


def _article_params():
    for name, lang, article, keep in NEGATIVE_ARTICLES:
        yield pytest.param(article, lang, keep, marks=_xfail(f"{name}-{lang}"), id=f"{name}-{lang}")


@pytest.mark.parametrize(("lang", "line", "looks_like"), list(_line_params()))
def test_body_line_that_looks_like_boilerplate_stays(lang, line, looks_like):
    result, decision = clean_line(line, lang)
    assert decision.kept, (f"removed as {decision.final.rule} ({decision.final.reason}); "
                           f"it only resembles {looks_like}")
    assert LINE not in {r.line for r in result.removed}
    assert norm(line) in [norm(p) for p in result.paragraphs]


@pytest.mark.parametrize(("article", "lang", "keep"), list(_article_params()))
def test_body_structure_that_looks_like_boilerplate_stays(article, lang, keep):
    result = clean(article, lang=lang)
    lines = article.split("\n")
    removed = {r.line: r for r in result.removed}
    paragraphs = [norm(p) for p in result.paragraphs]
    for n in keep:
        text = lines[n - 1]
        assert text.strip(), f"line {n} of the case is blank"
        assert n not in removed, f"line {n} removed by {removed[n].rule}: {removed[n].reason}"
        assert norm(text) in paragraphs, f"line {n} is not its own paragraph in the body: {text!r}"


def test_known_bugs_all_refer_to_cases():
    keys = {line for _, line, _ in NEGATIVE_LINES} | {f"{name}-{lang}" for name, lang, _, _ in NEGATIVE_ARTICLES}
    assert set(KNOWN_BUGS) <= keys
