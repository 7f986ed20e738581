"""The phrase dictionary of the actors stage, built once per process from the data files.

Every name the stage knows — states and their demonyms and capitals, organisations and
generic bodies, office titles, office holders, places — becomes an `Entry` under the
normalised token tuple of the phrase (`tokens.phrase_key`), so that finding them in an
article is one dictionary look-up per token position and length. Data files live in
`data/actors/`; each says where its facts came from.
"""

from __future__ import annotations

import csv
import gc
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from communique.actors.datafiles import read_yaml
from communique.actors.kb import load_people
from communique.actors.peoples import load_peoples
from communique.actors.places import Place, load_places
from communique.actors.tokens import phrase_key, tokenize
from communique.settings import DATA_DIR

ACTORS_DATA = DATA_DIR / "actors"
_PLAIN = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+)*$")

# Kinds of lexicon entries, in the order a tie between two entries of one phrase is broken.
KIND_ORDER = ("org", "head", "state", "demonym", "people", "person", "title", "group", "capital", "place")


@dataclass(frozen=True, slots=True)
class State:
    iso3: str
    name: str
    capitals: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Organization:
    """A named organisation (fixed country) or a generic body (`head`, country from context)."""

    name: str
    kind: str  # organization | igo
    country: str | None
    sector: str | None
    members: tuple[str, ...] = ()
    is_head: bool = False
    makes_entity: bool = True
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning of a phrase. `ref` is a State, Organization, Person, Place or a sector code."""

    kind: str
    ref: Any
    mask: tuple[bool, ...]
    surface: str


@dataclass(slots=True)
class Lexicon:
    phrases: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    states: dict[str, State] = field(default_factory=dict)
    title_words: frozenset[str] = frozenset()
    body_words: frozenset[str] = frozenset()
    max_len: int = 1
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first token → key lengths

    def index_lengths(self) -> None:
        """For each first token, the lengths of the phrases it starts, longest first, so the
        matcher only tries lengths that can match."""
        by_first: dict[str, set[int]] = defaultdict(set)
        for key in self.phrases:
            by_first[key[0]].add(len(key))
        self.lengths = {first: tuple(sorted(ns, reverse=True)) for first, ns in by_first.items()}

    def add(self, phrase: str, kind: str, ref: Any) -> None:
        if _PLAIN.match(phrase):  # most names are plain words: split them without the tokenizer
            words = phrase.split()
            key = tuple(w.lower() for w in words)
            mask = tuple(w[0].isupper() for w in words)
        else:
            tokens = tokenize(phrase)
            if not tokens:
                return
            key = tuple(t.norm for t in tokens)
            mask = tuple(t.is_cap for t in tokens)
        entry = Entry(kind, ref, mask, phrase)
        bucket = self.phrases.setdefault(key, [])
        if any(e.kind == kind and e.ref == ref and e.mask == entry.mask for e in bucket):
            return
        bucket.append(entry)
        self.max_len = max(self.max_len, len(key))

    def lookup(self, phrase: str) -> list[Entry]:
        return self.phrases.get(phrase_key(phrase), [])


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _load_states(lex: Lexicon) -> None:
    lines = (line for line in (ACTORS_DATA / "states.csv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#"))
    for row in csv.DictReader(lines):
        state = State(row["iso3"], row["name"], tuple(_split(row["capitals"])))
        lex.states[state.iso3] = state
        for name in [state.name, *_split(row["aliases"])]:
            lex.add(name, "state", state)
        for demonym in _split(row["demonyms"]):
            lex.add(demonym, "demonym", state)
        for capital in state.capitals:
            lex.add(capital, "capital", state)


def _load_offices(lex: Lexicon) -> None:
    data = read_yaml("offices.yaml")
    for sector, titles in data["sectors"].items():
        for title in titles:
            if title[:1].islower():  # a group noun ("officials", "troops"): phrases only, never a person
                lex.add(title, "group", sector)
                continue
            lex.add(title, "title", sector)
            if " " not in title:
                lex.add(title.lower(), "title", sector)
    lex.title_words = frozenset(w.lower() for w in data["title_words"].split())
    lex.body_words = frozenset(w.lower() for w in data["body_words"].split())


def _load_organizations(lex: Lexicon) -> None:
    data = read_yaml("organizations.yaml")
    for row in data["named"]:
        org = Organization(name=row["name"], kind=row.get("kind", "organization"),
                           country=row.get("country"), sector=row.get("sector"),
                           members=tuple(row.get("members") or ()), place=row.get("place"))
        for name in [org.name, *(row.get("aliases") or [])]:
            lex.add(str(name), "org", org)
    for row in data["heads"]:
        org = Organization(name=row["name"], kind="organization", country=None,
                           sector=row.get("sector"), is_head=True,
                           makes_entity=row.get("entity", True))
        for name in [org.name, *(row.get("aliases") or [])]:
            lex.add(str(name), "head", org)


def _load_people(lex: Lexicon) -> None:
    for person in load_people():
        names = {person.name, *person.aliases}
        for name in names:
            lex.add(name, "person", person)
        if person.surname:
            lex.add(person.surname, "person", person)


def _load_peoples(lex: Lexicon) -> None:
    for name, people in load_peoples():
        lex.add(name, "people", people)


def _load_places(lex: Lexicon) -> None:
    for name, place in load_places().named():
        lex.add(name, "place", place)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The phrase dictionary, built once per process."""
    lex = Lexicon()
    _load_states(lex)
    _load_offices(lex)
    _load_organizations(lex)
    _load_people(lex)
    _load_peoples(lex)
    _load_places(lex)
    lex.index_lengths()
    # The dictionaries hold a few hundred thousand long-lived objects; freezing them keeps the
    # garbage collector from walking them again on every full collection during extraction.
    gc.freeze()
    order = {kind: i for i, kind in enumerate(KIND_ORDER)}
    for bucket in lex.phrases.values():
        bucket.sort(key=lambda e: order.get(e.kind, len(order)))
    return lex


__all__ = ["Entry", "Lexicon", "Organization", "Place", "State", "load_lexicon"]
