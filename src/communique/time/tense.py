"""Does the sentence around a time expression speak of the past or of the future?

Underspecified expressions ("in April", "on Tuesday") need a direction: a planned meeting
"in April" written in May is next April, a meeting that "took place on Tuesday" was the
previous Tuesday. We read the nearest tense cue in the same sentence: modal and planning
words for the future, past-tense verbs for the past. Cheap, and right for news prose.
"""

from __future__ import annotations

import re

from communique.time.lexicon import cue_regex, lexicon

_SENTENCE_END = re.compile(r"[.!?]\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
WINDOW = 160  # characters either side of the expression that may hold its verb


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around `[start, end)`, clipped to a window of `WINDOW` characters."""
    left = max(0, start - WINDOW)
    right = min(len(text), end + WINDOW)
    sentence_start = left
    for m in _SENTENCE_END.finditer(text, left, start):
        sentence_start = m.end()
    m = _SENTENCE_END.search(text, end, right)
    sentence_end = m.start() + 1 if m else right
    return sentence_start, sentence_end


def direction_at(text: str, start: int, end: int) -> int:
    """+1 for a future reading, -1 for a past one, 0 when the sentence does not tell."""
    lo, hi = sentence_bounds(text, start, end)
    not_past = lexicon()["not_past_ed"]
    strong: list[tuple[int, int]] = []  # (distance, direction)
    weak: list[tuple[int, int]] = []
    for m in cue_regex().finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        if m.group("future"):
            strong.append((distance, 1))
        elif m.group("past"):
            strong.append((distance, -1))
        elif m.group("ed").lower() not in not_past:
            weak.append((distance, -1))
    if strong:
        return min(strong)[1]
    if weak:
        return min(weak)[1]
    return 0
