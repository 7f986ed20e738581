"""Calendar expressions resolved against a fixed document date (Monday 2024-05-20)."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.time.tagger import tag_text

DCT = dt.date(2024, 5, 20)


def only(sentence: str) -> tuple[str, str, str]:
    found = tag_text(sentence, DCT)
    assert len(found) == 1, found
    return found[0].text, found[0].type, found[0].value


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The law was signed on April 15, 2024 in the capital.", "April 15, 2024", "2024-04-15"),
        ("The talks opened on 3 March 2023 in Vienna.", "3 March 2023", "2023-03-03"),
        ("The treaty entered into force on 2022-11-01.", "2022-11-01", "2022-11-01"),
        ("They met on Friday, May 17, 2024.", "Friday, May 17, 2024", "2024-05-17"),
        ("The ministers met on May 14 in Geneva.", "May 14", "2024-05-14"),
        ("Elections were held in July 2021.", "July 2021", "2021-07"),
        ("The office opened in 2019.", "2019", "2019"),
        ("Budget planning for fiscal 2025 began.", "fiscal 2025", "2025"),
    ],
)
def test_tagger_absolute_dates(sentence: str, text: str, value: str) -> None:
    assert only(sentence) == (text, "DATE", value)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The parties met last December in Astana.", "last December", "2023-12"),
        ("The ministers will meet in April to review progress.", "April", "2025-04"),
        ("The ministers met in April to review progress.", "April", "2024-04"),
        ("The committee will convene next month.", "next month", "2024-06"),
        ("Trade grew sharply last year.", "last year", "2023"),
        ("Exports fell last month.", "last month", "2024-04"),
        ("A new round is planned for next year.", "next year", "2025"),
        ("The plan was adopted this year.", "this year", "2024"),
        ("The delegation arrived mid-March.", "mid-March", "2024-03"),
        ("The reform package is expected in early 2025.", "early 2025", "2025"),
        ("The border reopened three years ago.", "three years ago", "2021"),
        ("The institute was founded two months ago.", "two months ago", "2024-03"),
        ("The accord shaped diplomacy in the 1990s.", "the 1990s", "199X"),
        ("Sovereignty norms took hold in the 20th century.", "the 20th century", "19"),
        ("The next meeting will be held in 2025.", "2025", "2025"),
    ],
)
def test_tagger_months_years_and_relative_dates(sentence: str, text: str, value: str) -> None:
    assert only(sentence) == (text, "DATE", value)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The foreign ministers spoke by phone on Tuesday.", "Tuesday", "2024-05-14"),
        ("The foreign ministers will speak by phone on Tuesday.", "Tuesday", "2024-05-21"),
        ("The envoy left last Friday.", "last Friday", "2024-05-17"),
        ("The envoy arrives next Monday.", "next Monday", "2024-05-27"),
        ("The prime minister spoke yesterday.", "yesterday", "2024-05-19"),
        ("The summit opens today.", "today", "2024-05-20"),
        ("The delegation leaves tomorrow.", "tomorrow", "2024-05-21"),
        ("Fighting resumed last week.", "last week", "2024-W20"),
        ("Talks continued earlier this week.", "earlier this week", "2024-W21"),
    ],
)
def test_tagger_days_and_weeks(sentence: str, text: str, value: str) -> None:
    assert only(sentence) == (text, "DATE", value)


def test_tagger_part_of_day_is_a_time() -> None:
    assert only("The cabinet met on Monday morning.") == ("Monday morning", "TIME", "2024-05-20TMO")


def test_tagger_clock_time_on_a_weekday() -> None:
    assert only("Voting closed at 8 p.m. Sunday.") == ("8 p.m. Sunday", "TIME", "2024-05-19T20:00")


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Output rose in the first quarter.", "the first quarter", "2024-Q1"),
        ("Growth slowed in the fourth quarter of 2023.", "the fourth quarter of 2023", "2023-Q4"),
        ("Third-quarter revenue will be reported in October.", "Third-quarter", "2024-Q3"),
        ("Spending rose in the second half of 2023.", "the second half of 2023", "2023-H2"),
        ("The strike began last fall.", "last fall", "2023-FA"),
        ("Talks resume this summer.", "this summer", "2024-SU"),
    ],
)
def test_tagger_quarters_halves_seasons(sentence: str, text: str, value: str) -> None:
    found = tag_text(sentence, DCT)
    assert [(t.text, t.value) for t in found if t.type == "DATE"][0] == (text, value)


def test_tagger_holiday_resolves_to_its_date() -> None:
    assert only("The ceasefire held over Christmas.") == ("Christmas", "DATE", "2023-12-25")


def test_tagger_following_day_refers_to_the_day_named_before() -> None:
    found = tag_text("The envoy arrived on May 2. The following day he met the president.", DCT)
    assert [(t.text, t.value) for t in found] == [("May 2", "2024-05-02"),
                                                 ("The following day", "2024-05-03")]


@pytest.mark.parametrize(
    ("sentence", "precision"),
    [("They met on April 15, 2024.", "day"), ("They met last December.", "month"),
     ("They met in 2019.", "year"), ("They met last week.", "week"),
     ("Growth rose in the first quarter.", "quarter"), ("Ties grew in the 1990s.", "decade")],
)
def test_tagger_records_precision(sentence: str, precision: str) -> None:
    assert tag_text(sentence, DCT)[0].precision == precision


@pytest.mark.parametrize(
    ("sentence", "mod"),
    [("They met in early 2025.", "START"), ("They met in late November.", "END"),
     ("They met in mid-March.", "MID")],
)
def test_tagger_records_point_modifiers(sentence: str, mod: str) -> None:
    assert tag_text(sentence, DCT)[0].mod == mod
