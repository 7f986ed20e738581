"""`communique eval --texts`: gold documents without a text get it from corpus records.

The corpus and gold here are tiny fixtures written for the test (not corpus texts)."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from communique.cli import main
from communique.cli.eval import fill_gold_texts
from communique.errors import InputError

TEXT = ("President of Finland Sauli Niinisto met with Prime Minister of Estonia Kaja Kallas in Tallinn. "
        "The leaders discussed energy security in the Baltic Sea region.")
RECORD = {"id": "fx-2023-05-03-meeting", "date": "2023-05-03", "title": "Meeting", "url": "https://example.org/1",
          "publisher": "Fixture", "text": TEXT}
OTHER = {"id": "fx-2023-05-04-other", "date": "2023-05-04", "title": "Other", "text": "Nothing happened."}


def _gold(*, source: bool = True, sha: str | None = None) -> dict:
    doc = {"schema": "communique/1",
           "document": {"id": RECORD["id"], "date": RECORD["date"],
                        "sha256": sha or hashlib.sha256(TEXT.encode("utf-8")).hexdigest()},
           "annotated": {"entities": False, "timexes": False},
           "events": [{"id": "e1", "type": "CONSULT", "mode": None, "status": "occurred",
                       "actors": [{"entity": None, "country": "FIN", "sector": "GOV"},
                                  {"entity": None, "country": "EST", "sector": "GOV"}],
                       "recipients": [],
                       "date": {"value": "2023-05-03", "precision": "day", "basis": "document"},
                       "location": {"entity": None, "name": "Tallinn", "country": "EST"},
                       "evidence": [{"start": 0, "end": TEXT.index(".") + 1}]}]}
    if source:
        doc["source"] = {"corpus": "fixture-00.jsonl.gz", "id": RECORD["id"]}
    return doc


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    with gzip.open(folder / "fixture-00.jsonl.gz", "wt", encoding="utf-8") as handle:
        for record in (OTHER, RECORD):
            handle.write(json.dumps(record) + "\n")
    (folder / "plain.jsonl").write_text(json.dumps(OTHER) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("source", [True, False])
def test_fill_gold_texts_finds_the_record_by_source_or_document_id(corpus: Path, source: bool) -> None:
    [doc] = fill_gold_texts([_gold(source=source)], corpus)
    assert doc["text"] == TEXT


def test_fill_gold_texts_reads_one_file_and_keeps_documents_that_have_a_text(corpus: Path) -> None:
    with_text = {"document": {"id": "x", "date": "2023-01-01"}, "text": "Kept.", "events": []}
    docs = fill_gold_texts([_gold(), with_text], corpus / "fixture-00.jsonl.gz")
    assert [d["text"] for d in docs] == [TEXT, "Kept."]


def test_fill_gold_texts_rejects_a_text_whose_sha256_differs(corpus: Path) -> None:
    with pytest.raises(InputError, match="sha256"):
        fill_gold_texts([_gold(sha="0" * 64)], corpus)


def test_fill_gold_texts_names_a_missing_record(corpus: Path) -> None:
    doc = _gold(source=False)
    doc["document"]["id"] = "fx-no-such-record"
    with pytest.raises(InputError, match="fx-no-such-record"):
        fill_gold_texts([doc], corpus)


@pytest.mark.parametrize("where", ["missing-folder", "corpus-without-the-file"])
def test_eval_cli_reports_a_missing_corpus_in_one_line(tmp_path: Path, capsys, where: str) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(_gold()), encoding="utf-8")
    texts = tmp_path / where
    if where == "corpus-without-the-file":
        texts.mkdir()
    assert main(["eval", "--gold", str(gold), "--texts", str(texts)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "E100" in err[0]
    assert str(texts / "fixture-00.jsonl.gz" if texts.exists() else texts) in err[0]


def test_eval_cli_extracts_texts_filled_from_the_corpus(tmp_path: Path, corpus: Path, capsys) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / f"{RECORD['id']}.json").write_text(json.dumps(_gold()), encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--texts", str(corpus), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["gold"] == 1 and figures["tp"] + figures["fn"] == 1
