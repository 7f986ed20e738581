"""Ingest readers on inputs written here: every bad input is one error naming it, the rest goes on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from communique.document import Document
from communique.errors import DateError, InputError
from communique.ingest import read_inputs, read_path
from communique.ingest.errors import (
    BinaryInput,
    BrokenRecord,
    EmptyInput,
    EncodingInput,
    NoArticle,
    NotEnglishInput,
    TooLargeInput,
    UnreadableInput,
)
from communique.ingest.readers import MAX_LINE_BYTES

ARTICLE = ("The foreign ministers of Mongolia and Japan met in Ulaanbaatar on Monday and agreed "
           "to hold the next round of consultations in Tokyo in the spring of next year.")


def _write_jsonl(path: Path, records: list[object], *, gz: bool = False) -> Path:
    lines = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)
    if gz:
        path.write_bytes(gzip.compress(lines.encode("utf-8")))
    else:
        path.write_text(lines, encoding="utf-8")
    return path


def _items(path: Path, **kw: object) -> list[Document | InputError]:
    return list(read_path(path, **kw))  # type: ignore[arg-type]


@pytest.mark.parametrize("gz", [False, True])
def test_readers_jsonl_broken_lines_reported_rest_read(tmp_path: Path, gz: bool) -> None:
    path = _write_jsonl(tmp_path / ("c.jsonl.gz" if gz else "c.jsonl"), [
        {"id": "a", "date": "2024-03-01", "text": ARTICLE},
        '{"id": "b", "date": "2024-03-02", "text": "unterminated',
        [1, 2, 3],
        {"id": "c", "date": "2024-03-03"},
        {"id": "d", "date": "2024-03-04", "text": ARTICLE},
    ], gz=gz)
    items = _items(path)
    assert [type(i).__name__ for i in items] == ["Document", "BrokenRecord", "BrokenRecord",
                                                 "BrokenRecord", "Document"]
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "d"]
    assert items[1].source == f"{path}:2"
    assert "broken JSON line" in str(items[1])


@pytest.mark.parametrize("value,reason", [
    (None, "no publication date"),
    ("", "no publication date"),
    ("2024-02-30", "not a real calendar date"),
    ("30/01/2024", "not YYYY-MM-DD"),
    ("1066-10-14", "impossible"),
    ("2999-01-01", "impossible"),
])
def test_readers_missing_or_impossible_date_is_error(tmp_path: Path, value: str | None, reason: str) -> None:
    record = {"id": "x", "text": ARTICLE, **({"date": value} if value is not None else {})}
    items = _items(_write_jsonl(tmp_path / "d.jsonl", [record]))
    assert len(items) == 1 and isinstance(items[0], DateError)
    assert reason in str(items[0]) and "d.jsonl:1" in str(items[0])


@pytest.mark.parametrize("name,content,error", [
    ("empty.txt", b"", EmptyInput),
    ("blank.txt", b"  \n\n\t ", EmptyInput),
    ("empty.jsonl", b"", EmptyInput),
    ("empty.json", b"", EmptyInput),
    ("empty.jsonl.gz", gzip.compress(b""), EmptyInput),
    ("nul.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput),
    ("nul.jsonl", b"\x00\x01\x02\x03binary\n\x00more\n", BinaryInput),
    ("latin1.txt", " date 2024-01-05 Caf\xe9 talks were held in the capital today.".encode("latin-1"),
     EncodingInput),
    ("ctrl.txt", b" date 2024-01-05 " + bytes(range(1, 9)) * 40, BinaryInput),
    ("notgz.jsonl.gz", b"this is not gzip at all", UnreadableInput),
    ("array.json", b"[]", EmptyInput),
    ("nested.json", b"[" * 100000, BrokenRecord),
])
def test_readers_bad_file_gives_one_error_naming_it(tmp_path: Path, name: str, content: bytes,
                                                    error: type[InputError]) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    items = _items(path, date="2024-01-05")
    assert len(items) == 1, items
    assert isinstance(items[0], error), items[0]
    line = str(items[0])
    assert "\n" not in line and name in line


def test_readers_truncated_gzip_keeps_lines_before(tmp_path: Path) -> None:
    records = [{"id": f"r{i}", "date": "2024-01-01", "text": f"{ARTICLE} Note {i} on item {i * 7919}."}
               for i in range(400)]
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = _items(path)
    assert all(isinstance(i, Document) for i in items[:-1]) and len(items) > 10
    assert isinstance(items[-1], UnreadableInput) and "cut.jsonl.gz" in str(items[-1])
    assert "broken gzip" in str(items[-1])


def test_readers_non_english_text_rejected(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_text(" date 2022-03-01 Президент провёл переговоры с министром иностранных дел "
                    "Казахстана и обсудил вопросы двустороннего сотрудничества в регионе.", encoding="utf-8")
    (item,) = _items(path)
    assert isinstance(item, NotEnglishInput)


def test_readers_lone_surrogate_in_json_is_error(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "s", "date": "2024-01-01", "text": "The minister met \\ud800 the envoy '
                    'in the capital and they discussed the trade agreement at length."}\n')
    (item,) = _items(path)
    assert isinstance(item, EncodingInput)


@pytest.mark.parametrize("field,value", [("title", 5), ("url", ["x"]), ("publisher", {"a": 1}), ("id", [1])])
def test_readers_metadata_of_wrong_type_is_error(tmp_path: Path, field: str, value: object) -> None:
    record = {"id": "m", "date": "2024-01-01", "text": ARTICLE, field: value}
    (item,) = _items(_write_jsonl(tmp_path / "m.jsonl", [record]))
    assert isinstance(item, BrokenRecord) and repr(field) in str(item)


def test_readers_over_long_jsonl_line_skipped_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"id": "big", "date": "2024-01-01", "text": "')
        chunk = b"word " * 200_000
        for _ in range(MAX_LINE_BYTES // len(chunk) + 2):
            handle.write(chunk)
        handle.write(b'"}\n')
        handle.write(json.dumps({"id": "ok", "date": "2024-01-02", "text": ARTICLE}).encode() + b"\n")
    items = _items(path)
    assert isinstance(items[0], TooLargeInput) and items[0].source == f"{path}:1"
    assert isinstance(items[1], Document) and items[1].id == "ok"


def test_readers_file_too_large_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 200 MB on paper, nothing written
        handle.truncate(200 * 1024 * 1024)
    (item,) = _items(path, date="2024-01-01")
    assert isinstance(item, TooLargeInput) and "200 MB" in str(item)


def test_readers_html_without_article_is_error(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav>"
                    "</body></html>")
    (item,) = _items(path, date="2024-01-01")
    assert isinstance(item, NoArticle) and "nav.html" in str(item)


def test_readers_html_article_extracted(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{ARTICLE} Paragraph {i} adds detail on the talks.</p>" for i in range(6))
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(f"<html><body><nav>Home | News</nav><article><h1>Talks</h1>"
                                   f"{paragraphs}</article></body></html>".encode()))
    (item,) = _items(path, date="2024-01-01")
    assert isinstance(item, Document), item
    assert item.id == "page" and "Ulaanbaatar" in item.text and "Home | News" not in item.text


@pytest.mark.parametrize("first_line,expect_date", [
    (" date 2023-12-20 The delegations met.", "2023-12-20"),
    ("date 2023-12-20 The delegations met.", "2023-12-20"),
    ("date night in the capital was quiet as the delegations met.", "2024-06-01"),
])
def test_readers_seed_header_only_with_a_date_token(tmp_path: Path, first_line: str,
                                                    expect_date: str) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(first_line + " " + ARTICLE)
    (item,) = _items(path, date="2024-06-01")
    assert isinstance(item, Document), item
    assert item.date.isoformat() == expect_date


def test_readers_json_array_and_communique_document(tmp_path: Path) -> None:
    path = tmp_path / "arr.json"
    path.write_text(json.dumps([
        {"id": "one", "date": "2024-01-01", "text": ARTICLE},
        {"schema": "communique/1", "document": {"id": "two", "date": "2024-01-02"}, "text": ARTICLE,
         "events": []},
        "not a record",
    ]))
    items = _items(path)
    assert [i.id for i in items if isinstance(i, Document)] == ["one", "two"]
    assert isinstance(items[2], BrokenRecord) and items[2].source == f"{path}[3]"


def test_readers_missing_path_and_folder_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(" date 2024-01-02 " + ARTICLE)
    (tmp_path / "a.txt").write_text(" date 2024-01-01 " + ARTICLE)
    (tmp_path / "README.md").write_text("not an article")
    items = list(read_inputs([tmp_path, tmp_path / "missing.txt"]))
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "b"]
    assert isinstance(items[-1], UnreadableInput) and "missing.txt" in str(items[-1])


def test_readers_unreadable_file_is_error_not_traceback(tmp_path: Path) -> None:
    path = tmp_path / "dir.txt"
    path.mkdir()  # a folder with an article suffix, given directly: read as a folder, nothing in it
    assert _items(path) == []
    sub = tmp_path / "locked.txt"
    sub.write_text(" date 2024-01-01 " + ARTICLE)
    sub.chmod(0)
    try:
        items = _items(sub)
    finally:
        sub.chmod(0o644)
    assert len(items) == 1
    # root can read mode-0 files; everyone else gets the error
    assert isinstance(items[0], Document | UnreadableInput)
