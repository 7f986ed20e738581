"""Scores on the public evaluation sets, so CI notices a regression.

The figures asserted are floors a little under what the extractor reaches today (reported in the
README); the issue's targets for PETR2 (0.60) and PLOVER (0.55) are not reached yet, so these
guard the current level rather than claim the target.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.cli.eval import extract_gold_texts
from communique.events.scoring import load_documents, score

FLOORS = {
    # set: (event F1 floor, date accuracy floor or None, location accuracy floor or None)
    "eval/dev-articles": (0.80, 0.95, 0.85),
    "eval/petr2-gsr": (0.42, None, None),
    "eval/plover-gsr": (0.50, None, None),
}


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_scoring_eval_set_keeps_its_level(shared: Path, pipeline, folder: str) -> None:
    gold = load_documents(shared / folder)
    figures = score(gold, extract_gold_texts(gold))
    f1_floor, date_floor, location_floor = FLOORS[folder]
    assert figures["event_f1"] >= f1_floor, figures["event_f1"]
    if date_floor is not None:
        assert figures["date_accuracy"] >= date_floor
    if location_floor is not None:
        assert figures["location_accuracy"] >= location_floor
