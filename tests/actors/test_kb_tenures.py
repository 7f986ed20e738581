"""The office-holder knowledge base: the article's date decides office and sector."""

from __future__ import annotations

import pytest

from communique.actors.resolve import actor_for_phrase


@pytest.mark.parametrize(("date", "sector"), [("2023-06-01", "GOV"), ("2025-06-01", "ELI")])
def test_kb_same_name_before_and_after_leaving_office(extract, find_entity, date: str, sector: str) -> None:
    person = find_entity(extract("Blinken said the talks were useful.", date), "person", "Antony Blinken")
    assert person.country == "USA" and person.sector == sector


@pytest.mark.parametrize(("date", "title"), [("2024-05-20", "President of Kazakhstan"),
                                             ("2015-01-10", "Chairman of the Senate of Kazakhstan")])
def test_kb_bare_surname_resolves_for_the_date(extract, find_entity, date: str, title: str) -> None:
    person = find_entity(extract("Tokayev said reforms would continue.", date), "person",
                         "Kassym-Jomart Tokayev")
    assert (person.country, person.title) == ("KAZ", title)


@pytest.mark.parametrize(("date", "name"), [("2021-05-01", "Gurbanguly Berdimuhamedow"),
                                            ("2023-05-01", "Serdar Berdimuhamedow")])
def test_kb_shared_surname_picks_holder_on_date(date: str, name: str) -> None:
    import datetime as dt

    actor = actor_for_phrase("President Berdimuhamedow", dt.date.fromisoformat(date))
    assert actor is not None and actor.name == name and actor.country == "TKM"


@pytest.mark.parametrize("text", ["The President of Kazakhstan signed the law."])
def test_kb_office_alone_finds_its_holder(extract, find_entity, text: str) -> None:
    person = find_entity(extract(text, "2024-05-20"), "person", "Kassym-Jomart Tokayev")
    assert person.sector == "GOV"


@pytest.mark.parametrize(("date", "country"), [("2023-05-01", "NLD"), ("2025-03-01", "IGO")])
def test_kb_office_abroad_changes_country(date: str, country: str) -> None:
    import datetime as dt

    actor = actor_for_phrase("Mark Rutte", dt.date.fromisoformat(date))
    assert actor is not None and actor.country == country


@pytest.mark.parametrize("text", ["Governor Lee thanked the emergency crews."])
def test_kb_surname_after_unfitting_title_is_not_the_known_person(extract, text: str) -> None:
    people = [e for e in extract(text, "2025-08-01", url="https://www.whitehouse.gov/x").entities
              if e.kind == "person"]
    assert len(people) == 1 and people[0].name == "Lee" and people[0].country == "USA"


@pytest.mark.parametrize("text", ["The summit will take place in May in Moscow.",
                                  "Talks resume on Monday in May."])
def test_kb_month_is_not_a_surname(extract, nlp, text: str) -> None:
    assert not [e for e in extract(text, "2022-05-16", nlp=nlp).entities if e.kind == "person"]


@pytest.mark.parametrize(("phrase", "name"), [("the Kazakh Foreign Minister", "Murat Nurtleu"),
                                              ("the Kyrgyz Foreign Minister", "Jeenbek Kulubaev")])
def test_kb_office_spellings_meet(phrase: str, name: str) -> None:
    """"Foreign Minister" and "Minister of Foreign Affairs of X" are one office."""
    import datetime as dt

    actor = actor_for_phrase(phrase, dt.date(2024, 5, 20))
    assert actor is not None and actor.name == name


@pytest.mark.parametrize("text", ["The Head of State visited a hospital and talked to the doctors."])
def test_kb_head_of_state_in_own_release(extract, find_entity, text: str) -> None:
    document = extract(text, "2022-06-18", url="https://www.president.gov.ua/en/news/x")
    assert find_entity(document, "person", "Volodymyr Zelenskyy").country == "UKR"
