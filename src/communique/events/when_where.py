"""When and where: the event's date from time expressions in its own clause, its place from
the places the clause puts it in ("in Astana", "at the White House", "travel to Kyiv").
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from communique.document import EventDate, Location, Timex
from communique.events.mentions import Mentions, PlaceMention, state_code

DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}
LOCATIVE_PREPS = ("in", "at", "near")
# "in the northern city of Kirkuk", "near the town of Rafah": the place names the settlement noun
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "province", "region", "capital", "district",
                              "area", "outskirts", "suburb", "suburbs", "port", "enclave", "camp"})
DESTINATION_PREPS = ("to",)
# Acts done to a place named as their object: the place is where the act happened and, with no
# one else named, whose state it was aimed at ("Russian forces shelled Kharkiv").
PLACE_ACT_VERBS = frozenset({"shell", "bomb", "bombard", "strike", "attack", "besiege", "capture",
                             "recapture", "raid", "storm", "encircle", "occupy", "seize", "blockade",
                             "invade"})
NON_PLACE_PREPS = ("with", "between", "among", "by", "for", "against", "of", "about")


def timex_date(timex: Timex) -> EventDate | None:
    """The calendar part of a TIMEX3 value (`2024-04-15`, `2023-12`, `2025`), else None."""
    if timex.type not in ("DATE", "TIME") or not timex.value:
        return None
    match = DATE_VALUE.match(timex.value)
    if not match:
        return None
    value = match.group(0)
    return EventDate(value, PRECISION_BY_LENGTH[len(value)], "text")


def document_date(date: dt.date) -> EventDate:
    return EventDate(date.isoformat(), "day", "document")


def _governor(doc: Doc, start: int, end: int, stops: set[int]) -> int | None:
    """The nearest token index above the span that is a stop (a trigger or an anchor)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token: Token = span.root
    for _ in range(8):
        if token.i in stops:
            return token.i
        if token.head.i == token.i:
            return None
        if token.pos_ in ("VERB", "AUX") and token.i not in stops and token.i != span.root.i:
            return None
        token = token.head
    return None


def attach_timexes(doc: Doc, timexes: list[Timex], stops: set[int]) -> dict[int, list[Timex]]:
    """Timexes grouped by the trigger or anchor token that governs them."""
    out: dict[int, list[Timex]] = {}
    for timex in timexes:
        if timex_date(timex) is None:
            continue
        owner = _governor(doc, timex.start, timex.end, stops)
        if owner is not None:
            out.setdefault(owner, []).append(timex)
    return out


def settlement_head(root: Token) -> Token:
    """The word that stands for a place in its clause: "city" for "the city of Sumy", else the
    place's own word."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in SETTLEMENT_NOUNS:
        return root.head.head
    return root


def attach_places(doc: Doc, mentions: Mentions, stops: set[int]) -> dict[int, list[PlaceMention]]:
    """Places after 'in', 'at' or 'to', grouped by the trigger or anchor that governs them."""
    out: dict[int, list[PlaceMention]] = {}
    for place in mentions.places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        misparsed = False
        while root.dep_ == "compound" and root.head.i != root.i:  # "Tokyo March 16-18": a misparse
            root, misparsed = root.head, True
        if misparsed and root.head.i in stops and root.ent_type_ == "DATE":
            out.setdefault(root.head.i, []).append(place)
            continue
        root = settlement_head(root)
        prep = root.head
        coordinated = root.dep_ == "conj"
        while root.dep_ == "conj" and prep.head.i != prep.i and prep.dep_ in ("pobj", "conj", "dobj"):
            root, prep = prep, prep.head
        acted_on = prep.lemma_.lower() in PLACE_ACT_VERBS and place.kind == "place"  # a state: a party
        if root.dep_ == "dobj" and (prep.lemma_.lower() == "visit" or acted_on):
            owner = prep.i  # "visited Astana", "shelled Kharkiv", "captured the town of X"
        elif prep.lower_ in LOCATIVE_PREPS + DESTINATION_PREPS or (
                coordinated and prep.pos_ == "ADP" and prep.lower_ not in NON_PLACE_PREPS):
            owner = _governor(doc, prep.idx, prep.idx + len(prep), stops)
        else:
            continue
        if owner is not None:
            out.setdefault(owner, []).append(place)
    return out


def location_of(place: PlaceMention, text: str) -> Location:
    """A place as an event location; 'Santiago, Chile' takes its country from the state named."""
    country = place.country
    tail = re.match(r",\s*(?:the\s+)?([A-Z][\w.'’ -]{2,40}?)(?=[,.;:\s]|$)", text[place.end:place.end + 45])
    if country is None and tail:
        country = state_code(tail.group(1))
    name = re.sub(r"^the\s+", "", text[place.start:place.end], flags=re.I)
    district = re.match(r",\s*(D\.\s?C\.|DC)(?!\w)", text[place.end:place.end + 8])
    if district and "," not in name:  # "Washington, D.C." read as two names
        name += text[place.end:place.end + district.end()]
    return Location(place.entity, name, country)
