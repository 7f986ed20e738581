"""Dialogue series read from one sentence: name, round and frequency."""

from __future__ import annotations

import pytest

from communique.events.lexicon import load_lexicon
from communique.events.series import find_series


@pytest.mark.parametrize("sentence,name,round_,frequency", [
    ("The Eighth U.S.-Tajikistan Annual Bilateral Consultations were held in Dushanbe on May 3.",
     "U.S.-Tajikistan Annual Bilateral Consultations", 8, "annual"),
    ("Officials met for the 2022 U.S.-Armenia Strategic Dialogue in Yerevan.",
     "U.S.-Armenia Strategic Dialogue", None, None),
    ("The second meeting of the annual High-level Dialogue on Energy Security took place in Baku.",
     "High-level Dialogue on Energy Security", 2, "annual"),
    ("The leaders will attend the third in-person Quad Leaders' Summit in Sydney.",
     "Quad Leaders' Summit", 3, None),
])
def test_series_names_round_and_frequency(nlp, sentence: str, name: str, round_: int | None,
                                          frequency: str | None) -> None:
    found = [s for sent in nlp(sentence).sents for s, _, _ in find_series(sent, load_lexicon())]
    assert [(s.name, s.round, s.frequency) for s in found] == [(name, round_, frequency)]


@pytest.mark.parametrize("calls", [2])
def test_series_lexicon_is_read_once(calls: int) -> None:
    assert len({id(load_lexicon()) for _ in range(calls)}) == 1


@pytest.mark.parametrize("sentence,expected", [
    # a standing body is a series only when the text says it meets again and again
    ("The minister met the President of the European Commission in Brussels.", []),
    ("The Security Council discussed the situation in the region.", []),
    ("The 21st meeting of the EU-Kazakhstan Cooperation Council took place in Brussels.",
     [("EU-Kazakhstan Cooperation Council", 21, None)]),
    ("Ministers attended the annual Joint Economic Commission in Tashkent.",
     [("Joint Economic Commission", None, "annual")]),
    ("Delegates gathered for the 2024 Regional Security Conference in Dushanbe.",
     [("Regional Security Conference", None, None)]),
    # a dialogue is recurring by its name; the name stops before a person named after it
    ("The Strategic Dialogue was chaired by Secretary Antony Blinken.", [("Strategic Dialogue", None, None)]),
])
def test_bodies_need_a_sign_of_recurrence(nlp, sentence: str, expected: list) -> None:
    found = [s for sent in nlp(sentence).sents for s, _, _ in find_series(sent, load_lexicon())]
    assert [(s.name, s.round, s.frequency) for s in found] == expected


def test_a_series_name_does_not_run_into_the_person_after_it(nlp) -> None:
    doc = nlp("After the third round of the Bilateral Consultations Nikolai Patrushev told reporters that "
              "progress was made.")
    found = [(s.name, s.round) for sent in doc.sents for s, _, _ in find_series(sent, load_lexicon())]
    assert found == [("Bilateral Consultations", 3)]


@pytest.mark.parametrize("sentence", [
    "Dialogue between the two governments resumed in Brussels.",
    "Meetings were held with the Chinese side in Kyiv.",
])
def test_a_head_word_alone_is_no_series_name(nlp, sentence: str) -> None:
    assert [s for sent in nlp(sentence).sents for s, _, _ in find_series(sent, load_lexicon())] == []
