"""People who share a surname with a known office holder are not that holder.

A full name whose given name contradicts the knowledge base ("Jill Biden", "Karen Bass",
"Hunter Biden") is a person of its own; a known variant, short form or initial ("Joseph R.
Biden", "Tony Blinken") still is the holder; a bare surname resolves by the article: to the
holder named in full, else to someone of that surname named earlier in full, else by tenure.
"""

from __future__ import annotations

import pytest

from communique.actors.kb import given_names_fit, load_people
from communique.actors.resolve import actor_for_phrase


def _kb(name: str):
    return next(p for p in load_people() if p.name == name)


@pytest.mark.parametrize(("holder", "written", "fits"), [
    ("Joe Biden", ["Joseph", "R", "."], True),
    ("Joe Biden", ["Joe"], True),
    ("Joe Biden", ["J", "."], True),
    ("Joe Biden", ["Jill"], False),
    ("Joe Biden", ["Hunter"], False),
    ("Antony Blinken", ["Tony"], True),
    ("John Bass", ["Karen"], False),
    ("John Bass", [], True),
    ("Mike Pompeo", ["Michael"], True),
])
def test_given_names_fit(holder: str, written: list[str], fits: bool) -> None:
    assert given_names_fit(_kb(holder), written) is fits


@pytest.mark.parametrize("use_nlp", [False, True])
def test_other_given_name_is_another_person(extract, find_entity, mention_texts, nlp, use_nlp) -> None:
    text = ("President Joe Biden opened the fair. Jill Biden toured a school in the afternoon. "
            "Hunter Biden stayed home. Biden later thanked the teachers.")
    document = extract(text, "2023-05-02", nlp=nlp if use_nlp else None)
    joe = find_entity(document, "person", "Joe Biden")
    jill = find_entity(document, "person", "Jill Biden")
    hunter = find_entity(document, "person", "Hunter Biden")
    assert mention_texts(document, joe) == ["Joe Biden", "Biden"]
    assert mention_texts(document, jill) == ["Jill Biden"]
    assert mention_texts(document, hunter) == ["Hunter Biden"]
    assert hunter.sector is None and jill.country == "USA"


@pytest.mark.parametrize("use_nlp", [False, True])
def test_people_word_as_given_name(extract, find_entity, mention_texts, nlp, use_nlp) -> None:
    text = "Karen Bass opened the new library on Friday. Bass said it cost less than planned."
    document = extract(text, "2024-03-01", nlp=nlp if use_nlp else None)
    bass = find_entity(document, "person", "Karen Bass")
    assert mention_texts(document, bass) == ["Karen Bass", "Bass"]
    assert not [e for e in document.entities if e.kind == "state"]  # "Karen" is no people here
    assert not [e for e in document.entities if e.name == "John Bass"]


def test_titled_full_name_with_other_given_name(extract, find_entity) -> None:
    document = extract("City Mayor Karen Bass met the council.", "2024-03-01")
    bass = find_entity(document, "person", "Karen Bass")
    assert bass.country != "MMR" and bass.sector == "GOV"


def test_bare_surname_still_resolves_by_tenure(extract, find_entity) -> None:
    document = extract("Bass told staff the budget was settled.", "2023-02-01")
    assert find_entity(document, "person", "John Bass").country == "USA"


def test_variants_and_middle_initials_stay_the_holder(extract, find_entity, mention_texts) -> None:
    text = "Tony Blinken met reporters. Later Joseph R. Biden spoke, and Blinken left."
    document = extract(text, "2023-05-02")
    assert mention_texts(document, find_entity(document, "person", "Antony Blinken")) == ["Tony Blinken",
                                                                                          "Blinken"]
    assert find_entity(document, "person", "Joe Biden").country == "USA"


def test_mr_and_sentence_openers_are_no_given_names(extract, find_entity) -> None:
    document = extract("Mr Blinken arrived. Yesterday Blinken spoke.", "2023-05-02")
    blinken = find_entity(document, "person", "Antony Blinken")
    assert len(blinken.mentions) == 2


def test_family_name_first(extract, find_entity) -> None:
    document = extract("Xi Mingze was seen at the concert.", "2023-05-02")
    assert not [e for e in document.entities if e.name == "Xi Jinping"]
    assert find_entity(document, "person", "Xi Mingze")


@pytest.mark.parametrize("phrase", ["Jill Biden", "Hunter Biden", "Karen Bass"])
def test_phrase_with_other_given_name_is_not_the_holder(phrase: str) -> None:
    import datetime as dt

    actor = actor_for_phrase(phrase, dt.date(2023, 5, 2))
    assert actor is None or actor.name not in {"Joe Biden", "John Bass"}


@pytest.mark.parametrize("use_nlp", [False, True])
@pytest.mark.parametrize(("text", "date", "name", "country", "sector"), [
    ("General Syrskyi said the line held.", "2024-06-01", "Oleksandr Syrskyi", "UKR", "MIL"),
    ("Field Marshal Munir met the envoy.", "2025-08-01", "Asim Munir", "PAK", "MIL"),
    ("Chairman Xi met the delegation.", "2024-06-01", "Xi Jinping", "CHN", "GOV"),
    ("Candidate Trump said he would win.", "2024-06-01", "Donald Trump", "USA", "ELI"),
    ("Mullah Akhundzada issued a decree.", "2023-06-01", "Hibatullah Akhundzada", "AFG", "GOV"),
])
def test_ranks_and_honorifics_before_a_surname(extract, find_entity, nlp, use_nlp, text, date, name, country,
                                               sector) -> None:
    person = find_entity(extract(text, date, nlp=nlp if use_nlp else None), "person", name)
    assert (person.country, person.sector) == (country, sector)


@pytest.mark.parametrize("use_nlp", [False, True])
def test_other_person_name_runs_on_and_drops_the_possessive(extract, find_entity, nlp, use_nlp) -> None:
    document = extract("The adviser Maria Chavez Lopez spoke. Jill Biden's office agreed.", "2021-12-11",
                       nlp=nlp if use_nlp else None)
    assert find_entity(document, "person", "Maria Chavez Lopez")
    assert find_entity(document, "person", "Jill Biden")
    assert not [e for e in document.entities if e.name in {"Hugo Chavez", "Joe Biden"}]


@pytest.mark.parametrize(("text", "date", "name"), [
    ("Counselor Tom Sullivan met the minister. Sullivan said the talks were useful.", "2023-01-10",
     "Tom Sullivan"),
    ("Bill Clinton spoke in Paris. Clinton said later the visit was useful.", "2009-06-01", "Bill Clinton"),
])
def test_bare_surname_joins_the_known_person_named_in_full(extract, find_entity, mention_texts, text, date,
                                                           name) -> None:
    document = extract(text, date)
    person = find_entity(document, "person", name)
    assert len(person.mentions) == 2
    assert len([e for e in document.entities if e.kind == "person"]) == 1


@pytest.mark.parametrize(("text", "name"), [
    ("Acting Secretary Chad Wolf said the border was secure.", "Chad Wolf"),
    ("Jordan Bardella said his party would win the vote.", "Jordan Bardella"),
])
def test_state_name_as_given_name_with_a_parse(extract, find_entity, nlp, text: str, name: str) -> None:
    document = extract(text, "2020-06-01", nlp=nlp)
    assert find_entity(document, "person", name)
    assert not [e for e in document.entities if e.kind == "state"]


def test_title_runs_over_a_party_faction(extract, find_entity) -> None:
    text = "The delegation included Head of the Servant of the People faction Davyd Arakhamia."
    person = find_entity(extract(text, "2022-03-01"), "person", "Davyd Arakhamia")
    assert person.country == "UKR" and person.title.startswith("Head of the Servant of the People")


def test_family_name_first_needs_the_first_given_name(extract, find_entity) -> None:
    text = "Kim Yo Jong said the drills were a provocation. Kim Jong Un inspected a factory."
    document = extract(text, "2024-03-01")
    assert find_entity(document, "person", "Kim Yo Jong").country is None
    assert find_entity(document, "person", "Kim Jong Un").country == "PRK"


def test_known_surname_used_as_a_given_name_with_a_parse(extract, find_entity, nlp) -> None:
    document = extract("Kremlin chief of staff Anton Vaino met Pavel Durov on Monday.", "2025-05-01", nlp=nlp)
    assert find_entity(document, "person", "Anton Vaino")
    assert find_entity(document, "person", "Pavel Durov")
    assert not [e for e in document.entities if e.name in {"Michael Anton", "Petr Pavel"}]


def test_known_surname_before_a_building_is_no_person(extract) -> None:
    document = extract("The guests stayed at Trump Tower.", "2025-05-01")
    assert not [e for e in document.entities if e.name == "Donald Trump"]


def test_junior_is_another_person_unless_the_holder_is_one(extract, find_entity) -> None:
    text = "Donald Trump Jr. spoke in Ohio. President Joseph R. Biden, Jr. and Ferdinand Marcos Jr. met."
    document = extract(text, "2024-03-01")
    assert find_entity(document, "person", "Donald Trump Jr.").sector is None
    assert find_entity(document, "person", "Joe Biden").country == "USA"
    assert find_entity(document, "person", "Ferdinand Marcos Jr.").country == "PHL"
    assert not [e for e in document.entities if e.name == "Donald Trump"]


def test_name_suffix_is_no_given_name(extract, find_entity, nlp) -> None:
    document = extract("Biden Jr. thanked the volunteers.", "2023-03-01", nlp=nlp)
    assert find_entity(document, "person", "Joe Biden")
