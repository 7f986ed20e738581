"""How long the actors stage takes per article, beside the spaCy parse it follows.

Parses a sample of corpus releases once (timed only for scale), then times `extract_entities` on each,
after one warm-up pass (the lexicon is built once per process; its build time is reported
separately). The goal: under 20 ms per 1,000 words.

    .venv/bin/python benchmarks/actors_speed.py [--docs 200] [--source statedept]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import statistics
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from communique.actors.lexicon import load_lexicon
from communique.actors.stage import extract_entities
from communique.document import Document
from communique.nlp import NlpStage
from communique.settings import shared_dir


def corpus_documents(source: str, limit: int) -> list[Document]:
    """The first `limit` releases of one corpus source with at least 300 words."""
    paths = sorted(Path(shared_dir() / "corpus").glob(f"{source}-*.jsonl.gz"))

    def records() -> Iterator[dict]:
        for path in paths:
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                yield from (json.loads(line) for line in lines)

    chosen = (r for r in records() if len(r["text"].split()) >= 300)
    return [Document(id=r["id"], date=dt.date.fromisoformat(r["date"]), text=r["text"], url=r.get("url"),
                     publisher=r.get("publisher")) for r in islice(chosen, limit)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--source", default="statedept", help="corpus file prefix")
    args = parser.parse_args()
    started = time.perf_counter()
    load_lexicon()
    build = time.perf_counter() - started
    documents = corpus_documents(args.source, args.docs)
    nlp_stage = NlpStage()
    started = time.perf_counter()
    documents = list(nlp_stage(documents))
    parse = time.perf_counter() - started
    for document in documents[:5]:
        extract_entities(document)  # warm-up
    per_kword = []
    total_words = 0
    total_time = 0.0
    for document in documents:
        words = len(document.text.split())
        started = time.perf_counter()
        extract_entities(document)
        elapsed = time.perf_counter() - started
        per_kword.append(elapsed * 1000 / (words / 1000))
        total_words += words
        total_time += elapsed
    per_kword.sort()
    print(f"lexicon build (once per process): {build * 1000:.0f} ms")
    print(f"documents: {len(documents)} ({args.source}), words: {total_words}")
    print(f"spaCy parse (for scale): {parse * 1000 / (total_words / 1000):.1f} ms per 1,000 words")
    print(f"actors stage: {total_time * 1000 / (total_words / 1000):.2f} ms per 1,000 words overall; "
          f"median {statistics.median(per_kword):.2f}, 90th percentile "
          f"{per_kword[int(len(per_kword) * 0.9)]:.2f} ms per 1,000 words")


if __name__ == "__main__":
    main()
