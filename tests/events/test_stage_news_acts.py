"""News-style acts: protests, fighting, easing of sanctions, apologies, troop build-ups, and the
place of an act in a short news sentence. Sentences written for these tests."""

from __future__ import annotations

import pytest

DATE = "2024-03-01"


def _types(document) -> set[str]:
    return {e.type for e in document.events}


def _only(document, type_: str):
    found = [e for e in document.events if e.type == type_]
    assert len(found) == 1, [(e.type, e.status) for e in document.events]
    return found[0]


@pytest.mark.parametrize("text", [
    "Georgian opposition parties staged rallies in Tbilisi against the government on Monday.",
    "Thousands of Armenian farmers demonstrated outside the parliament in Yerevan on Sunday.",
])
def test_staged_rallies_and_bare_demonstrated_are_protests(extract, text: str) -> None:
    assert "PROTEST" in _types(extract(text, DATE))


def test_demonstrated_with_an_object_is_not_a_protest(extract) -> None:
    text = "The French government demonstrated its commitment to the partnership with Germany."
    assert "PROTEST" not in _types(extract(text, DATE))


@pytest.mark.parametrize("text", [
    "Sudanese troops engaged Chadian rebels in a firefight near the border on Friday.",
    "Nigerian police opened fire on Cameroonian smugglers on Tuesday.",
])
def test_engaged_in_a_firefight_and_opened_fire_are_assaults(extract, text: str) -> None:
    assert "ASSAULT" in _types(extract(text, DATE))


def test_lifting_sanctions_is_retreat_and_lifting_a_ban_is_concession(extract) -> None:
    retreat = extract("Canada lifted its sanctions on Venezuela on Thursday.", DATE)
    assert "RETREAT" in _types(retreat) and "CONCEDE" not in _types(retreat)
    concede = extract("Kenya lifted its ban on imports from Uganda on Thursday.", DATE)
    assert "CONCEDE" in _types(concede)


def test_an_apology_is_support(extract) -> None:
    document = extract("Chile apologized to Peru for the border incident on Monday.", DATE)
    event = _only(document, "SUPPORT")
    assert {p.country for p in event.actors} == {"CHL"} and {p.country for p in event.recipients} == {"PER"}


def test_strengthening_forces_is_mobilization(extract) -> None:
    document = extract("Turkey strengthened its forces on the Syrian border on Wednesday.", DATE)
    assert "MOBILIZE" in _types(document)


@pytest.mark.parametrize("text,place", [
    ("Thousands of Iraqi students demonstrated in the northern city of Mosul on Sunday.", "Mosul"),
    ("Serbian police arrested ten smugglers in southern Serbia on Friday.", "Serbia"),
])
def test_the_place_of_an_act_behind_a_settlement_noun_or_a_direction(extract, text: str, place: str) -> None:
    document = extract(text, DATE)
    located = [e for e in document.events if e.location is not None]
    assert located and located[0].location.name == place


def test_killed_in_a_named_air_strike_names_the_attacker(extract) -> None:
    document = extract("Five Yemeni fishermen were killed in a Saudi air strike on Tuesday.", DATE)
    attack = _only(document, "ASSAULT")
    assert {p.country for p in attack.actors} == {"SAU"}
    assert {p.country for p in attack.recipients} == {"YEM"}


def test_agentless_passive_names_only_the_victims(extract) -> None:
    document = extract("Two Malian soldiers were killed near the border on Tuesday.", DATE)
    attack = _only(document, "ASSAULT")
    assert not attack.actors and {p.country for p in attack.recipients} == {"MLI"}


def test_is_opposed_to_is_the_subjects_own_refusal(extract) -> None:
    text = "Hungary is opposed to Turkish mediation in peace talks with Serbia, an aide said Wednesday."
    document = extract(text, DATE)
    refusal = _only(document, "REJECT")
    assert {p.country for p in refusal.actors} == {"HUN"}


def test_received_from_makes_the_giver_the_actor(extract) -> None:
    document = extract("Moldova received weapons from Romania on Monday.", DATE)
    aid = _only(document, "AID")
    assert {p.country for p in aid.actors} == {"ROU"} and {p.country for p in aid.recipients} == {"MDA"}


@pytest.mark.parametrize("text,type_", [
    ("Bolivia presented evidence against Chile at the court on Monday.", "ACCUSE"),
    ("Armenian separatists launched rockets at Azerbaijani positions on Monday.", "ASSAULT"),
    ("Egyptian authorities have been pressuring Sudanese traders to leave the market.", "REQUEST"),
])
def test_act_nouns_and_pressure(extract, text: str, type_: str) -> None:
    assert type_ in _types(extract(text, DATE))


def test_expelling_diplomats_is_sanction_and_expelling_people_is_coercion(extract) -> None:
    diplomats = extract("Poland expelled three Belarusian diplomats on Friday.", DATE)
    assert "SANCTION" in _types(diplomats)
    people = extract("Tunisia expelled forty Libyan traders on Friday.", DATE)
    assert "COERCE" in _types(people) and "SANCTION" not in _types(people)


def test_would_not_give_permission_is_a_refusal(extract) -> None:
    document = extract("Austria said it would not give permission to Hungary to build the dam.", DATE)
    refusal = _only(document, "REJECT")
    assert {p.country for p in refusal.recipients} == {"HUN"}


def test_facing_pressure_from_makes_the_presser_the_actor(extract) -> None:
    document = extract("Serbia faces pressure from Germany to recognise Kosovo.", DATE)
    request = _only(document, "REQUEST")
    assert {p.country for p in request.actors} == {"DEU"}
    assert {p.country for p in request.recipients} == {"SRB"}


def test_killed_by_a_mishap_is_no_attack(extract) -> None:
    document = extract("Greek rescuers will help identify Turkish tourists killed by the crash.", DATE)
    assert "ASSAULT" not in _types(document)


def test_the_demand_a_protest_is_for_is_part_of_the_protest(extract) -> None:
    text = ("Chilean teachers staged demonstrations in Santiago to demand higher pay from the Chilean "
            "government.")
    types = _types(extract(text, DATE))
    assert "PROTEST" in types and "REQUEST" not in types


@pytest.mark.parametrize("text,type_", [
    ("Serbia lodged an official protest with Albania on Monday.", "ACCUSE"),
    ("Nigeria summoned the ambassador of Niger on Tuesday.", "ACCUSE"),
    ("Bolivian unions organized a general strike against the Bolivian government.", "PROTEST"),
])
def test_diplomatic_protests_and_general_strikes(extract, text: str, type_: str) -> None:
    assert type_ in _types(extract(text, DATE))


def test_a_staged_protest_stays_a_protest(extract) -> None:
    types = _types(extract("Kenyan students staged a protest outside the Ugandan embassy on Monday.", DATE))
    assert "PROTEST" in types and "ACCUSE" not in types


def test_giving_a_welcome_to_a_leader_hosts_a_visit(extract) -> None:
    text = "The Japanese Prime Minister gave a warm welcome to the Indian Prime Minister on Monday."
    document = extract(text, DATE)
    visit = _only(document, "CONSULT")
    assert visit.mode == "visit"
    assert {p.country for p in visit.actors} == {"IND"} and {p.country for p in visit.recipients} == {"JPN"}


def test_a_promise_to_act_stands_without_a_second_party(extract) -> None:
    document = extract("The Georgian President promised to hold early elections.", DATE)
    assert "AGREE" in _types(document)


def test_an_offer_without_a_second_party_is_not_an_agreement(extract) -> None:
    document = extract("The Georgian President stands ready to help.", DATE)
    assert "AGREE" not in _types(document)
