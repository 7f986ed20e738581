"""Groups named by who they are rather than which state they belong to: peoples, ethnic and
religious groups ("Chechen rebels", "Moslem forces"), "ethnic Albanians", "Bosnian Serbs".

News prose names such actors by a group word whose country is where the group acts, not the
nationality the word suggests: "ethnic Albanians in southern Serbia" are coded to Serbia,
"Kurdish rebels" to the state the sentence is about, "Bosnian Serbs" to Bosnia. The words
and their home countries are data (`data/actors/peoples.yaml`); this module picks the country
from the sentence around the words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from communique.actors.datafiles import read_yaml
from communique.actors.mentions import Mention
from communique.actors.tokens import Token

if TYPE_CHECKING:
    from communique.actors.matcher import Piece

_SENTENCE_END = frozenset({".", "!", "?", ";"})
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                         "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
                         "northwestern", "southeastern", "southwestern", "neighbouring", "neighboring"})
COUNTRY_ENTRY_KINDS = ("state", "demonym", "capital")
# Nouns that make a demonym name an ethnic group where it lives ("the Albanian population of the
# province", "the Russian minority in Latvia"), not the state.
COMMUNITY_NOUNS = frozenset({"population", "populations", "minority", "minorities", "community",
                             "communities", "diaspora", "inhabitants", "residents", "villagers"})


@dataclass(frozen=True, slots=True)
class People:
    """A people, ethnic or religious group: its home countries and how to choose among them."""

    name: str
    homes: tuple[str, ...]
    ambiguous: bool = False
    any_country: bool = False  # a religion or broad identity: whichever country the sentence names


@lru_cache(maxsize=1)
def load_peoples() -> tuple[tuple[str, People], ...]:
    """(word, People) pairs from `data/actors/peoples.yaml`, read once."""
    out: list[tuple[str, People]] = []
    for row in read_yaml("peoples.yaml")["peoples"]:
        names = [str(n) for n in row["names"]]
        people = People(names[0], tuple(row.get("homes") or ()), bool(row.get("ambiguous")),
                        bool(row.get("any")))
        out.extend((name, people) for name in names)
    return tuple(out)


def piece_country(piece: Piece) -> str | None:
    """The ISO code of a state, demonym or capital piece (None for other pieces)."""
    if piece.first("org", "people"):
        return None
    entry = piece.first(*COUNTRY_ENTRY_KINDS)
    return entry.ref.iso3 if entry is not None else None


def sentence_bounds(tokens: list[Token], i: int, j: int) -> tuple[int, int]:
    """Token range `[lo, hi)` of the sentence holding tokens `[i, j)` (split at . ! ? ;)."""
    lo = i
    while lo > 0 and tokens[lo - 1].text not in _SENTENCE_END:
        lo -= 1
    hi = j
    while hi < len(tokens) and tokens[hi].text not in _SENTENCE_END:
        hi += 1
    return lo, hi


def context_countries(pieces: list[Piece], tokens: list[Token], k: int) -> list[tuple[int, str]]:
    """(token distance, country) of the state words in piece `k`'s sentence, nearest first."""
    piece = pieces[k]
    lo, hi = sentence_bounds(tokens, piece.i, piece.j)
    found = []
    for other in pieces:
        if other is piece or other.j <= lo or other.i >= hi:
            continue
        country = piece_country(other)
        if country is not None:
            distance = piece.i - other.j if other.j <= piece.i else other.i - piece.j
            found.append((distance, country))
    found.sort()
    return found


def residence(pieces: list[Piece], tokens: list[Token], k: int, piece_at: list[int | None]) -> str | None:
    """The state a group is placed in right after it: "Albanians in southern Serbia" → SRB,
    "a Christian missionary from Calgary" → CAN (a noun may come between)."""
    j = pieces[k].j
    if j < len(tokens) and tokens[j].norm not in {"in", "of", "from"} and piece_at[j] is None:
        j += 1  # "Christian missionary from ..."
    if j >= len(tokens) or tokens[j].norm not in {"in", "of", "from"}:
        return None
    j += 1
    while j < len(tokens) and (tokens[j].norm == "the" or tokens[j].norm in _DIRECTIONS):
        j += 1
    if j >= len(tokens) or piece_at[j] is None:
        return None
    nxt = pieces[piece_at[j]]
    if nxt.i != j or (nxt.j < len(tokens) and tokens[nxt.j].text == "-"):
        return None  # "of the Israeli-occupied West Bank": the state word is an adjective
    places = [e.ref for e in nxt.of_kind("place")]
    if piece_country(nxt) is None and places and not nxt.first("org", "people", "person"):
        return max(places, key=lambda p: p.population).country  # a city: its country
    return piece_country(nxt)


def people_country(people: People, context: list[tuple[int, str]], *,
                   exclude: str | None = None) -> str | None:
    """The country of a group given the sentence's countries (nearest first)."""
    nearby = [c for _, c in context if c != exclude]
    for country in nearby:
        if country in people.homes:
            return country
    if people.any_country and nearby:
        return nearby[0]
    if people.homes and not people.ambiguous:
        return people.homes[0]
    return None


def after_anti_pro(tokens: list[Token], piece: Piece) -> bool:
    """Whether a state word follows "anti-" or "pro-" ("pro-Russia rebels")."""
    i = piece.i
    return (i > 1 and tokens[i - 1].text == "-" and tokens[i - 2].norm in {"anti", "pro"}
            and tokens[i - 1].start == tokens[i - 2].end
            and bool(piece.kinds() & {"state", "demonym", "capital", "people"}))


def _merge_compound(c: Any, k: int, out: list[Mention]) -> bool:
    """"Bosnian Serbs", "Iraqi Kurds": the first word says where the group lives."""
    piece, prev = c.pieces[k], c.pieces[k - 1]
    if not (prev.j == piece.i and c.text[prev.end:piece.start] == " " and out
            and (k - 1 in c.group_country or piece_country(prev))
            and out[-1].start == prev.start and out[-1].kind == "state"):
        return False
    last = out[-1]
    out[-1] = Mention("state", last.start, piece.end, c.text[last.start:piece.end], last.name,
                      country=last.country, key=last.key, ref=last.ref)
    c.group_country[k] = last.country
    return True


def group_mention(c: Any, k: int, out: list[Mention], *, displaced: bool = False) -> bool:
    """A demonym or group word of composer `c`'s piece `k` as a state mention, placed where the
    group acts: "ethnic Albanians in Serbia" and "the Albanians of southern Serbia" → Serbia,
    "Bosnian Serbs" → Bosnia, "Kurdish rebels" → the state the sentence names; `displaced`
    ("pro-Russia rebels"): another state of the sentence, if any. False when the piece is no
    such word (or names nobody here)."""
    piece = c.pieces[k]
    if piece.first("org"):
        return False
    demonym, people = piece.first("state", "demonym"), piece.first("people")
    own = demonym.ref.iso3 if demonym is not None else None
    if k > 0 and not displaced and _merge_compound(c, k, out):
        return True
    tokens = c.tokens
    ethnic = displaced or (piece.i > 0 and tokens[piece.i - 1].norm == "ethnic") or (
        piece.j < len(tokens) and tokens[piece.j].norm in COMMUNITY_NOUNS and piece.text[:1].isupper())
    if demonym is not None and not ethnic:
        there = None
        if piece.text.endswith("s") and piece.j < len(tokens) and tokens[piece.j].norm == "of":
            there = residence(c.pieces, tokens, k, c.reader.piece_at)
        out.append(c._state(piece, c.lex.states.get(there) or demonym.ref))
        if there and there != own:
            c.group_country[k] = there
        return True
    if people is None and demonym is None:
        return False
    j = piece.j
    nxt = c.reader.piece_starting(j) if j < len(tokens) else None
    name_next = (j < len(tokens) and tokens[j].is_cap and c.text[piece.end:piece.end + 1] == " "
                 and (nxt is None or nxt.kinds() <= {"person", "place"}))
    if people is not None and (name_next
                               or c.text[piece.end:piece.end + 1] == "-"
                               or c.text[piece.start - 1:piece.start] == "-"):
        return False  # "Karen Bass" is a person, "Shan-e-Mustafa" a name
    country = residence(c.pieces, tokens, k, c.reader.piece_at)
    if country is None:
        context = context_countries(c.pieces, tokens, k)
        if people is not None:
            country = people_country(people.ref, context, exclude=own if ethnic else None)
        else:
            country = next((cc for _, cc in context if cc != own), None if displaced else own)
    if country is None or country not in c.lex.states:
        return False
    c.group_country[k] = country
    out.append(c._state(piece, c.lex.states[country]))
    return True


def region_group(c: Any, k: int, out: list[Mention]) -> bool:
    """A region or town right before a group noun ("Darfur rebels", "Gaza militants") names the
    group by where it acts: a state mention of the place's country."""
    piece = c.pieces[k]
    nxt = c.reader.piece_starting(piece.j)
    if nxt is None or c.text[piece.end:nxt.start] != " " or not piece.text[:1].isupper():
        return False
    head = nxt.first("head")
    if not (nxt.first("group") or (head is not None and not head.ref.makes_entity)):
        return False
    place = c._choose_place(piece)
    if place is None or place.country not in c.lex.states:
        return False
    c.group_country[k] = place.country
    out.append(c._state(piece, c.lex.states[place.country]))
    return True
