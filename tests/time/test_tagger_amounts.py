"""Durations, recurrences and the vague present/past/future (fixed date 2024-05-20)."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.time.tagger import tag_text

DCT = dt.date(2024, 5, 20)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The programme will run for three years.", "three years", "P3Y"),
        ("The talks lasted several days.", "several days", "PXD"),
        ("Trade doubled over the past three years.", "the past three years", "P3Y"),
        ("The ceasefire held for 14 days.", "14 days", "P14D"),
        ("The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("They signed a two-year agreement.", "two-year", "P2Y"),
        ("The mission lasted a decade.", "a decade", "P10Y"),
        ("The negotiations took weeks to conclude, but for years nothing moved.", "years", "PXY"),
    ],
)
def test_tagger_durations(sentence: str, text: str, value: str) -> None:
    found = [(t.text, t.type, t.value) for t in tag_text(sentence, DCT)]
    assert (text, "DURATION", value) in found


@pytest.mark.parametrize(
    ("sentence", "text", "mod"),
    [
        ("The talks lasted about three days.", "three days", "APPROX"),  # "about" stays outside
        ("The siege lasted nearly two years.", "nearly two years", "EQUAL_OR_LESS"),
        ("Detainees were held for at least 72 hours.", "at least 72 hours", "EQUAL_OR_MORE"),
    ],
)
def test_tagger_duration_modifiers(sentence: str, text: str, mod: str) -> None:
    [timex] = tag_text(sentence, DCT)
    assert (timex.text, timex.type, timex.mod) == (text, "DURATION", mod)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The annual dialogue met in Astana.", "annual", "P1Y"),
        ("The commission publishes weekly reports.", "weekly", "P1W"),
        ("Patrols are held daily.", "daily", "P1D"),
        ("The council meets every Monday.", "every Monday", "XXXX-WXX-1"),
        ("The summit takes place every two years.", "every two years", "P2Y"),
        ("Leaders meet twice a year.", "twice a year", "P1Y"),
    ],
)
def test_tagger_sets(sentence: str, text: str, value: str) -> None:
    assert [(t.text, t.type, t.value) for t in tag_text(sentence, DCT)] == [(text, "SET", value)]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The mission is now in its third phase.", "now", "PRESENT_REF"),
        ("Both sides currently hold the line.", "currently", "PRESENT_REF"),
        ("The envoy recently visited the region.", "recently", "PAST_REF"),
        ("Cooperation will deepen in the future.", "the future", "FUTURE_REF"),
    ],
)
def test_tagger_vague_references(sentence: str, text: str, value: str) -> None:
    assert [(t.text, t.value) for t in tag_text(sentence, DCT)] == [(text, value)]
