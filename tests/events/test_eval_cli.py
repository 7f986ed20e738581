"""`communique eval`: scores a saved extraction, or extracts the gold texts itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.cli import main


@pytest.mark.parametrize("with_system", [True, False])
def test_eval_cli_prints_section_4_figures(shared: Path, tmp_path: Path, capsys, with_system: bool) -> None:
    gold = shared / "seed" / "gold.json"
    argv = ["eval", "--gold", str(gold), "--json"]
    if with_system:
        assert main(["extract", str(shared / "seed" / "article.txt"), "-o", str(tmp_path / "seed.json")]) == 0
        argv += ["--system", str(tmp_path / "seed.json")]
        capsys.readouterr()
    assert main(argv) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["event_f1"] == pytest.approx(1.0)
    assert figures["round_accuracy"] == pytest.approx(1.0)
    assert set(figures["per_type"]) >= {"CONSULT", "SUPPORT", "ENACT", "AGREE"}


@pytest.mark.parametrize("missing", ["no-such-gold.json"])
def test_eval_cli_reports_unreadable_gold_in_one_line(tmp_path: Path, capsys, missing: str) -> None:
    assert main(["eval", "--gold", str(tmp_path / missing)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "E100" in err[0]
