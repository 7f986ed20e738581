"""TIMEX3 tagger (placeholder until the tagger of the Time issue lands)."""

from __future__ import annotations

import datetime as dt

from communique.document import Timex


def tag_text(text: str, dct: dt.date, *, original: str | None = None) -> list[Timex]:
    """Find and normalise time expressions in `text` against the document creation time."""
    return []
