"""The actors stage: fills `Document.entities` (placeholder until the Who-and-where issue lands)."""

from __future__ import annotations

from communique.document import Document


class ActorsStage:
    name = "actors"

    def __call__(self, document: Document) -> None:
        document.entities = []
