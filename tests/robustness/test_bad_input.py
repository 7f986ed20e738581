"""Bad input through `communique batch`: one line per bad input naming it and the reason, recorded
in the errors table; the good documents go on; exit status 1; never a traceback."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from batch_corpus import article, records, write_jsonl

GOOD = 6
COMMUNIQUE = str(Path(sys.executable).with_name("communique"))


def _make_inputs(folder: Path) -> dict[str, str]:
    """Every kind of bad input beside good ones; returns file name -> expected error code."""
    folder.mkdir()
    rows: list[object] = records(GOOD)
    rows[2:2] = [
        '{"id": "cut", "date": "2024-01-01", "text": "The minis',  # broken line
        {"id": "nodate", "text": article(70)},  # missing date
        {"id": "feb30", "date": "2023-02-30", "text": article(71)},  # impossible date
        {"id": "future", "date": "2999-05-01", "text": article(72)},  # impossible date
        {"id": "doc-0000", "date": "2023-01-20", "text": article(73)},  # duplicated id, another text
        {"id": "ru", "date": "2023-04-01",
         "text": "Министры иностранных дел двух стран обсудили вопросы сотрудничества и безопасности."},
    ]
    write_jsonl(folder / "corpus.jsonl", rows)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "latin1.txt").write_bytes(" date 2023-05-05 Délégations réunies à Genève.".encode("latin-1"))
    (folder / "nav.html").write_text("<html><body><nav><a href='/'>Home</a> | <a href='/news'>News</a>"
                                     "</nav></body></html>")
    (folder / "nodate.txt").write_text(article(80))
    lines = [json.dumps({"id": f"gz-{i}", "date": "2023-06-01", "text": article(81 + i) + f" ({i * 7919})"})
             for i in range(40)]
    data = gzip.compress("\n".join(lines).encode())
    (folder / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])  # a truncated stream
    # A 200 MB file, written for real (not sparse): refused by size, never read into memory.
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:
        block = (article(90) + "\n") * 2000
        for _ in range(200 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    return {"corpus.jsonl:3": "E107", "corpus.jsonl:4": "E101", "corpus.jsonl:5": "E101",
            "corpus.jsonl:6": "E101", "corpus.jsonl:7": "E109", "corpus.jsonl:8": "E106",
            "empty.txt": "E102", "binary.txt": "E103", "latin1.txt": "E104", "nav.html": "E108",
            "nodate.txt": "E101", "cut.jsonl.gz": "E110", "huge.txt": "E105"}


def test_bad_input_batch_reports_each_and_goes_on(tmp_path: Path) -> None:
    inputs = _make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    proc = subprocess.run([COMMUNIQUE, "batch", str(tmp_path / "in"),
                           "--out", str(out), "--workers", "0", "--partition-size", "4", "--quiet"],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    error_lines = [ln for ln in proc.stderr.splitlines() if "[E1" in ln]
    for name, code in inputs.items():
        pattern = re.compile(rf"/{re.escape(name)}(:\d+)?: \[{code}\]")  # gzip errors name the line too
        hits = [ln for ln in error_lines if pattern.search(ln)]
        assert len(hits) == 1, (name, code, error_lines)
    assert len(error_lines) == len(inputs)
    con = duckdb.connect()
    table = con.execute(f"SELECT source, code FROM read_parquet('{out}/errors/*/*.parquet')").fetchall()
    assert sorted(code for _, code in table) == sorted(inputs.values())
    for source, code in table:
        assert any(re.search(rf"/{re.escape(name)}(:\d+)?$", source) and code == c
                   for name, c in inputs.items()), (source, code)
    docs = con.execute("SELECT count(*) FILTER (WHERE id LIKE 'doc-%'), "
                       "count(*) FILTER (WHERE id LIKE 'gz-%'), count(*) - count(DISTINCT id) "
                       f"FROM read_parquet('{out}/documents/*/*.parquet')").fetchall()
    good, before_cut, repeated = docs[0]
    assert good == GOOD and repeated == 0
    assert 0 < before_cut < 40  # the lines before the cut are kept


def test_bad_input_bad_arguments_are_one_line(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", records(1))
    bad = ((["--date", "2024-13-01"], "--date"), (["--partition-size", "0"], "--partition-size"))
    for args, needle in bad:
        proc = subprocess.run([COMMUNIQUE, "batch", str(corpus), "--out",
                               str(tmp_path / "o"), "--workers", "0", *args],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and needle in proc.stderr


@pytest.mark.parametrize("content", [b"not a folder"])
def test_bad_input_output_folder_unusable(tmp_path: Path, content: bytes) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", records(1))
    blocker = tmp_path / "file"
    blocker.write_bytes(content)
    proc = subprocess.run([COMMUNIQUE, "batch", str(corpus), "--out",
                           str(blocker), "--workers", "0"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"{blocker}: [E400]" in proc.stderr


def test_bad_input_full_disk_is_one_line(tmp_path: Path, monkeypatch, capsys, pipeline) -> None:
    import errno

    import pyarrow.parquet as pq

    from communique.cli import main

    def full(*_args: object, **_kw: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    corpus = write_jsonl(tmp_path / "c.jsonl", records(2))
    monkeypatch.setattr(pq, "write_table", full)
    status = main(["batch", str(corpus), "--out", str(tmp_path / "out"), "--workers", "0", "--quiet"])
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    assert "[E400] cannot write (No space left on device); rerun to finish" in err
    assert len(err.strip().splitlines()) == 1
    assert not list((tmp_path / "out").rglob("*.tmp"))
