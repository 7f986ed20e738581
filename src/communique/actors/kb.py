"""The office-holder knowledge base: people, their country and their offices with tenures.

A bare name in an article ("Tokayev said") only gives a country and a sector once we know
who held which office on the article's date; someone whose offices had all ended by then is
ELI (a former official), as PLOVER codes them. The facts live in
`data/actors/officeholders.yaml` (and, for earlier decades, `officeholders_history.yaml`); this
module reads them once per process.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from communique.actors.datafiles import read_yaml

_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}
# Current office holders, then those of earlier decades (both "public knowledge, written by us").
KB_FILES = ("officeholders.yaml", "officeholders_history.yaml")
_PARTICLES = {"di", "de", "da", "del", "van", "von", "le", "la", "al", "el", "bin", "ben", "dos", "du"}


@dataclass(frozen=True, slots=True)
class Office:
    title: str
    sector: str
    start: dt.date | None
    end: dt.date | None
    country: str | None = None  # when the office is not the person's own country's (NATO, UN, EU)

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    """A known office holder."""

    name: str
    country: str
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = field(default_factory=tuple)
    family_name: str | None = None  # set where it is not the last word (Xi Jinping); "" for none

    def office_on(self, day: dt.date | None) -> Office | None:
        """The office held on `day`; when several overlap, the first listed in the data (the
        knowledge base lists a person's main office first: Secretary of State before acting
        National Security Advisor)."""
        if day is None:
            return max(self.offices, key=lambda o: o.start or dt.date.min, default=None)
        return next((o for o in self.offices if o.held_on(day)), None)

    def offices_on(self, day: dt.date | None) -> list[Office]:
        """Every office held on `day`."""
        return [o for o in self.offices if day is None or o.held_on(day)]

    def status_on(self, day: dt.date | None) -> tuple[str | None, str | None]:
        """(title, sector) on `day`: the office held, or ELI once every office has ended."""
        office = self.office_on(day)
        if office is not None:
            return office.title, office.sector
        if day is not None and any(o.end is not None and o.end <= day for o in self.offices):
            return None, "ELI"
        first = min(self.offices, key=lambda o: o.start or dt.date.min, default=None)
        return None, (first.sector if first else None)

    def country_on(self, day: dt.date | None) -> str:
        """The country the person acts for on `day` (an office abroad, such as NATO's, overrides)."""
        office = self.office_on(day)
        if office is None and day is not None:
            ended = [o for o in self.offices if o.end is not None and o.end <= day]
            office = max(ended, key=lambda o: o.end, default=None)
        return (office.country if office and office.country else None) or self.country

    @property
    def surname(self) -> str:
        if self.family_name is not None:
            return self.family_name
        words = [w for w in self.name.replace(",", " ").split() if w.lower() not in _SUFFIXES]
        if len(words) > 2 and words[-2].lower() in _PARTICLES:
            return " ".join(words[-2:])  # "Luigi Di Maio" → "Di Maio"
        return words[-1] if words else self.name


def _date(value: object) -> dt.date | None:
    if value is None or value == "null":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@lru_cache(maxsize=1)
def load_people() -> tuple[Person, ...]:
    """All office holders of the knowledge base, read once per process."""
    rows = [row for name in KB_FILES for row in read_yaml(name).get("people", [])]
    people = []
    for row in rows:
        offices = tuple(Office(str(o[0]), str(o[1]), _date(o[2]), _date(o[3]), o[4] if len(o) > 4 else None)
                        for o in row["offices"])
        people.append(Person(name=row["name"], country=row["country"],
                             aliases=tuple(row.get("aliases") or ()), offices=offices,
                             family_name=row.get("surname")))
    return tuple(people)


def pick_person(candidates: list[Person], day: dt.date | None,
                title_core: str | None = None) -> Person | None:
    """Of several people sharing a name, the one in office on `day` (in the office named, when
    the text names one: "President Berdimuhamedow"), else the latest one to have held office
    before it, else the first listed."""
    if not candidates:
        return None
    if day is None:
        return candidates[0]
    if title_core and len(candidates) > 1:
        holding = [p for p in candidates
                   if any(office_core(o.title) == title_core for o in p.offices_on(day))]
        if holding:
            return holding[0]
    in_office = [p for p in candidates if p.office_on(day) is not None]
    if in_office:
        return in_office[0]
    before = [(max((o.end or day) for o in p.offices if (o.start or dt.date.min) <= day), p)
              for p in candidates if any((o.start or dt.date.min) <= day for o in p.offices)]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    return candidates[0]


def holder_of(title_core: str, country: str, day: dt.date | None) -> Person | None:
    """Who held an office such as ("president", "KAZ") on `day`, for "the President of Kazakhstan"."""
    index = _office_index()
    for person in index.get((title_core, country), ()):
        if any(office_core(o.title) == title_core for o in person.offices_on(day)):
            return person
    return None


_SAME_OFFICE = {"foreign minister": "minister of foreign affairs",
                "minister for foreign affairs": "minister of foreign affairs",
                "foreign affairs minister": "minister of foreign affairs",
                "minister of external affairs": "minister of foreign affairs",
                "minister for europe and foreign affairs": "minister of foreign affairs",
                "secretary of foreign affairs": "minister of foreign affairs",
                "defence minister": "minister of defence", "defense minister": "minister of defence",
                "minister of defense": "minister of defence", "premier": "prime minister",
                "head of state": "president"}


def office_core(title: str) -> str:
    """The office without its country, in one spelling: "President of Kazakhstan" → "president",
    "Foreign Minister" → "minister of foreign affairs"."""
    core = _office_core(title)
    return _SAME_OFFICE.get(core, core)


def _office_core(title: str) -> str:
    core = title.lower()
    for sep in (" of the ", " of "):
        if sep in core:
            head, _, rest = core.rpartition(sep)
            if rest and rest[0].isalpha() and head in _HEADS_WITH_COUNTRY:
                return head
    return core


_HEADS_WITH_COUNTRY = {"president", "prime minister", "vice president", "minister of foreign affairs",
                       "foreign minister", "chancellor", "king", "emir", "crown prince",
                       "chairman of the senate", "speaker", "minister for foreign affairs",
                       "minister of external affairs", "minister for europe and foreign affairs",
                       "minister of defence", "minister of defense", "premier", "queen",
                       "secretary of foreign affairs", "deputy prime minister"}


@lru_cache(maxsize=1)
def _office_index() -> dict[tuple[str, str], tuple[Person, ...]]:
    index: dict[tuple[str, str], list[Person]] = {}
    for person in load_people():
        for office in person.offices:
            key = (office_core(office.title), person.country)
            if person not in index.setdefault(key, []):
                index[key].append(person)
    return {k: tuple(v) for k, v in index.items()}


_FILLER = {"of", "the", "for", "and", "to"}
_RANK_WORDS = frozenset({"general", "gen", "gen.", "admiral", "adm", "adm.", "marshal", "field", "colonel",
                         "col", "col.", "lieutenant", "lt", "lt.", "major", "maj", "maj.", "brigadier",
                         "brig", "vice", "rear", "air", "chief", "army", "captain", "capt", "capt.",
                         "commander"})


def holds_title(person: Person, title_core: str) -> bool:
    """Whether any office of the person fits a written title ("Foreign Minister" fits "Minister
    of Foreign Affairs of Kazakhstan"; "Governor" fits no office of a president)."""
    wanted = {w for w in title_core.lower().replace("-", " ").split() if w not in _FILLER}
    if wanted and wanted <= _RANK_WORDS and any(o.sector == "MIL" for o in person.offices):
        return True  # a military rank fits an officer ("General Syrskyi", "Field Marshal Munir")
    for office in person.offices:
        words = set(office.title.lower().replace("-", " ").split())
        if wanted <= words:
            return True
    return False


# Short forms of given names, each group one name ("Tony Blinken" is Antony Blinken).
_NICKNAME_GROUPS = (
    "joe joseph", "bill william will billy", "bob robert rob bobby", "mike michael", "tony antony anthony",
    "jim james jimmy jamie", "tom thomas tommy", "dick richard rick", "liz elizabeth beth betty",
    "kate katherine kathy catherine", "pete peter", "steve steven stephen", "chris christopher",
    "dan daniel danny", "sam samuel samantha", "ned edward ed ted", "jake jacob", "nick nicholas",
    "alex alexander alexandra aleksandr alexandre", "andy andrew", "ben benjamin bibi", "don donald",
    "ron ronald", "matt matthew", "dave david", "jen jennifer jenny", "pam pamela", "kristi kristin",
    "sergei sergey serguei", "yury yuri yuriy", "dmitri dmitry dmitriy", "andrei andrey andrii andriy",
    "oleksii oleksiy alexei aleksei alexey", "volodymyr vladimir", "mohammed mohammad muhammad mohamed",
    "al albert alan", "gene eugene", "larry lawrence", "jerry jerome gerald", "greg gregory",
    "tim timothy", "charlie charles chuck", "hank henry harry", "jack john johnny", "jeff jeffrey",
    "josh joshua", "kim kimberly", "sue susan susie", "meg margaret maggie", "vicky victoria",
    "doug douglas", "ken kenneth", "fred frederick", "frank francis", "jd james", "rfk robert",
)
_NICKNAMES: dict[str, frozenset[str]] = {}
for _group in _NICKNAME_GROUPS:
    for _word in _group.split():
        _NICKNAMES[_word] = _NICKNAMES.get(_word, frozenset()) | frozenset(_group.split())


def _name_words(text: str) -> list[str]:
    return [w.strip(".,").lower() for w in text.replace("-", " ").split() if w.strip(".,")]


def given_names(person: Person) -> frozenset[str]:
    """The words of a person's names other than the family name, with their short forms:
    Joe Biden → {joe, joseph, r, ...}."""
    surname = set(_name_words(person.surname)) if person.surname else set()
    words: set[str] = set()
    for name in (person.name, *person.aliases):
        words.update(w for w in _name_words(name) if w not in surname and w not in _SUFFIXES)
    for word in list(words):
        words |= _NICKNAMES.get(word, frozenset())
    return frozenset(words)


def given_names_fit(person: Person, written: list[str]) -> bool:
    """Whether the given names written before (or, for a family name written first, after) a
    known person's surname can be theirs: "Joseph R." and "Tony" fit, "Jill" does not fit Joe
    Biden and "Karen" does not fit John Bass. An initial fits a name with that letter; with
    nothing written, anyone fits."""
    words = [w for text in written for w in _name_words(text)]
    if not words:
        return True
    known = given_names(person)
    if not known:
        return True  # a mononym or a person known by one name only: nothing to contradict
    for word in words:
        if word in known or any(word in _NICKNAMES.get(k, ()) for k in known):
            return True
        if len(word) == 1 and any(k[:1] == word for k in known):
            return True
    return False


@lru_cache(maxsize=1)
def _female_given_names() -> frozenset[str]:
    return frozenset(read_yaml("given_names.yaml")["female"].split())


def is_woman(person: Person) -> bool:
    """Whether the knowledge base's person can be the woman "Mrs./Ms./Madam X" or "First Lady X"
    names: a woman's given name (`data/actors/given_names.yaml`) or a spouse's office."""
    if any(word in ("lady", "spouse") for o in person.offices for word in o.title.lower().split()):
        return True
    names = given_names(person) - frozenset(_name_words(person.surname or ""))
    return bool(names & _female_given_names())
