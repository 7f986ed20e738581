"""Small corpora written for the batch and robustness tests (our own words, no ../shared text)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

_SENTENCES = [
    "The foreign ministers of {a} and {b} met in {city} on {day} to review their cooperation.",
    "They agreed to hold the next round of political consultations in {city2} next year.",
    "The two sides signed a memorandum on trade and transport links between their capitals.",
    "The minister of {a} welcomed the progress made since the previous meeting in the spring.",
    "Officials said the talks covered energy, water management and regional security.",
]
_PAIRS = [("Kazakhstan", "Mongolia", "Astana", "Ulaanbaatar"), ("Uzbekistan", "Japan", "Tashkent", "Tokyo"),
          ("Kyrgyzstan", "Turkey", "Bishkek", "Ankara"), ("Tajikistan", "India", "Dushanbe", "New Delhi")]


def article(i: int) -> str:
    a, b, city, city2 = _PAIRS[i % len(_PAIRS)]
    day = ("Monday", "Tuesday", "Wednesday", "Thursday")[i % 4]
    text = " ".join(s.format(a=a, b=b, city=city, city2=city2, day=day) for s in _SENTENCES)
    return f"{text} This was meeting number {i} of the series."


def records(n: int, *, start: dt.date = dt.date(2023, 1, 20), step_days: int = 9) -> list[dict]:
    return [{"id": f"doc-{i:04d}", "date": (start + dt.timedelta(days=i * step_days)).isoformat(),
             "title": f"Consultations {i}", "text": article(i)} for i in range(n)]


def write_jsonl(path: Path, rows: list[object]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write((row if isinstance(row, str) else json.dumps(row)) + "\n")
    return path
