"""One event per occasion: merging drafts that describe the same meeting, and adding the
sentences that only talk about it ("The parties focused on ...") as its evidence.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from communique.document import Event, Span
from communique.events.drafts import Draft
from communique.events.lexicon import Lexicon
from communique.events.participants import SUBJECT_DEPS


def countries(event: Event) -> set[str]:
    return {p.country for p in event.actors + event.recipients if p.country}


def _compatible(a: Event, b: Event) -> bool:
    if a.type != b.type or a.status != b.status:
        return False
    if (a.extra.get("recalled") or b.extra.get("recalled")) and a.mode != b.mode:
        return False  # "the meeting ..., which took place in Glasgow", recalled during a call
    ca, cb = countries(a), countries(b)
    if not cb <= ca:  # a later mention may name fewer participants, never new ones
        return False
    if a.date and b.date and a.date.basis == b.date.basis == "text":
        n = min(len(a.date.value), len(b.date.value))
        if a.date.value[:n] != b.date.value[:n]:
            return False
    if a.location and b.location and a.location.name.lower() != b.location.name.lower() and \
            a.location.country != b.location.country:
        return False
    rounds = (a.series.round if a.series else None, b.series.round if b.series else None)
    return not (rounds[0] and rounds[1] and rounds[0] != rounds[1])


def _absorb(kept: Event, other: Event) -> None:
    for span in other.evidence:
        if span not in kept.evidence:
            kept.evidence.append(span)
    if (kept.date is None or kept.date.basis == "document") and other.date and other.date.basis == "text":
        kept.date = other.date
    kept.location = kept.location or other.location
    kept.series = kept.series or other.series
    have = {p.country for p in kept.actors + kept.recipients}
    kept.actors.extend(p for p in other.actors if p.country not in have)
    kept.contexts.extend(c for c in other.contexts if c not in kept.contexts)
    kept.topics.extend(t for t in other.topics if t not in kept.topics)
    if kept.mode is None:
        kept.mode = other.mode


def merge_occasions(drafts: list[Draft]) -> list[Draft]:
    """Drafts of the same CONSULT become one event; identical drafts of one sentence become one."""
    kept: list[Draft] = []
    for draft in drafts:
        event = draft.event
        target = None
        for earlier in kept:
            same_sentence = earlier.sentence == draft.sentence
            if (event.type == "CONSULT" or (draft.announced and earlier.announced)) and \
                    _compatible(earlier.event, event):
                target = earlier
                break
            if same_sentence and earlier.event.type == event.type and earlier.event.status == event.status \
                    and countries(earlier.event) == countries(event):
                target = earlier
                break
        if target is None and (event.type == "CONSULT" or draft.announced):
            parts = [k for k in kept if k.event.type == event.type and k.event.status == event.status
                     and countries(k.event) < countries(event)]
            if len(parts) >= 2 and set().union(*(countries(k.event) for k in parts)) == countries(event):
                for part in parts:  # "conversations with Ukraine and Poland" after one visit to each
                    add_evidence(part, draft.sentence)
                continue
        if target is None:
            kept.append(draft)
        else:
            _absorb(target.event, event)
    return kept


def talks_about_occasion(sentence: SpacySpan, lex: Lexicon) -> bool:
    """'The meeting discussed ...', 'The parties focused on ...': the occasion's content."""
    for token in sentence:
        if token.pos_ != "VERB" or token.lemma_.lower() not in lex.discussion_verbs:
            continue
        for child in token.children:
            if child.dep_ not in SUBJECT_DEPS:
                continue
            words = {t.lemma_.lower() for t in child.subtree} | {t.lower_ for t in child.subtree}
            if words & (lex.group_refs | lex.occasion_refs):
                return True
    return False


def add_evidence(draft: Draft, span: Span) -> None:
    if span not in draft.event.evidence:
        draft.event.evidence.append(span)
        draft.event.evidence.sort(key=lambda s: s.start)
