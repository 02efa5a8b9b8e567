"""One case (at least) per context heuristic, in English and French, on small invented articles.

Each case is (heuristic, lang, article, expected removals). The expected removals map the input
line of every removed block to its (rule, category); every other line must stay in the body.
"""
from __future__ import annotations

import pytest

from cleaner import Category, clean
from cleaner.context import HEURISTICS
from helpers import norm

C = Category

TITLE_EN = """\
Flood defences tested as the River Ouse reaches a record height

Water levels in York rose above five metres overnight, the Environment Agency said, as emergency crews reinforced the barriers along the riverside.

Several streets near the city centre were closed on Saturday morning and around forty homes were evacuated as a precaution.
"""

TITLE_REPEAT_FR = """\
Grève à la SNCF : le trafic sera très perturbé ce week-end

Grève à la SNCF : le trafic sera très perturbé ce week-end

Les syndicats de cheminots ont confirmé mercredi un préavis de grève de trois jours, qui devrait fortement perturber les départs en vacances.

La direction prévoit un TGV sur deux en moyenne et appelle les voyageurs à reporter leurs déplacements.
"""

FORM_STATUS_FR = """\
Le préfet a annoncé la levée des restrictions d'eau dans l'ensemble du département après les fortes pluies de la semaine dernière.

Recevez notre newsletter locale chaque matin

Une erreur est survenue

Les agriculteurs saluent une décision attendue depuis plusieurs semaines, même si les nappes phréatiques restent en dessous des normales saisonnières.
"""

FORM_STATUS_EN = """\
The library service will reopen its three branches on Saturday after a six-week closure for repairs to the heating system.

Sign up for our weekly community newsletter

Something went wrong. Please try again

Opening hours will be extended on weekday evenings until the end of the year, the council said in a statement.
"""

BULLET_RUN_EN = """\
The new timetable comes into force on Monday and adds late-evening services on the busiest commuter routes into the city.
- Rail fares to rise by five per cent from January next year
- Why the northern rail upgrade has been delayed again and again
Operators say the changes were shaped by a public consultation that drew more than twelve thousand responses last autumn.
"""

BULLET_RUN_FR = """\
La métropole a présenté mardi son nouveau plan vélo, qui prévoit cent kilomètres de pistes supplémentaires d'ici à la fin du mandat.
- Pourquoi les ventes de vélos électriques ralentissent en France
- À Strasbourg, les cyclistes réclament plus de stationnements sécurisés
Les associations d'usagers jugent le calendrier trop lent mais saluent un budget en nette hausse par rapport au précédent plan.
"""

TRAILING_EN = """\
The harbour authority confirmed on Friday that repairs to the sea wall would begin in March and last around eighteen months.

Share this article

Comments

Why our coastal towns are losing their young people

Young families are leaving seaside towns at a faster rate than anywhere else in the country, new figures suggest, as house prices and a lack of

Helen Marsh

Inside the race to save Britain's last working lighthouses

Only a handful of lighthouses still have keepers, and the trusts that run them say the cost of repairs is climbing every single year while

Newsdesk
"""

TRAILING_FR = """\
La région a validé jeudi le financement de la nouvelle ligne de car express entre Vannes et Rennes, qui doit ouvrir à la rentrée prochaine.

Partager l'article

Laisser un commentaire

Le covoiturage progresse enfin dans les zones rurales du Morbihan

Longtemps marginal, le covoiturage domicile-travail gagne du terrain dans les communes éloignées des grands axes, portée par les aides de la région et par

Service Économie
"""

CREDIT_EN = """\
The harbour authority confirmed on Friday that repairs to the sea wall would begin in March and last around eighteen months.

Photo: workers inspect the damaged section of the sea wall after the January storms

Helen Marsh

Engineers say the wall has been weakened by decades of erosion and will need to be rebuilt rather than patched, at a cost of several million pounds.
"""

CREDIT_FR = """\
Le port de Saint-Malo a confirmé vendredi que les travaux de réparation de la digue commenceraient en mars et dureraient environ dix-huit mois.

Photo : des ouvriers inspectent la partie endommagée de la digue après les tempêtes de janvier

Marc Durand / Studio Nord

Les ingénieurs estiment que l'ouvrage, fragilisé par des décennies d'érosion, devra être reconstruit plutôt que simplement consolidé.
"""

AFTER_LEAD_IN_FR = """\
Le port de Saint-Malo a confirmé vendredi que les travaux de réparation de la digue commenceraient en mars et dureraient environ dix-huit mois.

Lire aussi

Tempête Ciarán : les communes du littoral comptent encore les dégâts

Digues, dunes, falaises : le trait de côte recule plus vite que prévu

Les ingénieurs estiment que l'ouvrage, fragilisé par des décennies d'érosion, devra être reconstruit plutôt que simplement consolidé.

Le chantier coûtera au moins six millions d'euros, dont la moitié sera prise en charge par l'État et la région Bretagne.
"""

AFTER_LEAD_IN_EN = """\
The county council voted on Thursday to close two of its four recycling centres, citing a budget gap of nearly four million pounds.

Related:

Bin collections to move to every three weeks from April

Residents will be able to use the remaining sites for longer hours from next spring, a spokesperson for the authority confirmed.

Opposition councillors said they would ask for the decision to be reviewed at the next full meeting.
"""

TAIL_RUN_EN = """\
The harbour authority confirmed on Friday that repairs to the sea wall would begin in March and last around eighteen months.

Engineers say the wall has been weakened by decades of erosion and will need to be rebuilt rather than patched, at a cost of several million pounds.

Storm damage bill for coastal councils passes fifty million

How rising seas are redrawing the map of the Norfolk coast

Fishing fleet hopes for a better season after two lean years
"""

TAIL_RUN_FR = """\
La région a validé jeudi le financement de la nouvelle ligne de car express entre Vannes et Rennes, qui doit ouvrir à la rentrée prochaine.

Le service proposera un départ toutes les demi-heures aux heures de pointe, pour un billet au même prix que le train régional.

Le covoiturage progresse enfin dans les zones rurales du Morbihan

Pourquoi les petites lignes ferroviaires bretonnes restent menacées

Transports scolaires : la pénurie de conducteurs inquiète les familles
"""

FULL_PAGE_EN = """\
Home
News
Sport
Weather
Local elections

The island ferry will run twice a day throughout the winter for the first time in a decade, the operator announced on Wednesday, after a campaign by residents.

Islanders had complained for years that a single daily crossing left them unable to reach hospital appointments on the mainland and return the same day.

A lifeline for businesses

Shopkeepers on the larger island said the extra sailing would make deliveries more reliable and help them stay open through the quieter months.

Contact us
Privacy policy
Accessibility statement
"""

FULL_PAGE_FR = """\
Accueil
Actualités
Sports
Météo
Élections municipales

Le bac de l'île d'Yeu assurera deux rotations quotidiennes tout l'hiver, une première depuis dix ans, a annoncé mercredi la compagnie après une longue mobilisation des habitants.

Les insulaires se plaignaient depuis des années qu'une seule traversée par jour les empêchait de se rendre à un rendez-vous médical sur le continent et de rentrer le soir même.

Un soulagement pour les commerçants

Les commerçants de l'île estiment que cette rotation supplémentaire rendra les livraisons plus fiables et les aidera à rester ouverts pendant les mois creux.

Nous contacter
Mentions légales
Plan d'accès au port
"""

BYLINE_EN = """\
Council backs a second daily ferry to the islands

By Sarah Jenkins, Environment Correspondent

The island ferry will run twice a day throughout the winter for the first time in a decade, the operator announced on Wednesday.

By Monday the council had agreed to fund the extra crossing for three years, officials said.

Reporting by Sarah Jenkins; Editing by John Smith
"""

BYLINE_DE = """\
Die Fähre fährt im Winter zweimal am Tag

Von Martin Keller und Anna Schmidt, NDR

Die Fähre zur Insel fährt in diesem Winter zum ersten Mal seit zehn Jahren zweimal am Tag, teilte die Reederei mit.

Von Berlin aus fährt der Zug künftig stündlich an die Küste, sagte ein Sprecher der Bahn.
"""

EVENTS_EN = """\
The biggest technology fairs of the coming year

The consumer electronics show opens the year in Las Vegas, with more than four thousand exhibitors expected.

Date: January 6-9, 2026

The mobile industry meets in Barcelona for four days of launches, talks and deals between operators.

Date: March 2-5, 2026

The largest industrial fair in Europe fills the halls of Hanover with robots, machines and software.

Date: April 20-24, 2026
"""

#: "Release date:" under each game of a store listing (a date line each), and values that differ
#: only in their digits.
RELEASES_EN = """\
The studio's back catalogue is on sale this week, with discounts of up to seventy per cent on its older titles and bundles.

Harbour Lights is a slow puzzle game about keeping a lighthouse running through a long northern winter.

Release date: Mar 5, 2024

Iron Orchard mixes farming and tower defence on a floating island that grows with every harvest you bring in.

Release date: Mar 20, 2025

Night Ferry is a narrative game set on the last boat of the evening between two cities at war with each other.

Release date: Mar 2, 2026
"""

ERSCHEINUNG_DE = """\
Der Verlag bringt in diesem Frühjahr drei neue Sachbücher heraus, die sich alle mit der Geschichte der Stadt beschäftigen.

Der erste Band erzählt die Geschichte des Hafens von den ersten Kaufleuten bis zum Bau der großen Werften.

Datum: 5. März 2026

Der zweite Band folgt den Straßenbahnen der Stadt, von den Pferdebahnen bis zu den modernen Niederflurwagen.

Datum: 23. März 2026

Der dritte Band stellt die Brücken der Stadt vor und erzählt, wer sie gebaut hat und warum.

Datum: 2. April 2026
"""

DATELINE_EN = """\
The council met on Monday and voted for the new harbour plan after a long debate about the town's budget.

Date: 5 March 2025

The work on the harbour starts in spring and should be finished before the end of next year, the mayor said.
"""

# A table of '|'-separated cells with a date in each row is a schedule or a results table: its
# rows stay. A dateline of segments alone ("5 March 2025 | 4 min read") still goes.
TABLE_ROWS_EN = """\
The council met on Monday and voted for the new harbour plan after a long debate about the town's budget.

| 5 March 2025 | Harbour wall | Repairs begin |

| 12 March 2025 | Ferry pier | Closed for a week |

| 2 April 2025 | Fish market | Reopens |

The work on the harbour starts in spring and should be finished before the end of next year, the mayor said.
"""
TABLE_ROWS_DE = """\
Der Gemeinderat hat am Montag den neuen Plan für den Hafen beschlossen, nach einer langen Debatte über den Haushalt.

Termin · Ort · Thema

12.03.2025 · Rathaus · Bürgerversammlung

02.04.2025 · Hafen · Baustellenführung

Die Arbeiten am Hafen beginnen im Frühjahr und sollen bis Ende nächsten Jahres abgeschlossen sein, sagte die Bürgermeisterin.
"""
SEGMENT_DATELINE_EN = """\
The council met on Monday and voted for the new harbour plan after a long debate about the town's budget.

5 March 2025 | 4 min read | Comments

The work on the harbour starts in spring and should be finished before the end of next year, the mayor said.
"""

_OUTSIDE = ("page.outside_body", C.NAVIGATION)
FULL_PAGE = {"full_page": True}

#: (heuristic, lang, article, {line: (rule, category)} for every block that must go, clean() options)
LABEL_CARDS_EN = """\
The county council approved the new budget on Tuesday after a debate that lasted most of the afternoon, with councillors from every party speaking on the cuts to library opening hours.

The budget freezes council tax for a second year and takes two million pounds from reserves to keep the branch libraries open on weekdays.

Politics

Mayor promises new cycle lanes along the river before the summer

Politics

Opposition calls for a vote on the harbour redevelopment plans

Politics

Town hall to open on Saturdays for passport appointments from June
"""

LABEL_CARDS_FR = """\
Le conseil départemental a adopté mardi le nouveau budget après un débat qui a duré tout l'après-midi, chaque groupe ayant pris la parole sur la baisse des horaires des médiathèques.

Le budget gèle les impôts locaux pour la deuxième année et puise deux millions d'euros dans les réserves pour garder les médiathèques ouvertes en semaine.

Politique

Le maire promet de nouvelles pistes cyclables le long du fleuve avant l'été

Politique

L'opposition réclame un vote sur le réaménagement du port de plaisance

Politique

La mairie ouvrira le samedi pour les rendez-vous de passeport dès juin
"""

ARTICLE_END_EN = """\
The water company said on Monday that the hosepipe ban covering most of the county would stay in place until at least the end of October.

Reservoir levels have fallen to forty per cent of capacity after the driest summer on record, the company said in its weekly update on supplies.

Engineers have repaired more than two hundred leaks since June, and a temporary pipeline from the neighbouring reservoir is due to open next month.

Customers who ignore the ban could face a fine of up to one thousand pounds, although the company said it had not yet prosecuted anyone this year.

Follow our correspondent on social media: @jane_waters

More coverage

Drought hits farmers as wheat harvest falls by a third

Why the hosepipe ban could last into next spring
"""

ARTICLE_END_DE = """\
Die Stadtwerke haben am Montag angekündigt, dass die Wasserpreise im kommenden Jahr um sieben Prozent steigen sollen, weil die Kosten für Energie gestiegen sind.

Für einen Haushalt mit vier Personen bedeutet das nach Angaben der Stadtwerke Mehrkosten von rund sechzig Euro im Jahr, teilte ein Sprecher mit.

Der Stadtrat muss der Erhöhung noch zustimmen; die Abstimmung ist für die Sitzung Ende November geplant, wie die Verwaltung bestätigte.

Die Opposition kündigte an, gegen die Erhöhung zu stimmen, und forderte, die Stadtwerke sollten zuerst ihre eigenen Kosten senken.

Fragen an die Redaktion: leserbriefe@zeitung.example

Wasser und Energie

Warum die Energiepreise im Winter wieder steigen könnten

So viel Wasser verbraucht ein Haushalt in Deutschland im Durchschnitt
"""

# Short lines that end the text after its last paragraph head nothing: the labels of boxes whose
# content the extraction dropped (no phrase list needed), and a name line.
_WATER_EN = ARTICLE_END_EN.split("\n\nFollow")[0]
_WATER_DE = ARTICLE_END_DE.split("\n\nFragen")[0]
DANGLING_EN = _WATER_EN + "\n\nWater and drought\n\nRegional desk\n"
DANGLING_DE = _WATER_DE + "\n\nWasser und Energie\n\nAus der Region\n"
# ... but a list, a closing sentence and a quote's attribution stay.
DANGLING_KEPT_EN = _WATER_EN + "\n\n- Watering cans\n\n- Hand washing of cars\n"
DANGLING_KEPT_DE = _WATER_DE + "\n\nDie Abstimmung ist öffentlich.\n"
DANGLING_QUOTE_ES = """\
La compañía de aguas anunció el lunes que las restricciones de riego en la mayor parte de la provincia seguirán vigentes al menos hasta finales de octubre.

El nivel de los embalses ha caído al cuarenta por ciento de su capacidad tras el verano más seco registrado, según el balance semanal de la compañía.

Los técnicos han reparado más de doscientas fugas desde junio, y una tubería provisional desde el embalse vecino abrirá el mes que viene.

La directora de la compañía pidió paciencia: «Pedimos a los vecinos que ahorren agua en casa, en el jardín y en la piscina durante todo el otoño.»

Ana Ruiz, directora
"""

# The same tail shapes, where they are the article: a list the last paragraph introduces, and
# list items that continue the article's vocabulary.
ARTICLE_END_LIST_EN = """\
The water company said on Monday that the hosepipe ban covering most of the county would stay in place until at least the end of October.

Reservoir levels have fallen to forty per cent of capacity after the driest summer on record, the company said in its weekly update on supplies.

Engineers have repaired more than two hundred leaks since June, and a temporary pipeline from the neighbouring reservoir is due to open next month.

Customers who ignore the ban could face a fine of up to one thousand pounds. The ban does not cover these uses of water:

Watering plants with a watering can filled from the tap

Cleaning windows of homes and businesses by hand

Filling a garden pond that holds fish or other animals
"""

# A two-word label whose head opens several listed teaser labels ("related articles / posts /
# stories"), with headlines under it.
HEAD_LABEL_EN = """\
The water company said on Monday that the hosepipe ban covering most of the county would stay in place until at least the end of October.

Reservoir levels have fallen to forty per cent of capacity after the driest summer on record, the company said in its weekly update on supplies.

Related videos

Why the hosepipe ban could last into next spring

Drought hits farmers as the wheat harvest falls by a third

Engineers have repaired more than two hundred leaks since June, and a temporary pipeline from the neighbouring reservoir is due to open next month.
"""

# The same head word on a subheading of the body: no headlines under it, it stays.
HEAD_LABEL_DE = """\
Die Stadtwerke haben am Montag angekündigt, dass die Wasserpreise im kommenden Jahr um sieben Prozent steigen sollen, weil die Kosten für Energie gestiegen sind.

Mehr Sicherheit

Für einen Haushalt mit vier Personen bedeutet das nach Angaben der Stadtwerke Mehrkosten von rund sechzig Euro im Jahr, teilte ein Sprecher mit.
"""

# A listing, not an article: repeated field labels and headline-like entries are its content.
LISTING_EN = """\
Moving companies in the area

Harbour Removals Ltd

Years in business: 12

Team size: 10 - 50 employees

Quick Move and Storage Services

Years in business: 7

Team size: 2 - 10 employees

Northern Lights Van and Man Company

Years in business: 31

Team size: 50 - 200 employees
"""

TITLE_KICKER_EN = """\
Council closes two recycling centres

A budget gap of four million pounds forces the cuts

Council closes two recycling centres

The county council voted on Thursday to close two of its four recycling centres, citing a budget gap of nearly four million pounds over the next three years.

Residents will be able to use the remaining sites for longer hours from next spring, a spokesperson for the authority confirmed.
"""

PULL_QUOTE_EN = """\
The city will plant twelve thousand trees along its main roads by 2030, the mayor said on Tuesday, in a plan meant to cool the streets in summer.

"We cannot keep building heat traps and hope our children will thank us for it," she told reporters outside the town hall.

Residents of the eastern districts, where tree cover is thinnest, will be asked to choose the species planted on their streets.

"We cannot keep building heat traps and hope our children will thank us for it," she told reporters outside the town hall.

The first saplings go in next month along the ring road, and the council will report every year on how many have survived.
"""

ABOUT_BOX_TWICE_DE = """\
Die Stadtwerke senken zum ersten Januar die Preise für Fernwärme um durchschnittlich acht Prozent, teilte das Unternehmen am Montag mit.

Grund seien die gesunkenen Einkaufspreise für Gas, die nun an die rund vierzigtausend Haushalte weitergegeben würden.

Verbraucherschützer begrüßten den Schritt, forderten aber mehr Transparenz bei der Berechnung der Grundpreise.

Das Stadtmagazin berichtet seit 1998 unabhängig über Politik, Kultur und Sport in der Region und erscheint jeden Donnerstag.

Kontakt

Das Stadtmagazin berichtet seit 1998 unabhängig über Politik, Kultur und Sport in der Region und erscheint jeden Donnerstag.
"""

#: A credit line under every card of a listing, and subheadings and sentences that only look alike:
#: a template repeated three times, a question heading each section, the same sentence with
#: another year. Nothing here is a second copy of a paragraph.
REPEATED_TEMPLATE_EN = """\
The park runs three webcams that visitors can check before they set off, each refreshed every five minutes during the day.

North Gate camera
This view from the visitor centre shows the car park and the start of the valley trail in all weathers.
Images are provided courtesy of the park's friends association, which maintains the cameras.

Ridge camera
This camera, at about two thousand metres, shows the summit ridge and the snow line in winter.
Images are provided courtesy of the park's friends association, which maintains the cameras.

Lake camera
Located on the boathouse roof, this camera looks across the lake towards the southern forest.
Images are provided courtesy of the park's friends association, which maintains the cameras.

What does it cost?
Entry to the park costs five euros a day for adults, and children under twelve go in for free.

What does it cost?
Parking at the north gate costs three euros a day, and the shuttle bus from the station is free.

In 2023 the park welcomed more than four hundred thousand visitors, a record for the area.

In 2024 the park welcomed more than four hundred thousand visitors, a record for the area.
"""

#: Headline-like items inside a longer body list, whose other items are short or "key: value".
PACKING_LIST_EN = """\
We spent four nights on the trail in late September, and the weather changed twice a day, from warm sunshine in the valleys to freezing fog on the passes.
This is what we carried, and what we would leave at home next time.
- A tent for two, which we could pitch in under ten minutes.
- Sleeping bag rated to minus five degrees
- Ear plugs for the more crowded campgrounds
- Stove: a small canister model
- Rain jacket
The second night brought sleet, and the jacket earned its place in the pack; the stove, which we had nearly left behind, turned out to be the most useful thing we carried.
"""

PACKLISTE_DE = """\
Die Wanderung dauerte vier Tage, und das Wetter wechselte zweimal am Tag zwischen warmer Sonne in den Tälern und eisigem Nebel auf den Pässen.
Das hatten wir dabei, und das würden wir beim nächsten Mal zu Hause lassen.
- Ein Zelt für zwei, das wir in zehn Minuten aufbauen konnten.
- Schlafsack für Nächte bis minus fünf Grad
- Ohrstöpsel für die vollen Zeltplätze am Wochenende
- Kocher: ein kleines Modell mit Kartusche
- Regenjacke
In der zweiten Nacht kam Graupel, und die Jacke hat sich bezahlt gemacht; der Kocher, den wir fast zu Hause gelassen hätten, war am Ende das Nützlichste im Rucksack.
"""

#: A body list after a paragraph: sentence-case items that name nothing, whole headlines in
#: shape (six words or more, no final stop).
ADVICE_LIST_EN = """\
Most attacks on small firms still start with software that nobody updated, the agency said in its yearly report on online crime published on Monday.
- Turn on automatic updates wherever that is possible
- Set aside an hour every month for the manual updates
Backups matter just as much, because a firm that can restore its files has no reason to pay a ransom to get them back.
"""

CONSEILS_FR = """\
La plupart des attaques contre les petites entreprises passent encore par des logiciels jamais mis à jour, selon le rapport annuel publié lundi par l'agence.
- Activer les mises à jour automatiques dès que possible
- Réserver chaque mois une heure aux mises à jour manuelles
Les sauvegardes comptent tout autant, car une entreprise capable de restaurer ses fichiers n'a aucune raison de payer une rançon.
"""

CONSEJOS_ES = """\
La mayoría de los ataques contra pequeñas empresas todavía empiezan por programas que nadie actualizó, según el informe anual publicado el lunes por la agencia.
- Activar las actualizaciones automáticas siempre que sea posible
- Reservar cada mes una hora para las actualizaciones manuales
Las copias de seguridad importan igual, porque una empresa que puede recuperar sus archivos no tiene motivo para pagar un rescate.
"""

#: A body list after the last paragraph, its bullets lost by the extractor: headline-shaped
#: items that continue the article's vocabulary stay.
COURSE_LIST_EN = """\
Students learn more in online courses when the instructor is present and visible throughout the term, the university's teaching centre says in its new guide.

The guide asks instructors to plan regular contact with their students from the first week, and to give feedback on assignments within a few days.

Students who hear from their instructor every week are less likely to drop the course, according to the centre's survey of more than two thousand students.

Instructors who took part in the survey said the regular contact took about an hour a week, most of it spent on feedback on assignments.

Regular contact from the instructor with all students

Instructor feedback on every graded assignment within a week

Online office hours for students at least once a week
"""

KURS_LISTE_DE = """\
Studierende lernen in Online-Kursen mehr, wenn die Lehrenden das ganze Semester über präsent sind, heißt es im neuen Leitfaden der Universität.

Der Leitfaden empfiehlt den Lehrenden, von der ersten Woche an regelmäßig Kontakt mit den Studierenden zu halten und Rückmeldung zu jeder Hausarbeit zu geben.

Regelmäßige Nachrichten der Lehrenden an alle Studierenden

Rückmeldung der Lehrenden zu jeder Hausarbeit innerhalb einer Woche

Online-Sprechstunden für Studierende mindestens einmal in der Woche
"""

LISTE_COURS_FR = """\
Les étudiants apprennent davantage dans les cours en ligne quand l'enseignant reste présent tout au long du semestre, selon le nouveau guide de l'université.

Le guide demande aux enseignants de garder un contact régulier avec les étudiants dès la première semaine et de commenter chaque devoir rendu.

Un message régulier de l'enseignant aux étudiants chaque semaine

Des commentaires de l'enseignant sur chaque devoir rendu

Une permanence en ligne pour les étudiants chaque semaine
"""

#: A two-column table whose cells an extractor joined with a space, after the body: each row
#: reads "... college Awarded by ...", a lowercase word then a capitalised common word. Rows of
#: a table, not headlines of other articles: they stay.
JOINED_TABLE_EN = """\
Many employers now ask for a certificate or a professional certification, and job seekers often confuse the two, the careers service of the college said on Monday.

Its advisers drew up a comparison that shows how each one is awarded, what it proves and how long it usually lasts before it has to be renewed.

Certificate Certification from an industry body

Awarded by a school or college Awarded by an industry body after an exam

Shows that you attended classes Proves that you meet a standard

Earned only once Usually renewed every few years

Carries no letters after your name Often carries letters after your name
"""

JOINED_TABLE_FR = """\
Beaucoup d'employeurs demandent un certificat ou une certification professionnelle, et les candidats confondent souvent les deux, explique le service des carrières de l'université.

Ses conseillers ont préparé un tableau qui montre comment chacun est délivré, ce qu'il prouve et combien de temps il reste valable avant de devoir être renouvelé.

Certificat Certification délivrée par un organisme du secteur

Délivré par une école ou une université Délivré par un organisme du secteur après un examen

Atteste que vous avez suivi les cours Prouve que vous maîtrisez une norme

Obtenu une seule fois Souvent renouvelé tous les trois ans
"""

#: Headlines in title case after the body: "with Storms" pairs a lowercase word with a common
#: word capitalised, but so are its neighbours: not a joined table row, and they go.
TAIL_RUN_TITLE_CASE_EN = """\
The harbour authority confirmed on Friday that repairs to the sea wall would begin in March, after two winters of storms.

Engineers say the wall has been weakened by decades of erosion and will need to be rebuilt rather than patched, at a cost of several million pounds.

Living with Storms on the Norfolk Coast

Notes from Harbour Towns Facing Costly Repairs

Why Councils Struggle with Repairs After Storms
"""

#: Headlines of other articles after the body, in German: nouns follow lowercase words ("sichere
#: Radwege"), but none is a word the text writes in lowercase: not a joined table, and they go.
TAIL_RUN_DE = """\
Der Stadtrat hat am Donnerstag beschlossen, die Hauptstraße zwischen Bahnhof und Marktplatz ab dem Sommer für Autos zu sperren.

Anwohner und Geschäftsleute hatten monatelang über den Plan gestritten, der nun in zwei Stufen umgesetzt werden soll.

Wie sichere Radwege in Kopenhagen Unfälle verhindern

Streit über teure Parkhäuser am Stadtrand geht weiter

Warum immer weniger Pendler mit dem Auto kommen
"""

FORM_SUBMITTING_EN = FORM_STATUS_EN.replace("Something went wrong. Please try again", "Submitting...")

#: A recommendation block after the article: each card a title, a one-sentence summary, the
#: card's byline and its date. The summaries go with their cards, and the cards' bylines name no
#: author of the article.
CARDS_WITH_SUMMARIES_EN = """\
Schools across the north of the country were closed on Tuesday as a storm brought heavy snow and winds of up to 90 miles an hour.

The weather service said the storm would move east overnight, and that the roads would stay dangerous until Thursday at the earliest.

You may also like

Why winters in the north are getting wetter, not colder
Scientists say warmer seas are changing the kind of storms that reach the coast.
By Tom Reyes
3 days ago

The town that ran out of grit
Officials admit the stockpile was half the size it should have been.
By Anna Whitfield
1 week ago
"""

CARDS_WITH_SUMMARIES_DE = """\
Der Sturm hat am Dienstag im ganzen Norden des Landes für geschlossene Schulen und gesperrte Straßen gesorgt.

Der Wetterdienst rechnet damit, dass der Sturm in der Nacht nach Osten zieht, die Straßen aber bis Donnerstag gefährlich bleiben.

Die Streudienste waren die ganze Nacht auf den Hauptstraßen unterwegs, viele Nebenstraßen blieben aber wegen Schneeverwehungen gesperrt.

Das könnte Sie auch interessieren

Warum die Winter im Norden nasser werden
Forscher sagen, dass wärmere Meere die Art der Stürme verändern.
Von Tom Becker
vor 3 Tagen

Die Stadt, der das Streusalz ausging
Die Verwaltung räumt ein, dass der Vorrat nur halb so groß war wie nötig.
Von Anna Weiß
vor einer Woche
"""

#: A headline under a lead-in, then the body resumes with a sentence and more prose: the
#: sentence is the body's, not the card's summary (no byline under it).
BODY_AFTER_CARD_EN = """\
Schools across the north of the country were closed on Tuesday as a storm brought heavy snow and winds of up to 90 miles an hour.

Read more:
Why winters in the north are getting wetter, not colder
The weather service said the storm would move east overnight.
Council gritters worked through the night on the main routes, but many side roads remained blocked by drifts more than a metre deep.
"""

BODY_AFTER_CARD_FR = """\
Les écoles du nord du pays sont restées fermées mardi en raison d'une tempête accompagnée de fortes chutes de neige.

Lire aussi :
Pourquoi les hivers deviennent plus humides dans le nord
Le service météo prévoit que la tempête se déplacera vers l'est pendant la nuit.
Les saleuses ont travaillé toute la nuit sur les grands axes, mais de nombreuses petites routes restaient bloquées par la neige.
"""

#: The same words, but every line opens alike: a generated list of links to the site's other
#: pages, which goes.
TEMPLATE_LINKS_EN = """\
Window cleaning for a three-bedroom house costs between forty and sixty pounds in most of the country, according to a survey of cleaning firms.

Prices for window cleaning are higher in cities, where firms charge more for access to upper floors and for cleaning conservatory roofs.

Average cost of window cleaning in Leeds

Average cost of window cleaning in Bristol

Average cost of window cleaning in Glasgow
"""

#: A full page's menu and article, followed by one of its boxes in the cases below.
FERRY_PAGE_EN = """\
Home
News
Sport

The island ferry will run twice a day throughout the winter for the first time in a decade, the operator announced on Wednesday, after a campaign by residents.

Islanders had complained for years that a single daily crossing left them unable to reach hospital appointments on the mainland and return the same day.

Shopkeepers on the larger island said the extra sailing would make deliveries more reliable and help them stay open through the quieter months.

"""

#: A full page: the article, then its comment section. The body ends at the section's heading.
COMMENTS_PAGE_EN = FERRY_PAGE_EN + """\
2 Comments

Margaret Hill

About time too, my mother waited three months for a crossing that suited her appointment.

Reply

Tom Baker

Will the second sailing also take cars, or only foot passengers?

Reply
"""

#: The same in French.
COMMENTS_PAGE_FR = """\
Accueil
Actualités
Sports

Le bac reliant l'île au continent assurera deux traversées par jour tout l'hiver, pour la première fois depuis dix ans, a annoncé mercredi la compagnie.

Les habitants se plaignaient depuis des années de ne pas pouvoir se rendre à un rendez-vous médical sur le continent et rentrer le jour même.

Les commerçants de la grande île estiment que cette rotation supplémentaire rendra les livraisons plus fiables pendant les mois creux.

2 commentaires

Marguerite Hill

Il était temps, ma mère a attendu trois mois une traversée compatible avec son rendez-vous.

Répondre

Thomas Boulanger

La deuxième rotation prendra-t-elle aussi les voitures, ou seulement les piétons ?

Répondre
"""

#: A forum thread: the replies under the question are the page's content, heading or not.
THREAD_PAGE_EN = """\
Forums
Topics
Members

My sourdough starter smells of nail polish remover after a week in the fridge. Is it ruined, or can I still save it before the weekend bake?

12 Replies

BreadHead

That smell is acetone from a hungry starter, and it is harmless. Pour off the grey liquid on top, discard half of the starter and feed it with equal weights of flour and water twice a day for two days.

Miriam K

Same thing happened to mine last winter. After three feeds at room temperature it was bubbly again and doubled in four hours, and the loaf that weekend was one of the best I have baked.

Oven Spring

Keep it out of the fridge until it doubles reliably after each feed, then it will survive another week of neglect without any trouble at all.
"""

#: A full page: the article, then a newsletter box whose pitch is prose. The body ends at the box.
BOX_AFTER_EN = FERRY_PAGE_EN + """\
Sign up for our morning newsletter

Every weekday morning our editors pick the stories that matter to the islands, from council meetings to the ferry timetable, so that you start the day informed.
"""

#: A newsletter box after the first paragraph: the rest of the article, larger, is body.
BOX_INSIDE_DE = """\
Startseite
Politik
Sport

Die Fähre zur Insel fährt in diesem Winter zum ersten Mal seit zehn Jahren zweimal am Tag, teilte die Reederei am Mittwoch nach einer Kampagne der Bewohner mit.

Newsletter abonnieren

Die Inselbewohner hatten sich jahrelang beklagt, dass sie mit nur einer Überfahrt am Tag keine Arzttermine auf dem Festland wahrnehmen und am selben Tag zurückkehren konnten.

Die Geschäftsleute auf der größeren Insel erwarten, dass die zusätzliche Fahrt die Lieferungen zuverlässiger macht und ihnen hilft, auch in den ruhigeren Monaten zu öffnen.

Die Reederei will im Frühjahr prüfen, ob die zweite Fahrt auch im nächsten Winter angeboten wird, und dafür die Zahl der Fahrgäste auswerten.
"""

#: An author box after the article: a name, then a paragraph about that person.
AUTHOR_BOX_EN = """\
The water company said on Monday that the hosepipe ban covering most of the county would stay in place until at least the end of October.

Reservoir levels have fallen to forty per cent of capacity after the driest summer on record, the company said in its weekly update on supplies.

Engineers have repaired more than two hundred leaks since June, and a temporary pipeline from the neighbouring reservoir is due to open next month.

Customers who ignore the ban could face a fine of up to one thousand pounds, although the company said it had not yet prosecuted anyone this year.

Priya Raman

Priya is a senior reporter who has covered health, schools and local politics for twelve years, and previously worked as a radio producer in Leeds.
"""

#: The same in German.
AUTHOR_BOX_DE = """\
Die Stadtwerke haben am Montag angekündigt, dass die Wasserpreise im kommenden Jahr um sieben Prozent steigen sollen, weil die Kosten für Energie gestiegen sind.

Für einen Haushalt mit vier Personen bedeutet das nach Angaben der Stadtwerke Mehrkosten von rund sechzig Euro im Jahr, teilte ein Sprecher mit.

Der Stadtrat muss der Erhöhung noch zustimmen, die Abstimmung ist für die Sitzung Ende November geplant, hieß es aus dem Rathaus.

Die Opposition kündigte an, gegen die Erhöhung zu stimmen, und forderte die Stadtwerke auf, zuerst ihre eigenen Kosten zu senken.

Katrin Vogelsang

Katrin Vogelsang schreibt seit 2015 über Wirtschaft und Verkehr, zuvor arbeitete sie als Volontärin bei einem Radiosender in Kassel.
"""

#: The same in French.
AUTHOR_BOX_FR = """\
La compagnie des eaux a annoncé lundi que les restrictions d'arrosage couvrant la majeure partie du département resteraient en vigueur au moins jusqu'à fin octobre.

Le niveau des réservoirs est tombé à quarante pour cent de leur capacité après l'été le plus sec jamais enregistré, selon le bilan hebdomadaire de la compagnie.

Les techniciens ont réparé plus de deux cents fuites depuis juin, et une conduite provisoire venant du barrage voisin doit ouvrir le mois prochain.

Les contrevenants risquent une amende pouvant atteindre mille euros, même si la compagnie affirme n'avoir encore poursuivi personne cette année.

Élodie Marchetti

Élodie Marchetti est journaliste depuis dix ans, passionnée de montagne et de cinéma, après des débuts dans une radio associative à Grenoble.
"""

#: A section about a person the article is about: its prose names him again, so it stays.
PERSON_SECTION_DE = """\
Chris Eubank Jr. will am Samstag in Cardiff seinen nächsten Kampf gewinnen und sich damit für eine Weltmeisterschaft im Mittelgewicht empfehlen.

Der 32-jährige Brite steht in der Rangliste des Verbandes auf dem ersten Platz und wartet seit Monaten auf einen Titelkampf gegen den Weltmeister.

Sein Gegner ist erfahren und gilt als unangenehm, auch wenn er seit zwei Jahren keinen großen Kampf mehr bestritten hat.

Die Veranstalter rechnen mit ausverkaufter Halle, nachdem der erste Termin im Herbst wegen einer Verletzung verschoben werden musste.

Liam Williams

Liam Williams stand im April des letzten Jahres gegen den Weltmeister im Ring und kam immerhin über die volle Distanz von zwölf Runden.

Ein Sieg über Williams würde Eubank Jr. den Weg zu einem Titelkampf in naher Zukunft ebnen.
"""

#: A last section on a product, in the article's own words: it stays.
TOOL_SECTION_EN = """\
Data analysts rely on a handful of tools to clean data, build reports and share their analysis with the rest of the business, a survey of analysts found.

Spreadsheets remain the most common tool for quick analysis, but most analysts now also use a database and a reporting tool for larger data sets.

Reporting tools turn the data into charts and dashboards that managers can read without help, and most of them connect directly to the database.

For data sets too large for one computer, analysts turn to tools that spread the analysis over many machines, the survey found.

Apache Hadoop

Apache Hadoop spreads large data sets over many machines, so that analysts can run their analysis on data too large for one computer or one database.
"""


# A phrase inside an item of a body list is the item's topic: a comparison's features stay.
BODY_LIST_EN = """\
The three password managers we tested differ less in features than in price, and all of them worked on every phone and laptop we tried.

What each plan includes:
- A 30-day free trial
- No subscription needed for one device
- Unlimited passwords and notes
- Sharing with up to five family members

Our pick for most households is the middle plan, which costs less than a coffee a month and covers every device.
"""

BODY_LIST_DE = """\
Die drei Streamingdienste unterscheiden sich vor allem im Preis, wie unser Vergleich über sechs Wochen zeigt.

Das bieten die Tarife:
- Alle Folgen auch im Newsletter angekündigt
- Kostenlos testen für 30 Tage
- Bis zu vier Geräte gleichzeitig
- Downloads für unterwegs

Für die meisten Haushalte lohnt sich der mittlere Tarif, der alle Geräte abdeckt und werbefrei ist.
"""

BODY_LIST_FR = """\
Les trois offres de presse numérique que nous avons comparées se distinguent surtout par leur prix et par le nombre de titres proposés.

Ce que comprend chaque formule :
- Offre d'abonnement à 1 euro le premier mois
- La newsletter du matin incluse
- Accès à vingt titres nationaux
- Lecture hors connexion sur tablette

Pour la plupart des lecteurs, la formule intermédiaire reste la plus avantageuse, selon notre comparatif.
"""

# Negatives: a list of widget links (most items are phrases) and a button among body items.
WIDGET_LIST_EN = """\
The council will publish the final timetable for the new bus routes next week, after a consultation that drew more than two thousand replies.

Residents can still comment on the plans at the library until Friday, and the council said every reply would be read before the routes are fixed.

- Subscribe
- Newsletter
- Get our newsletter every morning
- Contact
"""

# A share bar's buttons inside a bulleted run of body items (sources, then the buttons, then tags):
# a share phrase and a word or two is the button itself, not an item about sharing.
SHARE_BUTTONS_IN_LIST_DE = """\
Die Studie stützt sich auf Befragungen von mehr als zweitausend Haushalten in sechs Bundesländern, teilte das Institut am Mittwoch mit.

Literatur:
- Müller, A. (2020). Pendeln im ländlichen Raum. Berlin: Beispielverlag.
- Schmidt, B. (2021). Fähren und Inseln. Hamburg: Küstenverlag.
- Weber, C. (2019). Mobilität im Wandel. München: Stadtverlag.
- Teilen auf Twitter
- Teilen auf Facebook
- Teilen auf Xing
"""

SHARE_BUTTONS_IN_LIST_EN = """\
The survey drew on interviews with more than two thousand households in six regions, the institute said on Wednesday.

Sources:
- Miller, A. (2020). Commuting in rural areas. London: Example Press.
- Smith, B. (2021). Ferries and islands. Bristol: Coast Books.
- Walker, C. (2019). Mobility in transition. Leeds: City Press.
- Share on Xing
- Share on Mastodon
"""

# Negatives: sharing as the topic of a feature list's item, and a short item of another section
# ("- Free trial available") that is a feature, not a button.
SHARE_TOPIC_EN = """\
The three photo apps we tested differ less in features than in price, and all of them worked on every phone we tried.

What each plan includes:
- Unlimited storage for full-resolution photos
- Share with up to six family members at no extra cost
- Automatic backup over wifi
- Free trial available

Our pick for most families is the middle plan, which covers every device in the house.
"""

BUTTON_IN_LIST_EN = """\
The club's season ticket now comes in three versions, and members can switch between them at any time during the year.

What members get:
- Priority booking for every home match
- Subscribe
- Free parking on match days
- A discount in the club shop

The club said prices would be frozen until the end of next season.
"""



TOPIC_EN = """\
How subscription boxes won over young households

Spending on subscription boxes rose by a fifth last year, according to a survey of two thousand households published on Tuesday by a consumer group, and most services now open with a free trial.

Subscription Box Details

Most households keep a subscription for about seven months before cancelling, and many switch services as soon as a free trial ends.

LessAccounting offers a 30-day free trial.

The survey found that the cheapest subscription on the market costs less than ten pounds a month, while premium boxes cost five times as much.

Sign up for our newsletter
"""

TOPIC_DE = """\
Warum Vereine wieder auf den Newsletter setzen

Immer mehr Sportvereine verschicken ihre Nachrichten wieder per Newsletter, weil die Reichweite in den sozialen Netzwerken seit Jahren sinkt.

Der Newsletter des Turnvereins im Überblick

Der Vorsitzende sagt, der monatliche Newsletter erreiche inzwischen fast neunhundert Mitglieder und werde von mehr als der Hälfte geöffnet.

Mit unserem Newsletter erhalten Sie jeden Morgen die wichtigsten Nachrichten aus der Region.
"""

TOPIC_FR = """\
Presse locale : la newsletter, nouvelle arme des petits titres

Plusieurs hebdomadaires régionaux misent désormais sur la newsletter pour fidéliser des lecteurs qui ne passent plus par les kiosques.

Comment la newsletter du Courrier a doublé son audience

Le rédacteur en chef explique que la newsletter quotidienne compte aujourd'hui douze mille inscrits, contre six mille il y a deux ans.

Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité locale.
"""

# the same lines in an article about something else: the phrases are widgets' wording there
TOPIC_ELSEWHERE_EN = """\
Council approves new cycle lanes on the ring road after a two-year consultation

The council approved on Tuesday a plan to build protected cycle lanes along the whole of the ring road, after a consultation that drew four thousand responses.

Subscription Box Details

Work is due to start in the spring and should last about eighteen months, the council's transport officer told the meeting.

The plan also includes new crossings near three primary schools, which parents had asked for during the consultation.
"""


# A list of bulleted headlines in sentence case closes the text: links to other articles
TEASER_LIST_ES = """\
El ayuntamiento aprobó el jueves un plan para construir doscientas viviendas sociales en el antiguo recinto ferial, tras dos años de negociaciones con los vecinos.

Las obras comenzarán en primavera y durarán unos tres años, según explicó la concejala de urbanismo durante el pleno municipal.

Los vecinos del barrio pidieron que el proyecto incluya un centro de salud y una escuela infantil, algo que el gobierno local se comprometió a estudiar.

La oposición votó en contra al considerar que el número de viviendas es insuficiente para la demanda actual de la ciudad.

-La historia de la mujer de 77 años que acaba de graduarse de la universidad
-La angustia que vive un barrio familiar que se llenó de oficinas
-Cinco claves para entender la reforma de las pensiones en el Congreso
"""

# ... but a list the text goes on after is the page's own list, and so is a list whose items
# continue the article's vocabulary
CONTENT_LIST_EN = """\
The new recycling rules apply to every household in the county from Monday, and the council has sent a leaflet to each home explaining the changes.

Residents must now separate glass, paper and plastic, and put food waste in the small brown caddy that the council delivered last month.

Collections will move from weekly to fortnightly for general waste, while food waste will still be collected every week, the council said.

Councillors said the changes should save around two million pounds a year and raise the county's recycling rate above sixty per cent.

- Glass bottles and jars go in the green box with their lids removed
- Paper and cardboard go in the blue bag, flattened and kept dry
- Plastic bottles and food trays go in the green box after a rinse
- Food waste goes in the brown caddy, which is collected every week

Households that need a larger box can order one free of charge from the council's website until the end of March.

The council will review the scheme after a year and publish the recycling figures for every district of the county.
"""


# The text of a box under its label after the article: an app pitch, the publisher's about text
BOX_TEXT_EN = """\
The national team will play four qualifying matches in ten days next month, and the coach says the lack of a domestic league makes the task much harder.

The squad has trained twice a week since January, but several players have not played a competitive match for more than a year.

The coach wants at least two friendly matches before the first game, and the federation is talking to three neighbouring countries.

Tickets for the home games go on sale next week, and the federation expects the national stadium to be full for the opening match.

Subscribe now to our digital edition for the full story.

For the latest stories and breaking news updates download our apps for iOS and Android.
"""

BOX_TEXT_DE = """\
Bei den Kommunalwahlen hat die Regierungspartei in den meisten großen Städten des Landes deutliche Verluste hinnehmen müssen.

Die Opposition gewann die Bürgermeisterwahl in der Hauptstadt und in drei weiteren Großstädten, wie die Wahlkommission am Montag mitteilte.

Beobachter sehen in dem Ergebnis einen Denkzettel für die Regierung, die seit Monaten wegen der hohen Inflation in der Kritik steht.

Der Ministerpräsident kündigte an, das Kabinett umzubilden, schloss vorgezogene Parlamentswahlen aber aus.

Über diese Reihe

Die Stiftung ist mit eigenen Büros in rund hundert Ländern vertreten und berichtet regelmäßig aus erster Hand über aktuelle Entwicklungen vor Ort.
"""

# ... but the article's last paragraph under an inline prompt, which continues the article, stays
PROMPT_BEFORE_LAST_EN = """\
The national team will play four qualifying matches in ten days next month, and the coach says the lack of a domestic league makes the task much harder.

The squad has trained twice a week since January, but several players have not played a competitive match for more than a year.

The coach wants at least two friendly matches before the first game, and the federation is talking to three neighbouring countries.

Subscribe to our newsletter

The federation says the national team's coach will name the squad for the four qualifying matches after the two friendly matches next month.
"""


# After a byline under the article, the article is signed off: a short line there is the site's
BYLINE_THEN_NOTE_EN = """\
The central bank raised its main interest rate by a quarter of a point on Thursday, the third increase this year, citing stubborn inflation in services.

The decision was expected by most economists, although two members of the rate-setting committee voted to keep rates on hold.

The bank said inflation would fall back towards its target next year, but warned that wage growth remained too strong for comfort.

Markets reacted calmly, with the currency little changed against the dollar and the euro in afternoon trading.

Reporting by Jane Doe; Editing by John Smith

Read how we check every story.
"""

BYLINE_THEN_NOTE_ES = """\
El banco central subió el jueves su tipo de interés principal en un cuarto de punto, la tercera subida del año, por la inflación persistente en los servicios.

La decisión era esperada por la mayoría de los economistas, aunque dos miembros del comité votaron a favor de mantener los tipos.

El banco afirmó que la inflación volverá a bajar hacia su objetivo el próximo año, pero advirtió de que los salarios crecen demasiado.

Los mercados reaccionaron con calma y la moneda apenas varió frente al dólar durante la tarde.

Por Laura Martínez

Conozca cómo verificamos cada noticia.
"""

# ... but a paragraph of prose that continues the article after the byline stays
BYLINE_THEN_PROSE_EN = """\
The central bank raised its main interest rate by a quarter of a point on Thursday, the third increase this year, citing stubborn inflation in services.

The decision was expected by most economists, although two members of the rate-setting committee voted to keep rates on hold.

The bank said inflation would fall back towards its target next year, but warned that wage growth remained too strong for comfort.

Markets reacted calmly, with the currency little changed against the dollar and the euro in afternoon trading.

By Jane Doe

The bank's next rate decision is due in six weeks, when economists expect the committee to hold rates while inflation in services falls back.
"""

CONTEXT_CASES = [
    ("title_at_top", "en", TITLE_EN, {1: ("title.top", C.TITLE)}),
    ("title_at_top", "en", TITLE_KICKER_EN,
     {1: ("title.top", C.TITLE), 3: ("title.second", C.TITLE), 5: ("title.repeat", C.TITLE)}),
    ("title_at_top", "fr", TITLE_REPEAT_FR, {1: ("title.top", C.TITLE), 3: ("title.repeat", C.TITLE)}),
    ("form_status_near_subscription", "fr", FORM_STATUS_FR,
     {3: ("subscription.phrase", C.SUBSCRIPTION), 5: ("subscription.form_status", C.SUBSCRIPTION)}),
    ("form_status_near_subscription", "en", FORM_STATUS_EN,
     {3: ("subscription.phrase", C.SUBSCRIPTION), 5: ("subscription.form_status", C.SUBSCRIPTION)}),
    ("form_status_near_subscription", "en", FORM_SUBMITTING_EN,
     {3: ("subscription.phrase", C.SUBSCRIPTION), 5: ("subscription.form_status", C.SUBSCRIPTION)}),
    ("bullet_teaser_run", "en", BULLET_RUN_EN,
     {2: ("teaser.bullet_run", C.TEASER), 3: ("teaser.bullet_run", C.TEASER)}),
    ("bullet_teaser_run", "fr", BULLET_RUN_FR,
     {2: ("teaser.bullet_run", C.TEASER), 3: ("teaser.bullet_run", C.TEASER)}),
    ("bullet_teaser_run", "en", PACKING_LIST_EN, {}),
    ("bullet_teaser_run", "en", ADVICE_LIST_EN, {}),
    ("bullet_teaser_run", "fr", CONSEILS_FR, {}),
    ("bullet_teaser_run", "es", CONSEJOS_ES, {}),
    ("bullet_teaser_run", "de", PACKLISTE_DE, {}),
    ("trailing_block", "en", TRAILING_EN,
     {3: ("share.phrase", C.SHARE), 5: ("comments.phrase", C.COMMENTS),
      **{n: ("teaser.trailing_block", C.TEASER) for n in (7, 9, 11, 13, 15, 17)}}),
    ("trailing_block", "fr", TRAILING_FR,
     {3: ("share.phrase", C.SHARE), 5: ("comments.phrase", C.COMMENTS),
      **{n: ("teaser.trailing_block", C.TEASER) for n in (7, 9, 11)}}),
    ("credit_after_caption", "en", CREDIT_EN,
     {3: ("caption.phrase", C.CAPTION), 5: ("caption.credit_after_caption", C.CAPTION)}),
    ("teaser_after_lead_in", "fr", AFTER_LEAD_IN_FR,
     {3: ("teaser.lead_in", C.TEASER), 5: ("teaser.after_lead_in", C.TEASER),
      7: ("teaser.after_lead_in", C.TEASER)}),
    ("teaser_after_lead_in", "en", AFTER_LEAD_IN_EN,
     {3: ("teaser.lead_in", C.TEASER), 5: ("teaser.after_lead_in", C.TEASER)}),
    ("teaser_after_lead_in", "en", CARDS_WITH_SUMMARIES_EN,
     {5: ("teaser.lead_in", C.TEASER), **{n: ("teaser.after_lead_in", C.TEASER) for n in (7, 8, 9, 10, 12, 13, 14, 15)}}),
    ("teaser_after_lead_in", "de", CARDS_WITH_SUMMARIES_DE,
     {7: ("teaser.lead_in", C.TEASER), **{n: ("teaser.after_lead_in", C.TEASER) for n in (9, 10, 11, 12, 14, 15, 16, 17)}}),
    ("teaser_after_lead_in", "en", BODY_AFTER_CARD_EN,
     {3: ("teaser.lead_in", C.TEASER), 4: ("teaser.after_lead_in", C.TEASER)}),
    ("teaser_after_lead_in", "fr", BODY_AFTER_CARD_FR,
     {3: ("teaser.lead_in", C.TEASER), 4: ("teaser.after_lead_in", C.TEASER)}),
    ("repeated_label_cards", "en", LABEL_CARDS_EN,
     {n: ("teaser.repeated_label", C.TEASER) for n in (5, 7, 9, 11, 13, 15)}),
    ("repeated_label_cards", "fr", LABEL_CARDS_FR,
     {n: ("teaser.repeated_label", C.TEASER) for n in (5, 7, 9, 11, 13, 15)}),
    ("tail_headline_run", "en", TAIL_RUN_EN, {n: ("teaser.tail_run", C.TEASER) for n in (5, 7, 9)}),
    ("tail_headline_run", "fr", TAIL_RUN_FR, {n: ("teaser.tail_run", C.TEASER) for n in (5, 7, 9)}),
    ("article_end", "en", ARTICLE_END_EN,
     {9: ("ending.tail", C.NAVIGATION), 11: ("ending.tail", C.NAVIGATION),
      13: ("ending.tail", C.NAVIGATION), 15: ("ending.tail", C.NAVIGATION)}),
    ("article_end", "de", ARTICLE_END_DE,
     {9: ("ending.tail", C.NAVIGATION), 11: ("ending.tail", C.NAVIGATION),
      13: ("ending.tail", C.NAVIGATION), 15: ("ending.tail", C.NAVIGATION)}),
    ("article_end", "en", ARTICLE_END_LIST_EN, {}),
    ("dangling", "en", DANGLING_EN, {9: ("ending.dangling", C.NAVIGATION), 11: ("ending.dangling", C.NAVIGATION)}),
    ("dangling", "de", DANGLING_DE, {9: ("ending.dangling", C.NAVIGATION), 11: ("ending.dangling", C.NAVIGATION)}),
    ("dangling", "en", DANGLING_KEPT_EN, {}),
    ("dangling", "de", DANGLING_KEPT_DE, {}),
    ("dangling", "es", DANGLING_QUOTE_ES, {}),
    ("dangling", "en", RELEASES_EN, {}),
    ("tail_headline_run", "en", COURSE_LIST_EN, {}),
    ("article_end", "en", COURSE_LIST_EN, {}),
    ("tail_headline_run", "de", KURS_LISTE_DE, {}),
    ("tail_headline_run", "fr", LISTE_COURS_FR, {}),
    ("tail_headline_run", "en", TEMPLATE_LINKS_EN, {n: ("teaser.tail_run", C.TEASER) for n in (5, 7, 9)}),
    ("tail_headline_run", "en", JOINED_TABLE_EN, {}),
    ("tail_headline_run", "fr", JOINED_TABLE_FR, {}),
    ("tail_headline_run", "en", TAIL_RUN_TITLE_CASE_EN, {n: ("teaser.tail_run", C.TEASER) for n in (5, 7, 9)}),
    ("tail_headline_run", "de", TAIL_RUN_DE, {n: ("teaser.tail_run", C.TEASER) for n in (5, 7, 9)}),
    ("repeated_fields", "en", EVENTS_EN, {1: ("title.top", C.TITLE)}),
    ("repeated_fields", "en", RELEASES_EN, {}),
    ("repeated_fields", "de", ERSCHEINUNG_DE, {}),
    ("repeated_fields", "en", DATELINE_EN, {3: ("metadata.date_line", C.METADATA)}),
    ("table_rows", "en", TABLE_ROWS_EN, {}),
    ("table_rows", "de", TABLE_ROWS_DE, {}),
    ("table_rows", "en", SEGMENT_DATELINE_EN, {3: ("metadata.segments", C.METADATA)}),
    ("label_bylines", "en", BYLINE_EN, {1: ("title.top", C.TITLE), 3: ("byline.name", C.BYLINE),
                                        9: ("byline.name", C.BYLINE)}),
    ("label_bylines", "de", BYLINE_DE, {1: ("title.top", C.TITLE), 3: ("byline.name", C.BYLINE)}),
    ("repeated_label_cards", "en", LISTING_EN, {}),
    ("teaser_after_lead_in", "en", HEAD_LABEL_EN,
     {5: ("teaser.lead_in", C.TEASER), 7: ("teaser.after_lead_in", C.TEASER), 9: ("teaser.after_lead_in", C.TEASER)}),
    ("teaser_after_lead_in", "de", HEAD_LABEL_DE, {}),
    ("repeated_paragraph", "en", PULL_QUOTE_EN, {7: ("repeat.paragraph", C.REPEAT)}),
    ("repeated_paragraph", "de", ABOUT_BOX_TWICE_DE,
     {9: ("navigation.phrase", C.NAVIGATION), 11: ("repeat.paragraph", C.REPEAT)}),
    ("repeated_paragraph", "en", REPEATED_TEMPLATE_EN, {}),
    # full pages only (forced here; detection needs 30+ blocks): the body is the best run of prose
    ("main_body_run", "en", FULL_PAGE_EN,
     {1: ("navigation.phrase", C.NAVIGATION), 2: _OUTSIDE, 3: _OUTSIDE, 4: _OUTSIDE, 5: _OUTSIDE,
      15: ("navigation.phrase", C.NAVIGATION), 16: ("legal.phrase", C.LEGAL), 17: _OUTSIDE}, FULL_PAGE),
    ("main_body_run", "fr", FULL_PAGE_FR,
     {1: ("navigation.phrase", C.NAVIGATION), 2: _OUTSIDE, 3: _OUTSIDE, 4: _OUTSIDE, 5: _OUTSIDE,
      15: ("navigation.phrase", C.NAVIGATION), 16: ("legal.phrase", C.LEGAL), 17: _OUTSIDE}, FULL_PAGE),
    ("main_body_run", "en", COMMENTS_PAGE_EN,
     {1: ("navigation.phrase", C.NAVIGATION), 2: _OUTSIDE, 3: _OUTSIDE, 11: ("comments.phrase", C.COMMENTS),
      13: _OUTSIDE, 15: _OUTSIDE, 17: ("comments.phrase", C.COMMENTS), 19: _OUTSIDE, 21: _OUTSIDE,
      23: ("comments.phrase", C.COMMENTS)}, FULL_PAGE),
    ("main_body_run", "fr", COMMENTS_PAGE_FR,
     {1: ("navigation.phrase", C.NAVIGATION), 2: _OUTSIDE, 3: _OUTSIDE, 11: ("comments.phrase", C.COMMENTS),
      13: _OUTSIDE, 15: _OUTSIDE, 17: ("comments.phrase", C.COMMENTS), 19: _OUTSIDE, 21: _OUTSIDE,
      23: ("comments.phrase", C.COMMENTS)}, FULL_PAGE),
    ("article_end", "en", AUTHOR_BOX_EN, {9: ("ending.author_box", C.AUTHOR), 11: ("ending.author_box", C.AUTHOR)}),
    ("article_end", "de", AUTHOR_BOX_DE, {9: ("ending.author_box", C.AUTHOR), 11: ("ending.author_box", C.AUTHOR)}),
    ("article_end", "fr", AUTHOR_BOX_FR, {9: ("ending.author_box", C.AUTHOR), 11: ("ending.author_box", C.AUTHOR)}),
    ("article_end", "de", PERSON_SECTION_DE, {}),
    ("article_end", "en", TOOL_SECTION_EN, {}),
    ("article_end", "es", TEASER_LIST_ES, {9: ("ending.tail", C.NAVIGATION), 10: ("ending.tail", C.NAVIGATION),
                                           11: ("ending.tail", C.NAVIGATION)}),
    ("article_end", "en", CONTENT_LIST_EN, {}),
    ("article_end", "en", BOX_TEXT_EN, {9: ("subscription.phrase", C.SUBSCRIPTION),
                                        11: ("ending.box", C.SUBSCRIPTION)}),
    ("article_end", "de", BOX_TEXT_DE, {9: ("author.phrase", C.AUTHOR), 11: ("ending.box", C.AUTHOR)}),
    ("article_end", "en", PROMPT_BEFORE_LAST_EN, {7: ("subscription.phrase", C.SUBSCRIPTION)}),
    ("article_end", "en", BYLINE_THEN_NOTE_EN, {9: ("byline.name", C.BYLINE), 11: ("ending.tail", C.NAVIGATION)}),
    ("article_end", "es", BYLINE_THEN_NOTE_ES, {9: ("byline.name", C.BYLINE), 11: ("ending.tail", C.NAVIGATION)}),
    ("article_end", "en", BYLINE_THEN_PROSE_EN, {}),
    ("main_body_run", "en", BOX_AFTER_EN,
     {1: ("navigation.phrase", C.NAVIGATION), 2: _OUTSIDE, 3: _OUTSIDE,
      11: ("subscription.phrase", C.SUBSCRIPTION), 13: _OUTSIDE}, FULL_PAGE),
    ("main_body_run", "de", BOX_INSIDE_DE,
     {1: ("navigation.phrase", C.NAVIGATION), 2: _OUTSIDE, 3: _OUTSIDE,
      7: ("subscription.phrase", C.SUBSCRIPTION)}, FULL_PAGE),
    ("main_body_run", "en", THREAD_PAGE_EN,
     {1: _OUTSIDE, 2: ("navigation.phrase", C.NAVIGATION), 3: _OUTSIDE, 7: ("comments.phrase", C.COMMENTS),
      9: _OUTSIDE}, FULL_PAGE),
    ("phrases_in_body_lists", "en", BODY_LIST_EN, {}),
    ("phrases_in_body_lists", "de", BODY_LIST_DE, {}),
    ("phrases_in_body_lists", "fr", BODY_LIST_FR, {}),
    ("phrases_in_body_lists", "en", WIDGET_LIST_EN,
     {5: ("subscription.phrase", C.SUBSCRIPTION), 6: ("subscription.phrase", C.SUBSCRIPTION),
      7: ("subscription.phrase", C.SUBSCRIPTION), 8: ("navigation.phrase", C.NAVIGATION)}),
    ("phrases_in_body_lists", "en", BUTTON_IN_LIST_EN, {5: ("subscription.phrase", C.SUBSCRIPTION)}),
    ("phrases_in_body_lists", "de", SHARE_BUTTONS_IN_LIST_DE,
     {7: ("share.phrase", C.SHARE), 8: ("share.phrase", C.SHARE), 9: ("share.phrase", C.SHARE)}),
    ("phrases_in_body_lists", "en", SHARE_BUTTONS_IN_LIST_EN, {7: ("share.phrase", C.SHARE), 8: ("share.phrase", C.SHARE)}),
    ("phrases_in_body_lists", "en", SHARE_TOPIC_EN, {}),
    # a phrase the article's prose keeps using is its topic; a prompt to the reader still goes
    ("phrases_on_topic", "en", TOPIC_EN, {1: ("title.top", C.TITLE), 13: ("subscription.phrase", C.SUBSCRIPTION)}),
    ("phrases_on_topic", "de", TOPIC_DE, {1: ("title.top", C.TITLE), 9: ("subscription.phrase", C.SUBSCRIPTION)}),
    ("phrases_on_topic", "fr", TOPIC_FR, {1: ("title.top", C.TITLE), 9: ("subscription.phrase", C.SUBSCRIPTION)}),
    ("phrases_on_topic", "en", TOPIC_ELSEWHERE_EN,
     {1: ("title.top", C.TITLE), 5: ("subscription.phrase", C.SUBSCRIPTION)}),
]


def _params():
    for heuristic, lang, article, expected, *options in CONTEXT_CASES:
        yield pytest.param(heuristic, lang, article, expected, options[0] if options else {},
                           id=f"{heuristic}-{lang}")


@pytest.mark.parametrize(("heuristic", "lang", "article", "expected", "options"), list(_params()))
def test_context_heuristic(heuristic, lang, article, expected, options):
    result = clean(article, lang=lang, **options)

    got = {r.line: (r.rule, r.category) for r in result.removed}
    assert got == expected
    for r in result.removed:
        assert r.reason, f"no reason for line {r.line}"
    # what is not removed is the body, in input order
    lines = article.split("\n")
    body = [lines[n - 1] for n in range(1, len(lines) + 1) if lines[n - 1].strip() and n not in expected]
    assert [norm(p) for p in result.paragraphs] == [norm(b) for b in body]


@pytest.mark.parametrize("article", [CARDS_WITH_SUMMARIES_EN, CARDS_WITH_SUMMARIES_DE])
def test_a_teaser_cards_byline_names_no_author(article):
    assert clean(article).author is None


def test_author_box_names_the_author():
    assert clean(AUTHOR_BOX_FR, lang="fr").author == "Élodie Marchetti"


def test_title_is_reported_as_metadata():
    result = clean(TITLE_REPEAT_FR, lang="fr")
    assert result.title == "Grève à la SNCF : le trafic sera très perturbé ce week-end"
    reasons = {r.line: r.reason for r in result.removed}
    assert "line 1" in reasons[3]  # the repeat points back at the title it repeats


def test_context_label_keeps_the_per_block_first_label():
    """A block first labelled by a per-block rule and relabelled by the context pass keeps both."""
    result = clean(TRAILING_FR, lang="fr")
    service = next(d for d in result.decisions if d.block.line == 11)
    assert service.final.rule == "teaser.trailing_block"
    # "Service Économie" is not a phrase of any list: no first label, only the context one
    assert service.first is None
    share = next(d for d in result.decisions if d.block.line == 3)
    assert share.first.rule == share.final.rule == "share.phrase"


def test_full_page_is_off_for_a_short_article_and_reported_when_forced():
    assert clean(FULL_PAGE_EN, lang="en").mode == "text"
    assert clean(FULL_PAGE_EN, lang="en", full_page=True).mode == "full-page"
    # without the full-page pass the menu entries that are not phrases stay
    assert "Sport" in clean(FULL_PAGE_EN, lang="en").paragraphs


def test_every_heuristic_has_a_case():
    assert {h.__name__ for h in HEURISTICS} <= {case[0] for case in CONTEXT_CASES}


# --- full-page detection from the shape of the whole text ----------------------------------------

_MENU_EN = ["Home", "News", "Sport", "Business", "Weather", "Culture", "Travel", "Opinion", "Video",
            "Podcasts", "Newsletters", "Log In", "Sign Up", "Subscribe"]
_FOOTER_EN = ["About us", "Contact us", "Careers", "Advertise", "Privacy policy", "Cookie settings",
              "Terms of use", "Accessibility", "Site map"]
_BODY_EN = [
    "The island ferry will run twice a day throughout the winter for the first time in a decade, the "
    "operator announced on Wednesday, after a long campaign by residents of the two islands.",
    "Islanders had complained for years that a single daily crossing left them unable to reach hospital "
    "appointments on the mainland and return home on the same day, especially in the darker months.",
    "A lifeline for businesses",
    "Shopkeepers on the larger island said the extra sailing would make deliveries more reliable and help "
    "them stay open through the quieter months, when visitors are few and the weather is rough.",
    "The operator said the new timetable would be reviewed in the spring, once it had figures on how many "
    "passengers used the early morning boat, and that fares would not rise before then.",
    "Council leaders welcomed the decision but said a longer-term contract was needed to give the islands "
    "certainty, and promised to raise the matter with ministers at their next meeting in March.",
    "Fishermen, who rely on the ferry to send their catch to market, said the second crossing would let "
    "them land in the afternoon and still have their boxes on the mainland by the evening.",
    "The ferry company expects to hire six more crew members for the winter season and has begun "
    "training them on the older of its two boats, which will make the extra trip.",
]


def test_a_flat_page_dump_is_a_full_page():
    """A page's text without indentation (html-text, html2text): header menu, body, footer."""
    page = "\n".join(_MENU_EN + _BODY_EN + _FOOTER_EN)
    result = clean(page, lang="en")
    assert result.mode == "full-page"
    assert result.paragraphs == _BODY_EN
    # the same page rendered by a text browser (every line indented) is one too
    assert clean("\n".join("   " + line for line in page.split("\n")), lang="en").mode == "full-page"


def _flat_dump(html: str) -> str:
    """A page's text as a flat dump gives it: the text of every block element on a line of its
    own, no indentation (lxml's text_content of the leaves)."""
    import lxml.html

    doc = lxml.html.fromstring(html)
    leaves = doc.xpath("//body//*[self::p or self::li or self::h1 or self::h2 or self::a[not(ancestor::li)]]")
    return "\n".join(" ".join(el.text_content().split()) for el in leaves if el.text_content().strip())


def test_a_flat_dump_of_a_short_article_page_is_a_full_page():
    """A flat dump of a page whose article is short (two paragraphs, less prose than detection
    asks of a run alone): the page's own furniture, labelled by the phrase lists ("Home",
    "Log In", "Privacy policy"), and its menus stand above and below the article, so it is a
    full page, and only the article is kept."""
    menu = "".join(f'<li><a href="/{i}">{name}</a></li>' for i, name in enumerate(_MENU_EN))
    footer = "".join(f'<li><a href="/f{i}">{name}</a></li>' for i, name in enumerate(_FOOTER_EN))
    html = (f"<html><body><header><ul>{menu}</ul></header><main><h1>Ferry to run twice a day</h1>"
            f"<p>{_BODY_EN[0]}</p><p>{_BODY_EN[1]}</p></main><footer><ul>{footer}</ul>"
            "<p>© 2025 The Island Times</p></footer></body></html>")
    dump = _flat_dump(html)
    assert "\n".join(_MENU_EN) in dump  # the dump is flat: one entry a line, no indentation
    result = clean(dump, lang="en")
    assert result.mode == "full-page"
    assert result.paragraphs == _BODY_EN[:2]


def test_extracted_text_with_a_few_labels_is_not_a_page():
    """An extracted article that kept a share label above it and a sign-up box below it is not a
    page: it has no menus around its body."""
    text = "\n\n".join(["Share", "Home"] + _BODY_EN + ["Subscribe", "Log In", "Privacy policy"])
    assert clean(text, lang="en").mode == "text"


def test_fields_with_figures_inside_a_full_pages_body_stay():
    """A full page's body search: short lines with a figure (a recipe's quantities, a directory's
    addresses and phone numbers) are fields of the content, not menu entries. Between two
    paragraphs they stay in the body; after the last paragraph they do not extend it, and a menu
    of words is still outside it."""
    ingredients = ["* 1 large or 1200 g whole chicken", "* 1 tablespoon ground cinnamon", "* 2 onions, sliced",
                   "* 4½ cups or 1125 ml of water", "* 3 bay leaves", "* 200 g basmati rice",
                   "* 1 teaspoon salt", "* 2 tablespoons olive oil", "* 4 cloves of garlic", "* 1 lemon, halved",
                   "* 50 g flaked almonds", "* 2 tablespoons chopped parsley"]
    method = ["Rub the chicken with the cinnamon and salt, then brown it on all sides in the olive oil "
              "over a medium heat before adding the onions and letting them soften for ten minutes.",
              "Pour in the water, add the bay leaves and simmer, covered, for an hour, then lift the chicken "
              "out and cook the rice in the stock until it has absorbed nearly all of the liquid."]
    body = _BODY_EN[:2] + ingredients + method + _BODY_EN[2:]
    trailing = ["12 comments", "3 min read", "Page 1 of 4"]
    result = clean("\n".join(_MENU_EN + body + trailing + _FOOTER_EN), lang="en")
    assert result.mode == "full-page"
    assert result.paragraphs == body
    adressen = ["Beratungsstelle Nord", "Hauptstraße 12", "Mo–Fr 9–17 Uhr",
                "Beratungsstelle Süd", "Bahnhofstraße 4", "Di und Do 10–14 Uhr",
                "Beratungsstelle Ost", "Frankfurter Allee 80", "Mi 12–18 Uhr",
                "Beratungsstelle West", "Kantstraße 31", "Fr 9–13 Uhr",
                "Beratungsstelle Mitte", "Rathausplatz 1", "Sa 10–12 Uhr"]
    absätze = [
        "Die Stadt hat ihr Beratungsangebot für Mieterinnen und Mieter erweitert: Zwei neue Stellen "
        "helfen seit dieser Woche bei Fragen zu Nebenkosten, Mieterhöhungen und Kündigungen.",
        "Die Beratung ist kostenlos und ohne Termin möglich, teilte das Bezirksamt mit. Wer lieber "
        "telefonieren möchte, erreicht die Stellen zu den unten genannten Zeiten.",
        "Nach Angaben des Bezirksamts wurden im vergangenen Jahr mehr als viertausend Anfragen gezählt, "
        "fast doppelt so viele wie noch vor fünf Jahren, vor allem zu gestiegenen Heizkosten.",
        "Der Mieterverein begrüßt die neuen Stellen, fordert aber, das Angebot auch auf die Außenbezirke "
        "auszudehnen, wo die Wege zu den Ämtern besonders weit sind.",
        "Ein Sprecher kündigte an, die Öffnungszeiten im Frühjahr zu überprüfen, sobald erste Zahlen "
        "zur Nutzung der beiden Stellen vorliegen, und sie bei Bedarf zu verlängern.",
        "Auch eine Beratung in weiteren Sprachen sei geplant, hieß es, zunächst auf Türkisch, Arabisch "
        "und Ukrainisch, da dort die Nachfrage am größten sei.",
        "Für Menschen, die nicht mehr gut zu Fuß sind, bieten die Beraterinnen zudem Hausbesuche an; "
        "diese müssen allerdings einige Tage im Voraus telefonisch vereinbart werden.",
        "Die Kosten für die beiden Stellen trägt zunächst der Bezirk, ab dem kommenden Jahr soll sich "
        "das Land zur Hälfte daran beteiligen, wie es im Koalitionsvertrag vereinbart ist.",
        "Bis dahin will der Bezirk auch die Website überarbeiten, auf der künftig alle Beratungsangebote "
        "der Stadt mit ihren Adressen und Sprechzeiten an einem Ort zu finden sein sollen. Eine erste "
        "Fassung soll noch vor dem Sommer online gehen.",
    ]
    menu = ["Startseite", "Politik", "Wirtschaft", "Kultur", "Sport", "Wetter", "Reise", "Meinung",
            "Video", "Podcasts", "Newsletter", "Anmelden", "Abonnieren"]
    footer = ["Über uns", "Kontakt", "Karriere", "Werbung", "Datenschutz", "Impressum", "Cookies",
              "Barrierefreiheit", "Sitemap"]
    body = absätze[:2] + adressen + absätze[2:]
    result = clean("\n".join(menu + body + footer), lang="de")
    assert result.mode == "full-page"
    assert result.paragraphs == body


_COMMENTS_EN = [
    ("Margaret Hill", "About time too. My mother waited three months last winter for a crossing that suited her "
     "hospital appointment, and in the end my brother had to take her over in his own boat, which is not "
     "something anyone should have to do in January."),
    ("Tom Baker", "Will the second sailing also take cars, or only foot passengers? The article does not say, "
     "and for those of us who farm on the smaller island it makes all the difference, since we cannot carry "
     "feed and tools across on foot."),
    ("Island Mum", "This is wonderful news for families. The school run to the mainland secondary has been a "
     "nightmare with one boat, and the children have been missing the first lesson every Monday since the "
     "timetable changed."),
    ("R. Campbell", "I hope they keep it beyond the spring review. We have heard promises like this before and "
     "the extra boat disappeared as soon as the figures came in, before anyone had really had the chance "
     "to change their habits."),
    ("Skipper Dan", "As one of the crew I can say we are glad of the new hires. Running the older boat twice a "
     "day with the current roster would have meant very long shifts for everyone over the darkest months "
     "of the year."),
]


def test_a_bulleted_body_list_between_paragraphs_of_a_full_page_stays():
    """In the body search a bulleted line costs what any short line costs: a list of short items
    between two paragraphs stays in the body, while the page's bulleted menu above the article
    and its footer stay outside it."""
    items = ["* a working smoke alarm", "* a torch and spare batteries", "* warm clothes and blankets",
             "* bottled water", "* a first aid kit", "* copies of insurance papers", "* a phone charger",
             "* medicines for a week", "* food for pets", "* cash in small notes", "* a radio",
             "* keys to a neighbour's house"]
    menu = ["* " + entry for entry in _MENU_EN]
    more = ["The council will open two heated halls if the power is off for more than a day, as it did in "
            "three villages during the February storm, and will publish their addresses on its website.",
            "A telephone line will open as soon as an amber warning is issued, and people who live alone "
            "will get a call from the council's staff to check that they are safe and warm."]
    body = _BODY_EN[:2] + items + _BODY_EN[2:] + more
    result = clean("\n".join(menu + body + _FOOTER_EN), lang="en")
    assert result.mode == "full-page"
    assert result.paragraphs == body
    articles = ["* une lampe de poche", "* des couvertures", "* de l'eau en bouteille", "* une trousse de secours",
                "* des vêtements chauds", "* un chargeur de téléphone", "* les papiers d'assurance",
                "* des médicaments", "* de la nourriture pour les animaux", "* une radio",
                "* des espèces", "* un double des clés"]
    paragraphes = [
        "La préfecture a publié mercredi une liste de ce que chaque foyer devrait garder à portée de main "
        "pendant la saison des tempêtes, après les coupures de courant de l'hiver dernier.",
        "Les habitants des communes les plus exposées sont invités à préparer ce sac dès maintenant, "
        "plutôt que d'attendre la première alerte météo, a précisé le sous-préfet.",
        "Les pompiers rappellent qu'en cas de coupure prolongée, il faut éviter les groupes électrogènes "
        "à l'intérieur des maisons et ne jamais utiliser de barbecue dans une pièce fermée.",
        "La mairie ouvrira deux salles chauffées si les coupures dépassent vingt-quatre heures, comme ce "
        "fut le cas dans trois villages du canton lors de la tempête de février.",
        "Un numéro d'information sera activé dès le déclenchement de la vigilance orange, et les "
        "personnes isolées recevront un appel des services municipaux pour vérifier que tout va bien.",
        "Les associations de quartier proposent aussi d'aider les personnes âgées à constituer leur sac, "
        "en passant chez elles dans les semaines qui viennent.",
        "Le département prévoit enfin d'enterrer une partie des lignes électriques les plus exposées d'ici "
        "trois ans, un chantier évalué à plusieurs millions d'euros par le gestionnaire du réseau.",
        "Les écoles resteront ouvertes tant que le chauffage fonctionne, mais les sorties scolaires "
        "seront annulées dès le déclenchement de la vigilance orange, a indiqué le rectorat.",
        "Les agriculteurs, eux, sont invités à mettre leurs animaux à l'abri et à vérifier leurs "
        "groupes électrogènes avant l'hiver, la chambre d'agriculture proposant des contrôles gratuits.",
    ]
    menu = ["* " + entry for entry in ("Accueil", "Actualités", "Sports", "Économie", "Culture", "Météo",
                                       "Voyages", "Opinions", "Vidéos", "Podcasts", "Lettres", "Connexion",
                                       "S'abonner")]
    footer = ["Qui sommes-nous", "Contact", "Carrières", "Publicité", "Confidentialité", "Cookies",
              "Conditions d'utilisation", "Accessibilité", "Plan du site"]
    body = paragraphes[:2] + articles + paragraphes[2:]
    result = clean("\n".join(menu + body + footer), lang="fr")
    assert result.mode == "full-page"
    assert result.paragraphs == body


def test_readers_comments_under_an_article_are_not_its_body_however_long():
    """A full page: the article, a comment section's heading, then the comments, each under its
    author's name and over a reply button. However much prose the comments hold, they are the
    readers', not the rest of the article; a forum thread's replies, under a short opening post,
    stay with their buttons."""
    for button in ("Reply", "reply to comment"):
        comments = [line for name, text in _COMMENTS_EN for line in (name, text, button)]
        page = "\n".join(_MENU_EN + _BODY_EN + ["5 Comments"] + comments + _FOOTER_EN)
        result = clean(page, lang="en")
        assert result.mode == "full-page"
        assert result.paragraphs == _BODY_EN, button
    question = ("My sourdough starter smells of nail polish remover after a week in the fridge. Is it ruined, "
                "or can I still save it before the weekend bake?")
    replies = [line for name, text in _COMMENTS_EN for line in (name, text, "Quote")]
    thread = "\n".join(_MENU_EN + [question, "5 Replies"] + replies + _FOOTER_EN)
    result = clean(thread, lang="en", full_page=True)
    assert question in result.paragraphs
    assert all(text in result.paragraphs for _, text in _COMMENTS_EN)


def test_extracted_article_text_is_not_a_full_page():
    """Without the page's furniture around it, the same body is extracted text, indented or not,
    however short its lines: an extractor that indents its output, a body list of short items."""
    items = ["Flour", "Sugar", "Eggs", "Butter", "Milk", "Salt", "Yeast", "Honey", "Lemon", "Vanilla",
             "Cinnamon", "Raisins", "Almonds"]
    for text in ("\n".join(_BODY_EN), "\n".join("    " + line for line in _BODY_EN),
                 "\n".join(_BODY_EN[:2] + items + _BODY_EN[2:])):
        result = clean(text, lang="en")
        assert result.mode == "text", text
        assert result.paragraphs[:2] == _BODY_EN[:2]


def test_a_product_page_with_prices_around_its_description_is_not_a_full_page():
    """Prices, discounts and counts above and below a run of prose are a product page's fields,
    not a header menu and a footer: the text is not a page dump, and its fields stay."""
    top = ["Harbour Lights", "1 of 24", "-10%", "Your price:", "74,65 €", "98,47 €", "15,89 €", "11,49 €",
           "2,19 €", "12,29 €", "-25%", "9,99 €", "4,99 €", "Version 2.1", "Update 14", "Size: 45 GB"]
    bottom = ["Minimum:", "OS: 64-bit", "RAM: 12 GB", "Storage: 45 GB", "Maximum:", "RAM: 16 GB",
              "SSD: 45 GB", "515,656 reviews", "84% positive", "Rated 12+"]
    for text in ("\n".join(top + _BODY_EN + bottom), "\n".join(_MENU_EN + _BODY_EN + _FOOTER_EN + bottom)):
        result = clean(text, lang="en")
        if text.startswith("Home"):  # the same body between a word menu and a footer is a page
            assert result.mode == "full-page"
            continue
        assert result.mode == "text"
        assert "74,65 €" in result.paragraphs and "RAM: 16 GB" in result.paragraphs


def test_a_listing_without_a_run_of_prose_is_not_a_full_page():
    """Hundreds of short lines and no coherent run of prose: a listing, a schedule, a product grid.
    Its lines are the content; a full-page body search would keep almost nothing."""
    listing = "\n".join(line for i in range(60) for line in
                        (f"Lakeside cottage {i + 1}", f"{2 + i % 4} bedrooms", f"€{400 + 10 * i} per week",
                         "Sleeps up to six guests in a quiet setting by the water."))
    result = clean(listing, lang="en")
    assert result.mode == "text"
    assert "Lakeside cottage 60" in result.paragraphs
    for lang, listing in (("de", "\n".join(f"Ferienwohnung {i}\n{i % 5 + 1} Zimmer\nab {50 + i} € pro Nacht"
                                           for i in range(70))),
                          ("fr", "\n".join(f"Gîte {i}\n{i % 5 + 1} chambres\nà partir de {50 + i} € la nuit"
                                           for i in range(70)))):
        assert clean(listing, lang=lang).mode == "text", lang


def test_no_trailing_block_after_the_share_bar_of_a_page_that_is_not_an_article():
    """A product page or a forum thread: short lines, a share bar, then more of its own short
    lines (which look like teaser cards). Before the markers the text is not article-shaped, so
    what follows them is the page's content."""
    page = "\n".join([
        "Trail running shoe, model 2",
        "A light trail shoe for long runs on rocky ground, tested by our team over three months.",
        "Weight: 280 g", "Drop: 8 mm", "Colours: blue, red", "Sizes: 38 to 47", "Price: 140 euros",
        "Upper: recycled mesh", "Outsole: rubber lugs", "Stack: 30 mm", "Rating: 4 of 5",
        "Share on Facebook", "Share on X",
        "Grip on wet rock", "The outsole kept its grip on wet limestone in our tests",
        "Fit and comfort", "Roomy toe box, narrow heel, no hot spots after two hours",
        "Durability", "The upper showed wear at the flex point after 300 km",
    ])
    result = clean(page, lang="en")
    assert not [r for r in result.removed if r.rule == "teaser.trailing_block"]
    assert "Durability" in result.paragraphs


def test_end_markers_in_a_page_header_never_end_the_article():
    """'Log In' / 'Sign Up' / 'Subscribe' above the article (a page's header, after its tagline)
    are not the end of the article: what follows them stays."""
    body = [
        "The island ferry will run twice a day throughout the winter for the first time in a decade, the "
        "operator announced on Wednesday, after a long campaign by residents.",
        "Fishing boats",
        "Fishermen, who rely on the ferry to send their catch to market, said the second crossing would let "
        "them land in the afternoon.",
        "Island Life",
        "Shopkeepers said the extra sailing would make deliveries more reliable through the quieter months.",
    ]
    text = "\n".join(["News from the islands and the coast, every day since 1998.", "Subscribe", "Sign up for our newsletter",
                      *body])
    result = clean(text, lang="en")
    assert not [r for r in result.removed if r.rule == "teaser.trailing_block"]
    for line in body:
        assert line in result.paragraphs


def test_a_separator_repeated_between_paragraphs_is_not_a_section_label():
    """A line repeated between paragraphs (an invisible joiner, a recurring subheading) is a
    separator when most of its repeats stand before paragraphs, not before headlines."""
    paras = [f"Paragraph {i} of the article explains one more part of the new timetable for the island ferry, "
             f"the operator said on Wednesday." for i in range(8)]
    heads = ["Automated Editing and Smart Tools Arrive", "Shorter Videos Win More Viewers Now",
             "Live Shopping Comes to Every Platform"]
    lines = []
    for i, p in enumerate(paras):
        lines += ["\u200d", p]
        if i < len(heads):
            lines += ["\u200d", heads[i], p]
    result = clean("\n\n".join(lines), lang="en")
    assert not [r for r in result.removed if r.rule == "teaser.repeated_label"]
    assert all(h in result.paragraphs for h in heads)


@pytest.mark.parametrize(("lang", "plus", "minus"), [("en", "Pros", "Cons"), ("de", "Vorteile", "Nachteile"),
                                                     ("fr", "Avantages", "Inconvénients")])
def test_repeated_subheadings_over_lists_of_items_stay(lang, plus, minus):
    """A review's "Pros" / "Cons" over several items each, repeated for every product: a
    subheading over a list, not a teaser card's section label over one headline."""
    items = {"en": ["Special focus on maths and reading with expert tutors", "Individual learning plans based on school goals",
                    "Only for students from grade one to nine", "Prices are higher than most other platforms"],
             "de": ["Besonderer Schwerpunkt auf Mathe und Lesen mit Fachlehrern", "Individuelle Lernpläne nach den Zielen der Schule",
                    "Nur für Schüler der ersten bis neunten Klasse", "Die Preise liegen über denen anderer Plattformen"],
             "fr": ["Un accent particulier sur les maths et la lecture", "Des programmes adaptés aux objectifs de l'école",
                    "Réservé aux élèves du primaire et du collège", "Des prix plus élevés que la plupart des plateformes"]}[lang]
    intro = {"en": "We tested each tutoring platform for a month with three families and compared their prices and teachers.",
             "de": "Wir haben jede Nachhilfe-Plattform einen Monat lang mit drei Familien getestet und Preise und Lehrer verglichen.",
             "fr": "Nous avons testé chaque plateforme de soutien scolaire pendant un mois avec trois familles et comparé les prix."}[lang]
    lines = []
    for _ in range(3):
        lines += [intro, intro, intro, plus, items[0], items[1], minus, items[2], items[3]]
    result = clean("\n\n".join(lines), lang=lang)
    assert not [r for r in result.removed if r.rule == "teaser.repeated_label"]
    assert all(item in result.paragraphs for item in items)


_SECTION_PARAS = {
    "en": ["The machine heats up in under a minute and keeps the coffee hot for two hours without burning it.",
           "Its carafe pours cleanly, and the filter basket lifts out for rinsing, which makes cleaning quick.",
           "The only weak point is the water window, which is hard to read in a dim kitchen."],
    "de": ["Die Maschine heizt in unter einer Minute auf und hält den Kaffee zwei Stunden lang heiß, ohne ihn zu verbrennen.",
           "Die Kanne gießt sauber, und der Filtereinsatz lässt sich zum Ausspülen herausnehmen, was die Reinigung erleichtert.",
           "Einziger Schwachpunkt ist die Wasserstandsanzeige, die in einer dunklen Küche schwer zu lesen ist."],
    "fr": ["La machine chauffe en moins d'une minute et garde le café chaud pendant deux heures sans le brûler.",
           "La verseuse ne coule pas, et le porte-filtre se retire pour le rinçage, ce qui rend le nettoyage rapide.",
           "Seul point faible, la jauge d'eau, difficile à lire dans une cuisine peu éclairée."],
}


@pytest.mark.parametrize(("lang", "label", "heads"), [
    ("en", "Our Verdict", ["A True Icon of Drip Coffee", "A Budget Pick With Big Popularity",
                           "Bare Bones Brewing at a Bargain", "A Household Name in Coffee"]),
    ("de", "Unser Fazit", ["Ein Klassiker unter den Filtermaschinen", "Günstig und trotzdem Beliebt",
                           "Schlichter Kaffee zum Kleinen Preis", "Ein Bekannter Name für Kaffee"]),
    ("fr", "Notre Avis", ["Une Icône du Café Filtre", "Un Petit Prix Très Populaire",
                          "Le Café Simple et Bon Marché", "Un Grand Nom du Café"]),
])
def test_a_label_repeated_over_sections_of_paragraphs_stays(lang, label, heads):
    """A review's recurring subheading ("Our Verdict") before each product's name and its
    paragraphs: sections of the body, not teaser cards (a card has a headline and at most a
    one-sentence summary before the next label)."""
    lines = [_SECTION_PARAS[lang][0]]
    for head in heads:
        lines += [label, head, *_SECTION_PARAS[lang]]
    result = clean("\n\n".join(lines), lang=lang)
    assert not [r for r in result.removed if r.rule == "teaser.repeated_label"]
    assert all(head in result.paragraphs for head in heads)
    assert result.paragraphs.count(label) == len(heads)


@pytest.mark.parametrize(("lang", "step", "items"), [
    ("en", "STEP #{}:", ["Pick a Web Design Tool", "Learn How to Build Pages", "Learn the Best Practices"]),
    ("de", "Schritt {}:", ["Ein Werkzeug für Webdesign Wählen", "Seiten Bauen Lernen", "Die Besten Praktiken Lernen"]),
    ("fr", "Étape {} :", ["Choisir un Outil de Conception", "Apprendre à Créer des Pages", "Suivre les Bonnes Pratiques"]),
])
def test_numbered_step_labels_stay(lang, step, items):
    """"Step 1:" / title, "Step 2:" / title...: an enumeration of the body; teaser section
    labels repeat the same word, they do not count."""
    lines = [_SECTION_PARAS[lang][0], _SECTION_PARAS[lang][1]]
    for n, item in enumerate(items, 1):
        lines += [step.format(n), item]
    lines.append(_SECTION_PARAS[lang][2])
    result = clean("\n\n".join(lines), lang=lang)
    assert not [r for r in result.removed if r.rule == "teaser.repeated_label"]
    assert all(item in result.paragraphs for item in items)


def test_dangling_lines_are_judged_on_the_output_only():
    """A name line that ends the output goes even when the page's removed furniture gave the same
    name earlier (a second pass over the output, without that furniture, finds the same)."""
    from cleaner.ending import dangling
    from cleaner.features import line_features
    from cleaner.lexicon import matcher_for
    from cleaner.model import Block

    texts = ["Jane Waters", *_BODY_EN[:2], *_BODY_EN[3:6], "Tags", "Jane Waters"]
    matcher = matcher_for(("en",), ())
    lines = [line_features(Block(index=i, text=t, line=i + 1, para=i), matcher) for i, t in enumerate(texts)]
    without_header = list(range(1, len(texts)))  # the header's name line was removed
    assert dangling(lines, without_header, True) == [len(texts) - 2, len(texts) - 1]
    # the same name line kept in the output above is a field the text repeats: it stays
    assert dangling(lines, list(range(len(texts))), True) == []


_MENU_DE = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Wissen", "Reise", "Meinung", "Video",
            "Podcasts", "Newsletter", "Anmelden", "Registrieren", "Abo"]
_FOOTER_DE = ["Über uns", "Kontakt", "Karriere", "Werbung", "Datenschutz", "Cookie-Einstellungen",
              "Nutzungsbedingungen", "Barrierefreiheit", "Sitemap"]
_BODY_DE = [
    "Die Inselfähre fährt in diesem Winter zum ersten Mal seit zehn Jahren zweimal am Tag, teilte die "
    "Reederei am Mittwoch mit, nach einer langen Kampagne der Bewohner beider Inseln.",
    "Die Bewohner hatten sich seit Jahren beklagt, dass sie mit einer einzigen Überfahrt am Tag keine "
    "Arzttermine auf dem Festland wahrnehmen und am selben Tag zurückkehren konnten.",
    "Die Ladenbesitzer auf der größeren Insel sagten, die zusätzliche Fahrt mache die Lieferungen "
    "zuverlässiger und helfe ihnen, auch in den ruhigen Monaten geöffnet zu bleiben.",
    "Die Reederei will den neuen Fahrplan im Frühjahr überprüfen, sobald sie weiß, wie viele Fahrgäste "
    "die frühe Fähre nutzen, und die Preise bis dahin nicht erhöhen.",
    "Die Fischer, die ihren Fang mit der Fähre zum Markt schicken, sagten, die zweite Überfahrt erlaube "
    "ihnen, am Nachmittag anzulanden und die Kisten noch am Abend auf dem Festland zu haben.",
    "Die Reederei will für den Winter sechs weitere Besatzungsmitglieder einstellen und bildet sie "
    "bereits auf dem älteren ihrer beiden Schiffe aus, das die zusätzliche Fahrt übernimmt.",
]


@pytest.mark.parametrize(("lang", "menu", "body", "footer", "headline", "lede", "tagline", "byline"), [
    ("en", _MENU_EN, _BODY_EN, _FOOTER_EN, "Island ferry to run twice a day all winter",
     "The island ferry will run twice a day this winter, a first in a decade, after years of campaigning "
     "by residents of the two islands.",
     "Independent journalism from the coast since 1998, read by thousands of families every week.",
     ["By Jane Doe", "12 March 2024", "Share on Facebook", "Share on X"]),
    ("de", _MENU_DE, _BODY_DE, _FOOTER_DE, "Inselfähre fährt den ganzen Winter zweimal am Tag",
     "Die Inselfähre fährt in diesem Winter zweimal am Tag, zum ersten Mal seit zehn Jahren, nach einer "
     "langen Kampagne der Bewohner beider Inseln.",
     "Unabhängiger Journalismus von der Küste seit 1998, gelesen von Tausenden Familien jede Woche.",
     ["Von Martin Keller", "12. März 2024", "Auf Facebook teilen", "Auf X teilen"]),
])
def test_a_full_pages_lede_above_its_byline_is_body(lang, menu, body, footer, headline, lede, tagline, byline):
    """A full page's lede, cut off from the body run by the byline, the date and a share bar:
    a prose block just above the run that shares the article's vocabulary is the article's; in
    its place, a line of the page about something else (the site's tagline) is not. The share
    bar under the lede does not make the article a trailing block."""
    result = clean("\n".join(menu + [headline, lede] + byline + body + footer), lang=lang)
    assert result.mode == "full-page"
    assert result.paragraphs == [lede] + body
    kept = next(d for d in result.decisions if d.block.text == lede)
    assert "lede" in kept.note  # --explain says why a block outside the run stayed
    result = clean("\n".join(menu + [headline, tagline] + byline + body + footer), lang=lang)
    assert result.mode == "full-page"
    assert result.paragraphs == body


_SHARE_BAR = {"en": ["Share", "Facebook", "X", "WhatsApp", "LinkedIn", "Email", "Print", "Copy link", "Comments"],
              "de": ["Teilen", "Facebook", "X", "WhatsApp", "LinkedIn", "E-Mail", "Drucken", "Link kopieren",
                     "Kommentare"]}


@pytest.mark.parametrize(("lang", "menu", "body", "footer", "headline", "standfirst", "others", "byline"), [
    ("en", _MENU_EN, _BODY_EN, _FOOTER_EN, "Island ferry to run twice a day all winter",
     "After years of campaigning by the residents of both islands, the ferry will run twice a day this "
     "winter for the first time in a decade",
     ["Island Ferry Will Run Twice A Day This Winter After Years Of Campaigning By Residents Of Both Islands",
      "Independent journalism from the coast since 1998 and read by thousands of families every week"],
     ["By Jane Doe", "12 March 2024"]),
    ("de", _MENU_DE, _BODY_DE, _FOOTER_DE, "Inselfähre fährt den ganzen Winter zweimal am Tag",
     "Nach einer langen Kampagne der Bewohner beider Inseln fährt die Fähre in diesem Winter zum ersten "
     "Mal seit zehn Jahren zweimal am Tag",
     ["Inselfähre Fährt In Diesem Winter Zweimal Am Tag Nach Langer Kampagne Der Bewohner Beider Inseln",
      "Unabhängiger Journalismus von der Küste seit 1998 und gelesen von Tausenden Familien jede Woche"],
     ["Von Martin Keller", "12. März 2024"]),
])
def test_a_full_pages_standfirst_far_above_its_body_is_body(lang, menu, body, footer, headline, standfirst,
                                                             others, byline):
    """A standfirst as sites write it (a long sentence without its full stop), cut off from the body
    run by the byline, the date and a share bar of nine entries, is the article's. In its place, a
    long headline in title case (the article's words, but no sentence) and the site's tagline
    (a sentence about something else) are not."""
    page = menu + [headline, "{}"] + byline + _SHARE_BAR[lang] + body + footer
    result = clean("\n".join(page).format(standfirst), lang=lang)
    assert result.mode == "full-page"
    assert result.paragraphs == [standfirst] + body
    for other in others:
        result = clean("\n".join(page).format(other), lang=lang)
        assert result.mode == "full-page"
        assert result.paragraphs == body, other


@pytest.mark.parametrize(("lang", "menu", "body", "footer", "lede", "caption", "credit"), [
    ("en", _MENU_EN, _BODY_EN, _FOOTER_EN,
     "The island ferry will run twice a day this winter, a first in a decade, after years of campaigning "
     "by residents of the two islands.",
     "The older of the two ships leaving the harbour on a grey morning, seen from the pier at low tide.",
     "Photo: Jane Doe"),
    ("de", _MENU_DE, _BODY_DE, _FOOTER_DE,
     "Die Inselfähre fährt in diesem Winter zweimal am Tag, zum ersten Mal seit zehn Jahren, nach einer "
     "langen Kampagne der Bewohner beider Inseln.",
     "Das ältere der beiden Schiffe verlässt an einem grauen Morgen den Hafen, gesehen von der Mole bei Ebbe.",
     "Foto: Martin Keller"),
])
def test_the_lead_images_caption_between_the_lede_and_the_body_is_passed_over(lang, menu, body, footer, lede,
                                                                              caption, credit):
    """The lead image sits between the lede and the body, above a share bar: its caption, the prose
    block nearest to the run, is a caption (its credit line says so), not the lede; the lede above
    it is found."""
    page = menu + ["Island ferry", lede, "12 March 2024", caption, credit] + _SHARE_BAR[lang] + body + footer
    result = clean("\n".join(page), lang=lang)
    assert result.mode == "full-page"
    assert result.paragraphs == [lede] + body


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_end_markers_under_the_lede_do_not_make_the_article_a_trailing_block(lang):
    """A share bar right under the lede, then the article: two paragraphs and a long list of
    short entries (providers and what they offer), which look like teaser cards. More prose
    follows the markers than stands before them: they are near the top of the text and close
    nothing."""
    lede, share, paragraphs, entries = {
        "en": ("The largest collection of free certificate courses available online, chosen by our editors.",
               ["Share on Facebook", "Share on X"],
               ["Certificates can motivate learners to finish online courses, but most universities stopped "
                "giving them away for free years ago, when the large course platforms began to charge.",
                "A few universities and companies still offer free certificates, and we tested each of them "
                "to check that the certificate really costs nothing at the end of the course."],
               ["Google", "Android development and analytics", "Harvard", "Computer science and programming",
                "Stanford", "Medical courses with credits", "Open University", "Business, law and science",
                "Kaggle", "Data science and machine learning", "IBM", "Cloud computing and security"]),
        "fr": ("La plus grande collection de cours gratuits avec certificat disponibles en ligne.",
               ["Partager sur Facebook", "Partager sur X"],
               ["Les certificats motivent les apprenants à terminer leurs cours en ligne, mais la plupart des "
                "universités ont cessé de les offrir quand les grandes plateformes sont devenues payantes.",
                "Quelques universités et entreprises proposent encore des certificats gratuits, et nous les "
                "avons tous testés pour vérifier que le certificat ne coûte vraiment rien à la fin."],
               ["Google", "Développement Android et analyse", "Harvard", "Informatique et programmation",
                "Stanford", "Cours de médecine avec crédits", "Open University", "Droit, gestion et sciences",
                "Kaggle", "Science des données", "IBM", "Informatique en nuage et sécurité"]),
    }[lang]
    result = clean("\n".join([lede, *share, *paragraphs, *entries]), lang=lang)
    assert not [r for r in result.removed if r.rule == "teaser.trailing_block"]
    assert result.paragraphs == [lede, *paragraphs, *entries]


@pytest.mark.parametrize(("lang", "menu", "body", "footer", "closing", "question"), [
    ("en", _MENU_EN, _BODY_EN, _FOOTER_EN, "Fares will not change this year.",
     "Did you find this article useful?"),
    ("de", _MENU_DE, _BODY_DE, _FOOTER_DE, "Die Preise bleiben gleich.",
     "War dieser Artikel hilfreich für Sie?"),
])
def test_a_full_pages_closing_sentence_after_its_body_run_is_body(lang, menu, body, footer, closing, question):
    """The article's last sentence, too short to score as prose, right after the body run: it
    joins the body. A question to the reader in its place does not, nor does a sentence after the
    footer's first line."""
    result = clean("\n".join(menu + body + [closing] + footer), lang=lang)
    assert result.mode == "full-page"
    assert result.paragraphs == body + [closing]
    result = clean("\n".join(menu + body + [question] + footer), lang=lang)
    assert result.paragraphs == body
    result = clean("\n".join(menu + body + footer[:1] + [closing] + footer[1:]), lang=lang)
    assert result.paragraphs == body
