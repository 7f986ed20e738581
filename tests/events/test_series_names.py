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
