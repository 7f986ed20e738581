"""Day ranges, years in words, accounting years, "current" (fixed date Monday 2024-05-20)."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.time.tagger import tag_text

DCT = dt.date(2024, 5, 20)


def tagged(sentence: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_text(sentence, DCT)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # TimeML tags the pieces of a range; the first piece is the day the event starts
        ("The ministers met on June 3-4 in Paris.",
         [("June 3", "DATE", "2024-06-03"), ("4", "DATE", "2024-06-04")]),
        ("The summit will be held 3-4 June 2025 in Rome.",
         [("3", "DATE", "2025-06-03"), ("4 June 2025", "DATE", "2025-06-04")]),
        ("Consultations were held from 10 to 12 March in Geneva.",
         [("10", "DATE", "2024-03-10"), ("12 March", "DATE", "2024-03-12")]),
        ("The envoys met between 14 and 15 May 2024.",
         [("14", "DATE", "2024-05-14"), ("15 May 2024", "DATE", "2024-05-15")]),
        ("The summit on April 24 and 25 adopted a declaration.",
         [("April 24", "DATE", "2024-04-24"), ("25", "DATE", "2024-04-25")]),
        ("The visit on the 3rd-4th of June was cancelled.",
         [("3rd", "DATE", "2024-06-03"), ("4th of June", "DATE", "2024-06-04")]),
        # a year after the range: the year goes to the first day, as before
        ("The talks were held May 24-27, 2021.",
         [("May 24", "DATE", "2021-05-24"), ("2021", "DATE", "2021")]),
    ],
)
def test_day_ranges_tag_each_day(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 3 and 4 ministers met in Baku.",  # a count after the day
        "Prices fell 3-4 percent in May.",
        "The vote split 9-6 on the measure.",
    ],
)
def test_number_pairs_are_not_ranges(sentence: str) -> None:
    assert all(t[0] not in ("4", "6", "3", "9") for t in tagged(sentence))


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("In nineteen ninety-one the bank collapsed.", "nineteen ninety-one", "1991"),
        ("A bomb exploded in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
        ("Prices last fell in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four",
         "1994-WI"),
        ("The pledge to halve unemployment by the year two thousand was dropped.", "the year two thousand",
         "2000"),
        ("The treaty was signed in two thousand and five, officials said.", "two thousand and five", "2005"),
        ("The plan runs until twenty thirty.", "twenty thirty", "2030"),
        ("The twenty-first century began with a war.", "The twenty-first century", "20"),
    ],
)
def test_years_in_words(sentence: str, text: str, value: str) -> None:
    assert tagged(sentence) == [(text, "DATE", value)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Two thousand and five soldiers crossed the border.",
        "Nineteen hundred troops were deployed.",
        "They counted two thousand ballots.",
    ],
)
def test_counts_in_words_are_not_years(sentence: str) -> None:
    assert tagged(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Growth slowed in the first half of 2025.", ("the first half of 2025", "DATE", "2025-H1")),
        ("Output rose in the second quarter.", ("the second quarter", "DATE", "2024-Q2")),
        ("The election is due in late 2024.", ("late 2024", "DATE", "2024")),
        ("The force will withdraw by the end of the year.", ("the end of the year", "DATE", "2024")),
        ("The force will withdraw by the end of next year.", ("the end of next year", "DATE", "2025")),
        ("The deal should close by year-end.", ("year-end", "DATE", "2024")),
        ("Shares are up 5% since year-end.", ("year-end", "DATE", "2023")),
        ("Revenue was $76 million for the year ended March 31.", ("the year", "DURATION", "P1Y")),
        ("The company raised its forecast for the full year.", ("the full year", "DATE", "2024")),
        ("The current talks are the longest yet.", ("current", "DATE", "PRESENT_REF")),
        ("Holders may buy at the then current price.", ("then current", "DATE", "PAST_REF")),
    ],
)
def test_parts_of_years_and_the_present(sentence: str, expected: tuple[str, str, str]) -> None:
    assert tagged(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The current account deficit widened.",
        "The Communist Party daily Granma published the letter.",
        "The poster showed Gary Cooper in High Noon.",
    ],
)
def test_not_times(sentence: str) -> None:
    assert tagged(sentence) == []


def test_two_digit_decade_is_the_latest_begun() -> None:
    assert tagged("The boom of the '90s is over.") == [("the '90s", "DATE", "199X")]
    assert tagged("The boom of the '20s is over.") == [("the '20s", "DATE", "202X")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The 2024-2025 season opened.", [("2024", "DATE", "2024"), ("2025", "DATE", "2025")]),
        ("Earnings rose in H1 2025.", [("H1 2025", "DATE", "2025-H1")]),
        ("The vote is due in the spring of next year.", [("the spring of next year", "DATE", "2025-SP")]),
        ("Call 2024-5555 for details.", []),
    ],
)
def test_year_ranges_halves_and_seasons(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(sentence) == expected


def test_previous_and_following_weekdays_count_from_the_day_told_of() -> None:
    text = "The talks opened on Thursday, May 2, 2024. The following Monday they ended."
    assert tagged(text)[1] == ("The following Monday", "DATE", "2024-05-06")
    assert tagged("Shares fell from the previous Friday.") == [("the previous Friday", "DATE", "2024-05-17")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Such threats are common in today's world.", []),
        ("Today's talks ended without a deal.", [("Today", "DATE", "2024-05-20")]),
    ],
)
def test_generic_today(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(sentence) == expected


def test_a_year_in_a_compound_is_not_a_duration() -> None:
    assert tagged("Sales beat a year-earlier loss.") == [("year-earlier", "DATE", "2023")]
    assert tagged("It ended a year-long war.") == [("year-long", "DURATION", "P1Y")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Then a minute and a half later the pilot called.", ("a minute and a half", "DURATION", "PT1M30S")),
        ("The talks lasted a year and a half.", ("a year and a half", "DURATION", "P1Y6M")),
        ("The envoy met rebels this past weekend.", ("this past weekend", "DATE", "2024-W20-WE")),
    ],
)
def test_halves_and_this_past(sentence: str, expected: tuple[str, str, str]) -> None:
    assert tagged(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hate groups declined through the nineties.", [("the nineties", "DATE", "199X")]),
        ("The plant opened in the late eighties.", [("the late eighties", "DATE", "198X")]),
        ("A man in his forties was arrested.", []),
    ],
)
def test_decades_in_words(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(sentence) == expected


def test_present_tense_of_a_scheduled_event_reads_ahead() -> None:
    assert tagged("The two leaders meet Thursday in Paris.") == [("Thursday", "DATE", "2024-05-23")]
    assert tagged("The two leaders met Thursday in Paris.") == [("Thursday", "DATE", "2024-05-16")]


def test_the_past_before_a_count_is_not_past_ref() -> None:
    assert tagged("Riots broke out for the past three summers.") == []
    assert tagged("In the past, talks failed.") == [("the past", "DATE", "PAST_REF")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The vote is on March eighth.", ("March eighth", "DATE", "2024-03-08")),
        ("He arrived on the fifth of May, 2023.", ("the fifth of May, 2023", "DATE", "2023-05-05")),
        ("The talks resume on June twenty-first.", ("June twenty-first", "DATE", "2024-06-21")),
        ("The rally is this coming Sunday.", ("this coming Sunday", "DATE", "2024-05-26")),
    ],
)
def test_days_in_words(sentence: str, expected: tuple[str, str, str]) -> None:
    assert tagged(sentence) == [expected]


def test_a_date_after_a_weekday_phrase_is_still_found() -> None:
    assert tagged("The rally is this coming Sunday, May 26.") == [
        ("this coming Sunday", "DATE", "2024-05-26"), ("May 26", "DATE", "2024-05-26")]


def test_a_clock_time_takes_the_day_written_after_it() -> None:
    assert tagged("The vote opens at 14:00 GMT on June 3.") == [
        ("14:00 GMT on June 3", "TIME", "2024-06-03T14:00")]
    assert tagged("Fighting stopped on the night of June 3.") == [("June 3", "DATE", "2024-06-03")]


def test_a_start_still_ahead_reads_forward() -> None:
    assert tagged("The curfew applies starting Thursday.") == [("Thursday", "DATE", "2024-05-23")]


def test_earlier_in_the_year() -> None:
    assert tagged("Sales fell earlier in the year.") == [("earlier in the year", "DATE", "2024")]
