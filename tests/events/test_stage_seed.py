"""Golden test: the seed article scores 1.000 against its gold record with the shared scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from communique.ingest import read_inputs


def _shared_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score_events", shared / "tools" / "score_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_result(shared: Path, pipeline) -> dict:
    documents = list(pipeline.run(read_inputs([shared / "seed" / "article.txt"])))
    assert len(documents) == 1
    return documents[0].to_json()


@pytest.mark.parametrize("metric", ["event_f1", "date_accuracy", "location_accuracy", "round_accuracy"])
def test_stage_seed_scores_perfectly(shared: Path, seed_result: dict, metric: str) -> None:
    gold = json.loads((shared / "seed" / "gold.json").read_text(encoding="utf-8"))
    scorer = _shared_scorer(shared)
    result = scorer.score([gold], [seed_result])
    assert result[metric] == pytest.approx(1.0), scorer.report(result, "gold", "system")


@pytest.mark.parametrize("evidence_of", ["CONSULT"])
def test_stage_seed_meeting_gathers_its_sentences(seed_result: dict, evidence_of: str) -> None:
    # the C5+1 Summit "held in New York last year" is a recalled meeting of its own (optional in the gold)
    meetings = [e for e in seed_result["events"] if e["type"] == evidence_of and e["status"] == "occurred"
                and e["mode"] != "multilateral"]
    assert len(meetings) == 1
    assert len(meetings[0]["evidence"]) >= 4
