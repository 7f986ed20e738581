"""The events stage: fills `Document.events` (placeholder until the extractor lands)."""

from __future__ import annotations

from communique.document import Document


class EventsStage:
    name = "events"

    def __call__(self, document: Document) -> None:
        document.events = []
