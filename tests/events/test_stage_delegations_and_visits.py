"""Meetings with ambassadors and delegations, and visits named by a possessive ('X's visit to Y').
The sentences are written for these tests (public offices, our own words)."""

from __future__ import annotations

import pytest

DATE = "2024-03-01"


def _meetings(document):
    return [e for e in document.events if e.type == "CONSULT"]


@pytest.mark.parametrize("text,expected", [
    ("President Vladimir Putin received the Ambassador of France.", {"RUS", "FRA"}),
    ("President Volodymyr Zelenskyy received the Ambassador of Japan to Ukraine.", {"UKR", "JPN"}),
    ("President Volodymyr Zelenskyy received a delegation of the US Congress.", {"UKR", "USA"}),
])
def test_receiving_an_envoy_or_delegation_is_a_hosted_meeting(extract, countries, text, expected) -> None:
    meetings = _meetings(extract(text, DATE))
    assert len(meetings) == 1 and meetings[0].status == "occurred"
    assert countries(meetings[0]) == expected


@pytest.mark.parametrize("text", [
    "President Volodymyr Zelenskyy met with a delegation led by Prime Minister of Poland Donald Tusk.",
    "President Volodymyr Zelenskyy met with a delegation headed by Prime Minister of Poland Donald Tusk.",
])
def test_delegation_led_by_someone_takes_part_as_that_persons_state(extract, countries, text) -> None:
    meetings = _meetings(extract(text, DATE))
    assert len(meetings) == 1 and countries(meetings[0]) == {"UKR", "POL"}


def test_receiving_assistance_is_not_a_meeting(extract) -> None:
    document = extract("Ukraine received assistance from Japan.", DATE)
    assert not _meetings(document)


@pytest.mark.parametrize("text,visitor,host,status", [
    ("During Prime Minister Narendra Modi's visit to Moscow, the two countries signed an agreement.",
     "IND", "RUS", "occurred"),
    ("Secretary of State Antony Blinken's visit to Kyiv demonstrated strong support for Ukraine.",
     "USA", "UKR", "occurred"),
    ("Vladimir Putin and Kassym-Jomart Tokayev discussed preparations for the Russian President's state "
     "visit to Kazakhstan.", "RUS", "KAZ", "planned"),
    ("The President thanked Prime Minister Fumio Kishida for his visit to Ukraine.",
     "JPN", "UKR", "occurred"),
    ("Charles Michel told Vladimir Putin about his contacts during his recent visit to Kyiv.",
     "EUR", "UKR", "occurred"),
])
def test_possessed_visit_is_a_visit_by_its_possessor(extract, text, visitor, host, status) -> None:
    visits = [e for e in _meetings(extract(text, DATE)) if e.mode == "visit"]
    assert len(visits) == 1
    visit = visits[0]
    assert visit.status == status
    assert {a.country for a in visit.actors} == {visitor}
    assert {r.country for r in visit.recipients} == {host}


def test_visit_named_in_passing_is_not_announced_as_a_promise(extract) -> None:
    document = extract("The ministers discussed trade during President Emmanuel Macron's planned visit to "
                       "India.", DATE)
    visits = _meetings(document)
    assert len(visits) == 1 and visits[0].status == "planned"
    assert not [e for e in document.events if e.type == "AGREE"]


def test_visit_named_in_passing_does_not_become_the_occasion(extract) -> None:
    """'They' after a visit named in passing is not that visit's two states."""
    document = extract("The minister recalled President Emmanuel Macron's visit to India. "
                       "They blamed the opposition.", DATE)
    assert not [e for e in document.events if e.type == "ACCUSE"]


@pytest.mark.parametrize("text", [
    "Russia's visit to the region was discussed.",  # no destination state
    "The President's visit ended.",  # no destination
    "A visit to Paris is planned.",  # no visitor
])
def test_possessed_visit_needs_a_visitor_and_destination_state(extract, text) -> None:
    assert not _meetings(extract(text, DATE))


@pytest.mark.parametrize("text,expected", [
    ("A Ukrainian delegation led by Minister of Economy Yulia Svyrydenko arrived in Berlin. "
     "The delegation met with German Chancellor Olaf Scholz.", {"UKR", "DEU"}),
    ("Director General Rakesh Asthana led the Indian delegation. "
     "The delegation met with Secretary of State Antony Blinken.", {"IND", "USA"}),
    ("A delegation of the US Senate arrived in Kyiv. "
     "President Volodymyr Zelenskyy met with the delegation.", {"UKR", "USA"}),
])
def test_the_delegation_is_the_last_delegation_named(extract, countries, text, expected) -> None:
    meetings = _meetings(extract(text, DATE))
    assert len(meetings) == 1 and countries(meetings[0]) == expected


def test_thanking_the_delegation_thanks_its_state(extract) -> None:
    document = extract("President Volodymyr Zelenskyy met with the delegation of Qatar. "
                       "The President thanked the delegation for the support.", DATE)
    thanks = [e for e in document.events if e.type == "SUPPORT"]
    assert len(thanks) == 1 and {r.country for r in thanks[0].recipients} == {"QAT"}


def test_leading_a_delegation_abroad_is_a_visit(extract) -> None:
    document = extract("Deputy Secretary of State Wendy Sherman led a delegation to Phnom Penh on Tuesday. "
                       "The delegation met with Prime Minister Hun Sen.", DATE)
    meetings = _meetings(document)
    assert len(meetings) == 1 and meetings[0].mode == "visit"
    assert {a.country for a in meetings[0].actors} == {"USA"}
    assert {r.country for r in meetings[0].recipients} == {"KHM"}


def test_the_delegations_are_still_both_sides(extract, countries) -> None:
    document = extract("President Volodymyr Zelenskyy met with Polish President Andrzej Duda. "
                       "The delegations discussed trade.", DATE)
    meetings = _meetings(document)
    assert len(meetings) == 1 and countries(meetings[0]) == {"UKR", "POL"}


def test_a_bare_delegation_without_one_named_before_is_nobody(extract) -> None:
    document = extract("The delegation met with German Chancellor Olaf Scholz.", DATE)
    assert not _meetings(document)


@pytest.mark.parametrize("text,expected", [
    ("President Vladimir Putin received letters of credence from the newly appointed ambassadors of "
     "Germany and India.", {"RUS", "DEU", "IND"}),
    ("President Volodymyr Zelenskyy received credentials from the Ambassador of Japan.", {"UKR", "JPN"}),
])
def test_receiving_credentials_is_meeting_the_envoys(extract, countries, text, expected) -> None:
    meetings = _meetings(extract(text, DATE))
    assert len(meetings) == 1 and countries(meetings[0]) == expected


def test_receiving_a_letter_is_not_a_meeting(extract) -> None:
    document = extract("President Volodymyr Zelenskyy received a letter from Prime Minister of Japan "
                       "Fumio Kishida.", DATE)
    assert not _meetings(document)
