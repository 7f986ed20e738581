"""How fast the store ingests documents and the link stage rebuilds the record.

Synthetic documents with hand-made events (no extractor): N articles, each a dialogue round
of a random pair of countries with a planned next round, some reported twice. Reports the
seconds to store them (one transaction each), to re-ingest them (all unchanged), and to
relink, for SQLite or a database URL.

    .venv/bin/python benchmarks/store_link.py [--docs 2000] [--db URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from communique.document import Document, Event, EventDate, Location, Participant, Series, Span
from communique.store import open_store

COUNTRIES = ["KAZ", "KGZ", "TJK", "TKM", "UZB", "USA", "RUS", "CHN", "DEU", "FRA", "JPN", "TUR"]


def synthetic(n: int, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    documents = []
    for i in range(n):
        a, b = rng.sample(COUNTRIES, 2)
        day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
        text = (f"Delegations of {a} and {b} held round {i % 9 + 1} of their strategic dialogue on {day}. "
                f"They agreed to meet again next year in the capital of {b}.")
        first = text.index(". ") + 1
        parties = [Participant(None, a, "GOV"), Participant(None, b, "GOV")]
        name = f"Strategic Dialogue {min(a, b)}-{max(a, b)}"
        events = [
            Event("e1", "CONSULT", "occurred", actors=parties, date=EventDate(day.isoformat(), "day", "text"),
                  series=Series(name, i % 9 + 1, "annual"), evidence=[Span(0, first)], topics=["trade"]),
            Event("e2", "CONSULT", "planned", actors=parties,
                  date=EventDate(str(day.year + 1), "year", "text"),
                  location=Location(None, f"capital of {b}", b), series=Series(name, i % 9 + 2, "annual"),
                  evidence=[Span(first + 1, len(text))]),
        ]
        copies = 2 if i % 5 == 0 else 1
        for c in range(copies):
            documents.append(Document(id=f"doc-{i}-{c}", date=day + dt.timedelta(days=c), text=text + " " * c,
                                      events=events))
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    documents = synthetic(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        with open_store(url) as store:
            started = time.perf_counter()
            for document in documents:
                store.add(document)
            stored = time.perf_counter() - started
            started = time.perf_counter()
            for document in documents:
                store.add(document)
            again = time.perf_counter() - started
            started = time.perf_counter()
            summary = store.relink()
            linked = time.perf_counter() - started
    n = len(documents)
    print(f"{n} documents, {2 * n} events on {url.split(':')[0]}")
    print(f"store:     {stored:6.2f} s ({n / stored:7.1f} documents/s, one transaction each)")
    print(f"re-ingest: {again:6.2f} s ({n / again:7.1f} documents/s, all unchanged)")
    print(f"relink:    {linked:6.2f} s -> {summary}")


if __name__ == "__main__":
    main()
