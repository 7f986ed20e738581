"""Meetings, calls and visits: one CONSULT per occasion, with mode, date, place and status.
The articles are written for these tests (real public facts, our own words)."""

from __future__ import annotations

import pytest

CALL = (
    "Secretary of State Antony J. Blinken spoke by phone today with Japanese Foreign Minister "
    "Yoko Kamikawa. The Secretary and the Foreign Minister discussed preparations for the "
    "upcoming summit and regional security. They also discussed support for Ukraine."
)

TRIP = (
    "Secretary of State Antony J. Blinken will travel to Seoul and Tokyo March 16-18, 2024. "
    "In Seoul, the Secretary will meet with Foreign Minister Cho Tae-yul."
)

VISIT = (
    "Prime Minister Narendra Modi of India met with President Joseph R. Biden, Jr. at the White House "
    "on June 22, 2023. The leaders discussed defense cooperation and clean energy."
)


@pytest.mark.parametrize("text,date", [(CALL, "2024-02-05")])
def test_stage_call_is_one_phone_consult(extract, countries, text: str, date: str) -> None:
    document = extract(text, date)
    meetings = [e for e in document.events if e.type == "CONSULT"]
    assert len(meetings) == 1
    call = meetings[0]
    assert call.mode == "phone" and call.status == "occurred"
    assert countries(call) == {"USA", "JPN"}
    assert call.date is not None and call.date.value == date
    assert len(call.evidence) >= 2  # the sentences about the call are its evidence


@pytest.mark.parametrize("text,date", [(TRIP, "2024-03-14")])
def test_stage_announced_trip_is_planned_visit_per_country(extract, countries, text: str, date: str) -> None:
    document = extract(text, date)
    visits = [e for e in document.events if e.type == "CONSULT"]
    hosts = {frozenset(countries(v)) for v in visits}
    assert frozenset({"USA", "KOR"}) in hosts and frozenset({"USA", "JPN"}) in hosts
    assert all(v.status == "planned" for v in visits)
    seoul = next(v for v in visits if "KOR" in countries(v))
    assert seoul.location is not None and seoul.location.name == "Seoul"
    assert seoul.date is not None and seoul.date.value.startswith("2024-03")


@pytest.mark.parametrize("text,date", [(VISIT, "2023-06-23")])
def test_stage_dated_meeting_takes_its_date_and_place(extract, countries, text: str, date: str) -> None:
    document = extract(text, date)
    meetings = [e for e in document.events if e.type == "CONSULT"]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert countries(meeting) == {"USA", "IND"}
    assert meeting.date is not None and meeting.date.value == "2023-06-22" and meeting.date.basis == "text"
    assert meeting.location is not None and meeting.location.name == "White House"
