"""Countries from context: a titled person the text gives no country ("Prime Minister Mahendra
Chaudhry", "President Laurent Gbagbo" when the knowledge base does not know him).

Wire reports name a foreign official by office and name and leave the country to the sentence
("Fijian rebels said they will release Prime Minister ..."). A person with an office but no
country takes the country of the nearest state, national body or place in the same sentence;
with none there, the one country the whole article names, if it names only one. A bare name
takes a country only from a sentence that names a single one.
"""

from __future__ import annotations

import re
from typing import Any

from communique.actors.mentions import LOCATIVE_WORDS
from communique.actors.resolve import sector_for_title
from communique.document import Entity

NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "MNC", "IMG", "ISM"})
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_RANK = {"state": 0, "organization": 0, "place": 1}
# One or two lower-case words (an office written in lower case) between a body and a name.
_OFFICE_BETWEEN = re.compile(r"(?:['’]s)? (?:[a-z][a-z-]+ ){1,2}")


def _sentences(text: str, spacy_doc: Any) -> list[tuple[int, int]]:
    if spacy_doc is not None and spacy_doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in spacy_doc.sents]
    return [m.span() for m in _SENTENCE.finditer(text)]


def _rank(kind: str, text: str, start: int) -> int:
    """States and bodies before places; a state after "in", "to", "from" ("the US commander in
    Iraq") is where something happens, so it ranks with the places."""
    words = [w.lower() for w in text[max(0, start - 12):start].split()]
    if words and words[-1] == "the":
        words.pop()
    if kind != "place" and words and words[-1] in LOCATIVE_WORDS:
        return 1
    return _RANK[kind]


def _office_between(text: str, end: int, at: int) -> bool:
    match = _OFFICE_BETWEEN.match(text, end, at + 1)
    return match is not None and match.end() == at


def _is_state_code(code: str | None) -> bool:
    return bool(code) and len(code) == 3 and code.isupper() and code not in NON_STATE_CODES


def fill_person_countries(entities: list[Entity], text: str, spacy_doc: Any = None) -> None:
    """Give each person without a country the country its sentence names (nearest first for an
    official; for a bare name only when the sentence names a single country), else, for an
    official, the one state the article names. Private people (an occupation but no nationality
    written: "SpaceX CEO Elon Musk") are left as they are, members of legislatures (`private.py`)
    take only a state whose legislature has such members."""
    people = [e for e in entities if e.kind == "person" and e.country is None and e.mentions
              and not e.extra.get("private")]
    if not people:
        return
    spans = [(m.start, m.end, _rank(e.kind, text, m.start), e.country) for e in entities
             if e.kind in _RANK and _is_state_code(e.country) for m in e.mentions]
    if not spans:
        return
    bodies = [(m.start, m.end, e.country) for e in entities if e.kind in {"state", "organization", "igo"}
              and e.country for m in e.mentions]
    sentences = _sentences(text, spacy_doc)
    states = {e.country for e in entities if e.kind == "state" and _is_state_code(e.country)}
    for person in people:
        at = person.mentions[0].start
        office = next(((c, e) for _, e, c in bodies if e <= at and _office_between(text, e, at)), None)
        if office is not None:  # "U.N. envoy Lakhdar Brahimi", "Iraq's foreign minister Hoshyar Zebari"
            person.country = office[0]
            person.sector = person.sector or sector_for_title(text[office[1]:at])
            continue
        lo, hi = next(((s, e) for s, e in sentences if s <= at < e), (at, at + 1))
        near = [(rank, abs(s - at), country) for s, _, rank, country in spans if lo <= s < hi]
        titled = bool(person.title or person.sector)
        allowed = person.extra.get("legislator")  # a member of a legislature: only states that have such
        if allowed is not None:
            near = [n for n in near if n[2] in allowed]
        article = states if allowed is None else states & allowed
        if near and (titled or len({c for _, _, c in near}) == 1):
            person.country = min(near)[2]  # a bare name only where its sentence names one country
        elif titled and len(article) == 1:
            person.country = next(iter(article))
        elif titled and not near:
            # a paragraph that opens "In Laos, ..." is about that state: "He will meet with Foreign
            # Minister Saleumxay Kommasith" later in it is Laos's
            country = _paragraph_state(text, at, spans)
            person.country = country if allowed is None or country in allowed else None


_PARAGRAPH_OPENING = re.compile(r"\s*In (?:the )?$")


def _paragraph_state(text: str, at: int, spans: list[tuple[int, int, int, str | None]]) -> str | None:
    """The state a paragraph opens with ("In Laos, ...") when the paragraph names no other one
    before `at`."""
    start = text.rfind("\n", 0, at) + 1
    inside = sorted((s, e, c) for s, e, _, c in spans if start <= s < at)
    if not inside:
        return None
    first_start, first_end, country = inside[0]
    if not (_PARAGRAPH_OPENING.fullmatch(text, start, first_start) and text[first_end:first_end + 1] == ","):
        return None
    return country


def fill_body_countries(entities: list[Entity], text: str, spacy_doc: Any = None) -> list[Entity]:
    """Give an organisation the lexicon does not know ("the Azadliq (Freedom) opposition
    coalition", "the Montana Group") the country its sentence names, nearest first (states and
    bodies before places), else the one state the article names; one that gets none is dropped.
    RETURNS: the entities to keep."""
    unknown = [e for e in entities if e.extra.get("country_from_context")]
    if not unknown:
        return entities
    spans = [(m.start, _rank(e.kind, text, m.start), e.country) for e in entities
             if e.kind in _RANK and not e.extra.get("country_from_context") and _is_state_code(e.country)
             for m in e.mentions]
    states = {e.country for e in entities if e.kind == "state" and _is_state_code(e.country)}
    sentences = _sentences(text, spacy_doc)
    drop = set()
    for body in unknown:
        body.extra.pop("country_from_context", None)
        at = body.mentions[0].start
        lo, hi = next(((s, e) for s, e in sentences if s <= at < e), (at, at + 1))
        near = [(rank, abs(s - at), country) for s, rank, country in spans if lo <= s < hi]
        if near:
            body.country = min(near)[2]
        elif len(states) == 1:
            body.country = next(iter(states))
        else:
            drop.add(id(body))
    return [e for e in entities if id(e) not in drop]
