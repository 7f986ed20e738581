"""Event records from their parts: the draft type every rule passes around, the sentence context
that a sentence's triggers share, and the finishing touches (dates, series, contexts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

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
        # a recalled meeting's name is its noun's phrase ("the 23rd Ukraine-EU Summit, which took place ...")
        anchor = draft.trigger.token if draft.trigger.recalled else draft.trigger.anchor
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
    event.topics = topics_of(draft.trigger, ctx.sentence, lex)


TOPIC_DEPS = ("dobj", "pobj")
TOPIC_PREPS = ("for", "about", "on", "to", "regarding", "over")
MAX_TOPIC_WORDS = 8


def topics_of(trigger: Trigger, sentence: SpacySpan, lex: Lexicon) -> list[str]:
    """Short phrases naming what was discussed, supported or condemned: the objects of the trigger
    (and, for a meeting, of the discussion verbs of its sentence)."""
    heads = [trigger.token]
    if trigger.type == "CONSULT":
        heads += [t for t in sentence if t.pos_ == "VERB" and t.lemma_.lower() in lex.discussion_verbs]
    topics: list[str] = []
    if trigger.token.dep_ in ("acl", "relcl") and trigger.type == "ENACT":  # "the law passed on ..."
        topics.append(_phrase(trigger.token.head))
    for head in heads:
        for child in head.children:
            target = child
            if child.dep_ == "prep" and child.lower_ in TOPIC_PREPS:
                target = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            elif child.dep_ not in ("dobj",):
                continue
            if target is None or target.pos_ in ("PRON", "PROPN") and target.ent_type_:
                continue
            phrase = _phrase(target)
            if phrase and phrase not in topics:
                topics.append(phrase)
    return [t for t in topics if t]


def _phrase(target: Token) -> str:
    """A short noun phrase: the word with its modifiers and an 'of / on / in' complement."""
    owners = [t for c in target.children if c.dep_ == "poss" for t in c.subtree]
    words = [t for t in target.subtree if t.i <= target.i and not t.is_punct and t not in owners
             and t.dep_ not in ("det", "case")]
    for child in target.children:  # "implementation of the reform agenda"
        if child.dep_ == "prep" and child.lower_ in ("of", "on", "in"):
            words += [t for t in child.subtree if not t.is_punct and t.dep_ not in ("det", "poss", "case")]
    words = words[:MAX_TOPIC_WORDS]
    if not words or (len(words) == 1 and words[0].is_stop):
        return ""
    return " ".join(t.text for t in words)


def discussion_topics(sentence: SpacySpan, lex: Lexicon) -> list[str]:
    """What 'the parties discussed' or 'focused on' in a sentence about the occasion."""
    topics: list[str] = []
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.discussion_verbs:
            continue
        for child in verb.children:
            target = child if child.dep_ == "dobj" else None
            if child.dep_ == "prep" and child.lower_ in TOPIC_PREPS:
                target = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            phrase = _phrase(target) if target is not None else ""
            if phrase and phrase not in topics:
                topics.append(phrase)
    return topics
