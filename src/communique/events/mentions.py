"""Who can take part in an event: actor and place mentions with their country codes.

The actors stage resolves people, offices, organisations, states and places into
`Document.entities`; this module flattens them into text-ordered mentions. When that layer
is empty (the stage is off, or a caller built the `Document` by hand), a thin adapter reads
spaCy's named entities against the states table so that events still get their countries.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from communique.actors.publisher import home_country
from communique.document import Document
from communique.events.lexicon import EVENTS_DATA
from communique.settings import DATA_DIR

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
    if any(e.country for e in document.entities):
        return _from_entities(document)
    return _from_spacy(document)


def _from_entities(document: Document) -> Mentions:
    actors: list[ActorMention] = []
    places: list[PlaceMention] = []
    for ent in document.entities:
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
        country = _capitals().get(text.lower()) or _capitals().get(text.split(",")[0].strip().lower()) \
            or state_code(text)
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


# ----------------------------------------------------------------- the fallback adapter

@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """Lower-cased state names, aliases and demonyms -> ISO alpha-3, read once."""
    names: dict[str, str] = {}
    table = DATA_DIR / "actors" / "states.csv"
    if table.exists():
        with open(table, encoding="utf-8") as handle:
            rows = csv.DictReader(line for line in handle if not line.startswith("#"))
            for row in rows:
                code = row.get("iso3") or ""
                for column in ("name", "aliases", "demonyms"):
                    for name in (row.get(column) or "").split("|"):
                        if name.strip():
                            names[name.strip().lower()] = code
    else:  # pragma: no cover - the table ships with the package
        import pycountry

        for country in pycountry.countries:
            names[country.name.lower()] = country.alpha_3
    names.update({"u.s.": "USA", "us": "USA", "united states": "USA", "america": "USA",
                  "american": "USA", "americans": "USA", "u.s": "USA"})
    return names


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Lower-cased capital names -> ISO alpha-3, from the states table."""
    out: dict[str, str] = {}
    table = DATA_DIR / "actors" / "states.csv"
    if table.exists():
        with open(table, encoding="utf-8") as handle:
            for row in csv.DictReader(line for line in handle if not line.startswith("#")):
                for name in (row.get("capitals") or "").split("|"):
                    if name.strip():
                        out[name.strip().lower()] = row.get("iso3") or ""
    return out


@lru_cache(maxsize=1)
def _fallback_data() -> dict[str, Any]:
    with open(EVENTS_DATA / "fallback_actors.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def state_code(text: str) -> str | None:
    """ISO alpha-3 of a state name, alias or demonym, else None."""
    key = text.strip().lower()
    if key.startswith("the "):
        key = key[4:]
    return _state_names().get(key) or _state_names().get(key.rstrip("s"))


def _from_spacy(document: Document) -> Mentions:
    doc = document.spacy_doc
    actors: list[ActorMention] = []
    places: list[PlaceMention] = []
    if doc is None:
        return Mentions(actors, places)
    data = _fallback_data()
    titles = set(data["government_titles"])
    igos = data["igos"]
    home = home_country(document)
    known_people: dict[str, str] = {}
    previous_person_end = 0
    for ent in doc.ents:
        text = ent.text
        if ent.label_ in ("GPE", "NORP", "LOC"):
            code = state_code(text)
            if code:
                kind = "state"
                actors.append(ActorMention(ent.start_char, ent.end_char, text, code, None, None, kind))
                places.append(PlaceMention(ent.start_char, ent.end_char, text, text, code, None, kind))
            elif ent.label_ in ("GPE", "LOC"):
                capital = _capitals().get(text.lower()) or _capitals().get(text.split(",")[0].lower())
                places.append(PlaceMention(ent.start_char, ent.end_char, text, text, capital, None, "place"))
        elif ent.label_ == "ORG" and text.lower().removeprefix("the ") in igos:
            code = igos[text.lower().removeprefix("the ")]
            actors.append(ActorMention(ent.start_char, ent.end_char, text, code, None, None, "igo"))
        elif ent.label_ == "PERSON":
            window = doc[max(ent.sent.start, ent.start - 16, previous_person_end):ent.start]
            previous_person_end = ent.end
            country = None
            for tok in window:
                country = state_code(tok.text) or country
            after = doc[ent.end:min(ent.sent.end, ent.end + 3)]
            if len(after) >= 2 and after[0].lower_ == "of":
                country = state_code(after[1:].text.split(",")[0]) or country
            titled = any(t.lower_ in titles for t in window)
            surname = ent[-1].lower_
            if country is None:
                country = known_people.get(surname)
            if country is None and titled:
                country = home
            if country:
                known_people.setdefault(surname, country)
            if country:
                actors.append(ActorMention(ent.start_char, ent.end_char, text, country,
                                           "GOV" if titled else None, None, "person"))
    return Mentions(_drop_nested(sorted(actors, key=lambda m: m.start)),
                    _drop_nested(sorted(places, key=lambda m: m.start)))
