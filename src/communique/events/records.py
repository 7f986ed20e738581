"""Event records from their parts: the draft type every rule passes around, the sentence context
that a sentence's triggers share, and the finishing touches (dates, series, contexts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan

from communique.document import Event, EventDate, Location, Participant, Series, Span, Timex
from communique.events.lexicon import Lexicon
from communique.events.mentions import ActorMention, PlaceMention
from communique.events.triggers import Trigger
from communique.events.when_where import document_date, timex_date


@dataclass(slots=True)
class Draft:
    event: Event
    sentence: Span
    trigger: Trigger
    actor_mentions: list[ActorMention] = field(default_factory=list)
    announced: bool = False  # an AGREE read from "will visit": one per occasion, like the visit


@dataclass(slots=True)
class SentenceContext:
    """What every trigger of one sentence shares."""

    sentence: SpacySpan
    evidence: Span
    triggers: list[Trigger]
    timexes: dict[int, list[Timex]]
    places: dict[int, list[PlaceMention]]
    series: list[tuple[Series, int, int]]
    doc_date: dt.date
    text: str
    all_timexes: list[Timex] = field(default_factory=list)


def participant(m: ActorMention, sector: str | None = None) -> Participant:
    return Participant(m.entity, m.country, sector or m.sector, m.text)


def date_for(trigger: Trigger, ctx: SentenceContext) -> EventDate | None:
    for key in (trigger.token.i, trigger.anchor.i):
        for timex in ctx.timexes.get(key, []):
            date = timex_date(timex)
            if date:
                return sharpen(date, timex, ctx)
    return None


def sharpen(date: EventDate, timex: Timex, ctx: SentenceContext) -> EventDate:
    """'May 24-27, 2021' comes as 'May 24' and '2021': the year alone takes the day before it."""
    if date.precision != "year":
        return date
    for others in ctx.timexes.values():
        for other in others:
            sharper = timex_date(other)
            if sharper and sharper.value.startswith(date.value) and sharper.precision != "year" and \
                    0 <= timex.start - other.end <= 12:
                return sharper
    for other in _sentence_timexes(ctx):
        sharper = timex_date(other)
        if sharper and sharper.value.startswith(date.value) and sharper.precision != "year" and \
                0 <= timex.start - other.end <= 12:
            return sharper
    return date


def _sentence_timexes(ctx: SentenceContext) -> list[Timex]:
    return ctx.all_timexes


def places_for(trigger: Trigger, ctx: SentenceContext) -> list[PlaceMention]:
    own = ctx.places.get(trigger.token.i, [])
    return own + [p for p in ctx.places.get(trigger.anchor.i, []) if p not in own]


def make_event(trigger: Trigger, status: str, actors: list[ActorMention], recipients: list[ActorMention],
           date: EventDate | None, location: Location | None, ctx: SentenceContext,
           mode: str | None) -> Event:
    sector = None
    if trigger.type == "ENACT":
        lemma = trigger.token.lemma_.lower()
        sector = "LEG" if lemma in ("pass", "adopt", "approve") and not any(
            a.kind == "person" for a in actors) else "GOV"
    parts = [participant(a, sector if a.kind != "person" or sector == "LEG" else a.sector or "GOV")
             for a in actors]
    if trigger.type == "ENACT":
        parts = [Participant(p.entity, p.country, sector, p.text) for p in parts]
    if date is None and status == "occurred":
        date = document_date(ctx.doc_date)
    if status != "occurred" and date is not None and date.basis == "document":
        date = None
    countries = {p.country for p in parts} | {r.country for r in recipients}
    if trigger.type == "CONSULT" and mode not in ("visit", "phone") and len(countries - {None}) >= 3:
        mode = "multilateral"
    extra: dict[str, bool] = {"light": True} if trigger.sense.light else {}
    if trigger.token.pos_ == "ADJ" and trigger.type == "AGREE":
        extra["intent"] = True
    if trigger.type not in ("CONSULT", "ACCUSE"):
        mode = trigger.mode
    return Event(id="", type=trigger.type, status=status, extra=extra, mode=mode, actors=parts,
                 recipients=[participant(r) for r in recipients], date=date, location=location,
                 evidence=[ctx.evidence], trigger=trigger.token.text)


def finish(draft: Draft, ctx: SentenceContext, lex: Lexicon) -> None:
    """Series and contexts, read from the sentence."""
    event = draft.event
    if event.type == "CONSULT":
        anchor = draft.trigger.anchor
        start, end = anchor.left_edge.idx, anchor.right_edge.idx + len(anchor.right_edge.text)
        for series, s_start, s_end in ctx.series:
            if start <= s_start and s_end <= end:
                event.series = Series(series.name, series.round, series.frequency)
                break
    text = ctx.text[ctx.evidence.start:ctx.evidence.end].lower()
    contexts: list[str] = []
    for key, values in lex.contexts.items():
        if key in text:
            contexts.extend(v for v in values if v not in contexts)
    if event.type in ("CONSULT", "AGREE", "SUPPORT") and "diplomatic" not in contexts:
        contexts.append("diplomatic")
    event.contexts = contexts
