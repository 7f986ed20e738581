"""Cut an article's text into segments, each carrying the annotations that cover it.

The template writes each segment's text through Jinja's autoescaping and its layers as
classes and data attributes, so highlighting never builds HTML from strings. Spans come
from the stored offsets: event evidence, entity mentions, time expressions. Spans outside
the text or empty are dropped (a stored offset is never trusted to slice blindly).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Segment:
    """A run of text with the same annotations; `paragraph_break` marks a blank line before it."""

    text: str
    start: int
    events: list[str] = field(default_factory=list)
    entity: str | None = None  # entity id
    entity_kind: str | None = None
    timex: str | None = None  # TIMEX3 value (or the type when unresolved)
    boilerplate: bool = False

    @property
    def classes(self) -> str:
        names = []
        if self.events:
            names.append("ev")
        if self.entity_kind:
            names.append(f"ent ent-{self.entity_kind}")
        if self.timex is not None:
            names.append("tx")
        if self.boilerplate:
            names.append("bp")
        return " ".join(names)


@dataclass(slots=True)
class Paragraph:
    segments: list[Segment]


def _valid(start: Any, end: Any, length: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length


def segment_text(text: str, payload: dict[str, Any]) -> list[Paragraph]:
    """Paragraphs of segments for `text` and an extraction payload (communique/1 layers)."""
    length = len(text)
    layers: list[tuple[int, int, str, Any]] = []
    for event in payload.get("events") or []:
        for span in event.get("evidence") or []:
            if _valid(span.get("start"), span.get("end"), length):
                layers.append((span["start"], span["end"], "event", event.get("id")))
    for entity in payload.get("entities") or []:
        for mention in entity.get("mentions") or []:
            if len(mention) == 2 and _valid(mention[0], mention[1], length):
                layers.append((mention[0], mention[1], "entity", (entity.get("id"), entity.get("kind"))))
    for timex in payload.get("timexes") or []:
        if _valid(timex.get("start"), timex.get("end"), length):
            layers.append((timex["start"], timex["end"], "timex", timex.get("value") or timex.get("type")))
    for span in payload.get("boilerplate") or []:
        if len(span) == 2 and _valid(span[0], span[1], length):
            layers.append((span[0], span[1], "boilerplate", True))
    cuts = {0, length}
    for start, end, _, _ in layers:
        cuts.update((start, end))
    for index, char in enumerate(text):
        if char == "\n":
            cuts.update((index, index + 1))
    bounds = sorted(cuts)
    paragraphs: list[Paragraph] = [Paragraph([])]
    newlines = 0
    for start, end in zip(bounds, bounds[1:], strict=False):
        piece = text[start:end]
        if piece == "\n":
            newlines += 1
            continue
        if newlines and paragraphs[-1].segments:
            paragraphs.append(Paragraph([]))
        newlines = 0
        segment = Segment(text=piece, start=start)
        for l_start, l_end, kind, value in layers:
            if l_start <= start and end <= l_end:
                if kind == "event" and value not in segment.events:
                    segment.events.append(value)
                elif kind == "entity":
                    segment.entity, segment.entity_kind = value
                elif kind == "timex":
                    segment.timex = str(value)
                elif kind == "boilerplate":
                    segment.boilerplate = True
        paragraphs[-1].segments.append(segment)
    return [p for p in paragraphs if p.segments]
