"""Turning one typed trigger into draft events: participants, status, date, place, series.

A draft is an `Event` plus what grouping needs (the sentence it came from, the trigger).
The speech acts that change an act (promises, refusals, claims, demands) are in `promises`.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from communique.document import EventDate, Location
from communique.events.charges import charge_drafts
from communique.events.lexicon import Lexicon
from communique.events.mentions import ActorMention, Mentions, PlaceMention
from communique.events.participants import (
    Discourse,
    consult_partners,
    countries_of,
    directed_targets,
    enact_actors,
    expand_groupings,
    object_mentions,
    prefer_people,
    resolve_subject,
    subject_of,
    unique,
    unique_countries,
)
from communique.events.praise import praised_acts
from communique.events.promises import (
    accusation,
    announced_promises,
    claimed_by,
    demand_drafts,
    event_countries,
    own_negation,
    promise_over,
    refusal,
)
from communique.events.records import (
    Draft,
    SentenceContext,
    date_for,
    finish,
    make_event,
    places_for,
    sharpen,
)
from communique.events.status import _own_status, event_status
from communique.events.triggers import Trigger
from communique.events.when_where import location_of, settlement_head, timex_date

MATERIAL_TYPES = ("ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "RETREAT", "CONCEDE", "AID",
                  "THREATEN")


HOSTILE_TYPES = ("ASSAULT", "COERCE", "SANCTION")
# where an act happens, not where it goes: "in Kyiv", "in southeastern Serbia", "near the town of Rafah"
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near)\s+(?:(?:the|a|an)\s+)?(?:(?!(?:of|with|to|for|from|on|and|by)\b)[a-z-]+\s+){0,2}"
    r"(?:(?:city|town|village|province|region|capital|district|area|outskirts|suburbs?|port|enclave)\s+of\s+)?$")
PLACE_ACT_TYPES = ("ASSAULT", "COERCE")  # acts done to a place: the place named as object is where
THREAT_HEADS = ("plan", "intend", "vow", "swear", "threaten", "prepare", "want")


# acts that need an agent as their subject (not "the visit will help", "the funds will support")
NON_AGENT_TYPES = ("AID", "COOPERATE", "SUPPORT", "AGREE", "CONCEDE")


# verbs by which parties issue a joint statement ("adopted a joint declaration", "stated the following")
STATEMENT_VERBS = ("adopt", "issue", "state", "declare", "release")


REFUSABLE_TYPES = ("SUPPORT", "AID", "COOPERATE", "AGREE", "CONCEDE", "RETREAT")


COOPERATIVE_TYPES = ("SUPPORT", "AID", "COOPERATE", "CONCEDE", "RETREAT", "CONSULT")


def build_drafts(trigger: Trigger, ctx: SentenceContext, mentions: Mentions, discourse: Discourse,
                 lex: Lexicon) -> list[Draft]:
    """Draft events for one trigger (several for a trip to several countries)."""
    if trigger.demand_of is not None:
        return demand_drafts(trigger, ctx, mentions, discourse, lex)
    if trigger.charge:
        return charge_drafts(trigger, ctx, mentions, discourse, lex)
    if _mishap(trigger.anchor, lex) or _sympathy(trigger, lex):
        return []  # "victims killed by the crash": nobody attacked; "concern about the missing ship"
    subject, inherited = subject_of(trigger.anchor)
    # "Mutual interest was expressed": the light noun is its own subject
    passive_light = trigger.sense.light and subject is not None and subject.i == trigger.token.i
    if passive_light:
        subject = None
    if subject is None and trigger.token.i == trigger.anchor.i and \
            trigger.type not in ("ENACT", "ACCUSE") and \
            trigger.anchor.dep_ not in ("acl", "relcl", "xcomp", "advcl", "pcomp", "conj"):
        return []  # an imperative or a speaker's aside ("Thank you very much for coming")
    if subject is not None and subject.dep_ == "nsubjpass" and subject.head.i == trigger.anchor.i and \
            trigger.token.i == trigger.anchor.i and \
            trigger.type != "ENACT" and not any(c.dep_ == "agent" for c in trigger.anchor.children) and \
            not _stative_passive(trigger.anchor, lex):
        return _agentless(trigger, subject, ctx, mentions, discourse, lex)  # "was killed", "was allowed"
    if subject is not None and not inherited and trigger.type in NON_AGENT_TYPES and \
            subject.dep_ == "nsubj" and subject.pos_ in ("NOUN", "PRON", "NUM", "DET") and \
            (subject.lemma_.lower() in lex.non_agent_subjects or subject.lower_ in lex.non_agent_subjects):
        return []  # "cooperation between X and Y will help ...", "this visit will help ...": no agent
    actors = list(discourse.group) if passive_light else \
        unique(resolve_subject(subject, mentions, discourse, lex))
    objects = unique(object_mentions(trigger, ctx.triggers, subject, mentions))
    status = (_own_status(trigger.token, lex) if trigger.token.i != trigger.anchor.i else None) \
        or event_status(trigger.anchor, lex)
    if trigger.type == "AGREE" and trigger.token.pos_ == "VERB" and status == "planned" and \
            _own_status(trigger.anchor, lex) is None:
        status = "occurred"  # agreeing is done when reported, even inside what else was agreed
    promise = promise_over(trigger, ctx.triggers)
    if trigger.sense.future_only:
        if status != "planned":
            return []
        status = "occurred"  # the warning is given now
    if status == "negated" and trigger.type in REFUSABLE_TYPES and refusal(trigger.anchor):
        trigger = Trigger(trigger.token, trigger.anchor, "REJECT", None, trigger.sense)
        status = "occurred"  # "said he would not provide support": a refusal
    elif status == "negated" and not own_negation(trigger.anchor):
        return []  # an act under a refusal ("would not give permission to help") does not happen
    if status in ("planned", "hypothetical") and _is_threat(trigger, status, lex):
        trigger = Trigger(trigger.token, trigger.anchor, "THREATEN", None, trigger.sense)
        status = "occurred"  # "said they will attack", "will withdraw unless ...": a threat
    claim = claimed_by(trigger)
    if claim is not None and trigger.type in HOSTILE_TYPES + ("ASSAULT",):
        return accusation(trigger, claim, ctx, mentions, discourse, lex)
    charges: list[Draft] = []
    if trigger.type in HOSTILE_TYPES + ("ASSAULT",) and status == "occurred" and \
            trigger.anchor.dep_ == "ccomp" and trigger.anchor.head.lemma_.lower() in NOTING_VERBS:
        # "the President noted that the X forces shelled ...": an official's report of another side's
        # attack accuses it (the attack stays an event of its own)
        charges = [d for d in accusation(trigger, trigger.anchor.head, ctx, mentions, discourse, lex)
                   if d.event.recipients and not {p.country for p in d.event.actors}
                   & {p.country for p in d.event.recipients}]
    if promise is not None and status == "occurred":
        status = "planned"
    if status == "occurred" and trigger.type == "CONSULT" and (
            _discussed_purpose(trigger.anchor) or _discussed_trip(trigger.token)):
        status = "planned"
    date = date_for(trigger, ctx)
    if date and status == "occurred" and trigger.type == "CONSULT" and \
            date.value > ctx.doc_date.isoformat()[: len(date.value)]:
        status = "planned"
    recipients: list[ActorMention] = []
    separate: list[list[ActorMention]] = []
    mode = trigger.mode
    places = places_for(trigger, ctx)
    if trigger.sense.from_giver:
        givers = [o for o in objects if _inside_from(o, trigger)]
        if not givers:
            return []
        actors, objects = givers, actors  # "received assurances from X": X assured the subject
    if trigger.type == "CONSULT":
        partners = prefer_people(expand_groupings(consult_partners(trigger, objects)))
        if _plural_calls(trigger):
            # "had several telephone conversations with the heads of the CSTO member states": calls
            # with states the article lists one by one, not a call with the organisation
            partners = [p for p in partners if not _members_of(ctx.text, p)]
        if trigger.recalled and not partners:
            partners = prefer_people(expand_groupings(objects))  # "the talks held ... by X and Y"
        destinations = {(p.start, p.end) for p in places}
        partners = [m for m in partners if (m.start, m.end) not in destinations]
        if trigger.host:
            actors, recipients = partners, actors
        elif inherited and promise is not None and promise.token.lemma_.lower() in ("invite", "invitation"):
            recipients = unique(resolve_subject(subject_of(promise.anchor)[0], mentions, discourse, lex))
        elif mode == "visit" and places:
            recipients = partners  # hosts named as people; the destinations add theirs below
        elif not partners and trigger.token.lemma_.lower() == "address":
            recipients = _gathering_hosts(trigger, mentions, countries_of(actors))
        else:
            separate = _separate_calls(trigger, actors, partners)
            actors = prefer_people(unique(actors + partners))
    elif trigger.type == "ENACT":
        actors = enact_actors(trigger, actors, objects, mentions)
    else:
        actor_countries = countries_of(actors)
        owners = _other_owners(trigger, objects, actor_countries)
        objects = _possessors(trigger, objects) if trigger.sense.possessor_target else \
            directed_targets(trigger, objects)
        if trigger.type in MATERIAL_TYPES:
            taken = {(a.start, a.end) for a in actors}
            recipients = [o for o in objects if (o.start, o.end) not in taken]
            if not recipients:
                recipients = [ActorMention(p.start, p.end, p.text, p.country, None, None, "state")
                              for p in places_for(trigger, ctx)[:1] if p.country]
        else:
            recipients = [o for o in objects if o.country not in actor_countries]
            if trigger.type == "COOPERATE" and len(actor_countries) >= 2:
                recipients = [o for o in recipients if not _names_a_place_noun(o, trigger.token.doc)
                              and not _forum(o, trigger.token.doc)]
            if not recipients and trigger.type in ("REQUEST", "ACCUSE", "REJECT"):
                sectors = {a.sector for a in actors}
                taken = {(a.start, a.end) for a in actors}
                recipients = [o for o in objects if (o.start, o.end) not in taken and o.sector
                              and o.sector not in sectors]  # the opposition against the government
        if trigger.sense.possessor_target and not recipients:
            return []  # "noted the contribution to ...": praise of nobody named
        if trigger.sense.hoped_of:
            recipients = _hoped_of(trigger, mentions, actor_countries)
            if not recipients or status != "occurred" or trigger.anchor.dep_ == "ccomp":
                return []
        if trigger.sense.to_partner:
            # the call is made to the meeting's other side; who the called-for act targets is its topic
            # ... unless the need names who is to act ("the need for President Putin to end ...")
            named = _needed_of(trigger, mentions, actor_countries)
            others = [m for m in discourse.group if m.country not in actor_countries]
            recipients = named or unique_countries(others)
            thing = subject is not None and subject.lemma_.lower() in lex.non_agent_subjects
            if not recipients or len(actor_countries) != 1 or trigger.anchor.dep_ == "ccomp" or \
                    status != "occurred" or thing:
                return []  # not "the visit will highlight the need for ..."
        if owners:  # "noted Canada's continued support for Ukraine": Canada's support, reported
            actors = owners
            recipients = [o for o in objects if o.country not in countries_of(owners)]
            actor_countries = countries_of(owners)
        scope = trigger.anchor.subtree if trigger.sense.light else trigger.token.subtree
        if not recipients and trigger.type in ("ACCUSE", "REQUEST", "REJECT", "THREATEN"):
            recipients = _places_as_targets(trigger, mentions, actor_countries)  # "attacks from Gaza"
        if trigger.type == "SUPPORT" and trigger.token.lemma_.lower() in STATEMENT_VERBS:
            actors = unique(expand_groupings(actors))  # a joint statement: its parties endorse it
            recipients = []
        elif not recipients and trigger.type in ("SUPPORT", "AGREE") and any(
                t.lemma_.lower() in lex.relationship_nouns for t in scope):
            if len(actor_countries) >= 2 and trigger.type == "SUPPORT":  # "mutual interest in relations"
                recipients = list(actors)
            elif len(actor_countries) < 2:
                others = [m for m in discourse.group if m.country not in actor_countries]
                recipients = unique_countries(others)
    drafts: list[Draft] = []
    if separate:
        drafts = [Draft(make_event(trigger, status, pair, [], date, None, ctx, mode), ctx.evidence,
                        trigger, pair) for pair in separate]
    elif trigger.type == "CONSULT" and mode == "visit" and not trigger.host and places and \
            not (recipients and len(places) == 1):
        drafts = _visit_drafts(trigger, ctx, actors, places, status, date)
    else:
        located = places if trigger.type == "CONSULT" else [
            p for p in places if LOCATIVE_BEFORE.search(ctx.text[max(0, p.start - 60):p.start])
            or (trigger.type in PLACE_ACT_TYPES and _object_of(trigger, p, ctx))]
        location = location_of(located[0], ctx.text) if located else None
        if location is None and mode == "visit" and discourse.home_country and any(
                c.dep_ == "dobj" and c.lemma_ == "country" and any(g.lower_ == "our" for g in c.children)
                for c in trigger.anchor.children):
            location = Location(None, "", discourse.home_country)  # "to visit our country"
        event = make_event(trigger, status, actors, recipients, date, location, ctx, mode)
        if trigger.type == "AGREE" and trigger.token.lemma_.lower() in lex.pledge_verbs and any(
                c.dep_ == "xcomp" for c in trigger.token.children):
            event.extra["pledge"] = True  # "promised to hold elections": a commitment of its own
        drafts = [Draft(event, ctx.evidence, trigger, actors)]
    if trigger.recalled:
        for draft in drafts:
            draft.event.extra["recalled"] = True  # its own occasion, not the call that recalls it
    if status == "occurred" and drafts:
        drafts.extend(praised_acts(trigger, actors, ctx, mentions, lex))  # "thanked X for its aid to Y"
    if promise is None and trigger.type in COOPERATIVE_TYPES and status == "planned" and \
            trigger.anchor.pos_ not in ("NOUN", "PROPN") and \
            _own_status(trigger.anchor, lex) == "planned" and drafts:  # not "during X's planned visit"
        drafts.extend(announced_promises([d for d in drafts if len(event_countries(d.event)) >= 2], ctx))
    drafts.extend(charges)
    for draft in drafts:
        finish(draft, ctx, lex)
    return drafts


def _other_owners(trigger: Trigger, objects: list[ActorMention], own: set[str]) -> list[ActorMention]:
    """The named possessor of a stance noun under a statement verb ('noted Canada's support'),
    when it is another party than the speaker: the stance is the possessor's."""
    if trigger.type != "SUPPORT" or not trigger.sense.light or trigger.token.lemma_.lower() != "support":
        return []
    if trigger.token.head.i != trigger.anchor.i:
        return []  # "expressed hope for X's support", "noted the importance of X's support": asked or praised
    spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in trigger.token.children
             if c.dep_ == "poss" and c.pos_ == "PROPN"]
    owners = [m for m in objects if any(s <= m.start and m.end <= e for s, e in spans)]
    return owners if owners and not countries_of(owners) & own else []


PAST_WORDS = frozenset({"recent", "last", "previous", "past", "earlier", "former", "historic", "first"})


def _discussed_trip(token: Token) -> bool:
    """'they discussed the President's June trip to X': a trip under discussion is still ahead
    (not 'discussed the results of the recent visit')."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in ("trip", "visit", "travel", "journey") or \
            token.dep_ != "dobj" or token.head.lemma_.lower() not in ("discuss", "prepare", "plan"):
        return False
    return not any(t.lower_ in PAST_WORDS for t in token.subtree)


def _discussed_purpose(anchor: Token) -> bool:
    """'discussed the President's trip to X to attend the summit and meet with Y': the meetings a
    discussed trip is for are still ahead."""
    token = anchor
    if token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return infinitive and token.dep_ in ("advcl", "acl", "xcomp") and \
        token.head.lemma_.lower() == "discuss"


def _gathering_hosts(trigger: Trigger, mentions: Mentions, own: set[str]) -> list[ActorMention]:
    """'addressed the participants of the summit ... in Glasgow, UK': the state where the gathering
    is held hosts it."""
    for obj in trigger.token.children:
        if obj.dep_ != "dobj":
            continue
        start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)
        hosts = [ActorMention(p.start, p.end, p.text, p.country, None, p.entity, "state")
                 for p in mentions.places_in(start, end) if p.country and p.country not in own]
        return unique_countries(hosts)[:1]
    return []


PLACE_NOUNS = frozenset({"border", "frontier", "territory", "region", "area", "zone", "river", "sea",
                         "corridor", "route", "crossing", "boundary"})


def _names_a_place_noun(mention: ActorMention, doc: object) -> bool:
    """'to ensure security on the Tajikistan-Afghanistan border': a state named in a place's name is
    where joint work happens, not a party to it."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")  # type: ignore[attr-defined]
    if span is None:
        return False
    head = span.root
    while head.dep_ in ("compound", "amod", "nmod", "poss", "punct") and head.head.i != head.i:
        head = head.head
        if head.lemma_.lower() in PLACE_NOUNS:
            return True
    return False


NOTING_VERBS = ("note", "stress", "emphasize", "emphasise", "point", "underline", "underscore", "recall")


def _needed_of(trigger: Trigger, mentions: Mentions, own: set[str]) -> list[ActorMention]:
    """Who 'the need for X to act' names as the one to act."""
    for clause in trigger.token.children:
        if clause.dep_ not in ("advcl", "acl", "relcl") or \
                not any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
            continue
        for subject in clause.children:
            if subject.dep_ == "nsubj":
                start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
                found = [m for m in mentions.actors_in(start, end) if m.country and m.country not in own]
                return unique_countries(found)
    return []


def _hoped_of(trigger: Trigger, mentions: Mentions, own: set[str]) -> list[ActorMention]:
    """Who a hope is addressed to: the subject of 'hope that X would ...', the owner in 'hope for
    X's leadership / support'."""
    spans = []
    for c in trigger.token.children:
        if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            spans += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        if c.dep_ == "prep" and c.lower_ == "for":
            spans += [p for g in c.children if g.dep_ == "pobj" for p in g.children
                      if p.dep_ == "poss" and p.pos_ == "PROPN"]
    found = [m for t in spans
             for m in mentions.actors_in(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text))
             if m.country and m.country not in own]
    return unique_countries(found)


FORUM_PREPS = ("in", "within", "at", "through", "under", "inside")


def _forum(mention: ActorMention, doc: object) -> bool:
    """'coordinate their efforts in the CSTO, CIS, SCO and the UN': the organisations joint work
    happens in are its setting, not parties to it."""
    if mention.kind != "igo":
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")  # type: ignore[attr-defined]
    if span is None:
        return False
    head = span.root
    for _ in range(8):
        if head.dep_ == "pobj":
            return head.head.lower_ in FORUM_PREPS
        if head.dep_ not in ("conj", "appos", "compound", "nmod", "cc") or head.head.i == head.i:
            return False
        head = head.head
    return False


SEPARATE_CALL_NOUNS = ("conversation", "call")
MEMBERS_AFTER = re.compile(r"\s*(?:[’']s\s+)?member\s+(?:states|countries|nations)\b", re.IGNORECASE)
HEADS_BEFORE = re.compile(r"\b(?:heads|leaders)\s+(?:of\s+)?(?:state\s+)?(?:of\s+)?(?:the\s+)?$",
                          re.IGNORECASE)


def _plural_calls(trigger: Trigger) -> bool:
    token = trigger.token
    return trigger.mode == "phone" and token.tag_ == "NNS" and token.lemma_.lower() in SEPARATE_CALL_NOUNS


def _members_of(text: str, mention: ActorMention) -> bool:
    """'the heads of the CSTO member states': the member states' leaders, not the organisation."""
    return mention.kind == "igo" and MEMBERS_AFTER.match(text, mention.end) is not None and \
        HEADS_BEFORE.search(text[max(0, mention.start - 40):mention.start]) is not None


def _separate_calls(trigger: Trigger, actors: list[ActorMention],
                    partners: list[ActorMention]) -> list[list[ActorMention]]:
    """'had telephone conversations with the President of A, the President of B and ...': calls in
    the plural with several partners are one call each (a single 'conversation with A and B' is
    one call of three)."""
    if not _plural_calls(trigger):
        return []
    own = countries_of(actors)
    others = unique_countries([p for p in prefer_people(partners) if p.country and p.country not in own])
    if not own or len(others) < 2:
        return []
    return [prefer_people(unique(actors)) + [p] for p in others]


def _possessors(trigger: Trigger, objects: list[ActorMention]) -> list[ActorMention]:
    """'noted Japan's contribution', 'the contribution of the Red Army': the possessor is praised."""
    if trigger.sense.possessor_of:
        owned = [g for c in trigger.token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]
        spans = [(p.left_edge.idx, p.right_edge.idx + len(p.right_edge.text)) for g in owned
                 for p in g.children if p.dep_ == "poss" and p.pos_ == "PROPN"]
        return [m for m in objects if any(s <= m.start and m.end <= e for s, e in spans)]
    spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in trigger.token.children
             if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")]
    return [m for m in objects if any(s <= m.start and m.end <= e for s, e in spans)]


def _agentless(trigger: Trigger, subject: Token, ctx: SentenceContext, mentions: Mentions,
               discourse: Discourse, lex: Lexicon) -> list[Draft]:
    """A passive without its doer: the subject suffered the act; only violence and coercion
    ('three civilians were killed') are worth an event without a known actor."""
    if trigger.type not in ("ASSAULT", "COERCE"):
        return []
    victims = unique(resolve_subject(subject, mentions, discourse, lex))
    if not any(v.country for v in victims):
        return []
    status = event_status(trigger.anchor, lex)
    doers = [d for d in _doers_of_attack(trigger, mentions, lex) if d.country not in countries_of(victims)]
    event = make_event(trigger, status, doers, victims, date_for(trigger, ctx), None, ctx, trigger.mode)
    event.extra["agentless"] = True
    draft = Draft(event, ctx.evidence, trigger, [])
    finish(draft, ctx, lex)
    return [draft]


def _mishap(anchor: Token, lex: Lexicon) -> bool:
    """The passive's doer is a mishap ('killed by the crash', 'destroyed by fire')."""
    return any(g.dep_ == "pobj" and g.lemma_.lower() in lex.mishap_agents
               for c in anchor.children if c.dep_ == "agent" for g in c.children)


CONCERN_LEMMAS = frozenset({"concern", "concerned", "alarmed", "troubled", "dismayed", "appalled"})


def _sympathy(trigger: Trigger, lex: Lexicon) -> bool:
    """Concern about a mishap or its victims ('deep concern regarding the missing submarine')."""
    if trigger.type != "ACCUSE" or trigger.token.lower_ not in CONCERN_LEMMAS and \
            trigger.token.lemma_.lower() not in CONCERN_LEMMAS:
        return False
    about = [t for c in trigger.token.children if c.dep_ in ("prep", "acl") for t in c.subtree]
    return any(t.lower_ in lex.mishap_words or t.lemma_.lower() in lex.mishap_words for t in about)


def _stative_passive(anchor: Token, lex: Lexicon) -> bool:
    """'Israel is opposed to the plan', 'is committed to reform': a passive form that states the
    subject's own stance."""
    return anchor.lemma_.lower() in lex.stative_passives and any(
        c.dep_ == "prep" and c.lower_ == "to" or c.dep_ == "xcomp" for c in anchor.children)


def _inside_from(mention: ActorMention, trigger: Trigger) -> bool:
    """The mention sits in the 'from' phrase of the anchor or of the trigger noun."""
    for prep in list(trigger.anchor.children) + list(trigger.token.children):
        if prep.dep_ == "prep" and prep.lower_ == "from":
            right = prep.right_edge
            if prep.idx <= mention.start and mention.end <= right.idx + len(right.text):
                return True
    return False


def _doers_of_attack(trigger: Trigger, mentions: Mentions, lex: Lexicon) -> list[ActorMention]:
    """'were killed in Israeli tank shelling', 'died in a Russian air strike': the attack noun after
    'in' names who attacked."""
    for prep in trigger.anchor.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for noun in prep.children:
            sense = lex.nouns.get(noun.lemma_.lower())
            if noun.dep_ == "pobj" and sense is not None and sense.type == "ASSAULT":
                start, end = noun.left_edge.idx, noun.idx
                return [m for m in mentions.actors_in(start, end) if m.country]
    return []


def _object_of(trigger: Trigger, place: PlaceMention, ctx: SentenceContext) -> bool:
    """Whether a place is the trigger verb's direct object, or a settlement's "of" phrase in it
    ("shelled Kharkiv", "attacked the city of Sumy")."""
    span = ctx.sentence.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = settlement_head(span.root)
    return root.dep_ == "dobj" and root.head.i == trigger.token.i


def _places_as_targets(trigger: Trigger, mentions: Mentions, taken: set[str]) -> list[ActorMention]:
    """'condemned rocket attacks from Gaza': a place in the object names the side addressed."""
    start, end = trigger.anchor.idx, trigger.anchor.right_edge.idx + len(trigger.anchor.right_edge.text)
    for place in mentions.places_in(start, end):
        if place.country and place.country not in taken:
            return [ActorMention(place.start, place.end, place.text, place.country, None, None, "state")]
    return []


def _is_threat(trigger: Trigger, status: str, lex: Lexicon) -> bool:
    """A hostile act announced or intended, or any act promised on a condition ('unless')."""
    anchor = trigger.anchor
    conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if")
                                                for m in c.children) for c in anchor.children)
    if conditional and status == "planned" and trigger.type not in ("CONSULT", "AGREE"):
        return True
    if trigger.type not in HOSTILE_TYPES:
        return False
    if _own_status(anchor, lex) == "planned":
        return True
    head = anchor.head if anchor.dep_ in ("xcomp", "pcomp") else None
    if head is not None and head.lemma_.lower() in THREAT_HEADS:
        return True
    return head is not None and head.dep_ == "acomp" and head.lemma_.lower() in lex.intent_adjectives


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
        in_window = sorted((t for t in ctx.all_timexes
                            if place.end <= t.start < window_end and timex_date(t)), key=lambda t: t.start)
        if in_window:
            own_date = timex_date(in_window[0])
        if own_date is not None and own_date.precision == "year" and in_window:
            own_date = sharpen(own_date, in_window[0], ctx)
        host = [ActorMention(place.start, place.end, place.text, country, "GOV", None, "state")
                ] if country else []
        event = make_event(trigger, status, actors, host, own_date, location, ctx, "visit")
        drafts.append(Draft(event, ctx.evidence, trigger, actors))
    return drafts
