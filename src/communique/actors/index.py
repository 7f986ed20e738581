"""Fast look-ups over a document's entities by character span, for the events stage.

`EntityIndex(document)` sorts every mention once; `at` and `in_span` then answer with a
binary search instead of scanning all entities for every sentence and clause.
"""

from __future__ import annotations

from bisect import bisect_left

from communique.document import Document, Entity, Span


class EntityIndex:
    """Entities of one document by the spans of their mentions."""

    def __init__(self, document: Document) -> None:
        pairs = [(span, entity) for entity in document.entities for span in entity.mentions]
        pairs.sort(key=lambda pair: (pair[0].start, pair[0].end))
        self._pairs = pairs
        self._starts = [span.start for span, _ in pairs]
        self._longest = max((span.end - span.start for span, _ in pairs), default=0)
        self._by_id = {entity.id: entity for entity in document.entities}

    def at(self, start: int, end: int) -> list[Entity]:
        """Entities with a mention overlapping `[start, end)`, in the order of those mentions."""
        found: list[Entity] = []
        lo = bisect_left(self._starts, start - self._longest)
        for span, entity in self._pairs[lo:]:
            if span.start >= end:
                break
            if span.end > start and entity not in found:
                found.append(entity)
        return found

    def in_span(self, start: int, end: int) -> list[tuple[Span, Entity]]:
        """(mention, entity) pairs whose mention lies inside `[start, end)`, in text order."""
        lo = bisect_left(self._starts, start)
        out = []
        for span, entity in self._pairs[lo:]:
            if span.start >= end:
                break
            if span.end <= end:
                out.append((span, entity))
        return out

    def places_in(self, start: int, end: int) -> list[tuple[Span, Entity]]:
        """(mention, place) pairs inside `[start, end)`: the candidates for an event's location."""
        return [(span, entity) for span, entity in self.in_span(start, end) if entity.kind == "place"]

    def country_of(self, entity: Entity | str | None) -> str | None:
        """The country code of an entity (or entity id): its own, or None."""
        if isinstance(entity, str):
            entity = self._by_id.get(entity)
        return entity.country if entity is not None else None

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)
