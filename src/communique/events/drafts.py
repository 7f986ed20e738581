"""Turning one typed trigger into draft events: participants, status, date, place, series.

A draft is an `Event` plus what grouping needs (the sentence it came from, the trigger).
Promises are handled here too: a CONSULT governed by "agreed to", "invited X to" is planned and
takes its participants from the promise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from communique.document import Event, EventDate, Location, Participant, Series, Span, Timex
from communique.events.lexicon import Lexicon
from communique.events.mentions import ActorMention, Mentions, PlaceMention
from communique.events.participants import Discourse, object_mentions, resolve_subject, subject_of
from communique.events.status import _own_status, event_status
from communique.events.triggers import Trigger
from communique.events.when_where import document_date, location_of, timex_date

PROMISE_LEMMAS = ("agree", "commit", "pledge", "promise", "invite", "vow", "decide", "confirm")
# Acts done to someone, where the target may share the actor's country (police and protesters).
MATERIAL_TYPES = ("ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "RETREAT", "CONCEDE", "AID",
                  "THREATEN")
HOSTILE_TYPES = ("ASSAULT", "COERCE", "SANCTION")
CLAIM_VERBS = ("claim", "allege", "assert", "contend", "charge")
REFUSABLE_TYPES = ("SUPPORT", "AID", "COOPERATE", "AGREE", "CONCEDE", "RETREAT")
# Future cooperative acts announced with "will" are also a promise (AGREE), as PLOVER codes them.
COOPERATIVE_TYPES = ("SUPPORT", "AID", "COOPERATE", "CONCEDE", "RETREAT", "CONSULT")


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


def _unique(mentions: list[ActorMention]) -> list[ActorMention]:
    """One participant per entity (or per country when no entity is known)."""
    seen: set[str] = set()
    out = []
    for m in mentions:
        key = m.entity or f"country:{m.country}:{m.text.lower()}"
        if key in seen:
            continue
        seen.add(key)
        out.append(m)
    return out


def _prefer_people(mentions: list[ActorMention]) -> list[ActorMention]:
    """Named officials stand for their state: drop a state mention whose country a person has."""
    people = {m.country for m in mentions if m.kind == "person"}
    return [m for m in mentions if m.kind == "person" or m.country not in people]


def _demand_drafts(trigger: Trigger, ctx: SentenceContext, mentions: Mentions, discourse: Discourse,
                   lex: Lexicon) -> list[Draft]:
    asker = _unique(resolve_subject(subject_of(trigger.anchor)[0], mentions, discourse, lex))
    clause = trigger.demand_of
    asked_subject = next(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
    asked = _unique(resolve_subject(asked_subject, mentions, discourse, lex))
    asker_countries = _countries(asker)
    asked = [m for m in asked if m.country not in asker_countries]
    if not asker or not asked:
        return []
    event = _event(trigger, "occurred", asker, asked, _date_for(trigger, ctx), None, ctx, None)
    draft = Draft(event, ctx.evidence, trigger, asker)
    _finish(draft, ctx, lex)
    return [draft]


def _own_negation(anchor: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in anchor.children)


def _claimed_by(trigger: Trigger) -> Token | None:
    """'The US claimed that ISIL had attacked Iraq': the claim is the event (ACCUSE)."""
    anchor = trigger.anchor
    if anchor.dep_ == "ccomp" and anchor.head.lemma_.lower() in CLAIM_VERBS:
        return anchor.head
    return None


def _accusation(trigger: Trigger, claim: Token, ctx: SentenceContext, mentions: Mentions,
                discourse: Discourse, lex: Lexicon) -> list[Draft]:
    accuser = _unique(resolve_subject(subject_of(claim)[0], mentions, discourse, lex))
    accused = _unique(resolve_subject(subject_of(trigger.anchor)[0], mentions, discourse, lex))
    if not accuser or not accused:
        return []
    sense = trigger.sense
    accusation = Trigger(claim, claim, "ACCUSE", "allege", sense)
    event = _event(accusation, "occurred", accuser, accused, None, None, ctx, "allege")
    return [Draft(event, ctx.evidence, accusation, accuser)]


def _refusal(anchor: Token) -> bool:
    words = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "neg")}
    return bool(words & {"will", "would", "wo", "shall"}) and bool(words & {"not", "n't", "never"})


def _unique_countries(mentions: list[ActorMention]) -> list[ActorMention]:
    seen: set[str | None] = set()
    out = []
    for m in mentions:
        if m.country not in seen:
            seen.add(m.country)
            out.append(m)
    return out


def _countries(mentions: list[ActorMention]) -> set[str]:
    return {m.country for m in mentions if m.country}


def _promise_over(trigger: Trigger, triggers: list[Trigger]) -> Trigger | None:
    for other in triggers:
        if other.type == "AGREE" and other.token.lemma_.lower() in PROMISE_LEMMAS and \
                other.anchor.is_ancestor(trigger.anchor) and other.anchor is not trigger.anchor:
            return other
    return None


def _date_for(trigger: Trigger, ctx: SentenceContext) -> EventDate | None:
    for key in (trigger.token.i, trigger.anchor.i):
        for timex in ctx.timexes.get(key, []):
            date = timex_date(timex)
            if date:
                return _sharpen(date, timex, ctx)
    return None


def _sharpen(date: EventDate, timex: Timex, ctx: SentenceContext) -> EventDate:
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


def _places_for(trigger: Trigger, ctx: SentenceContext) -> list[PlaceMention]:
    return ctx.places.get(trigger.token.i, []) + [
        p for p in ctx.places.get(trigger.anchor.i, []) if trigger.token is not trigger.anchor or True
    ]


def build_drafts(trigger: Trigger, ctx: SentenceContext, mentions: Mentions, discourse: Discourse,
                 lex: Lexicon) -> list[Draft]:
    """Draft events for one trigger (several for a trip to several countries)."""
    if trigger.demand_of is not None:
        return _demand_drafts(trigger, ctx, mentions, discourse, lex)
    subject, inherited = subject_of(trigger.anchor)
    if subject is None and trigger.token is trigger.anchor and trigger.type != "ENACT" and \
            trigger.anchor.dep_ == "ROOT":
        return []  # an imperative or a speaker's aside ("Thank you very much for coming")
    actors = _unique(resolve_subject(subject, mentions, discourse, lex))
    objects = _unique(object_mentions(trigger, ctx.triggers, subject, mentions))
    status = (_own_status(trigger.token, lex) if trigger.token is not trigger.anchor else None) \
        or event_status(trigger.anchor, lex)
    promise = _promise_over(trigger, ctx.triggers)
    if status == "negated" and trigger.type in REFUSABLE_TYPES and _refusal(trigger.anchor):
        trigger = Trigger(trigger.token, trigger.anchor, "REJECT", None, trigger.sense)
        status = "occurred"  # "said he would not provide support": a refusal
    elif status == "negated" and not _own_negation(trigger.anchor):
        return []  # an act under a refusal ("would not give permission to help"): nothing happens
    if trigger.type in HOSTILE_TYPES and status == "planned" and _own_status(trigger.anchor, lex) == "planned":
        trigger = Trigger(trigger.token, trigger.anchor, "THREATEN", None, trigger.sense)
        status = "occurred"  # "said they will attack": a threat
    claim = _claimed_by(trigger)
    if claim is not None and trigger.type in HOSTILE_TYPES + ("ASSAULT",):
        return _accusation(trigger, claim, ctx, mentions, discourse, lex)
    if promise is not None and status == "occurred":
        status = "planned"
    date = _date_for(trigger, ctx)
    if date and status == "occurred" and date.value > ctx.doc_date.isoformat()[: len(date.value)]:
        status = "planned"
    recipients: list[ActorMention] = []
    mode = trigger.mode
    places = _places_for(trigger, ctx)
    if trigger.type == "CONSULT":
        partners = _prefer_people(consult_partners(trigger, objects))
        destinations = {(p.start, p.end) for p in places}
        partners = [m for m in partners if (m.start, m.end) not in destinations]
        if trigger.host:
            actors, recipients = partners, actors
        elif inherited and promise is not None and promise.token.lemma_.lower() == "invite":
            recipients = _unique(resolve_subject(subject_of(promise.anchor)[0], mentions, discourse, lex))
        elif mode == "visit" and places:
            recipients = partners  # hosts named as people; the destinations add theirs below
        else:
            actors = _prefer_people(_unique(actors + partners))
    elif trigger.type == "ENACT":
        actors = _enact_actors(trigger, actors, objects, mentions)
    else:
        actor_countries = _countries(actors)
        objects = directed_targets(trigger, objects) or objects
        if trigger.type in MATERIAL_TYPES:
            taken = {(a.start, a.end) for a in actors}
            recipients = [o for o in objects if (o.start, o.end) not in taken]
            if not recipients:
                recipients = [ActorMention(p.start, p.end, p.text, p.country, None, None, "state")
                              for p in _places_for(trigger, ctx)[:1] if p.country]
        else:
            recipients = [o for o in objects if o.country not in actor_countries]
        if not recipients and trigger.type in ("SUPPORT", "AGREE") and any(
                t.lemma_.lower() in lex.relationship_nouns for t in trigger.token.subtree):
            if len(actor_countries) >= 2 and trigger.type == "SUPPORT":  # "mutual interest in relations"
                recipients = list(actors)
            elif len(actor_countries) < 2:
                recipients = _unique_countries([m for m in discourse.group if m.country not in actor_countries])
    drafts: list[Draft] = []
    if trigger.type == "CONSULT" and mode == "visit" and not trigger.host and places and \
            not (recipients and len(places) == 1):
        drafts = _visit_drafts(trigger, ctx, actors, places, status, date)
    else:
        location = location_of(places[0], ctx.text) if places and trigger.type == "CONSULT" else None
        event = _event(trigger, status, actors, recipients, date, location, ctx, mode)
        drafts = [Draft(event, ctx.evidence, trigger, actors)]
    if promise is None and trigger.type in COOPERATIVE_TYPES and status == "planned" and \
            _own_status(trigger.anchor, lex) == "planned" and drafts:
        drafts.extend(_announced_promises([d for d in drafts if len(_event_countries(d.event)) >= 2], ctx))
    for draft in drafts:
        _finish(draft, ctx, lex)
    return drafts


def _event_countries(event: Event) -> set[str]:
    return {p.country for p in event.actors + event.recipients if p.country}


def _announced_promises(drafts: list[Draft], ctx: SentenceContext) -> list[Draft]:
    """'X will visit Y', 'X will provide aid to Y': the announcement is a promise (AGREE)."""
    out = []
    for draft in drafts:
        event = draft.event
        promise = Event(id="", type="AGREE", status="occurred", actors=list(event.actors),
                        recipients=list(event.recipients), date=document_date(ctx.doc_date),
                        evidence=[ctx.evidence], trigger=draft.trigger.token.text)
        out.append(Draft(promise, draft.sentence, draft.trigger, draft.actor_mentions, announced=True))
    return out


PARTNER_PREPS = ("with", "between", "by", "among", "and")


def _phrase_core(root: Token) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """A phrase's span and the spans inside it that say what it is about, not who it is."""
    cut = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in root.subtree
           if t is not root and ((t.dep_ == "prep" and t.lower_ not in ("of", "from", "with", "and"))
                                  or t.dep_ in ("acl", "relcl", "advcl") or t.lower_ in ("regarding", "concerning"))]
    return (root.left_edge.idx, root.right_edge.idx + len(root.right_edge.text)), cut


def consult_partners(trigger: Trigger, objects: list[ActorMention]) -> list[ActorMention]:
    """The other side of a meeting: objects ('met X'), 'with X', 'between X and Y', 'co-chaired by X';
    not what the meeting was about ('regarding Russia's attack on Ukraine')."""
    phrases: list[tuple[tuple[int, int], list[tuple[int, int]]]] = []
    for head in {trigger.anchor, trigger.token}:
        for child in head.children:
            if child.dep_ in ("dobj", "dative", "attr", "agent") or \
                    (child.dep_ == "prep" and child.lower_ in PARTNER_PREPS):
                phrases.append(_phrase_core(child))
            elif child.dep_ == "advcl" and any(g.dep_ == "agent" for g in child.children):
                phrases.append(_phrase_core(child))  # "co-chaired by ...", a participle off the verb
    out = []
    for m in objects:
        for (start, end), cut in phrases:
            if start <= m.start and m.end <= end and not any(s <= m.start and m.end <= e for s, e in cut):
                out.append(m)
                break
    return out


TARGET_DEPS = ("dobj", "dative", "attr", "oprd", "prep", "nsubjpass", "pobj", "ccomp", "xcomp")


def directed_targets(trigger: Trigger, objects: list[ActorMention]) -> list[ActorMention]:
    """Who a directed act is aimed at: the objects and prepositional phrases of its word, without
    the phrases nested inside them ('support Turkey's efforts [to join the EC]')."""
    phrases = []
    for head in {trigger.anchor, trigger.token}:
        for child in head.children:
            if child.dep_ in TARGET_DEPS and child is not trigger.token:
                phrases.append(_phrase_core(child))
    out = []
    for m in objects:
        for (start, end), cut in phrases:
            if start <= m.start and m.end <= end and not any(s <= m.start and m.end <= e for s, e in cut):
                out.append(m)
                break
    return out


def _enact_actors(trigger: Trigger, actors: list[ActorMention], objects: list[ActorMention],
                  mentions: Mentions) -> list[ActorMention]:
    """The enacting body: the agent ('signed by the President'), else the state the act is about."""
    if actors:
        return actors[:1]
    head = trigger.anchor.head if trigger.anchor.dep_ in ("acl", "relcl") else None
    if head is not None:
        start = head.left_edge.idx
        right = head.right_edge
        found = [m for m in mentions.actors_in(start, right.idx + len(right.text)) if m.country]
        if found:
            return found[:1]
    return objects[:1]


def _visit_drafts(trigger: Trigger, ctx: SentenceContext, actors: list[ActorMention],
                  places: list[PlaceMention], status: str, date: EventDate | None) -> list[Draft]:
    """'will travel to Kyiv on July 20-21 and Warsaw on July 21-23': one visit per host country."""
    drafts: list[Draft] = []
    by_country: dict[str | None, list[PlaceMention]] = {}
    for place in places:
        location = location_of(place, ctx.text)
        by_country.setdefault(location.country, []).append(place)
    ordered = sorted(places, key=lambda p: p.start)
    for country, group in by_country.items():
        place = group[0]
        location = location_of(place, ctx.text)
        nxt = [p.start for p in ordered if p.start > place.end]
        window_end = nxt[0] if nxt else ctx.evidence.end
        own_date = date
        in_window = sorted((t for t in ctx.all_timexes if place.end <= t.start < window_end and timex_date(t)),
                           key=lambda t: t.start)
        if in_window:
            own_date = timex_date(in_window[0])
        if own_date is not None and own_date.precision == "year" and in_window:
            own_date = _sharpen(own_date, in_window[0], ctx)
        host = [ActorMention(place.start, place.end, place.text, country, "GOV", None, "state")] if country else []
        event = _event(trigger, status, actors, host, own_date, location, ctx, "visit")
        drafts.append(Draft(event, ctx.evidence, trigger, actors))
    return drafts


def _event(trigger: Trigger, status: str, actors: list[ActorMention], recipients: list[ActorMention],
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
        parts = [Participant(None if p.entity is None else p.entity, p.country, sector, p.text) for p in parts]
    if date is None and status == "occurred":
        date = document_date(ctx.doc_date)
    if status != "occurred" and date is not None and date.basis == "document":
        date = None
    countries = {p.country for p in parts} | {r.country for r in recipients}
    if trigger.type == "CONSULT" and mode not in ("visit", "phone") and len(countries - {None}) >= 3:
        mode = "multilateral"
    extra = {"light": True} if trigger.sense.light else {}
    return Event(id="", type=trigger.type, status=status, extra=extra, mode=mode if trigger.type in ("CONSULT", "ACCUSE") else
                 trigger.mode, actors=parts, recipients=[participant(r) for r in recipients], date=date,
                 location=location, evidence=[ctx.evidence], trigger=trigger.token.text)


def _finish(draft: Draft, ctx: SentenceContext, lex: Lexicon) -> None:
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
