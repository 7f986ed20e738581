"""The office-holder knowledge base after January 2025, and the data file's own consistency."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.actors.kb import holder_of, load_people
from communique.actors.lexicon import load_lexicon
from communique.actors.resolve import actor_for_phrase

SECTORS = {"GOV", "LEG", "JUD", "MIL", "ELI", "PTY", "REB", "OPP", "COP", "SPY", "BUS", "MED", "EDU", "REL",
           "CVL", "NGO", "IGO", "REF", "HLH", "AGR", "LAB", "CRM", "UAF", "ENV", "SET", "JRN"}


def test_kb_rows_are_consistent() -> None:
    people = load_people()
    names = [p.name for p in people]
    assert len(names) == len(set(names)), "a person listed twice"
    codes = set(load_lexicon().states) | {"EUR", "IGO", "UNO", "IMG", "NGO"}
    for person in people:
        assert person.country in codes, person.name
        assert person.offices, person.name
        for office in person.offices:
            assert office.sector in SECTORS, (person.name, office.sector)
            assert office.start is not None and office.start <= dt.date(2026, 12, 31), person.name
            assert office.end is None or office.start < office.end, (person.name, office.title)
            assert office.country is None or office.country in codes, person.name


@pytest.mark.parametrize(("text", "date", "name", "country", "sector"), [
    ("Rubio told reporters the talks would go on.", "2025-06-10", "Marco Rubio", "USA", "GOV"),
    ("Hegseth visited the base.", "2025-10-01", "Pete Hegseth", "USA", "GOV"),
    ("Quirno met the delegation.", "2025-11-20", "Pablo Quirno", "ARG", "GOV"),
    ("Werthein spoke at the forum.", "2025-11-20", "Gerardo Werthein", "ARG", "ELI"),
    ("Yermak arrived in Geneva.", "2025-06-01", "Andriy Yermak", "UKR", "GOV"),
    ("Yermak arrived in Geneva.", "2026-01-15", "Andriy Yermak", "UKR", "ELI"),
    ("Anutin addressed parliament.", "2025-10-01", "Anutin Charnvirakul", "THA", "GOV"),
    ("Aoun received the envoy.", "2025-03-01", "Joseph Aoun", "LBN", "GOV"),
    ("Aoun received the envoy.", "2019-03-01", "Michel Aoun", "LBN", "GOV"),
    ("Burgum toured the oil field.", "2025-04-01", "Doug Burgum", "USA", "GOV"),
    ("Caine briefed the committee.", "2025-05-01", "Dan Caine", "USA", "MIL"),
    ("Okonjo-Iweala opened the ministerial.", "2025-03-01", "Ngozi Okonjo-Iweala", "IGO", "GOV"),
])
def test_kb_recent_bare_names(extract, find_entity, text, date, name, country, sector) -> None:
    person = find_entity(extract(text, date), "person", name)
    assert (person.country, person.sector) == (country, sector)


def test_kb_main_office_is_first_listed_and_second_office_still_found(extract, find_entity) -> None:
    rubio = find_entity(extract("Rubio spoke.", "2025-07-01"), "person", "Marco Rubio")
    assert rubio.title == "Secretary of State"
    assert holder_of("national security advisor", "USA", dt.date(2025, 7, 1)).name == "Marco Rubio"
    assert holder_of("national security advisor", "USA", dt.date(2025, 3, 1)).name == "Mike Waltz"


@pytest.mark.parametrize(("phrase", "date", "name"), [
    ("Prime Minister Kim Min-seok", "2025-08-01", "Kim Min-seok"),
    ("Shinjiro Koizumi", "2025-11-01", "Shinjiro Koizumi"),
    ("Koizumi", "2003-05-01", "Junichiro Koizumi"),
    ("the Foreign Minister of Argentina", "2025-12-01", "Pablo Quirno"),
])
def test_kb_recent_phrases(phrase: str, date: str, name: str) -> None:
    actor = actor_for_phrase(phrase, dt.date.fromisoformat(date))
    assert actor is not None and actor.name == name


def test_kb_surname_before_a_place_noun_is_no_person(extract) -> None:
    document = extract("Programs run in Chicago, King County and Lincoln Park.", "2022-05-01")
    assert not [e for e in document.entities if e.kind == "person"]


def test_kb_first_lady_is_her_own_person(extract, find_entity) -> None:
    document = extract("Jill Biden visited a school. President Biden stayed in Washington.", "2023-05-02")
    assert find_entity(document, "person", "Jill Biden").country == "USA"
    assert find_entity(document, "person", "Joe Biden").title == "President"


@pytest.mark.parametrize(("text", "kind"), [
    ("The conference was held in Austin, Texas, on Friday.", "place"),
    ("Austin said the troops would stay.", "person"),
    ("He sent a letter to Obama on Friday.", "person"),
])
def test_kb_surname_that_is_also_a_town(extract, text: str, kind: str) -> None:
    word = "Obama" if "Obama" in text else "Austin"
    document = extract(text, "2016-05-01")
    entity = next(e for e in document.entities if any(text[s.start:s.end] == word for s in e.mentions))
    assert entity.kind == kind
