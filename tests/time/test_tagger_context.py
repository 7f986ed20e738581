"""Context the tagger reads: tense cues, ranges, back-references (fixed date Monday 2024-05-20)."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.time.tagger import tag_text

DCT = dt.date(2024, 5, 20)


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_text(text, DCT)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a participle before a noun is an adjective, not a plan: the past verb decides
        ("On Friday the hastily planned trip ended in Kyiv.", ("Friday", "2024-05-17")),
        ("The delegation planned to travel on Friday.", ("Friday", "2024-05-24")),
        ("The talks were postponed until Thursday.", ("Thursday", "2024-05-23")),
        ("The ministers are meeting on Thursday.", ("Thursday", "2024-05-23")),
        ("The agreement signed on Thursday entered into force.", ("Thursday", "2024-05-16")),
        ("Parliament agreed to hold the vote in March.", ("March", "2025-03")),
    ],
)
def test_tagger_reads_tense_around_underspecified_days(sentence: str, expected: tuple[str, str]) -> None:
    assert values(sentence) == [expected]


def test_tagger_range_takes_the_closing_year() -> None:
    found = values("The report covers January 1 – December 31, 2020.")
    assert found == [("January 1", "2020-01-01"), ("December 31, 2020", "2020-12-31")]


def test_tagger_month_with_relative_year() -> None:
    assert values("The embassy reopened in June last year.") == [("June last year", "2023-06")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The treaty was drafted in 2019. The following year it was ratified.",
         [("2019", "2019"), ("The following year", "2020")]),
        ("The envoy arrived in March 2021 and left later that month.",
         [("March 2021", "2021-03"), ("later that month", "2021-03")]),
    ],
)
def test_tagger_refers_back_to_the_last_date_named(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_tagger_clock_time_in_the_morning() -> None:
    found = values("The shelling began at 4 in the morning on Monday.")
    assert found == [("4 in the morning on Monday", "2024-05-20T04:00")]


@pytest.mark.parametrize(
    "sentence",
    ["The party won a quarter of the vote.", "She appeared on 60 Minutes to defend the plan."],
)
def test_tagger_fractions_and_titles_are_not_durations(sentence: str) -> None:
    assert values(sentence) == []
