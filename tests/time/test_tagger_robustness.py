"""Whatever the text, the tagger returns ordered, non-overlapping spans that index the original."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.time.tagger import tag_text

WORDS = ["in", "May", "2024", "last", "year", "Friday", "the", "past", "three", "years", "ago", "early",
         "March 3,", "annual", "now", "at", "5", "p.m.", "quarter", "first", "of", "until", "will", "met",
         "–", "'s", ",", ".", "\n", "a", "few", "days", "decades", "Christmas", "every", "week"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.dates(dt.date(1900, 1, 1), dt.date(2090, 12, 31)))
def test_tagger_spans_are_ordered_and_index_the_text(words: list[str], dct: dt.date) -> None:
    text = " ".join(words)
    timexes = tag_text(text, dct)
    end = 0
    for timex in timexes:
        assert end <= timex.start < timex.end <= len(text)
        assert timex.text == text[timex.start:timex.end] == timex.text.strip()
        assert timex.type in ("DATE", "TIME", "DURATION", "SET") and timex.value
        end = timex.end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_tagger_never_fails_on_arbitrary_text(text: str) -> None:
    tag_text(text, dt.date(2024, 5, 20))
