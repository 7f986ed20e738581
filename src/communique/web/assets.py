"""Where the web UI's templates, static files and small data tables live (package data)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
TEMPLATES_DIR = WEB_DIR / "templates"


@dataclass(frozen=True, slots=True)
class TypeScore:
    """A PLOVER type's cooperation–conflict score and quad class (`static/data/plover-scores.csv`)."""

    type: str
    score: float
    quad: str


@lru_cache(maxsize=1)
def type_scores() -> dict[str, TypeScore]:
    """The type → score table, loaded once."""
    with (STATIC_DIR / "data" / "plover-scores.csv").open(encoding="utf-8", newline="") as handle:
        return {row["type"]: TypeScore(row["type"], float(row["score"]), row["quad"])
                for row in csv.DictReader(handle)}
