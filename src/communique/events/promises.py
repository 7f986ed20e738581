"""Promises, refusals, claims and demands: the speech acts that change what an act is.

"Agreed to hold", "invited X to visit" make the act planned and add the AGREE; "will visit"
announces a promise; "would not provide" is a refusal (REJECT); "claimed that Y attacked" is an
accusation; "said that Y must" is a demand of Y (REQUEST).
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.document import Event
from communique.events.lexicon import Lexicon
from communique.events.mentions import ActorMention, Mentions
from communique.events.participants import (
    Discourse,
    countries_of,
    release_voice,
    resolve_subject,
    subject_of,
    unique,
)
from communique.events.records import Draft, SentenceContext, date_for, finish, make_event
from communique.events.triggers import Trigger
from communique.events.when_where import document_date

PROMISE_LEMMAS = ("agree", "commit", "pledge", "promise", "invite", "invitation", "vow", "decide",
                  "confirm")


CLAIM_VERBS = ("claim", "allege", "assert", "contend", "charge")


def promise_over(trigger: Trigger, triggers: list[Trigger]) -> Trigger | None:
    for other in triggers:
        if other.type == "AGREE" and other.token.lemma_.lower() in PROMISE_LEMMAS and \
                other.anchor.is_ancestor(trigger.anchor) and other.anchor.i != trigger.anchor.i:
            return other
    return None


def refusal(anchor: Token) -> bool:
    words = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "neg")}
    return bool(words & {"will", "would", "wo", "shall"}) and bool(words & {"not", "n't", "never"})


def own_negation(anchor: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in anchor.children)


def claimed_by(trigger: Trigger) -> Token | None:
    """'The US claimed that ISIL had attacked Iraq': the claim is the event (ACCUSE)."""
    anchor = trigger.anchor
    if anchor.dep_ == "ccomp" and anchor.head.lemma_.lower() in CLAIM_VERBS:
        return anchor.head
    return None


def accusation(trigger: Trigger, claim: Token, ctx: SentenceContext, mentions: Mentions,
                discourse: Discourse, lex: Lexicon) -> list[Draft]:
    accuser = unique(resolve_subject(subject_of(claim)[0], mentions, discourse, lex))
    accused = unique(resolve_subject(subject_of(trigger.anchor)[0], mentions, discourse, lex))
    if not accuser or not accused:
        return []
    sense = trigger.sense
    accusation = Trigger(claim, claim, "ACCUSE", "allege", sense)
    event = make_event(accusation, "occurred", accuser, accused, None, None, ctx, "allege")
    return [Draft(event, ctx.evidence, accusation, accuser)]


def demand_drafts(trigger: Trigger, ctx: SentenceContext, mentions: Mentions, discourse: Discourse,
                   lex: Lexicon) -> list[Draft]:
    clause = trigger.demand_of
    if clause.i == trigger.anchor.i:  # unreported: the last official named speaks, else the publisher
        asker = release_voice(clause, discourse)
    else:
        asker = unique(resolve_subject(subject_of(trigger.anchor)[0], mentions, discourse, lex))
    asked_subject = next(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
    asked = unique(resolve_subject(asked_subject, mentions, discourse, lex))
    if clause.i == trigger.anchor.i:
        asked = [m for m in asked if _names_the_agent(m, asked_subject)]
    asker_countries = countries_of(asker)
    asked = [m for m in asked if m.country not in asker_countries]
    if not asker or not asked:
        return []
    event = make_event(trigger, "occurred", asker, asked, date_for(trigger, ctx), None, ctx, None)
    draft = Draft(event, ctx.evidence, trigger, asker)
    finish(draft, ctx, lex)
    return [draft]


AGENT_NOUNS = frozenset({"authority", "authorities", "government", "leadership", "side", "force", "forces",
                         "troop", "troops", "military", "army", "regime", "administration", "official",
                         "officials", "leader", "leaders", "parliament", "delegation", "country", "state"})


def _names_the_agent(mention: ActorMention, subject: Token) -> bool:
    """'Russia must ...', 'the Kiev authorities should ...', 'the government of X must ...': the
    subject itself names who is asked; not 'the position of X in the dialogue with Y', 'actions of X'."""
    if mention.start <= subject.idx < mention.end:
        return True
    if subject.lemma_.lower() not in AGENT_NOUNS and subject.lower_ not in AGENT_NOUNS:
        return False
    spans = [(subject.left_edge.idx, subject.idx + len(subject))]
    spans += [(c.idx, c.right_edge.idx + len(c.right_edge.text)) for c in subject.children
              if c.dep_ == "prep" and c.lower_ == "of"]
    return any(s <= mention.start and mention.end <= e for s, e in spans)


def event_countries(event: Event) -> set[str]:
    return {p.country for p in event.actors + event.recipients if p.country}


def announced_promises(drafts: list[Draft], ctx: SentenceContext) -> list[Draft]:
    """'X will visit Y', 'X will provide aid to Y': the announcement is a promise (AGREE)."""
    out = []
    for draft in drafts:
        event = draft.event
        promise = Event(id="", type="AGREE", status="occurred", actors=list(event.actors),
                        recipients=list(event.recipients), date=document_date(ctx.doc_date),
                        evidence=[ctx.evidence], trigger=draft.trigger.token.text)
        out.append(Draft(promise, draft.sentence, draft.trigger, draft.actor_mentions, announced=True))
    return out


ARRANGING_VERBS = ("confirm", "agree", "decide", "arrange", "settle")


def confirmed_arrangements(drafts: list[Draft], ctx: SentenceContext) -> list[Draft]:
    """'It was confirmed that the negotiations would take place in Geneva': agreeing on a meeting
    is an AGREE beside the planned meeting (one per sentence)."""
    if any(d.event.type == "AGREE" for d in drafts):
        return []
    for draft in drafts:
        event, anchor = draft.event, draft.trigger.anchor
        if event.type != "CONSULT" or event.status != "planned":
            continue
        head = anchor.head if anchor.dep_ in ("ccomp", "xcomp") else None
        if head is not None and head.lemma_.lower() in ARRANGING_VERBS:
            parties = list(event.actors + event.recipients)
            agree = Event(id="", type="AGREE", status="occurred", actors=parties,
                          date=document_date(ctx.doc_date), evidence=[ctx.evidence], trigger=head.text)
            return [Draft(agree, draft.sentence, draft.trigger, draft.actor_mentions)]
    return []
