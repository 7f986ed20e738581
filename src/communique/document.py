"""The `Document` that flows through the pipeline, and the records each stage adds to it.

Every stage reads a `Document` and fills one layer: ingest sets the text and metadata, nlp
the spaCy parse, time the `timexes`, actors the `entities`, events the `events`. The JSON
written by `Document.to_json()` is the `communique/1` contract of
`shared/spec/EXTRACTION.md` section 2; `Document.from_json()` reads it back.

Offsets are Python `str` indices into `Document.text`, end exclusive.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "communique/1"

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "ENACT",
)
STATUSES = ("occurred", "planned", "hypothetical", "negated")
ENTITY_KINDS = ("person", "state", "organization", "igo", "place")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range `[start, end)` of the article text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Entity:
    """One real-world referent with all its mentions in the article."""

    id: str
    kind: str
    name: str
    mentions: list[Span] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    members: list[str] = field(default_factory=list)  # member countries of a grouping (C5+1)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "mentions": [[m.start, m.end] for m in self.mentions],
        }
        if self.kind == "person" or self.title:
            out["title"] = self.title
        if self.kind == "place" or self.lat is not None:
            out.update(lat=self.lat, lon=self.lon, geonameid=self.geonameid)
        if self.members:
            out["members"] = list(self.members)
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entity:
        known = {"id", "kind", "name", "mentions", "country", "sector", "title", "lat", "lon",
                 "geonameid", "members"}
        return cls(
            id=data["id"], kind=data["kind"], name=data["name"],
            mentions=[Span(s, e) for s, e in data.get("mentions", [])],
            country=data.get("country"), sector=data.get("sector"), title=data.get("title"),
            lat=data.get("lat"), lon=data.get("lon"), geonameid=data.get("geonameid"),
            members=list(data.get("members") or []),
            extra={k: v for k, v in data.items() if k not in known},
        )


@dataclass(slots=True)
class Timex:
    """A TIMEX3 time expression, its value resolved against the document date."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    precision: str | None = None  # day | month | year | week | quarter | decade | century | time | None
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ...
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text,
                               "type": self.type, "value": self.value}
        if self.precision:
            out["precision"] = self.precision
        if self.mod:
            out["mod"] = self.mod
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Timex:
        known = {"start", "end", "text", "type", "value", "precision", "mod"}
        return cls(start=data["start"], end=data["end"], text=data["text"], type=data["type"],
                   value=data.get("value"), precision=data.get("precision"), mod=data.get("mod"),
                   extra={k: v for k, v in data.items() if k not in known})


@dataclass(slots=True)
class Participant:
    """An actor or recipient of an event: an entity (or null) with its country and sector."""

    entity: str | None
    country: str | None
    sector: str | None = None
    text: str | None = None  # the words that named it, for people reading the record

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"entity": self.entity, "country": self.country, "sector": self.sector}
        if self.text:
            out["text"] = self.text
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Participant:
        return cls(entity=data.get("entity"), country=data.get("country"),
                   sector=data.get("sector"), text=data.get("text"))


@dataclass(slots=True)
class EventDate:
    value: str
    precision: str  # day | month | year
    basis: str  # text | document

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "precision": self.precision, "basis": self.basis}


@dataclass(slots=True)
class Location:
    entity: str | None
    name: str
    country: str | None

    def to_json(self) -> dict[str, Any]:
        return {"entity": self.entity, "name": self.name, "country": self.country}


@dataclass(slots=True)
class Series:
    """A recurring dialogue and which round of it an event is."""

    name: str
    round: int | None = None
    frequency: str | None = None  # annual | biannual | monthly | ... | None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "round": self.round, "frequency": self.frequency}


@dataclass(slots=True)
class Event:
    id: str
    type: str
    status: str
    mode: str | None = None
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    date: EventDate | None = None
    location: Location | None = None
    series: Series | None = None
    contexts: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    trigger: str | None = None  # the word that signalled the event, for explanations
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "status": self.status,
            "actors": [p.to_json() for p in self.actors],
            "recipients": [p.to_json() for p in self.recipients],
            "date": self.date.to_json() if self.date else None,
            "location": self.location.to_json() if self.location else None,
            "series": self.series.to_json() if self.series else None,
            "contexts": list(self.contexts),
            "topics": list(self.topics),
            "evidence": [{"start": s.start, "end": s.end} for s in self.evidence],
        }
        if self.trigger:
            out["trigger"] = self.trigger
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        known = {"id", "type", "mode", "status", "actors", "recipients", "date", "location",
                 "series", "contexts", "topics", "evidence", "trigger"}
        date = data.get("date")
        loc = data.get("location")
        series = data.get("series")
        return cls(
            id=data["id"], type=data["type"], status=data["status"], mode=data.get("mode"),
            actors=[Participant.from_json(p) for p in data.get("actors", [])],
            recipients=[Participant.from_json(p) for p in data.get("recipients", [])],
            date=EventDate(date["value"], date["precision"], date["basis"]) if date else None,
            location=Location(loc.get("entity"), loc.get("name", ""), loc.get("country")) if loc else None,
            series=Series(series["name"], series.get("round"), series.get("frequency")) if series else None,
            contexts=list(data.get("contexts", [])), topics=list(data.get("topics", [])),
            evidence=[Span(e["start"], e["end"]) for e in data.get("evidence", [])],
            trigger=data.get("trigger"),
            extra={k: v for k, v in data.items() if k not in known},
        )


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Document:
    """An article and everything the pipeline has found in it.

    `text` is exactly what offsets index. `nlp_text` has the same length, with markup
    (Markdown emphasis, link targets, HTML tags) blanked out so the parser reads prose;
    it is what the nlp stage parses. `boilerplate` spans (photo credits, share lines)
    stay in the text but are never evidence.
    """

    id: str
    date: dt.date
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = "en"
    source: str | None = None  # where it came from: a path, "path:line" or a URL
    nlp_text: str | None = None
    boilerplate: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    spacy_doc: Any = None  # spacy.tokens.Doc, set by the nlp stage; never serialised
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return sha256_text(self.text)

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def is_boilerplate(self, span: Span) -> bool:
        return any(b.overlaps(span) for b in self.boilerplate)

    def to_json(self) -> dict[str, Any]:
        meta: dict[str, Any] = {
            "id": self.id,
            "date": self.date.isoformat(),
            "title": self.title,
            "url": self.url,
            "publisher": self.publisher,
            "language": self.language,
            "sha256": self.sha256,
        }
        meta.update(self.extra)
        return {
            "schema": SCHEMA,
            "document": meta,
            "text": self.text,
            "entities": [e.to_json() for e in self.entities],
            "timexes": [t.to_json() for t in self.timexes],
            "events": [e.to_json() for e in self.events],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        meta = data["document"]
        known = {"id", "date", "title", "url", "publisher", "language", "sha256"}
        return cls(
            id=meta["id"], date=dt.date.fromisoformat(meta["date"]), text=data.get("text", ""),
            title=meta.get("title"), url=meta.get("url"), publisher=meta.get("publisher"),
            language=meta.get("language"),
            entities=[Entity.from_json(e) for e in data.get("entities") or []],
            timexes=[Timex.from_json(t) for t in data.get("timexes") or []],
            events=[Event.from_json(e) for e in data.get("events") or []],
            extra={k: v for k, v in meta.items() if k not in known},
        )
