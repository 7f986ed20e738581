"""Fuzzing: the ingest and the extractor never crash on arbitrary input, and what they produce has
offsets inside the text and validates against ../shared/spec/document.schema.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.document import Document
from communique.errors import InputError
from communique.ingest import make_document, read_path

WORDS = ('the', 'minister', 'of', 'foreign', 'affairs', 'met', 'his', 'counterpart', 'in', 'Astana',
         'on', 'Monday', 'and', 'they', 'agreed', 'to', 'hold', 'talks', 'next', 'year', 'signed', 'a',
         'memorandum', 'President', 'Tokayev', 'Blinken', 'Kazakhstan', 'United', 'States', 'will',
         'visit', 'in', '2025', 'last', 'December', 'on', '15', 'April', '2024', 'the', 'third',
         'meeting', 'of', 'the', 'annual', 'dialogue', 'C5+1', 'Photo', 'credit:', 'mfa.gov.kz', 'U.S.',
         'Secretary', 'of', 'State', 'said', 'welcomed')
MARKUP = ("**", "*", "_", "[", "](https://example.org/a_(b))", "<sup>th</sup>", "<a href='x'>", "</a>",
          "\\###", "\n", "\n\n", "  \n", "- ", "# ", "\u2060", "\ufffc", "\u00a0", "\t", "...", "\"",
          "“", "”")

texts = st.one_of(
    st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKUP), st.text(max_size=6)),
             min_size=1, max_size=120).map(" ".join),
    st.lists(st.sampled_from(WORDS + MARKUP), min_size=1, max_size=200).map("".join),
    st.text(max_size=300),
)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check_offsets(data: dict[str, Any]) -> None:
    text = data["text"]
    n = len(text)

    def inside(start: int, end: int) -> None:
        assert isinstance(start, int) and isinstance(end, int)
        assert 0 <= start <= end <= n, (start, end, n)

    for ent in data["entities"]:
        for start, end in ent["mentions"]:
            inside(start, end)
    for tx in data["timexes"]:
        inside(tx["start"], tx["end"])
        assert text[tx["start"]:tx["end"]] == tx["text"]
    for ev in data["events"]:
        for span in ev["evidence"]:
            inside(span["start"], span["end"])


@FUZZ
@given(text=texts)
def test_fuzz_make_document_never_crashes(text: str) -> None:
    try:
        doc = make_document(text, doc_id="fuzz", date="2024-05-20", source="fuzz")
    except InputError as err:
        assert "\n" not in str(err)
        return
    assert doc.text == text and len(doc.nlp_text or "") == len(text)
    for span in doc.boilerplate:
        assert 0 <= span.start <= span.end <= len(text)


@FUZZ
@given(data=st.binary(max_size=2000),
       suffix=st.sampled_from([".txt", ".jsonl", ".json", ".html", ".jsonl.gz"]))
def test_fuzz_readers_never_crash_on_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes,
                                          suffix: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    for item in read_path(path, date="2024-05-20"):
        assert isinstance(item, Document | InputError)
        if isinstance(item, InputError):
            assert "\n" not in str(item) and str(path) in str(item)


@FUZZ
@given(lines=st.lists(st.one_of(
    st.builds(lambda t, d, i: json.dumps({"id": i, "date": d, "text": t}),
              texts, st.sampled_from(["2024-05-20", "2024-02-30", "", "20240520", "2024-05-20T10:00:00Z"]),
              st.one_of(st.text(max_size=8), st.integers(), st.none())),
    st.text(max_size=80)), max_size=6))
def test_fuzz_jsonl_lines_never_crash(tmp_path_factory: pytest.TempPathFactory, lines: list[str]) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "c.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    for item in read_path(path):
        assert isinstance(item, Document | InputError)


def _extract(pipeline, text: str) -> dict[str, Any] | None:
    try:
        doc = make_document(text, doc_id="fuzz", date="2024-05-20", source="fuzz")
    except InputError:
        return None
    (result,) = list(pipeline.process([doc]))
    assert isinstance(result, Document), str(result)  # a stage failing on some text is a crash
    return result.to_json()


@FUZZ
@given(text=texts)
def test_fuzz_extract_never_crashes_offsets_inside(pipeline, text: str) -> None:
    data = _extract(pipeline, text)
    if data is not None:
        json.dumps(data)  # serialisable
        _check_offsets(data)


@pytest.fixture(scope="module")
def schema_validator(shared: Path):
    import jsonschema

    path = shared / "spec" / "document.schema.json"
    if not path.exists():
        pytest.skip(f"no schema at {path}: the schema part of fuzzing needs ../shared/spec")
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@FUZZ
@given(text=texts)
def test_fuzz_extract_output_is_schema_valid(pipeline, schema_validator, text: str) -> None:
    data = _extract(pipeline, text)
    if data is not None:
        errors = sorted(schema_validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
