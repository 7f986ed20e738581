"""Readout phrasing seen in real releases (calls, lists of calls, recalled meetings, promises).
The sentences are written for these tests (public office-holders, our own words)."""

from __future__ import annotations


def test_spoke_today_with_is_a_call_despite_the_purpose_clause(extract, countries) -> None:
    # the parser reads "with X to discuss" as the mark of the purpose clause
    document = extract(
        "Secretary of State Antony J. Blinken spoke today with Japanese Foreign Minister Yoko Kamikawa "
        "to discuss our close coordination on regional security.", "2024-02-05")
    calls = [e for e in document.events if e.type == "CONSULT"]
    assert len(calls) == 1
    assert countries(calls[0]) == {"USA", "JPN"} and calls[0].mode == "phone"


def test_plural_calls_with_several_leaders_are_one_call_each(extract, countries) -> None:
    document = extract(
        "On March 3, Vladimir Putin had several telephone conversations with heads of the Collective "
        "Security Treaty Organisation member states. The Russian President had telephone conversations "
        "with President of Kyrgyzstan Sadyr Japarov, President of Belarus Alexander Lukashenko and "
        "Prime Minister of Armenia Nikol Pashinyan.", "2022-03-04")
    calls = [e for e in document.events if e.type == "CONSULT"]
    assert sorted(sorted(countries(e)) for e in calls) == [["ARM", "RUS"], ["BLR", "RUS"], ["KGZ", "RUS"]]
    assert all(e.mode == "phone" for e in calls)


def test_one_conversation_with_two_leaders_stays_one_call(extract, countries) -> None:
    document = extract(
        "President Emmanuel Macron held a telephone conversation with Chancellor Olaf Scholz and "
        "President Vladimir Putin.", "2022-03-04")
    calls = [e for e in document.events if e.type == "CONSULT"]
    assert len(calls) == 1 and countries(calls[0]) == {"FRA", "DEU", "RUS"}
