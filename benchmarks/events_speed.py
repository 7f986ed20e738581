"""Extraction time against the bare spaCy pipeline (same model, same components) on real releases.

    .venv/bin/python benchmarks/events_speed.py [--docs 200] [--shared ../shared]

Reads the first documents of each `../shared/corpus/*.jsonl.gz` shard (round robin), warms both
pipelines up, then times: (1) spaCy alone over the texts, (2) the whole extraction (nlp, time,
actors, events), and the events stage alone. The issue's target: (2) within 1.3 x (1).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from pathlib import Path

from communique.document import Document
from communique.ingest import make_document
from communique.nlp.parser import load_nlp
from communique.pipeline import Pipeline
from communique.settings import shared_dir


def corpus_documents(shared: Path, count: int) -> list[Document]:
    """The first documents of every shard, taken in turn, so each source is represented."""
    shards = sorted((shared / "corpus").glob("*.jsonl.gz"))
    if not shards:
        sys.exit(f"no corpus shards under {shared / 'corpus'}")
    per_shard = count // len(shards) + 1
    heads = [_first_records(path, per_shard) for path in shards]
    documents: list[Document] = []
    for record in itertools.chain.from_iterable(itertools.zip_longest(*heads)):
        if record is None:
            continue
        if len(documents) >= count:
            break
        if record.get("text") and record.get("date"):
            documents.append(make_document(record["text"], doc_id=str(record.get("id")), date=record["date"],
                                           source="benchmark", publisher=record.get("publisher"),
                                           url=record.get("url"), title=record.get("title")))
    return documents


def _first_records(path: Path, count: int) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in itertools.islice(handle, count)]


def fresh(documents: list[Document]) -> list[Document]:
    return [make_document(d.text, doc_id=d.id, date=d.date.isoformat(), source="benchmark",
                          publisher=d.publisher, url=d.url, title=d.title) for d in documents]


def time_spacy(documents: list[Document]) -> float:
    nlp = load_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe((d.nlp_text or d.text for d in documents), batch_size=32):
        pass
    return time.perf_counter() - start


def time_extraction(documents: list[Document]) -> tuple[float, float]:
    """Whole-pipeline seconds, and the seconds spent in the events stage."""
    pipeline = Pipeline()
    events_stage = pipeline.stages[-1]
    spent = 0.0
    original = events_stage

    def timed(document: Document) -> None:
        nonlocal spent
        t0 = time.perf_counter()
        original(document)
        spent += time.perf_counter() - t0

    pipeline.stages[-1] = _Timed(events_stage.name, timed)
    start = time.perf_counter()
    for _ in pipeline.process(documents):
        pass
    return time.perf_counter() - start, spent


class _Timed:
    def __init__(self, name: str, func) -> None:
        self.name = name
        self.func = func

    def __call__(self, document: Document) -> None:
        self.func(document)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="how many corpus documents (default 200)")
    parser.add_argument("--shared", type=Path, default=None, help="the ../shared folder")
    args = parser.parse_args(argv)
    documents = corpus_documents(args.shared or shared_dir(), args.docs)
    words = sum(len(d.text.split()) for d in documents)
    warm = documents[:10]
    time_spacy(fresh(warm))
    time_extraction(fresh(warm))
    bare = time_spacy(fresh(documents))
    full, events = time_extraction(fresh(documents))
    print(f"documents: {len(documents)}  words: {words}")
    model = load_nlp().meta["name"]
    print(f"bare spaCy ({model}, same components): {bare:.2f} s  ({words / bare:,.0f} words/s)")
    print(f"communique extraction (nlp+time+actors+events): {full:.2f} s  ({words / full:,.0f} words/s)")
    print(f"  of which the events stage: {events:.2f} s ({events / bare:.1%} of bare spaCy)")
    print(f"ratio extraction / bare spaCy: {full / bare:.2f} x  (target <= 1.30 x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
