"""The light view of a stored event that the link stage reasons about, and how two are compared.

Link decisions must not depend on the order articles arrived in, so everything here sorts
by content (dates, document keys, event keys), never by database ids.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

SYMMETRIC_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"the", "of", "and", "on", "in", "for", "a", "an", "to", "with", "between", "at", "by", "is", "was",
         "were", "that", "this", "as", "its", "their", "his", "her", "from", "be", "has", "have"}


@dataclass(slots=True)
class LinkEvent:
    """One current, non-rejected event with what linking needs."""

    id: int
    doc_key: str
    doc_sha: str
    doc_date: dt.date
    event_key: str
    type: str
    status: str
    mode: str | None
    start: dt.date  # the event's date window, or the document date when no date is known
    end: dt.date
    precision: str | None
    basis: str | None
    countries: frozenset[str]
    actors: frozenset[str]
    recipients: frozenset[str]
    location_name: str | None
    location_country: str | None
    series_name: str | None
    series_round: int | None
    series_frequency: str | None
    topics: list[str]
    words: frozenset[str] = field(default_factory=frozenset)
    series_key: str | None = None

    @property
    def sort_key(self) -> tuple[Any, ...]:
        return (self.start, self.doc_date, self.doc_key, self.event_key)

    @property
    def stable_id(self) -> str:
        return f"{self.doc_sha[:16]}:{self.event_key}"

    @property
    def dated(self) -> bool:
        return self.precision is not None and self.basis != "document"


def words_of(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@lru_cache(maxsize=65536)
def normalise_series_name(name: str) -> str:
    """"the High-Level Dialogue" and "high level dialogue" are one name (cached: the link stage asks
    for the same few names and places millions of times)."""
    text = re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()
    return re.sub(r"^the ", "", text)


def places_compatible(a_name: str | None, a_country: str | None, b_name: str | None,
                      b_country: str | None) -> bool | None:
    """True when two places agree, False when they conflict, None when either is unknown."""
    if not (a_name or a_country) or not (b_name or b_country):
        return None
    if a_country and b_country and a_country != b_country:
        return False
    if a_name and b_name:
        x, y = normalise_series_name(a_name), normalise_series_name(b_name)
        return x in y or y in x
    return True


def countries_agree(a: LinkEvent, b: LinkEvent) -> float | None:
    """How well two events' participants agree (0..1), None when either is unknown, 0 on conflict.

    Symmetric types (meetings, agreements) compare all participants: equal sets, or one inside
    the other sharing two or more. Directed types compare actors with actors and recipients with
    recipients: each pair known on both sides must share a country."""
    if not a.countries or not b.countries:
        return None
    if a.type in SYMMETRIC_TYPES:
        if a.countries == b.countries:
            return 1.0
        if (a.countries <= b.countries or b.countries <= a.countries) and len(a.countries & b.countries) >= 2:
            return 0.75
        return 0.0
    scores = []
    for x, y in ((a.actors, b.actors), (a.recipients, b.recipients)):
        if x and y:
            if not x & y:
                return 0.0
            scores.append(jaccard(x, y))
    return sum(scores) / len(scores) if scores else None


def same_participants(a: LinkEvent, b: LinkEvent) -> bool:
    """Known and identical participants: all countries for symmetric types, each side otherwise."""
    if not a.countries:
        return False
    if a.type in SYMMETRIC_TYPES:
        return a.countries == b.countries
    return a.actors == b.actors and a.recipients == b.recipients
