"""The events stage: PLOVER events with status, dates, places, series and evidence.

Sentence by sentence: find typed triggers, build draft events from the parse (participants,
status, date, place, series), then group drafts into one event per occasion. Everything the
rules read is precompiled or cached, so a document costs a walk over its tokens.
"""

from __future__ import annotations

import re

from communique.actors.publisher import home_country
from communique.document import Document, Event, EventDate, Span
from communique.events.delegations import delegation_mentions
from communique.events.drafts import MATERIAL_TYPES, Draft, SentenceContext, build_drafts
from communique.events.grouping import add_evidence, countries, merge_occasions, talks_about_occasion
from communique.events.lexicon import Lexicon, load_lexicon
from communique.events.mentions import Mentions, collect_mentions
from communique.events.participants import Discourse
from communique.events.promises import confirmed_arrangements
from communique.events.records import discussion_topics
from communique.events.series import find_series
from communique.events.triggers import find_triggers, repair_fronted_subject, repair_with_phrases
from communique.events.when_where import attach_places, attach_timexes


class EventsStage:
    """Fill `document.events` (needs `spacy_doc`; reads `timexes` and `entities` when present)."""

    name = "events"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.enacted_item = re.compile(self.lexicon.enacted_item_pattern)

    def __call__(self, document: Document) -> None:
        document.events = self.extract(document) if document.spacy_doc is not None else []

    def extract(self, document: Document) -> list[Event]:
        lex = self.lexicon
        doc = document.spacy_doc
        mentions = collect_mentions(document)
        discourse = Discourse(home_country=home_country(document) or _home_from_entities(document))
        drafts: list[Draft] = []
        text = document.text
        delegations = "delegation" in text.lower()  # most releases name none: skip the word walk
        carried: EventDate | None = None
        for sentence in doc.sents:
            evidence = _sentence_evidence(sentence, text)
            if evidence is None or document.is_boilerplate(evidence):
                continue
            repair_with_phrases(sentence)
            repair_fronted_subject(sentence)
            question = text[evidence.start:evidence.end].rstrip("\"”’' ").endswith("?")
            if delegations:
                delegation_mentions(sentence, mentions, discourse)
            triggers = [] if question or _speaker_label(sentence) else find_triggers(sentence, lex)
            stops = {t.anchor.i for t in triggers} | {t.token.i for t in triggers}
            in_sentence = [t for t in document.timexes if evidence.start <= t.start < evidence.end]
            ctx = SentenceContext(
                sentence=sentence, evidence=evidence, triggers=triggers,
                timexes=attach_timexes(doc, in_sentence, stops),
                places=attach_places(doc, _places_in(mentions, evidence), stops),
                series=find_series(sentence, lex), doc_date=document.date, text=text,
                all_timexes=in_sentence,
            )
            sentence_drafts: list[Draft] = []
            for trigger in triggers:
                sentence_drafts.extend(build_drafts(trigger, ctx, mentions, discourse, lex))
            kept = [d for d in sentence_drafts if _worth_keeping(d.event)]
            if _date_from_summary(kept, carried) is None:  # the calls listed go on in the next sentence
                carried = _summary_date(sentence_drafts, kept)
            sentence_drafts = _purpose_of_protest(kept)
            sentence_drafts.extend(confirmed_arrangements(sentence_drafts, ctx))
            sentence_drafts = self._enacted_items(sentence_drafts, text, evidence)
            new_occasion = any(d.event.type == "CONSULT" for d in sentence_drafts)
            if not new_occasion and talks_about_occasion(sentence, lex):
                occasion = _latest_occasion(drafts)
                if occasion is not None:
                    add_evidence(occasion, evidence)
                    occasion.event.topics.extend(t for t in discussion_topics(sentence, lex)
                                                 if t not in occasion.event.topics)
            drafts.extend(sentence_drafts)
            _update_discourse(discourse, drafts, sentence_drafts, mentions, evidence)
        if _domestic(mentions) and len(list(doc.sents)) >= 3:  # one sentence alone cannot tell
            drafts = [d for d in drafts if d.event.type == "ENACT" or d.event.type in MATERIAL_TYPES]
        _continue_series(drafts)
        _date_from_occasion(drafts)
        events = [d.event for d in merge_occasions(drafts)]
        for k, event in enumerate(events, start=1):
            event.id = f"e{k}"
            event.extra.pop("light", None)
            event.extra.pop("intent", None)
            event.extra.pop("agentless", None)
            event.extra.pop("pledge", None)
            event.extra.pop("recalled", None)
            event.evidence.sort(key=lambda s: s.start)
        return events

    def _enacted_items(self, drafts: list[Draft], text: str, evidence: Span) -> list[Draft]:
        """'signed into law:' followed by a list of bills: one ENACT per bill."""
        colon = re.search(r"\blaw\s*:", text[evidence.start:evidence.end])
        if colon is None:
            return drafts
        lead = Span(evidence.start, evidence.start + colon.end())
        out: list[Draft] = []
        for draft in drafts:
            if draft.event.type != "ENACT":
                out.append(draft)
                continue
            items = _list_items(text, lead.end, self.enacted_item)
            if not items:
                out.append(draft)
                continue
            for item in items:
                copy = Event.from_json(draft.event.to_json())
                copy.evidence = [lead, item]
                out.append(Draft(copy, item, draft.trigger, draft.actor_mentions))
        return out


def _list_items(text: str, start: int, pattern: re.Pattern[str]) -> list[Span]:
    items: list[Span] = []
    offset = start
    for paragraph in re.split(r"(\n\s*\n)", text[start:]):
        if pattern.match(paragraph) and paragraph.strip():
            lead = len(paragraph) - len(paragraph.lstrip())
            items.append(Span(offset + lead, offset + len(paragraph.rstrip())))
        offset += len(paragraph)
    return items


def _speaker_label(sentence: object) -> bool:
    """'President of Russia Vladimir Putin: Mr Lukashenko, thank you ...': the start of remarks in a
    transcript; what a speaker says to the other side is courtesy, not a reported act."""
    tokens = list(sentence)[:12]  # type: ignore[call-overload]
    for k, token in enumerate(tokens):
        if token.text == ":" and k > 0 and tokens[k - 1].ent_type_ == "PERSON":
            return True
    return False


def _sentence_evidence(sentence: object, text: str) -> Span | None:
    """The sentence from its first to its last word (masked markup and line ends left out)."""
    words = [t for t in sentence if not t.is_space]  # type: ignore[attr-defined]
    if not words:
        return None
    return _evidence_span(text, words[0].idx, words[-1].idx + len(words[-1].text))


def _evidence_span(text: str, start: int, end: int) -> Span | None:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end) if end > start else None


def _purpose_of_protest(drafts: list[Draft]) -> list[Draft]:
    """'staged demonstrations to demand reforms', 'blocked roads demanding his return': the demand
    is what the protest is for, one event (PLOVER codes the protest)."""
    protests = {d.trigger.anchor.i for d in drafts if d.event.type in ("PROTEST", "THREATEN")}
    return [d for d in drafts if not (
        d.event.type == "REQUEST" and d.trigger.anchor.dep_ in ("advcl", "xcomp", "acl", "conj")
        and d.trigger.anchor.head.i in protests)]


def _places_in(mentions: Mentions, span: Span) -> Mentions:
    return Mentions([], [p for p in mentions.places if span.start <= p.start and p.end <= span.end])


def _home_from_entities(document: Document) -> str | None:
    """Without a publisher or URL, the voice of a release is the official who opens it.

    A byline ("Antony J. Blinken, Secretary of State") or the first government official of the
    first sentence gives the country that "we" and a bare "the President" belong to.
    """
    first_sentence = next(iter(document.spacy_doc.sents), None)
    if first_sentence is None:
        return None
    limit = first_sentence.end_char  # a byline line is a sentence of its own (nlp paragraph rule)
    officials = [
        (min(m.start for m in e.mentions), e.country) for e in document.entities
        if e.kind == "person" and e.sector == "GOV" and e.country and e.mentions
        and min(m.start for m in e.mentions) < limit
    ]
    return min(officials)[1] if officials else None


def _worth_keeping(event: Event) -> bool:
    """Precision first: a political actor with a known country, and for a meeting two parties."""
    actor_countries = {p.country for p in event.actors if p.country}
    if not actor_countries:  # an unnamed armed group, or nobody named, acting on a known country
        unnamed = event.extra.get("agentless") or any(p.sector == "REB" for p in event.actors)
        return event.type in MATERIAL_TYPES and unnamed and any(p.country for p in event.recipients)
    if event.type in ("AID", "COOPERATE") and len(actor_countries) < 2 and not event.recipients:
        return False  # assistance and material cooperation need a recipient
    if event.type in TARGETED_TYPES and not any(p.country for p in event.recipients):
        return False  # "fired at people": an attack or concession on nobody we can place
    if event.type == "AGREE" and len(countries(event)) < 2 and not event.extra.get("pledge"):
        return False  # "stands ready to help", "invited her": an agreement or offer needs two sides
    if event.type in MATERIAL_TYPES or len(actor_countries) >= 2:
        return True
    if event.type in SPEECH_ACTS and not event.recipients and not draft_is_light(event):
        return False  # "thanked them", "condemned the attacks": a speech act needs its addressee
    if event.type == "CONSULT":
        return len(countries(event)) >= 2
    if event.recipients and {p.country for p in event.recipients} <= actor_countries:
        # within one state only demands, accusations and refusals between different bodies count
        # ("the opposition demanded that the government ..."); praise of one's own is courtesy
        actor_sectors = {p.sector for p in event.actors}
        return event.type in ("REQUEST", "ACCUSE", "REJECT") and \
            any(p.sector not in actor_sectors for p in event.recipients)
    return True


TARGETED_TYPES = ("ASSAULT", "COERCE", "SANCTION", "CONCEDE")
SPEECH_ACTS = ("SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN")


def draft_is_light(event: Event) -> bool:
    """'expressed support for a two-state solution': a stance that may have no addressee."""
    return event.extra.get("light", False)


def _latest_occasion(drafts: list[Draft]) -> Draft | None:
    """The meeting later sentences talk about; not a visit named in passing ('during X's visit to Y')
    nor a meeting the article recalls ('the summit, which took place in Kyiv')."""
    meetings = [d for d in drafts
                if d.event.type == "CONSULT" and d.trigger.anchor.pos_ not in ("NOUN", "PROPN")
                and not d.event.extra.get("recalled")]
    for draft in reversed(meetings):
        if draft.event.status == "occurred":
            return draft
    return meetings[-1] if meetings else None


def _update_discourse(discourse: Discourse, drafts: list[Draft], new: list[Draft], mentions: Mentions,
                      evidence: Span) -> None:
    occasion = _latest_occasion(drafts)
    fresh = occasion in new and occasion is not None and occasion.event.status == "occurred"
    if occasion is not None and (not discourse.group or fresh):
        group = []
        for draft in [occasion]:
            group.extend(draft.actor_mentions)
        seen = {m.country for m in group}
        for p in occasion.event.recipients:
            if p.country not in seen:
                from communique.events.mentions import ActorMention

                group.append(ActorMention(0, 0, p.text or "", p.country, p.sector, p.entity, "state"))
        if len({m.country for m in group}) >= 2:
            discourse.group = group
    elif occasion is None and not discourse.group:
        # "Representatives of A, B and C agreed ... The parties intend to ...": without a meeting,
        # the parties are those who acted together first
        joint = next((d for d in new if d.event.type in JOINT_TYPES
                      and len({m.country for m in d.actor_mentions if m.country}) >= 2), None)
        if joint is not None:
            discourse.group = list(joint.actor_mentions)
    people = [m for m in mentions.actors_in(evidence.start, evidence.end) if m.kind == "person" and m.country]
    subjects = [m for d in new for m in d.actor_mentions if m.kind == "person"]
    if subjects:
        discourse.last_person = subjects[0]
    elif people:
        discourse.last_person = people[0]


JOINT_TYPES = ("AGREE",)


def _domestic(mentions: Mentions) -> bool:
    """An article that names one state only has no international events to report."""
    return len({m.country for m in mentions.actors if m.country and m.kind != "igo"}) <= 1


def _summary_date(drafts: list[Draft], kept: list[Draft]) -> EventDate | None:
    """'On January 6-7, X had several telephone conversations with the heads of ... member states.'
    A dated summary of calls whose parties the next sentence names: its date, if it left no event."""
    if any(d.event.type == "CONSULT" for d in kept):
        return None
    for draft in drafts:
        event = draft.event
        if event.type == "CONSULT" and event.status == "occurred" and event.date and \
                event.date.basis == "text":
            return event.date
    return None


def _date_from_summary(kept: list[Draft], carried: EventDate | None) -> EventDate | None:
    """The summary's date for the undated calls of the sentences that list them; the date while
    the list goes on, else None."""
    if carried is None:
        return None
    dated = False
    for draft in kept:
        event = draft.event
        if event.type == "CONSULT" and event.status == "occurred" and event.date and \
                event.date.basis == "document":
            event.date = EventDate(carried.value, carried.precision, "text")
            dated = True
    return carried if dated else None


def _date_from_occasion(drafts: list[Draft]) -> None:
    """What was said at a meeting happened on the meeting's day ('met yesterday ... The Secretary
    urged ...'): undated acts after a dated occasion take its date."""
    occasion_date = None
    for draft in drafts:
        event = draft.event
        if event.type == "CONSULT" and event.extra.get("recalled"):
            continue  # a meeting recalled in passing dates nothing said later
        if event.type == "CONSULT" and event.status == "occurred":
            occasion_date = event.date if event.date and event.date.basis == "text" else occasion_date
            continue
        if occasion_date and event.status == "occurred" and event.date and event.date.basis == "document" \
                and event.type != "ENACT":
            event.date = EventDate(occasion_date.value, occasion_date.precision, "text")


def _continue_series(drafts: list[Draft]) -> None:
    """'hold the next meeting of the High-Level Dialogue': the known series, one round on."""
    known = [d.event.series for d in drafts if d.event.series and d.event.status == "occurred"]
    for draft in drafts:
        event = draft.event
        if event.type != "CONSULT" or event.status != "planned" or event.series is None:
            continue
        for series in known:
            if series is event.series:
                continue
            a, b = series.name.lower(), event.series.name.lower()
            if a.startswith(b) or b.startswith(a):
                nxt = any(t.lower_ == "next" for t in draft.trigger.token.children)
                event.series.name = series.name
                event.series.frequency = event.series.frequency or series.frequency
                if event.series.round is None and series.round is not None and nxt:
                    event.series.round = series.round + 1
                break
