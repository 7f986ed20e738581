"""The time stage reads the masked text and reports spans of the real one."""

from __future__ import annotations

import datetime as dt

from communique.document import Document
from communique.time import TimeStage


def test_time_stage_fills_document_timexes() -> None:
    text = "The **ministers** met on *April 15, 2024* and will meet again next year."
    masked = "The   ministers   met on  April 15, 2024  and will meet again next year."
    document = Document(id="d1", date=dt.date(2024, 5, 20), text=text, nlp_text=masked)
    TimeStage()(document)
    assert [(t.text, t.value, t.precision) for t in document.timexes] == [
        ("April 15, 2024", "2024-04-15", "day"), ("next year", "2025", "year")]
    assert all(document.text[t.start:t.end] == t.text for t in document.timexes)
