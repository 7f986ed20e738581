"""Who can take part in an event: actor and place mentions with their country codes.

The actors stage resolves people, offices, organisations, states and places into
`Document.entities`; this module flattens them into text-ordered mentions. When that layer is
empty (the stage is off, or a caller built the `Document` by hand) the actors stage's own
`extract_entities` fills in for it, so events get the same participants either way. Places the
parser found that the actors stage left out take their country from the actors stage's phrase
resolver (`actors.resolve.actor_for_phrase`): one table of states, capitals and places, not two.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from communique.actors.resolve import actor_for_phrase
from communique.document import Document, Entity

ACTOR_KINDS = ("person", "state", "organization", "igo")


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One mention of a possible event participant."""

    start: int
    end: int
    text: str
    country: str | None
    sector: str | None
    entity: str | None
    kind: str
    members: tuple[str, ...] = ()  # member states of a grouping ("G7", "C5+1")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One mention of a place that may be where an event happens."""

    start: int
    end: int
    text: str
    name: str
    country: str | None
    entity: str | None
    kind: str  # place | state


@dataclass(slots=True)
class Mentions:
    actors: list[ActorMention]
    places: list[PlaceMention]

    def actors_in(self, start: int, end: int) -> list[ActorMention]:
        return [m for m in self.actors if start <= m.start and m.end <= end]

    def places_in(self, start: int, end: int) -> list[PlaceMention]:
        return [m for m in self.places if start <= m.start and m.end <= end]


def collect_mentions(document: Document) -> Mentions:
    """Actor and place mentions of the article, in text order."""
    entities = document.entities
    if not entities and document.spacy_doc is not None:
        from communique.actors.stage import extract_entities  # the actors stage did not run

        entities = extract_entities(document)
    return _from_entities(document, entities)


def _from_entities(document: Document, entities: list[Entity]) -> Mentions:
    actors: list[ActorMention] = []
    places: list[PlaceMention] = []
    for ent in entities:
        for span in ent.mentions:
            text = document.text[span.start:span.end]
            if ent.kind in ACTOR_KINDS:
                actors.append(ActorMention(span.start, span.end, text, ent.country, ent.sector,
                                           ent.id, ent.kind, tuple(ent.members)))
            if ent.kind in ("place", "state"):
                places.append(PlaceMention(span.start, span.end, text, text, ent.country, ent.id,
                                           ent.kind))
    places.extend(_unresolved_places(document, actors + places))
    actors.sort(key=lambda m: (m.start, -m.end))
    places.sort(key=lambda m: (m.start, -m.end))
    return Mentions(_drop_nested(actors), _drop_nested(places))


def _unresolved_places(document: Document, known: list[ActorMention | PlaceMention]) -> list[PlaceMention]:
    """Places the parser found that the actors stage left out ('in Washington, D.C.'); a capital
    gives its country."""
    doc = document.spacy_doc
    if doc is None:
        return []
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        if any(k.start < ent.end_char and ent.start_char < k.end for k in known):
            continue
        text = ent.text
        country = place_country(text, document.date)
        out.append(PlaceMention(ent.start_char, ent.end_char, text, text, country, None, "place"))
    return out


def _drop_nested(items: list[Any]) -> list[Any]:
    """Keep the longest of overlapping mentions (a title holding a country name)."""
    kept: list[Any] = []
    for item in items:
        if kept and item.start < kept[-1].end:
            if item.end - item.start > kept[-1].end - kept[-1].start:
                kept[-1] = item
            continue
        kept.append(item)
    return kept


NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "MNC", "IMG", "ISM"})


def place_country(text: str, date: dt.date | None = None) -> str | None:
    """The state a place name lies in ('Santiago' CHL, 'Washington, D.C.' USA, 'Gaza' PSE), as the
    actors stage resolves it; None for people, IGOs and unknown names."""
    ref = actor_for_phrase(text, date)
    if ref is None or ref.kind == "person" or not ref.country or ref.country in NON_STATE_CODES:
        return None
    return ref.country


def state_code(text: str) -> str | None:
    """ISO alpha-3 of a state named by name, alias, demonym or capital ('Chile', 'the Republic of
    Korea', 'Ukrainian'), as the actors stage resolves it; else None."""
    ref = actor_for_phrase(text.strip())
    return ref.country if ref is not None and ref.kind == "state" and ref.country not in NON_STATE_CODES \
        else None
