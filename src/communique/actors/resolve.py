"""Resolve a short actor phrase to a country and sector, for stages that work on phrases.

The events stage meets actors as noun phrases ("the Kazakh side", "Washington", "the Ukrainian
delegation", "the EU", "Israeli troops"). These functions run the same lexicon and composer
as the stage on the phrase alone, so a phrase and the same words in an article resolve alike.
Results are cached: the same few phrases recur across a corpus.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from communique.actors.compose import Composer
from communique.actors.lexicon import load_lexicon
from communique.actors.matcher import find_pieces
from communique.actors.mentions import FORMER_WORDS, Mention
from communique.actors.tokens import tokenize

_KIND_RANK = {"person": 0, "organization": 1, "igo": 1, "state": 2, "place": 3}


@dataclass(frozen=True, slots=True)
class ActorRef:
    """What a phrase names: its kind, canonical name, country code and PLOVER sector."""

    kind: str
    name: str
    country: str | None
    sector: str | None
    members: tuple[str, ...] = ()


# Words that end the head of a noun phrase: what follows qualifies it ("rebels in Darfur").
_HEAD_ENDERS = frozenset({"of", "in", "at", "from", "on", "near", "loyal", "based", "operating", "who",
                          "which", "that", "with", "for", "to", "by", "living", "fleeing", "ordered"})


def _best(mentions: list[Mention], text: str) -> Mention | None:
    """The mention that heads the phrase: a person if there is one, else the last state,
    organisation or place before the phrase's first qualifier ("NATO-member Norway" → Norway,
    "Israel's Cabinet" → the Cabinet); with nothing before it, the best one after."""
    with_country = [m for m in mentions if m.country or m.members]
    if not with_country:
        return None
    people = [m for m in with_country if m.kind == "person"]
    if people:
        return people[0]
    cut = len(text)
    covered = [(m.start, m.end) for m in mentions]
    for token in tokenize(text):
        if token.norm in _HEAD_ENDERS and not any(s <= token.start < e for s, e in covered):
            cut = token.start
            break
    head = [m for m in with_country if m.start < cut]
    if head:
        return max(head, key=lambda m: (m.end, -_KIND_RANK.get(m.kind, 9)))
    return min(with_country, key=lambda m: (_KIND_RANK.get(m.kind, 9), m.start))


@lru_cache(maxsize=8192)
def actor_for_phrase(text: str, date: dt.date | None = None, home: str | None = None) -> ActorRef | None:
    """The actor a phrase names, or None when nothing in it resolves.

    text (str): a noun phrase such as "the Kazakh side" or "Foreign Minister Retno Marsudi".
    date (date | None): the article's date, for who held an office then.
    home (str | None): the publisher's country, for a bare "the President".
    RETURNS (ActorRef | None): kind, name, country, sector.
    """
    from communique.actors.group import group_mentions

    lex = load_lexicon()
    tokens = tokenize(text)
    pieces = find_pieces(tokens, text, lex)
    mentions = Composer(text, tokens, pieces, lex, date=date, home=home, phrase_mode=True).mentions()
    best = _best(mentions, text)
    if best is None:
        return None
    if best.kind == "person":
        entity = next(e for e in group_mentions(mentions, date=date, home=home) if e.kind == "person"
                      and any(s.start == best.start for s in e.mentions)) if best.title_only else None
        country = best.country or (entity.country if entity else None)
        return ActorRef("person", entity.name if entity else best.name, country,
                        best.sector or (entity.sector if entity else None))
    sector = best.sector if best.kind in {"organization", "igo", "person"} else None
    if best.kind == "state":
        sector = _group_sector(text) or None
    return ActorRef(best.kind, best.name, best.country, sector, best.members)


def _group_sector(text: str) -> str | None:
    """The sector a group noun in the phrase gives ("officials" GOV, "troops" MIL, "former" ELI)."""
    lex = load_lexicon()
    tokens = tokenize(text)
    if any(t.norm in FORMER_WORDS for t in tokens):
        return "ELI"
    for piece in reversed(find_pieces(tokens, text, lex)):
        for entry in piece.entries:
            if entry.kind in {"group", "title"}:
                return entry.ref
            if entry.kind == "head":
                return entry.ref.sector
    return None


def country_for_phrase(text: str, date: dt.date | None = None) -> str | None:
    """The country code (ISO alpha-3, or IGO/UNO/EUR/NGO/...) a phrase names, or None."""
    actor = actor_for_phrase(text, date)
    return actor.country if actor else None


@lru_cache(maxsize=4096)
def sector_for_title(title: str) -> str | None:
    """The PLOVER sector of an office as written ("Foreign Minister" GOV, "Senator" LEG,
    "former President" ELI), or None when no title is recognised."""
    lex = load_lexicon()
    tokens = tokenize(title)
    if any(t.norm in FORMER_WORDS for t in tokens):
        return "ELI"
    for piece in find_pieces(tokens, title, lex):
        for entry in piece.entries:
            if entry.kind in {"title", "group"}:
                return entry.ref
            if entry.kind in {"head", "org"} and entry.ref.sector:
                return entry.ref.sector
    return None
