"""Accusations by characterisation: "Russia's recognition of the so-called republics is a clear
violation of international law" accuses Russia; whoever says so (the reporting subject, else the
voice of the release) is the accuser."""

from __future__ import annotations

from spacy.tokens import Token

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

REPORTING_VERBS = frozenset({"say", "state", "stress", "note", "declare", "emphasize", "emphasise", "believe",
                             "consider", "underline", "underscore", "affirm", "reaffirm", "point", "add",
                             "recall", "agree", "condemn"})


def _doers(subject: Token, mentions: Mentions) -> list[ActorMention]:
    """Who did the act the subject names: its possessor ('Russia's recognition'), its 'by' phrase
    ('the annexation by Russia'), or the subject itself when it names a party."""
    spans = []
    for c in subject.children:
        if c.dep_ == "poss":
            spans.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
        if c.dep_ == "prep" and c.lower_ == "by":
            spans.append((c.idx, c.right_edge.idx + len(c.right_edge.text)))
    if subject.pos_ == "PROPN":
        spans.append((subject.left_edge.idx, subject.idx + len(subject)))
    return [m for s, e in spans for m in mentions.actors_in(s, e) if m.country]


def _committed_by(noun: Token, mentions: Mentions) -> list[ActorMention]:
    """The doer named in the charge's own phrase: 'a crime committed by X'."""
    out = []
    for acl in noun.children:
        if acl.dep_ in ("acl", "relcl"):
            for agent in acl.children:
                if agent.dep_ == "agent":
                    end = agent.right_edge.idx + len(agent.right_edge.text)
                    out += [m for m in mentions.actors_in(agent.idx, end) if m.country]
    return out


def _reporter(clause: Token) -> Token | None:
    """The verb that reports the clause ('The parties state that ...'), through coordination."""
    token = clause
    for _ in range(3):
        if token.dep_ == "conj":
            token = token.head
            continue
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORTING_VERBS:
            return token.head
        return None
    return None


def charge_drafts(trigger: Trigger, ctx: SentenceContext, mentions: Mentions, discourse: Discourse,
                  lex: Lexicon) -> list[Draft]:
    clause = trigger.anchor
    subject = None
    for verb in (clause, clause.head if clause.dep_ == "conj" else clause):  # "... affirms X and is Y"
        subject = subject or next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    named = _committed_by(trigger.token, mentions)  # "a war crime committed by the Russian military"
    if not named and (subject is None or subject.pos_ == "PRON"):
        return []  # "This is a violation": what 'this' is lies in another sentence
    accused = unique(named or _doers(subject, mentions))
    reporter = _reporter(clause)
    if reporter is not None:
        accusers = unique(resolve_subject(subject_of(reporter)[0], mentions, discourse, lex))
    else:
        accusers = release_voice(clause, discourse)
    accused = [m for m in accused if m.country not in countries_of(accusers)]
    if not accusers or not accused:
        return []
    event = make_event(trigger, "occurred", accusers, accused, date_for(trigger, ctx), None, ctx,
                       "disapprove")
    draft = Draft(event, ctx.evidence, trigger, accusers)
    finish(draft, ctx, lex)
    return [draft]
