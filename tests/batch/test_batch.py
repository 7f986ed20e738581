"""`communique.batch`: partitions, Parquet tables DuckDB reads as they are, reruns, duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from batch_corpus import article, records, write_jsonl
from communique.batch import TABLES, run_batch
from communique.batch.cluster import local_cluster
from communique.batch.load import iter_documents, output_info
from communique.batch.output import OutputError
from communique.ingest import read_path


def _sql(query: str) -> list[tuple]:
    return duckdb.connect().execute(query).fetchall()


def _count(out: Path, table: str, where: str = "true") -> int:
    return _sql(f"SELECT count(*) FROM read_parquet('{out}/{table}/*/*.parquet', hive_partitioning=true) "
                f"WHERE {where}")[0][0]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    rows: list[object] = records(7)
    rows.insert(3, '{"id": "broken", "date": ')
    rows.append({"id": "nodate", "text": article(99)})
    return write_jsonl(tmp_path / "corpus.jsonl", rows)


def test_batch_writes_month_partitioned_tables_duckdb_reads(tmp_path: Path, corpus: Path, pipeline) -> None:
    out = tmp_path / "out"
    summary = run_batch([str(corpus)], out, partition_size=3)
    assert summary.documents == 7 and summary.errors == 2 and summary.failed
    for table in TABLES:
        assert list((out / table).glob("month=*/*.parquet")), table
    months = {p.parent.name for p in (out / "documents").glob("month=*/*.parquet")}
    assert months == {"month=2023-01", "month=2023-02", "month=2023-03"}
    assert _count(out, "documents") == 7
    rows = _sql(f"SELECT id, month, date FROM read_parquet('{out}/documents/*/*.parquet', "
                "hive_partitioning=true) ORDER BY id")
    assert all(month == f"{date.year}-{date.month:02d}" for _, month, date in rows)
    errors = _sql(f"SELECT source, code FROM read_parquet('{out}/errors/*/*.parquet') ORDER BY source")
    assert errors == [(f"{corpus}:4", "E107"), (f"{corpus}:9", "E101")]


def test_batch_rerun_skips_done_partitions(tmp_path: Path, corpus: Path, pipeline) -> None:
    out = tmp_path / "out"
    run_batch([str(corpus)], out, partition_size=3)
    again = run_batch([str(corpus)], out, partition_size=3)
    assert again.documents == 0 and again.skipped_partitions == again.partitions == 3
    assert again.earlier_errors == 2 and again.failed  # the output still holds two errors
    assert _count(out, "documents") == 7


def test_batch_partial_partition_of_a_crash_is_redone_once(tmp_path: Path, corpus: Path, pipeline) -> None:
    out = tmp_path / "out"
    run_batch([str(corpus)], out, partition_size=3)
    done = sorted((out / "_batch" / "done").glob("*.json"))
    victim = json.loads(done[1].read_text())
    done[1].unlink()  # as if killed after writing the files and before the manifest
    stale = out / victim["files"][0]
    assert stale.exists()
    summary = run_batch([str(corpus)], out, partition_size=3)
    assert summary.skipped_partitions == 2 and summary.documents == victim["documents"]
    assert _count(out, "documents") == 7
    assert _sql(f"SELECT count(DISTINCT id) FROM read_parquet('{out}/documents/*/*.parquet')")[0][0] == 7


def test_batch_duplicate_ids(tmp_path: Path, pipeline) -> None:
    rows = records(3)
    clash = dict(rows[0], text=article(50))  # same id, another text: an error
    repeat = dict(rows[1])  # same id, same text: stored once, not an error
    corpus = write_jsonl(tmp_path / "dup.jsonl", [*rows, clash, repeat])
    out = tmp_path / "out"
    summary = run_batch([str(corpus)], out, partition_size=2)
    assert summary.documents == 3 and summary.errors == 1 and summary.repeats == 1
    (code, message), = _sql(f"SELECT code, message FROM read_parquet('{out}/errors/*/*.parquet')")
    assert code == "E109" and "doc-0000" in message and f"{corpus}:1" in message
    assert _count(out, "documents", "id = 'doc-0000'") == 1


def test_batch_refuses_output_of_a_changed_input(tmp_path: Path, pipeline) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", records(2))
    out = tmp_path / "out"
    run_batch([str(corpus)], out, partition_size=2)
    write_jsonl(corpus, records(3))
    with pytest.raises(OutputError, match="c.jsonl"):
        run_batch([str(corpus)], out, partition_size=2)
    fresh = tmp_path / "out2"
    run_batch([str(corpus)], fresh, partition_size=2)
    with pytest.raises(OutputError, match="partition-size"):
        run_batch([str(corpus)], fresh, partition_size=5)


def test_batch_documents_round_trip_for_load(tmp_path: Path, pipeline) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", records(4))
    out = tmp_path / "out"
    run_batch([str(corpus)], out, partition_size=3)
    docs = sorted(iter_documents(out), key=lambda d: d.id)
    direct = list(pipeline.process(read_path(corpus)))
    assert [d.to_json() for d in docs] == [d.to_json() for d in sorted(direct, key=lambda d: d.id)]
    assert all(d.source and d.source.startswith(str(corpus)) for d in docs)
    info = output_info(out)
    assert (info.partitions, info.documents, info.errors) == (2, 4, 0)


def test_batch_on_dask_local_cluster_matches_in_process(tmp_path: Path, pipeline) -> None:
    from distributed import Client

    corpus = write_jsonl(tmp_path / "c.jsonl", [*records(5), "not json"])
    with local_cluster(1, processes=False) as cluster, Client(cluster) as client:
        summary = run_batch([str(corpus)], tmp_path / "dask", client=client, partition_size=2)
    assert (summary.documents, summary.errors) == (5, 1)
    run_batch([str(corpus)], tmp_path / "local", partition_size=2)
    for table in ("documents", "errors"):
        a = pq.read_table(tmp_path / "dask" / table).sort_by([("source", "ascending")]).to_pylist()
        b = pq.read_table(tmp_path / "local" / table).sort_by([("source", "ascending")]).to_pylist()
        assert a == b, table


def test_batch_cli_runs_on_a_given_scheduler(tmp_path: Path, pipeline, capsys) -> None:
    from communique.cli import main

    corpus = write_jsonl(tmp_path / "c.jsonl", records(3))
    with local_cluster(1, processes=False) as cluster:
        status = main(["batch", str(corpus), "--out", str(tmp_path / "out"), "--scheduler",
                       cluster.scheduler_address, "--quiet"])
    assert status == 0
    assert "3 documents extracted, 0 errors" in capsys.readouterr().err
    assert _count(tmp_path / "out", "documents") == 3


def test_batch_output_equals_extract_on_the_examples(tmp_path: Path, pipeline) -> None:
    """Several partitions (each in its own spaCy memory zone) give exactly what `extract` gives."""
    examples = Path(__file__).resolve().parents[2] / "examples"
    out = tmp_path / "out"
    summary = run_batch([str(examples)], out, partition_size=2)
    direct = {d.id: d.to_json() for d in pipeline.process(read_path(examples))}
    batch = {d.id: d.to_json() for d in iter_documents(out)}
    assert summary.documents == len(direct) >= 5
    assert batch == direct
    assert _count(out, "events") == sum(len(d["events"]) for d in direct.values()) > 0
