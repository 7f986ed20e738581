"""Organisations, IGOs and groupings of states."""

from __future__ import annotations

import pytest

from communique.actors.resolve import actor_for_phrase


@pytest.mark.parametrize(("phrase", "kind", "country", "sector"), [
    ("the Kazakh MFA", "organization", "KAZ", "GOV"),
    ("the Ministry of Foreign Affairs of Kazakhstan", "organization", "KAZ", "GOV"),
    ("Kazakhstan's parliament", "organization", "KAZ", "LEG"),
    ("the Supreme Court of Ukraine", "organization", "UKR", "JUD"),
    ("Russian armed forces", "organization", "RUS", "MIL"),
    ("the Communist Party of China", "organization", "CHN", "PTY"),
    ("Amnesty International", "organization", "NGO", None),
    ("Gazprom", "organization", "RUS", "BUS"),
    ("the UN Human Rights Council", "igo", "UNO", None),
    ("the European Union", "igo", "EUR", None),
    ("OSCE", "igo", "IGO", None),
    ("the State Department", "organization", "USA", "GOV"),
])
def test_organizations_phrase(phrase: str, kind: str, country: str, sector: str | None) -> None:
    actor = actor_for_phrase(phrase)
    assert actor is not None
    assert (actor.kind, actor.country, actor.sector) == (kind, country, sector)


@pytest.mark.parametrize("text", ["The meeting was reported by the press service of the Kazakh MFA."])
def test_organizations_state_word_inside_counts_too(extract, find_entity, mention_texts, text: str) -> None:
    document = extract(text)
    mfa = find_entity(document, "organization", "Ministry of Foreign Affairs of Kazakhstan")
    assert mention_texts(document, mfa) == ["Kazakh MFA"]
    assert mention_texts(document, find_entity(document, "state", "Kazakhstan")) == ["Kazakh"]


@pytest.mark.parametrize(("text", "name", "members"), [
    ("Ministers of the C5+1 met in New York.", "C5+1", ["KAZ", "KGZ", "TJK", "TKM", "UZB", "USA"]),
    ("The G7 issued a statement.", "G7", ["CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"]),
])
def test_organizations_groupings_list_members(extract, find_entity, text, name, members) -> None:
    grouping = find_entity(extract(text), "igo", name)
    assert grouping.members == members


@pytest.mark.parametrize("text", ["The Government approved the plan, the Kremlin said."])
def test_organizations_bare_government_is_the_publishers(extract, find_entity, text: str) -> None:
    document = extract(text, "2022-04-04", url="http://en.kremlin.ru/events/president/news/1")
    assert find_entity(document, "organization", "Government of Russia").country == "RUS"
    assert find_entity(document, "organization", "Kremlin").sector == "GOV"


@pytest.mark.parametrize(("phrase", "kind", "country"), [
    ("the U.S. Embassy in Astana", "organization", "USA"),
    ("UN Secretary-General António Guterres", "person", "UNO"),
    ("U.S. Ambassador to Kazakhstan Daniel Rosenblum", "person", "USA"),
])
def test_organizations_bodies_and_places_inside_titles(phrase: str, kind: str, country: str) -> None:
    import datetime as dt

    actor = actor_for_phrase(phrase, dt.date(2024, 5, 20))
    assert actor is not None and (actor.kind, actor.country) == (kind, country)


@pytest.mark.parametrize(("text", "name", "country", "sector"), [
    ("M23 rebels captured the town on Monday.", "March 23 Movement", "COD", "REB"),
    ("The Syrian Democratic Forces handed over the prison.", "Syrian Democratic Forces", "SYR", "REB"),
    ("The Rapid Support Forces shelled the city.", "Rapid Support Forces", "SDN", "REB"),
    ("Georgian Dream won the vote.", "Georgian Dream", "GEO", "PTY"),
])
def test_named_armed_groups_and_parties(extract, find_entity, text, name, country, sector) -> None:
    entity = find_entity(extract(text, "2024-03-01"), "organization", name)
    assert (entity.country, entity.sector) == (country, sector)


def test_a_sea_is_no_region(extract) -> None:
    document = extract("Rebels fired missiles at ships in the Red Sea.", "2024-03-01")
    assert not [e for e in document.entities if e.country == "SDN"]
