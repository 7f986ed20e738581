"""Promises (AGREE plus the planned act), statements of support, laws (ENACT) and quiet domestic
articles. The articles are written for these tests."""

from __future__ import annotations

import pytest

DIALOGUE = (
    "The fifth round of the annual Strategic Dialogue between Uzbekistan and the United States was "
    "held in Tashkent. The delegations discussed trade, energy and regional connectivity. "
    "The sides agreed to hold the next round of the Strategic Dialogue in Washington in 2025."
)

LAW = (
    "The Parliament of Moldova passed a law on the protection of whistleblowers on March 3, 2023. "
    "The European Union welcomed the law."
)

DOMESTIC = (
    "The mayor of Springfield opened a new public library on Monday. The library has a children's "
    "reading room and a small museum. Local schools will organise visits in the autumn."
)


@pytest.mark.parametrize("text,date", [(DIALOGUE, "2024-11-20")])
def test_stage_agreement_to_meet_again_is_agree_and_planned_round(extract, countries, text: str,
                                                                  date: str) -> None:
    document = extract(text, date)
    held = [e for e in document.events if e.type == "CONSULT" and e.status == "occurred"]
    planned = [e for e in document.events if e.type == "CONSULT" and e.status == "planned"]
    agreed = [e for e in document.events if e.type == "AGREE"]
    assert len(held) == 1 and len(planned) == 1 and len(agreed) == 1
    assert held[0].series is not None and held[0].series.round == 5 and held[0].series.frequency == "annual"
    assert planned[0].series is not None and planned[0].series.round == 6
    assert planned[0].date is not None and planned[0].date.value == "2025"
    assert planned[0].location is not None and planned[0].location.name == "Washington"
    assert countries(agreed[0]) == {"UZB", "USA"}


@pytest.mark.parametrize("text,date", [(LAW, "2023-03-10")])
def test_stage_passed_law_is_legislative_enact(extract, countries, text: str, date: str) -> None:
    document = extract(text, date)
    enacted = [e for e in document.events if e.type == "ENACT"]
    assert len(enacted) == 1
    law = enacted[0]
    assert [(p.country, p.sector) for p in law.actors] == [("MDA", "LEG")]
    assert law.recipients == [] and law.date is not None and law.date.value == "2023-03-03"


@pytest.mark.parametrize("text,date", [(DOMESTIC, "2024-05-06")])
def test_stage_domestic_article_stays_quiet(extract, countries, text: str, date: str) -> None:
    assert extract(text, date).events == []


CALL_READOUT = (
    "Secretary of State Antony J. Blinken met yesterday with Foreign Minister Penny Wong of Australia "
    "in Washington. The Secretary urged China to stop its pressure on Taiwan. He condemned recent "
    "missile launches by North Korea. Is the United States planning to send more vaccines to Brazil?"
)


@pytest.mark.parametrize("text,date", [(CALL_READOUT, "2023-07-29")])
def test_stage_readout_acts_take_the_meeting_date_and_questions_stay_quiet(extract, countries, text: str,
                                                                           date: str) -> None:
    document = extract(text, date)
    by_type = {e.type: e for e in document.events}
    assert countries(by_type["CONSULT"]) == {"USA", "AUS"}
    assert by_type["CONSULT"].date is not None and by_type["CONSULT"].date.value == "2023-07-28"
    request = by_type["REQUEST"]
    assert [p.country for p in request.recipients] == ["CHN"]
    assert request.date is not None and request.date.value == "2023-07-28"  # said at the meeting
    assert {p.country for p in by_type["ACCUSE"].recipients} == {"PRK"}
    assert "AID" not in by_type  # a question reports nothing
