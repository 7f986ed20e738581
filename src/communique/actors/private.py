"""People the text introduces by nationality and occupation, and members of legislatures.

"American businessman Kimbal Musk", "John Doe, a British journalist,", "a Ukrainian human rights
activist, Jane Roe": a private person takes the country of the nationality written before the
occupation noun and the PLOVER sector of the occupation (BUS for business people, JRN for
journalists, CVL otherwise). A private person with an occupation but no nationality ("SpaceX CEO
Elon Musk") has no stated country and takes none from the sentence or the publisher
(`context.fill_person_countries` skips people marked `private`).

Members of a legislature ("Senator X", "Rep. Y", "senators A, B and C") take the country of the
legislature the text names ("a delegation of the US Congress"), or of a state written before
the title ("US senators"), among the states whose legislature has such members
(`offices.yaml` legislative_titles); never a foreign state merely named in their sentence
(marked `legislator` with those states, the only ones `context.fill_person_countries` may
then give them: "Senator X said in Manila" is the Philippines', "in Kyiv" no one's).
"""

from __future__ import annotations

import re

from communique.actors.persons import legislative_countries
from communique.document import Entity

# Occupation nouns of private people and their PLOVER sector.
OCCUPATIONS: dict[str, str] = {
    **dict.fromkeys(("businessman", "businessmen", "businesswoman", "businesswomen", "businessperson",
                     "business leader", "entrepreneur", "entrepreneurs", "investor", "investors",
                     "billionaire", "billionaires", "industrialist", "tycoon", "magnate", "banker",
                     "executive", "ceo", "chief executive", "founder", "co-founder", "oligarch",
                     "philanthropist"), "BUS"),
    **dict.fromkeys(("journalist", "journalists", "reporter", "reporters", "correspondent", "editor",
                     "columnist", "photojournalist", "blogger", "broadcaster", "filmmaker",
                     "documentary maker"), "JRN"),
    **dict.fromkeys(("activist", "activists", "human rights activist", "human rights defender",
                     "dissident", "lawyer", "doctor", "scientist", "researcher", "scholar", "writer",
                     "author", "poet", "artist", "singer", "musician", "actor", "actress", "athlete",
                     "footballer", "student", "professor", "academic", "volunteer", "citizen",
                     "national", "engineer", "pilot", "priest", "teacher"), "CVL"),
}
_OCCUPATION = "|".join(sorted((re.escape(o) for o in OCCUPATIONS), key=len, reverse=True))
# Right after a nationality: up to two lower-case words, then the occupation ("tech entrepreneur").
_AFTER_NATIONALITY = re.compile(rf"[ -](?:[a-z][a-z-]+ ){{0,2}}?({_OCCUPATION})\b", re.I)
# Before a name: an organisation's name then the occupation ("SpaceX CEO Elon Musk").
_BEFORE_NAME = re.compile(rf"\b({_OCCUPATION})\s+$", re.I)
# An appositive between the occupation and the name: a comma, then words with no verb or clause.
_APPOSITIVE = re.compile(r"\s*(?:,[^.;:!?\"“”()\n]{0,100}?)?\s*")
_CLAUSE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "when", "where", "while", "said",
                           "says", "met", "meets", "has", "had", "have", "was", "were", "is", "are",
                           "will", "would", "told", "called", "asked", "thanked"})
# A name, then ", a/an/the <nationality>" ("John Doe, a British journalist").
_ARTICLE_GAP = re.compile(
    r"\s*,\s*(?:a|an|the)\s+(?:(?:well-known|prominent|famous|leading|former|young)\s+)?", re.I)
# Lower-case plural titles before a list of members ("senators A, B and C").
_MEMBERS = re.compile(r"\b((?i:senators|congressmen|congresswomen|members of congress)|Representatives)\s+$")
_KIN = re.compile(r"\b(?:his|her|their) (?:brother|sister|wife|husband|son|daughter|father|mother|"
                  r"cousin|nephew|niece|uncle|aunt|spouse|partner)\b[^.;:!?\n]*$", re.I)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_BLANK = re.compile(r"\s*")
_SINGULAR_TITLES = {"senators": "Senator", "representatives": "Representative", "congressmen": "Congressman",
                    "congresswomen": "Congresswoman"}


def _clean_appositive(gap: str) -> bool:
    return not any(word.strip(",").lower() in _CLAUSE_WORDS for word in gap.split())


def fill_private_people(entities: list[Entity], text: str) -> None:
    """Country and sector of people introduced by nationality and occupation; private people
    with no stated nationality are marked so that no country is guessed for them."""
    states = sorted(((m.start, m.end, e.country) for e in entities if e.kind == "state" and e.country
                     for m in e.mentions), key=lambda s: s[0])
    people = [(m.start, m.end, e) for e in entities if e.kind == "person" for m in e.mentions]
    people.sort(key=lambda p: p[0])
    for start, end, country in states:
        match = _AFTER_NATIONALITY.match(text, end)
        if match is None or not text[start:start + 1].isupper():
            continue
        sector = OCCUPATIONS[match.group(1).lower()]
        person = _named_after(people, text, match.end())
        if person is None:
            person = _named_before(people, text, start)
        if person is not None:
            _set(person, country, sector)
    for start, _, person in people:  # "SpaceX CEO Elon Musk": an occupation, no nationality
        before = _BEFORE_NAME.search(text, max(0, start - 40), start)
        if before is not None and person.country is None and not person.title:
            person.sector = person.sector or OCCUPATIONS[before.group(1).lower()]
            person.extra["private"] = True
    # "Kimbal Musk and his brother, SpaceX CEO Elon Musk": a relative of a private person whose
    # nationality is written, named with the same surname, shares it
    for start, _, person in people:
        if person.country is not None or not person.extra.get("private") or " " not in person.name:
            continue
        if not _KIN.search(text, max(0, start - 60), start):
            continue
        surname = person.name.split()[-1]
        kin = [p for _, _, p in people if p is not person and p.extra.get("private") and p.country
               and p.name.split()[-1] == surname]
        if kin:
            person.country = kin[0].country


def _named_after(people: list[tuple[int, int, Entity]], text: str, at: int) -> Entity | None:
    """The person named right after an occupation, directly or after an appositive."""
    for start, _, person in people:
        if start < at:
            continue
        gap = _APPOSITIVE.fullmatch(text, at, start)
        return person if gap is not None and _clean_appositive(gap.group()) else None
    return None


def _named_before(people: list[tuple[int, int, Entity]], text: str, at: int) -> Entity | None:
    """The person whose name comes right before ", a <nationality> <occupation>"."""
    before = [(end, person) for _, end, person in people if end <= at]
    if not before:
        return None
    end, person = max(before, key=lambda b: b[0])
    return person if _ARTICLE_GAP.fullmatch(text, end, at) else None


def _set(person: Entity, country: str, sector: str) -> None:
    if person.country is None or person.extra.get("private"):
        person.country = country
    if person.sector is None:
        person.sector = sector
    person.extra["private"] = True


def fill_legislators(entities: list[Entity], text: str, home: str | None = None) -> None:
    """Members of a legislature: the country of the legislature the text names, or of the state
    written before their title, among the states whose legislature has such members; else the
    publisher's, when its legislature has such members ("Thank you to Senators Rubio and Rick
    Scott" in a White House release)."""
    bodies = [(m.start, e.country) for e in entities if e.kind == "organization" and e.sector == "LEG"
              and e.country for m in e.mentions]
    states = [(m.start, m.end, e.country) for e in entities if e.kind == "state" and e.country
              for m in e.mentions]
    people = sorted(((m.start, m.end, e) for e in entities if e.kind == "person" for m in e.mentions),
                    key=lambda p: p[0])
    for k, (start, end, person) in enumerate(people):
        members = _MEMBERS.search(text, max(0, start - 40), start)
        if members is None:
            continue
        title = members.group(1)
        allowed = legislative_countries(title) or frozenset()
        at = members.start()
        before = [c for _, e, c in states if e <= at and _BLANK.fullmatch(text, e, at)]
        country = before[0] if before and before[0] in allowed else _nearest_body(bodies, start, allowed)
        if country is None and home in allowed:
            country = home
        listed = [person]
        last = end
        for nxt_start, nxt_end, nxt in people[k + 1:]:
            if nxt_start < last:
                continue
            if not _LIST_GAP.fullmatch(text, last, nxt_start):
                break
            listed.append(nxt)
            last = nxt_end
        singular = _SINGULAR_TITLES.get(title.lower(), "Member of Congress")
        for member in listed:
            if member.title is None and member.sector is None:
                member.title, member.sector = singular, "LEG"
                if member.country is None:
                    member.country = country
                member.extra["legislator"] = allowed
    for person in (e for e in entities if e.kind == "person" and e.title and e.mentions):
        allowed = legislative_countries(person.title)
        if allowed is None:
            continue
        person.extra["legislator"] = allowed
        if person.country is None:
            person.country = _nearest_body(bodies, person.mentions[0].start, allowed)


def _nearest_body(bodies: list[tuple[int, str]], at: int, allowed: frozenset[str]) -> str | None:
    near = [(abs(s - at), c) for s, c in bodies if c in allowed]
    return min(near)[1] if near else None
