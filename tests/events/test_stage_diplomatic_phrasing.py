"""Common phrasings of diplomatic releases: nouns of meeting, thanks, criticism and demand; invitations;
joint statements; the acts a party is thanked for. The sentences are written for these tests."""

from __future__ import annotations

import pytest

DATE = "2024-05-20"


def _events(document) -> set[tuple[str, str, frozenset[str], frozenset[str]]]:
    return {(e.type, e.status, frozenset(a.country for a in e.actors if a.country),
             frozenset(r.country for r in e.recipients if r.country)) for e in document.events}


@pytest.mark.parametrize("text,expected", [
    ("President Tokayev of Kazakhstan held discussions with Prime Minister Sharif of Pakistan on trade.",
     ("CONSULT", "occurred", {"KAZ", "PAK"})),
    ("Foreign Minister Nurtleu of Kazakhstan consulted with Foreign Minister Saidov of Uzbekistan.",
     ("CONSULT", "occurred", {"KAZ", "UZB"})),
    ("President Biden and Prime Minister Trudeau of Canada held a teleconference on regional security.",
     ("CONSULT", "occurred", {"USA", "CAN"})),
    ("Secretary Blinken expressed his congratulations to Prime Minister Kishida of Japan on his election.",
     ("SUPPORT", "occurred", {"USA", "JPN"})),
    ("Secretary Blinken expressed thanks to Japan for its humanitarian assistance.",
     ("SUPPORT", "occurred", {"USA", "JPN"})),
    ("Germany's Foreign Minister expressed strong criticism of Iran's nuclear programme.",
     ("ACCUSE", "occurred", {"DEU", "IRN"})),
    ("Secretary Blinken reiterated U.S. opposition to Russia's annexation of Crimea.",
     ("REJECT", "occurred", {"USA", "RUS"})),
    ("Russia reiterated its demand that Ukraine withdraw its troops.",
     ("REQUEST", "occurred", {"RUS", "UKR"})),
])
def test_nouns_and_verbs_of_diplomatic_acts(extract, countries, text: str, expected) -> None:
    document = extract(text, DATE)
    found = {(e.type, e.status, frozenset(countries(e))) for e in document.events}
    type_, status, parties = expected
    assert (type_, status, frozenset(parties)) in found


def test_demanded_act_is_not_reported_as_done(extract) -> None:
    document = extract("Russia reiterated its demand that Ukraine withdraw its troops.", DATE)
    assert not [e for e in document.events if e.type == "RETREAT" and e.status == "occurred"]


def test_invitation_is_an_offer_and_a_planned_visit(extract, countries) -> None:
    document = extract("President Tokayev of Kazakhstan extended an invitation to President Mirziyoyev of "
                       "Uzbekistan to visit Astana.", DATE)
    offer = [e for e in document.events if e.type == "AGREE"]
    visit = [e for e in document.events if e.type == "CONSULT"]
    assert len(offer) == 1 and countries(offer[0]) == {"KAZ", "UZB"}
    assert len(visit) == 1 and visit[0].status == "planned" and visit[0].mode == "visit"
    assert {a.country for a in visit[0].actors} == {"UZB"}
    assert {r.country for r in visit[0].recipients} == {"KAZ"}


def test_planned_as_a_past_adjective_does_not_make_the_meeting_planned(extract) -> None:
    document = extract("President Tokayev of Kazakhstan held a planned discussion with President Mirziyoyev "
                       "of Uzbekistan on water.", DATE)
    meetings = [e for e in document.events if e.type == "CONSULT"]
    assert meetings and all(e.status == "occurred" for e in meetings)


@pytest.mark.parametrize("text", [
    "President Putin of Russia and President Tokayev of Kazakhstan adopted a joint statement on energy.",
    "The foreign ministers of India and Japan issued a joint statement on the Indo-Pacific.",
    "The President of Ukraine and the President of the Republic of Estonia having met today in Kyiv "
    "stated the following.",
])
def test_joint_statement_is_endorsed_by_its_parties(extract, text: str) -> None:
    document = extract(text, DATE)
    endorsed = [e for e in document.events if e.type == "SUPPORT"]
    assert len(endorsed) == 1
    assert len({a.country for a in endorsed[0].actors}) == 2 and not endorsed[0].recipients


def test_own_statement_is_not_an_endorsement(extract) -> None:
    document = extract("The Foreign Ministry of Kazakhstan issued a statement on the situation in Ukraine.",
                       DATE)
    assert not [e for e in document.events if e.type == "SUPPORT"]


@pytest.mark.parametrize("text,act", [
    ("Secretary Blinken commended the government of Colombia for its condemnation of Russia's actions.",
     ("ACCUSE", frozenset({"COL"}), frozenset({"RUS"}))),
    ("President Zelenskyy thanked Japan for its assistance to Ukraine.",
     ("AID", frozenset({"JPN"}), frozenset({"UKR"}))),
    ("Secretary Blinken thanked Prime Minister Rama for Albania's clear support for Ukraine's sovereignty "
     "against Russian aggression.",
     ("SUPPORT", frozenset({"ALB"}), frozenset({"UKR"}))),
])
def test_act_a_party_is_praised_for(extract, text: str, act) -> None:
    document = extract(text, DATE)
    assert (act[0], "occurred", act[1], act[2]) in _events(document)


def test_praise_for_a_courtesy_adds_nothing(extract) -> None:
    document = extract("Secretary Blinken thanked Japan for its hospitality.", DATE)
    assert [e.type for e in document.events] == ["SUPPORT"]


@pytest.mark.parametrize("text,asked", [
    ("President Putin of Russia spoke with Prime Minister Bennett of Israel. As for the militants at the "
     "plant, the Kiev authorities should order them to lay down arms.", "UKR"),
    ("Secretary Blinken welcomed the departure of the first grain ship. Russia must also end its attacks "
     "on farmland in Ukraine.", "RUS"),
])
def test_unreported_demand_is_made_by_the_voice_of_the_release(extract, text: str, asked: str) -> None:
    document = extract(text, DATE)
    demands = [e for e in document.events if e.type == "REQUEST"]
    assert len(demands) == 1 and {r.country for r in demands[0].recipients} == {asked}
    assert demands[0].status == "occurred" and demands[0].actors[0].country != asked


@pytest.mark.parametrize("text", [
    "Secretary Blinken spoke with Foreign Minister Kuleba of Ukraine. The position of Western countries "
    "in the dialogue with Russia must remain firm.",
    "President Zelenskyy addressed the nation. Such actions of the Russian occupiers should remind every "
    "state that evil cannot be defeated once and for all.",
    "Secretary Blinken met Foreign Minister Wang Yi of China. The High Commissioner should have been "
    "allowed to meet families in China.",
])
def test_modal_sentence_without_an_asked_party_is_no_demand(extract, text: str) -> None:
    document = extract(text, DATE)
    assert not [e for e in document.events if e.type == "REQUEST"]


@pytest.mark.parametrize("text,accusers,accused", [
    ("President Zelenskyy of Ukraine and President Karis of Estonia met in Kyiv. The parties state that "
     "Russia's recognition of the so-called republics affirms a withdrawal from the Minsk agreements and is "
     "a clear violation of international law.", {"UKR", "EST"}, {"RUS"}),
    ("Secretary Blinken said that Russia's actions constitute a gross violation of the UN Charter.",
     {"USA"}, {"RUS"}),
    ("President Zelenskyy addressed the nation. This is a war crime committed by the Russian military.",
     {"UKR"}, {"RUS"}),
])
def test_calling_an_act_a_violation_accuses_its_doer(extract, text: str, accusers, accused) -> None:
    document = extract(text, DATE)
    charges = [e for e in document.events if e.type == "ACCUSE"]
    assert len(charges) == 1 and charges[0].status == "occurred"
    assert {a.country for a in charges[0].actors} == accusers
    assert {r.country for r in charges[0].recipients} == accused


@pytest.mark.parametrize("text", [
    "President Zelenskyy addressed the nation. This is a war crime.",
    "Secretary Blinken spoke to the press. Killing civilians is a crime.",
    "Secretary Blinken said that Russia's recognition of the republics is not a violation of the accords.",
])
def test_violation_without_a_named_doer_accuses_nobody(extract, text: str) -> None:
    document = extract(text, DATE)
    assert not [e for e in document.events if e.type == "ACCUSE"]


@pytest.mark.parametrize("text,accused", [
    ("Secretary Blinken conveyed his deep concern regarding the missing Indonesian submarine.", None),
    ("The United States is deeply concerned about the earthquake in Turkey.", None),
    ("The United States is deeply concerned about China's crackdown in Hong Kong.", "CHN"),
    ("Secretary Blinken expressed deep concern about Russia's military buildup near Ukraine.", "RUS"),
])
def test_concern_about_a_mishap_is_sympathy(extract, text: str, accused: str | None) -> None:
    document = extract(text, DATE)
    charges = [e for e in document.events if e.type == "ACCUSE"]
    assert [r.country for e in charges for r in e.recipients] == ([accused] if accused else [])


@pytest.mark.parametrize("text,praised", [
    ("Prime Minister Bennett of Israel highlighted the Red Army's decisive contribution to the victory.",
     "RUS"),
    ("Secretary Blinken noted Japan's contribution to the reconstruction of Ukraine.", "JPN"),
    ("Secretary Blinken noted the contribution to the reconstruction of Ukraine.", None),
])
def test_highlighted_contribution_praises_the_contributor(extract, text: str, praised: str | None) -> None:
    document = extract(text, DATE)
    praise = [e for e in document.events if e.type == "SUPPORT"]
    assert [r.country for e in praise for r in e.recipients] == ([praised] if praised else [])


def test_sentence_initial_meeting_noun_is_an_occasion(extract, countries) -> None:
    document = extract("Talks between Armenia and Azerbaijan were held in Washington on Monday.", DATE)
    meetings = [e for e in document.events if e.type == "CONSULT"]
    assert len(meetings) == 1 and countries(meetings[0]) == {"ARM", "AZE"}


@pytest.mark.parametrize("text", [
    "President Putin of Russia said that cooperation between Russia and Uzbekistan will help increase "
    "Uzbekistan's capabilities.",
    "President Putin met Prime Minister Pashinyan of Armenia. I hope that this visit will help accelerate "
    "the development of our ties.",
    "The funding from Japan will support food assistance for refugees in Uganda.",
])
def test_events_and_money_are_no_agents(extract, text: str) -> None:
    document = extract(text, DATE)
    assert not [e for e in document.events if e.type in ("AID", "SUPPORT", "AGREE")]


def test_a_state_named_by_a_pronoun_is_an_agent(extract) -> None:
    document = extract("Hungary has said it will support Ukraine's request.", DATE)
    assert [e for e in document.events if e.type == "SUPPORT"]


@pytest.mark.parametrize("text", [
    "President Putin met President Rahmon of Tajikistan. Further progress in relations between Russia and "
    "Tajikistan meets the basic interests of our peoples.",
    "Secretary Blinken spoke with Foreign Minister Kuleba of Ukraine. Russia must meet its commitments.",
])
def test_meeting_interests_or_commitments_is_no_meeting(extract, text: str) -> None:
    document = extract(text, DATE)
    assert len([e for e in document.events if e.type == "CONSULT"]) == 1


@pytest.mark.parametrize("text,status", [
    ("President Putin met Prime Minister Pashinyan of Armenia. It is a pleasure to meet with you again.",
     {"occurred"}),
    ("President Putin met Prime Minister Pashinyan of Armenia. I am sure that our talks will be productive.",
     {"occurred"}),
])
def test_words_about_the_meeting_under_way_plan_nothing(extract, text: str, status) -> None:
    document = extract(text, DATE)
    assert {e.status for e in document.events if e.type == "CONSULT"} == status


def test_necessary_act_is_hypothetical(extract) -> None:
    document = extract("President Zelenskyy spoke with Prime Minister Trudeau of Canada. It is necessary to "
                       "introduce sanctions against Russia.", DATE)
    assert {e.status for e in document.events if e.type == "SANCTION"} == {"hypothetical"}
