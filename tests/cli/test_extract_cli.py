"""`communique extract`: one pretty JSON for one input, JSON Lines for several, errors as one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def _schema_validator(shared: Path):
    import jsonschema

    schema = json.loads((shared / "spec" / "document.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", ["2022-02-12-biden-zelenskyy-call.txt"])
def test_extract_single_file_writes_one_json_document(tmp_path, pipeline, name):
    out = tmp_path / "one.json"
    assert main(["extract", str(EXAMPLES / name), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "communique/1"
    assert data["document"]["date"] == "2022-02-12"
    assert data["text"].startswith("President Joseph R. Biden")  # the date header is not text


def test_extract_folder_writes_json_lines_and_validates(tmp_path, pipeline, shared):
    out = tmp_path / "all.jsonl"
    assert main(["extract", str(EXAMPLES), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(list(EXAMPLES.glob("*.txt")))
    validator = _schema_validator(shared)
    for line in lines:
        doc = json.loads(line)
        errors = [e.message for e in validator.iter_errors(doc)]
        assert errors == [], errors
        text = doc["text"]
        for ent in doc["entities"]:
            for start, end in ent["mentions"]:
                assert 0 <= start < end <= len(text)
        for timex in doc["timexes"]:
            assert text[timex["start"]:timex["end"]] == timex["text"]
        for event in doc["events"]:
            assert event["evidence"], event
            for span in event["evidence"]:
                assert 0 <= span["start"] < span["end"] <= len(text)


def test_extract_bad_input_reports_one_line_and_goes_on(tmp_path, pipeline, capsys):
    undated = tmp_path / "undated.txt"
    undated.write_text("The two ministers met in Geneva and discussed the talks.", encoding="utf-8")
    good = EXAMPLES / "2022-02-12-biden-zelenskyy-call.txt"
    out = tmp_path / "out.jsonl"
    status = main(["extract", str(undated), str(good), "-o", str(out), "--jsonl"])
    assert status == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "undated.txt" in err[0] and "[E101]" in err[0]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_extract_with_date_option_reads_plain_text(tmp_path, pipeline):
    plain = tmp_path / "plain.txt"
    plain.write_text("The foreign ministers of Chile and Peru met in Lima on Monday.", encoding="utf-8")
    out = tmp_path / "plain.json"
    assert main(["extract", str(plain), "--date", "2023-06-07", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["document"]["date"] == "2023-06-07"


def test_extract_rejects_impossible_date_option(tmp_path, capsys):
    plain = tmp_path / "plain.txt"
    plain.write_text("Talks were held.", encoding="utf-8")
    assert main(["extract", str(plain), "--date", "2023-02-30"]) == 1
    assert "not a real calendar date" in capsys.readouterr().err
