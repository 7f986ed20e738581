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
WEAK_PENALTY = 4  # words: a weak cue must be this much nearer to beat a strong one
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


_WORD = re.compile(r"[\w'’]+")


_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but|while|whereas|after|before|when)\b", re.I)


def _distance(text: str, left: int, right: int) -> int:
    """Words between two positions, and two more for each clause boundary crossed."""
    if right <= left:
        return 0
    return len(_WORD.findall(text, left, right)) + 2 * len(_CLAUSE_BREAK.findall(text, left, right))


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _has_complement(text: str, position: int) -> bool:
    """Is the participle at `position` followed by what makes it a plan ("planned to")?"""
    m = _NEXT_WORD.match(text, position)
    return bool(m) and m.group(1).lower() in lexicon()["plan_complements"]


def direction_at(text: str, start: int, end: int) -> int:
    """Positive for a future reading, negative for a past one, 0 when the sentence does not tell.

    2 is a strong cue (a modal, an auxiliary, a planning word), 1 a weak one (a "would", a word
    in "-ed" that may be an adjective).

    The nearest cue wins (a cue before the expression on a tie): in "would appeal the
    decision announced Wednesday" the verb next to "Wednesday" is "announced". Reporting
    verbs ("said") only count right next to the expression ("said Wednesday").
    """
    if text[end:end + 2] in ("'s", "’s") or text[end - 2:end] in ("'s", "’s"):
        return 0  # "Wednesday's ruling": a modifier, not the time of the clause
    lo, hi = sentence_bounds(text, start, end)
    lex = lexicon()
    not_past, reporting = lex["not_past_ed"], lex["reporting_verbs"]
    best: tuple[int, int, int] | None = None  # (distance, after?, direction)
    for m in cue_regex().finditer(text, lo, hi):
        if start <= m.start() < end or m.group("neutral"):
            continue
        after = int(m.start() >= end)
        distance = _distance(text, end, m.start()) + 1 if after else _distance(text, m.end(), start)
        word = m.group(0).lower()
        if m.group("future") and word in lex["plan_participles"] and not _has_complement(text, m.end()):
            continue
        if m.group("future"):
            direction = 2
        elif m.group("progressive"):
            direction = 1  # "is meeting on Wednesday": an arrangement, most often ahead
        elif m.group("weak_future"):
            direction = 1
        elif word in reporting or (m.group("ed") and word in not_past):
            if word in not_past and word not in reporting:
                continue
            direction = -2 if distance == 0 else -1  # "said Wednesday"; farther off, a weak hint
        elif m.group("past"):
            direction = -2
        else:
            direction = -1
        if abs(direction) < 2:
            distance += WEAK_PENALTY
        candidate = (distance, after, direction)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return best[2] if best else 0
