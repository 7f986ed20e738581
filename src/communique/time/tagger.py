"""The TIMEX3 tagger: find time expressions and resolve them against the document date.

Every rule of `data/time/rules.yaml` proposes matches; overlapping proposals are settled
leftmost-longest, and each surviving match goes to its handler, which normalises it or
refuses it (then a shorter proposal at the same place gets its turn). Expressions are
handled in text order so that "the following day" can refer to the day named before it.
Pure Python regular expressions: a few milliseconds for a 1,000-word article.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
import string
from functools import lru_cache

from communique.document import Timex
from communique.time import handlers_amounts, handlers_dates, handlers_relative
from communique.time.handlers_dates import Handler
from communique.time.lexicon import Rule, rules, trigger_words
from communique.time.resolution import Context, Found, amount_mod, group


@lru_cache(maxsize=1)
def _handlers() -> dict[str, Handler]:
    table: dict[str, Handler] = {}
    for module in (handlers_dates, handlers_relative, handlers_amounts):
        table.update(module.HANDLERS)
    missing = [rule.name for rule in rules() if rule.name not in table]
    if missing:
        raise LookupError(f"time rules without a handler: {', '.join(missing)}")
    return table


WINDOW_BEFORE = 44  # characters a match may reach before its trigger word ("at least the past few")
WINDOW_AFTER = 24  # and after it ("Friday, Oct. 23, 1998"); a match reaching the edge is redone whole


_TOKEN = re.compile(r"[a-z]{3,}|\d+")  # every trigger word has three letters or more
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # keeps offsets, unlike lower()


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger class, the merged stretches of text around its words.

    One tokenising pass and a dictionary look-up per word: much cheaper than running a
    large alternation of words over the whole text.
    """
    table = trigger_words()
    windows: dict[str, list[tuple[int, int]]] = {}
    size = len(text)
    for m in _TOKEN.finditer(text.translate(_ASCII_LOWER)):
        word = m.group()
        names = ("digit",) if word[0].isdigit() else table.get(word)
        if not names:
            continue
        lo, hi = max(0, m.start() - WINDOW_BEFORE), min(size, m.end() + WINDOW_AFTER)
        for name in names:
            spans = windows.setdefault(name, [])
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
    return windows


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _proposals(text: str) -> list[tuple[int, int, int, Rule, re.Match[str]]]:
    """Every rule's matches, tried only near the trigger words the rule needs."""
    windows = _windows(text)
    found: dict[tuple[int, int, int], tuple[int, int, int, Rule, re.Match[str]]] = {}
    for rule in rules():
        spans = [span for name in rule.triggers for span in windows.get(name, ())]
        for lo, hi in _merge(spans) if len(rule.triggers) > 1 else spans:
            position = lo
            while position < hi:
                m = rule.regex.search(text, position, hi)
                if m is None:
                    break
                if hi < len(text):
                    m = rule.regex.match(text, m.start()) or m  # the window may have cut it short
                if m.end() > m.start():
                    found[(m.start(), m.end(), rule.order)] = (m.start(), -(m.end() - m.start()),
                                                              rule.order, rule, m)
                position = max(m.end(), m.start() + 1)
    return sorted(found.values(), key=lambda item: item[:3])


def tag_text(text: str, dct: dt.date, *, original: str | None = None) -> list[Timex]:
    """Find and normalise time expressions in `text` against the document creation time.

    `text` is the markup-masked copy the parser reads and `original` the real text (same
    length; offsets index both). Each `Timex.text` is `original[start:end]`.
    """
    original = text if original is None else original
    if len(original) != len(text):
        raise ValueError("text and original must have the same length")
    handlers = _handlers()
    ctx = Context(text=text, original=original, dct=dct)
    timexes: list[Timex] = []
    taken_until = 0
    queue = [(start, length, order, i, rule, m)
             for i, (start, length, order, rule, m) in enumerate(_proposals(text))]  # already in order
    pushed = len(queue)
    while queue:
        start, _negative_length, _order, _seq, rule, m = heapq.heappop(queue)
        if start < taken_until:
            # a proposal cut into by the one taken may still hold a shorter match after it:
            # "Sunday, March 8" after "this coming Sunday"
            rest = rule.regex.search(text, taken_until, m.end()) if m.end() > taken_until else None
            if rest is not None and rest.end() > rest.start():
                pushed += 1
                length = rest.end() - rest.start()
                heapq.heappush(queue, (rest.start(), -length, rule.order, pushed, rule, rest))
            continue
        found = handlers[rule.name](m, ctx)  # type: ignore[arg-type]
        if found is None:
            continue
        ctx.remember(found)
        span_start, span_end = _extent(m, found, original)
        timexes.append(Timex(start=span_start, end=span_end, text=original[span_start:span_end],
                             type=found.type, value=found.value, precision=found.precision,
                             mod=found.mod))
        taken_until = span_end
    return timexes


def _extent(m: re.Match[str], found: Found, original: str) -> tuple[int, int]:
    """The span to report: the match, less what TimeML leaves outside the tag.

    "about"/"around" stay outside (their meaning goes to `mod`; "nearly", "at least" stay
    in, as TimeML annotators mark them), so do a possessive
    "'s" and the full stop after "p.m." that ends a sentence.
    """
    start = found.start if found.start is not None else m.start()
    end = found.end if found.end is not None else m.end()
    if group(m, "amod") and found.start is None and amount_mod(m) == "APPROX":
        start = m.end("amod")
        while original[start:start + 1].isspace():
            start += 1
    if original[end - 2:end] in ("'s", "’s"):
        end -= 2
    if original[end - 1:end] == "." and original[end - 3:end] in ("a.m", "p.m", ".m.") \
            and _ENDS_SENTENCE.match(original, end):
        end -= 1
    return start, end


_ENDS_SENTENCE = re.compile(r"\s*(?:$|\n|[\"'”’]?\s+[A-Z])")


def timexes_in(timexes: list[Timex], start: int, end: int) -> list[Timex]:
    """The time expressions lying wholly inside `[start, end)` (a sentence, a clause), in order."""
    return [t for t in timexes if start <= t.start and t.end <= end]
