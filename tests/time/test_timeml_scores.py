"""The AQUAINT scores of `communique timeml`, through the CLI and the shared scorer (CI guard)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from communique.cli import main

# Done-when thresholds of issue 3 (AQUAINT, TempEval-3 Task A scorer).
THRESHOLDS = {"value_f1": 0.80, "strict_f1": 0.82, "relaxed_f1": 0.90}


@pytest.mark.shared
def test_timeml_aquaint_scores_meet_the_thresholds(shared: Path, tmp_path: Path) -> None:
    gold = shared / "eval" / "timeml" / "aquaint"
    assert main(["timeml", str(gold), str(tmp_path)]) == 0
    scorer = shared / "tools" / "score_timeml.py"
    result = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--system", str(tmp_path)],
                            capture_output=True, text=True, check=True)
    scores = {m.group(1): float(m.group(2))
              for m in re.finditer(r"^(\w+)\s+([0-9.]+)$", result.stdout, re.M)}
    for name, minimum in THRESHOLDS.items():
        assert scores[name] >= minimum, f"{name} {scores[name]:.4f} < {minimum} on AQUAINT"
