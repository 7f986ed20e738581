"""Our scorer (`communique.events.scoring`) agrees with the shared yardstick on real outputs."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from communique.events.scoring import load_documents, score


def _shared_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score_events", shared / "tools" / "score_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _perturbed(gold: list[dict]) -> list[dict]:
    """A plausible system output: some events dropped, some statuses and types changed."""
    system = json.loads(json.dumps(gold))
    for d, doc in enumerate(system):
        events = doc.get("events") or []
        kept = []
        for k, event in enumerate(events):
            event.pop("optional", None)
            event.pop("alternatives", None)
            if (d + k) % 5 == 0:
                continue
            if (d + k) % 7 == 0:
                event["status"] = "planned"
            if (d + k) % 11 == 0:
                event["type"] = "SUPPORT"
            if (d + k) % 3 == 0 and event.get("date"):
                event["date"] = {"value": "1999", "precision": "year", "basis": "text"}
            kept.append(event)
        doc["events"] = kept
    return system


@pytest.mark.parametrize("folder", ["eval/dev-articles", "eval/petr2-gsr", "seed/gold.json"])
def test_scoring_matches_shared_scorer(shared: Path, folder: str) -> None:
    gold = load_documents(shared / folder)
    system = _perturbed(gold)
    ours = score(gold, system)
    theirs = _shared_scorer(shared).score(gold, system)
    for key in ("event_precision", "event_recall", "event_f1", "date_accuracy", "location_accuracy",
                "round_accuracy", "evidence_overlap"):
        assert ours[key] == pytest.approx(theirs[key]), key
    assert ours["status_confusion"] == theirs["status_confusion"]
    assert ours["type_confusion"] == theirs["type_confusion"]
