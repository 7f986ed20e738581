"""The actors stage: fills `Document.entities` and, when the document has none, its publisher.

Interface for later stages (the events stage reads these):

1. `document.entities`: one `Entity` per referent (EXTRACTION.md section 2) with every mention
   grouped; states, people (with country, PLOVER sector and office as written), organisations,
   IGOs (groupings list `members`) and places (with coordinates and GeoNames id).
2. `communique.actors.index.EntityIndex(document)`: `.at(start, end)` entities with a mention
   overlapping a span, `.in_span(start, end)` (Span, Entity) pairs inside a span in text order,
   `.places_in(start, end)` the place mentions of a span (location candidates), `.country_of(entity)`.
3. `communique.actors.resolve.country_for_phrase(text, date=None)` for "the Kazakh side",
   "Washington", "the Ukrainian delegation", "the EU"; `actor_for_phrase(text, date, home)` gives
   an `ActorRef(kind, name, country, sector, members)` (members for groupings such as C5+1).
4. `communique.actors.resolve.sector_for_title(title)` for "Foreign Minister" → GOV.

Persons carry the office as written (`title`); with no office in the text, the knowledge base's
office on the article's date. A bare office ("the President") joins the person holding it in the
text, else the publisher's own office holder (from the URL's domain, `data/actors/publishers.yaml`).

News prose: a people or ethnic word ("Chechen rebels", "ethnic Albanians in Serbia", "Bosnian
Serbs") is a state mention of the country the group acts in (`peoples.py`, `data/actors/peoples.yaml`);
"pro-Russia" / "anti-Syria" do not make that state an actor; an official the text gives no
country takes the one its sentence names (`context.py`). A private person takes the nationality
written with their occupation ("American businessman X": USA, BUS) and no country otherwise;
members of a legislature the country of the legislature named (`private.py`).

Everything is read from `data/actors/` once per process (`lexicon.load_lexicon`), so a document
costs a dictionary scan of its tokens plus a few rules per match.
"""

from __future__ import annotations

from communique.actors.compose import Composer
from communique.actors.context import fill_body_countries, fill_person_countries
from communique.actors.group import group_mentions
from communique.actors.lexicon import load_lexicon
from communique.actors.matcher import find_pieces
from communique.actors.private import fill_legislators, fill_private_people
from communique.actors.publisher import home_country, publisher_named_in
from communique.actors.tokens import tokenize
from communique.document import Document, Entity


def extract_entities(document: Document) -> list[Entity]:
    """The entities of one document (reads its text, date, spaCy parse and publisher)."""
    lex = load_lexicon()
    text = document.nlp_text if document.nlp_text is not None else document.text
    tokens = tokenize(text)
    pieces = find_pieces(tokens, text, lex)
    home = home_country(document)
    composer = Composer(text, tokens, pieces, lex, date=document.date, spacy_doc=document.spacy_doc,
                        home=home)
    entities = group_mentions(composer.mentions(), date=document.date, home=home, text=text)
    fill_private_people(entities, text)
    fill_legislators(entities, text, home)
    fill_person_countries(entities, text, document.spacy_doc)
    for entity in entities:
        entity.extra.pop("private", None)
        entity.extra.pop("legislator", None)
    return fill_body_countries(entities, text, document.spacy_doc)


class ActorsStage:
    """Pipeline stage: `document.entities`, and `document.publisher` when the text names it."""

    name = "actors"

    def __init__(self) -> None:
        load_lexicon()  # build the dictionaries now, not inside the first document

    def __call__(self, document: Document) -> None:
        document.entities = extract_entities(document)
        if document.publisher is None:
            document.publisher = publisher_named_in(document)
