"""Delegations: 'a Ukrainian delegation', 'a delegation of the US Senate', 'a delegation led by X',
'X led a delegation'. A later bare 'the delegation' is the last delegation whose state the text
gave, so meetings with it keep their participant.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from communique.events.mentions import ActorMention, Mentions
from communique.events.participants import LEADING_VERBS, Discourse, phrase_core

DELEGATION_NOUNS = frozenset({"delegation"})
POINTING_DETERMINERS = frozenset({"the", "this", "that"})


def delegation_mentions(sentence: SpacySpan, mentions: Mentions, discourse: Discourse) -> None:
    """Record the state of each delegation the sentence names; give each bare 'the delegation' the
    state of the last one named (added to `mentions` as a mention of that state)."""
    for token in sentence:
        if token.lower_ not in DELEGATION_NOUNS or token.tag_ != "NN":
            continue
        named = _named_state(token, mentions)
        if named is not None:
            discourse.delegation = named
            continue
        country, sector = _pointed_back(token, discourse)
        if country is None:
            continue
        start, end = token.idx, token.idx + len(token.text)
        if any(m.start < end and start < m.end for m in mentions.actors):
            continue
        mention = ActorMention(start, end, token.text, country, sector, None, "state")
        mentions.actors.append(mention)
        mentions.actors.sort(key=lambda m: (m.start, -m.end))


def _named_state(token: Token, mentions: Mentions) -> ActorMention | None:
    """The state of 'a Ukrainian delegation', 'the delegation of Qatar', 'a delegation led by X',
    'X led the delegation'; None for a bare delegation."""
    (start, end), cut = phrase_core(token)
    inside = [m for m in mentions.actors_in(start, end) if m.country
              and not any(s <= m.start and m.end <= e for s, e in cut)]
    if inside:
        return inside[0]
    head = token.head
    if token.dep_ == "dobj" and head.lemma_.lower() in LEADING_VERBS:
        for child in head.children:
            if child.dep_ == "nsubj":
                s, e = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
                leaders = [m for m in mentions.actors_in(s, e) if m.country]
                if leaders:
                    return leaders[0]
    return None


def _pointed_back(token: Token, discourse: Discourse) -> tuple[str | None, str | None]:
    """'the delegation' after a named one: that delegation's state."""
    determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
    if determiners & POINTING_DETERMINERS and discourse.delegation is not None:
        return discourse.delegation.country, discourse.delegation.sector
    return None, None
