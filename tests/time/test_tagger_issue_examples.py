"""Every value shape named in issue 3, from sentences of our own (document date 2024-05-20)."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.time.tagger import tag_text

DCT = dt.date(2024, 5, 20)


@pytest.mark.parametrize(
    ("sentence", "text", "type_", "value"),
    [
        ("The decree was signed on April 15, 2024.", "April 15, 2024", "DATE", "2024-04-15"),
        ("Consultations were held last December.", "last December", "DATE", "2023-12"),
        ("Bilateral trade grew last year.", "last year", "DATE", "2023"),
        ("Contacts intensified earlier this week.", "earlier this week", "DATE", "2024-W21"),
        ("The envoys will speak at 3 p.m. today.", "3 p.m. today", "TIME", "2024-05-20T15:00"),
        ("The project will take three years.", "three years", "DURATION", "P3Y"),
        ("The delegation stayed several days.", "several days", "DURATION", "PXD"),
        ("The annual forum opened in Tashkent.", "annual", "SET", "P1Y"),
        ("The forum is held every December.", "every December", "SET", "XXXX-12"),
        ("Relations are now at their best.", "now", "DATE", "PRESENT_REF"),
        ("The minister recently visited Baku.", "recently", "DATE", "PAST_REF"),
        ("Both sides will cooperate in the future.", "the future", "DATE", "FUTURE_REF"),
        ("Deliveries resume in the first quarter of 2025.", "the first quarter of 2025", "DATE", "2025-Q1"),
        ("The ministers met on Tuesday.", "Tuesday", "DATE", "2024-05-14"),
        ("The commission will report next month.", "next month", "DATE", "2024-06"),
        ("Elections are due in early 2025.", "early 2025", "DATE", "2025"),
        ("Ties deepened in the 1990s.", "the 1990s", "DATE", "199X"),
        ("The embassy opened three years ago.", "three years ago", "DATE", "2021"),
        ("The talks resumed in mid-March.", "mid-March", "DATE", "2024-03"),
        ("The presidents will meet in April.", "April", "DATE", "2025-04"),
        ("The next meeting will take place in 2025.", "2025", "DATE", "2025"),
    ],
)
def test_tagger_issue_examples(sentence: str, text: str, type_: str, value: str) -> None:
    assert [(t.text, t.type, t.value) for t in tag_text(sentence, DCT)] == [(text, type_, value)]


def test_tagger_issue_following_day() -> None:
    found = tag_text("The envoy landed on May 6. The following day talks began.", DCT)
    expected = [("May 6", "2024-05-06"), ("The following day", "2024-05-07")]
    assert [(t.text, t.value) for t in found] == expected
