"""`communique load`: a batch output folder into the store (SQLite, and PostgreSQL in CI), idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest

from batch_corpus import records, write_jsonl
from communique.batch import run_batch
from communique.cli import main
from communique.store import open_store


def test_load_stores_each_document_once(tmp_path: Path, db_url: str, pipeline, capsys) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", [*records(5), "{broken"])
    out = tmp_path / "out"
    run_batch([str(corpus)], out, partition_size=2)
    assert main(["load", str(out), "--db", db_url, "--quiet"]) == 0
    first = capsys.readouterr().out
    assert "5 new, 0 revised, 0 unchanged, 0 failed" in first and "1 input errors" in first
    assert main(["load", str(out), "--db", db_url, "--quiet"]) == 0
    assert "0 new, 0 revised, 5 unchanged" in capsys.readouterr().out
    with open_store(db_url) as store:
        assert store.documents(limit=50).total == 5


def test_load_refuses_a_folder_that_is_not_batch_output(tmp_path: Path, capsys) -> None:
    status = main(["load", str(tmp_path), "--db", f"sqlite:///{tmp_path / 's.db'}"])
    err = capsys.readouterr().err
    assert status == 1 and f"{tmp_path}: [E400]" in err and "Traceback" not in err


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_load_only_reads_completed_partitions(tmp_path: Path, db_url: str, pipeline) -> None:
    from communique.batch.load import iter_documents

    corpus = write_jsonl(tmp_path / "c.jsonl", records(4))
    out = tmp_path / "out"
    run_batch([str(corpus)], out, partition_size=2)
    next((out / "_batch" / "done").glob("*.json")).unlink()  # one partition left unfinished by a crash
    assert len(list(iter_documents(out))) == 2
