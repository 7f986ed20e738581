"""What a party is praised or thanked for is an act of that party.

"commended the government of Colombia for its condemnation of Russia's actions" reports Colombia's
condemnation (ACCUSE, Colombia -> Russia) beside the praise; "thanked Japan for its assistance to
Ukraine" reports Japan's assistance. Only nouns the trigger lexicon types are read, so "thanked X
for their hospitality" adds nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.events.lexicon import Lexicon
from communique.events.mentions import ActorMention, Mentions
from communique.events.participants import countries_of, phrase_core, token_span, unique
from communique.events.records import Draft, SentenceContext, date_for, finish, make_event
from communique.events.triggers import Trigger

PRAISE_LEMMAS = frozenset({"thank", "commend", "praise", "applaud", "laud", "salute", "congratulate", "hail",
                           "thanks", "gratitude", "appreciation", "congratulation", "congratulations"})
# what one side gives the praising side when nothing else is named ("thanked X for their support")
GIVEN_TYPES = ("SUPPORT", "AID", "COOPERATE")
TARGET_PREPS = ("for", "to", "of", "with", "toward", "towards")


def _praised(trigger: Trigger) -> Token | None:
    """The praised party: the verb's object ('commended X'), or 'to X' after a noun of thanks."""
    heads = [trigger.token] if trigger.token.i == trigger.anchor.i else [trigger.token, trigger.anchor]
    for head in heads:
        for c in head.children:
            if c.dep_ == "dobj" and c.i != trigger.token.i:
                return c
            if c.dep_ == "prep" and c.lower_ == "to" and head.i == trigger.token.i != trigger.anchor.i:
                return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _reason_nouns(trigger: Trigger) -> list[Token]:
    """The act nouns after 'for' ('for its condemnation of ...', 'for their support')."""
    out = []
    for head in {trigger.token, trigger.anchor}:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for noun in prep.children:
                    if noun.dep_ == "pobj" and noun.pos_ == "NOUN":
                        out.extend([noun, *noun.conjuncts])
    return out


def praised_acts(trigger: Trigger, praisers: list[ActorMention], ctx: SentenceContext, mentions: Mentions,
                 lex: Lexicon) -> list[Draft]:
    """Drafts for the acts a SUPPORT trigger praises its object for (one per act noun)."""
    if trigger.type != "SUPPORT" or trigger.token.lemma_.lower() not in PRAISE_LEMMAS:
        return []
    praised = _praised(trigger)
    if praised is None:
        return []
    start, end = token_span(praised)
    doers = unique([m for m in mentions.actors_in(start, end) if m.country])
    if not doers:
        return []
    doer_countries = countries_of(doers)
    drafts: list[Draft] = []
    for noun in _reason_nouns(trigger):
        sense = lex.nouns.get(noun.lemma_.lower())
        if sense is None or sense.type == "CONSULT":
            continue
        # the act's own phrase after the noun: 'of Russia's actions', 'for Ukraine', 'to refugees';
        # not what it is against or about ('support for Ukraine against Russian aggression')
        targets: list[ActorMention] = []
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in TARGET_PREPS or prep.i < noun.i:
                continue
            (p_start, p_end), cut = phrase_core(prep)
            targets += [m for m in mentions.actors_in(p_start, p_end) if m.country
                        and m.country not in doer_countries and not any(s <= m.start and m.end <= e
                                                                        for s, e in cut)]
        if not targets and sense.type in GIVEN_TYPES:
            targets = [m for m in praisers if m.country not in doer_countries]
        if not targets:
            continue
        act = Trigger(noun, trigger.anchor, sense.type, sense.mode, sense)
        event = make_event(act, "occurred", doers, unique(targets), date_for(trigger, ctx), None, ctx,
                           sense.mode)
        event.extra.pop("light", None)
        draft = Draft(event, ctx.evidence, act, doers)
        finish(draft, ctx, lex)
        drafts.append(draft)
    return drafts
