"""How fast the store ingests documents and the link stage rebuilds the record.

Synthetic documents with hand-made events (no extractor): N articles, each a dialogue round
of a random pair of countries with a planned next round, some reported twice (2.4 events per
article). `--mix varied` makes every other article a press statement instead, shaped like the
keyword-filled corpus store of `web_render.py`: one to three of 40 countries, SUPPORT, ACCUSE,
AID or CONSULT dated by the document only, a capital now and then, and open-ended promises
("will continue to support") with no date (3.4 events per article). Reports the seconds to store
them (one transaction each), to re-ingest them (all unchanged), and to relink, for SQLite or a
database URL. `--relink-only` relinks what a kept database (`--db`) already holds.

    .venv/bin/python benchmarks/store_link.py [--docs 2000] [--mix dialogue|varied] [--db URL]
    .venv/bin/python benchmarks/store_link.py --docs 8400 --db sqlite:///bench.db   # ~20k events
    .venv/bin/python benchmarks/store_link.py --db sqlite:///bench.db --relink-only
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
MORE = COUNTRIES + ["UKR", "GBR", "IND", "IRN", "AFG", "PAK", "KOR", "ITA", "ESP", "POL", "BRA", "EGY",
                    "ISR", "SAU", "ARE", "QAT", "AZE", "ARM", "GEO", "BLR", "MNG", "VNM", "IDN", "CAN"]
CAPITALS = {"USA": "Washington", "RUS": "Moscow", "CHN": "Beijing", "KAZ": "Astana", "UZB": "Tashkent",
            "UKR": "Kyiv", "DEU": "Berlin", "FRA": "Paris", "TUR": "Ankara", "GBR": "London"}
STATEMENT_WORDS = ["security", "trade", "energy", "ceasefire", "humanitarian", "sanctions", "elections",
                   "water", "border", "investment", "grain", "refugees", "climate", "nuclear", "transit"]


def statement(i: int, rng: random.Random) -> Document:
    """A press statement with keyword-rule-like events (see the module docstring)."""
    day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
    sentences, events = [], []
    for k in range(rng.randint(3, 5)):
        countries = rng.sample(MORE, rng.choice([1, 1, 2, 2, 3]))
        kinds = ["SUPPORT", "SUPPORT", "ACCUSE", "AID"] + (["CONSULT"] * 2 if len(countries) > 1 else [])
        kind = rng.choice(kinds)
        planned = rng.random() < 0.15
        words = " ".join(rng.sample(STATEMENT_WORDS, 4))
        verb = "will discuss" if planned else "discussed"
        text = f"{' and '.join(countries)} {verb} {words} (item {i}.{k})."
        start = sum(len(x) + 1 for x in sentences)
        sentences.append(text)
        split = len(countries) if kind in ("CONSULT", "AGREE") else 1
        place = CAPITALS.get(countries[-1]) if rng.random() < 0.3 else None
        events.append(Event(
            f"e{k + 1}", kind, "planned" if planned else "occurred",
            actors=[Participant(None, c, "GOV") for c in countries[:split]],
            recipients=[Participant(None, c, None) for c in countries[split:]],
            date=None if planned else EventDate(day.isoformat(), "day", "document"),
            location=Location(None, place, countries[-1]) if place else None,
            evidence=[Span(start, start + len(text))]))
    return Document(id=f"stmt-{i}", date=day, text=" ".join(sentences), events=events)


def synthetic(n: int, seed: int = 7, mix: str = "dialogue") -> list[Document]:
    rng = random.Random(seed)
    documents = []
    for i in range(n):
        if mix == "varied" and i % 2:
            documents.append(statement(i, rng))
            continue
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
    parser.add_argument("--mix", choices=["dialogue", "varied"], default="dialogue")
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--relink-only", action="store_true", help="only relink what --db holds")
    args = parser.parse_args()
    if args.relink_only and not args.db:
        parser.error("--relink-only needs --db")
    documents = [] if args.relink_only else synthetic(args.docs, mix=args.mix)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        with open_store(url) as store:
            if documents:
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
    print(f"{n or 'stored'} documents, {summary['events']} events on {url.split(':')[0]}")
    if documents:
        print(f"store:     {stored:6.2f} s ({n / stored:7.1f} documents/s, one transaction each)")
        print(f"re-ingest: {again:6.2f} s ({n / again:7.1f} documents/s, all unchanged)")
    print(f"relink:    {linked:6.2f} s -> {summary}")


if __name__ == "__main__":
    main()
