"""The store-side commands: ingest, query, export, commitments, reextract (through `main`)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from communique.cli import main
from record_articles import eu_turkmenistan_2022, fourth_meeting_kz, fourth_meeting_us, uzbek_kazakh_call_2024


@pytest.fixture
def extracted(tmp_path):
    """Hand-made extractions as files: one JSON document and a JSON Lines file of three."""
    single = tmp_path / "kz.json"
    single.write_text(json.dumps(fourth_meeting_kz().to_json()), encoding="utf-8")
    many = tmp_path / "more.jsonl"
    many.write_text("\n".join(json.dumps(d.to_json()) for d in
                              [fourth_meeting_us(), eu_turkmenistan_2022(), uzbek_kazakh_call_2024()]) + "\n",
                    encoding="utf-8")
    return [str(single), str(many)]


def test_store_cli_ingest_query_export_commitments(db_url, extracted, tmp_path, capsys):
    assert main(["ingest", "--extracted", *extracted, "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert out.startswith("4 new, 0 revised, 0 unchanged, 0 failed; record:")
    assert "1 with several sources" in out
    assert main(["ingest", "--extracted", *extracted, "--db", db_url]) == 0
    assert capsys.readouterr().out.strip() == "0 new, 0 revised, 4 unchanged, 0 failed"

    assert main(["query", "--db", db_url, "--country", "KAZ", "--type", "CONSULT", "--since", "2024-01-01",
                 "--json"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["total"] == 3
    assert main(["query", "--db", db_url, "--dyad", "KAZ-USA", "--status", "occurred"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:4] == ["ID", "DATE", "TYPE", "STATUS"]
    assert "(1-3 of 3 events)" in table and "Washington" in table

    target = tmp_path / "events.csv"
    assert main(["export", "--db", db_url, "--format", "csv", "-o", str(target), "--country", "TKM"]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert sorted(r["status"] for r in rows) == ["occurred", "occurred", "planned"]
    assert main(["export", "--db", db_url, "--format", "plover", "--type", "SUPPORT"]) == 0
    assert [r["event_type"] for r in json.loads(capsys.readouterr().out)] == ["SUPPORT"]

    assert main(["commitments", "--db", db_url, "--json"]) == 0
    (promise,) = json.loads(capsys.readouterr().out)["items"]
    assert (promise["status"], promise["due"], promise["location"]) == ("overdue", "2023", "Brussels")
    assert main(["commitments", "--db", db_url, "--as-of", "2023-01-01"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("pending")

    assert main(["series", "--db", db_url, "--country", "TKM", "--json"]) == 0
    (series,) = json.loads(capsys.readouterr().out)["items"]
    assert main(["series", series["key"], "--db", db_url]) == 0
    timeline = capsys.readouterr().out.splitlines()
    assert timeline[0] == "Human Rights Dialogue (EUR, TKM; annual)"
    assert timeline[1].split()[:4] == ["round", "?", "2022-06-14", "Ashgabat"]
    assert timeline[2] == "  next: round ? due 2023 Brussels (announced)"
    assert main(["series", "no-such-series", "--db", db_url]) == 1
    capsys.readouterr()

    assert main(["get", "/api/stats", "--db", db_url]) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 4
    assert main(["get", "/api/events/999999", "--db", db_url]) == 1
    assert json.loads(capsys.readouterr().out) == {"ok": False, "error": "no such event", "errors": [],
                                                    "status": 404}


def test_store_cli_ingest_reports_bad_inputs_and_goes_on(db_url, extracted, tmp_path, capsys):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"schema": "communique/1"\n', encoding="utf-8")
    assert main(["ingest", "--extracted", str(broken), *extracted, "--db", db_url]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("4 new, 0 revised, 0 unchanged, 1 failed")
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("communique: ") and "broken.jsonl:1" in line


def test_store_cli_bad_database_url_is_one_line(tmp_path, capsys):
    assert main(["query", "--db", "postgresql+psycopg://nobody:wrong@127.0.0.1:1/none"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("communique: postgresql+psycopg://nobody:***@127.0.0.1:1/none: [E200] cannot open")
    assert "\n" not in err and "wrong" not in err


def test_store_cli_end_to_end_real_pipeline(tmp_path, capsys, pipeline):
    """The real extractor on an article of ours, then a re-extraction recording the version."""
    article = tmp_path / "call.txt"
    article.write_text(
        " date 2024-03-05 President Shavkat Mirziyoyev of Uzbekistan held a telephone conversation with "
        "President Kassym-Jomart Tokayev of Kazakhstan on March 4. The leaders discussed trade and water "
        "management and agreed to meet in Tashkent in 2025.", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'e2e.db'}"
    assert main(["ingest", str(article), "--db", db]) == 0
    assert capsys.readouterr().out.startswith("1 new")
    assert main(["query", "--db", db, "--json", "--limit", "100"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert all(e["document"]["key"] == "call" and e["evidence"] for e in page["items"])
    assert main(["reextract", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("0 documents re-extracted")
    assert main(["reextract", "--all", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("1 documents re-extracted")
