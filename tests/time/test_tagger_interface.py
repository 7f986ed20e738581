"""The tagger's contract with the pipeline: offsets, original text, what it must not tag."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from communique.time.tagger import tag_text, timexes_in

DCT = dt.date(2024, 5, 20)


@pytest.mark.parametrize(
    "sentence",
    [
        "The third meeting of the dialogue discussed zero tolerance for torture.",
        "Ministers may meet again if conditions allow.",
        "Prime Minister Theresa May spoke to the press.",
        "The council adopted Resolution 2231 unanimously.",
        "A 45-year-old diplomat and a man 60 years old were detained.",
        "Troops will march to the border.",
        "The fall of the government surprised observers.",
        "Both sides backed Saudi Vision 2030 and Expo 2025.",
        "Now, the assembly is one of the largest gatherings of leaders.",
    ],
)
def test_tagger_leaves_non_time_words_alone(sentence: str) -> None:
    assert tag_text(sentence, DCT) == []


def test_tagger_offsets_index_the_original_text() -> None:
    original = "Talks **resumed** on *March 3, 2024* in Doha."
    masked = "Talks   resumed   on  March 3, 2024  in Doha."
    assert len(masked) == len(original)
    [timex] = tag_text(masked, DCT, original=original)
    assert timex.text == original[timex.start:timex.end] == "March 3, 2024"
    assert timex.value == "2024-03-03"


def test_tagger_rejects_texts_of_different_lengths() -> None:
    with pytest.raises(ValueError):
        tag_text("March 3", DCT, original="March 3, 2024")


def test_timexes_in_keeps_only_those_inside_the_span() -> None:
    text = "They met on Monday. They will meet again in 2025."
    timexes = tag_text(text, DCT)
    second = text.index("They will")
    assert [t.text for t in timexes_in(timexes, second, len(text))] == ["2025"]
    assert [t.text for t in timexes_in(timexes, 0, second)] == ["Monday"]


def test_tagger_reproduces_the_seed_timexes(shared) -> None:
    from communique.ingest.text import split_seed_header

    date, text = split_seed_header((shared / "seed" / "article.txt").read_text(encoding="utf-8"))
    gold = json.loads((shared / "seed" / "gold.json").read_text(encoding="utf-8"))["timexes"]
    found = tag_text(text, dt.date.fromisoformat(date))
    assert [(t.start, t.end, t.type, t.value) for t in found] == [
        (g["start"], g["end"], g["type"], g["value"]) for g in gold
    ]


def test_tagger_offsets_survive_letters_that_change_length_when_lowered() -> None:
    text = "İ" * 80 + " talks resumed on March 3, 2024."  # "İ".lower() is two characters
    [timex] = tag_text(text, DCT)
    assert timex.text == "March 3, 2024" and text[timex.start:timex.end] == timex.text
