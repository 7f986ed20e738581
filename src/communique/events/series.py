"""Recurring dialogues: "the third meeting of the annual High-level Dialogue on ...",
"the Eighth U.S.-Tajikistan Annual Bilateral Consultations", "the 2022 U.S.-Armenia Strategic
Dialogue" → series name, round and frequency.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from communique.document import Series
from communique.events.lexicon import Lexicon

ORDINAL_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$", re.I)
YEAR = re.compile(r"^(19|20)\d{2}$")
ROUND_NOUNS = ("meeting", "round", "session")
NOT_IN_NAME = ("GPE", "DATE", "PERSON")  # "... Council Nikolai Patrushev": the name ends before the person


def _is_name_word(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() or text in ("-", "–", "’s", "'s", "’", "'", "+", "&") or text[:1].isdigit()


def _ordinal(token: Token, lex: Lexicon) -> int | None:
    word = token.lower_
    if word in lex.ordinals:
        return lex.ordinals[word]
    match = ORDINAL_NUMBER.match(word)
    return int(match.group(1)) if match else None


def find_series(sentence: SpacySpan, lex: Lexicon) -> list[tuple[Series, int, int]]:
    """Series named in a sentence, each with its character span."""
    heads = {h.split()[-1] for h in lex.series_heads}
    found: list[tuple[Series, int, int]] = []
    tokens = list(sentence)
    for k, token in enumerate(tokens):
        if token.text not in heads:
            continue
        # extend left over the capitalised words of the name
        left = k
        while left - 1 >= 0:
            before = tokens[left - 1]
            if left - 3 >= 0 and before.is_lower and tokens[left - 2].text == "-" \
                    and tokens[left - 3].text[:1].isupper():
                left -= 3  # "High-level"
                continue
            if not _is_name_word(before) or _ordinal(before, lex) is not None or YEAR.match(before.text) \
                    or before.lower_ == "the":
                break
            left -= 1
        # extend right over "on Human Rights and Democratic Reforms"
        right = k
        j = k + 1
        while j < len(tokens):
            word = tokens[j]
            if word.lower_ in lex.name_connectors and j + 1 < len(tokens) and _is_name_word(tokens[j + 1]) \
                    and tokens[j + 1].ent_type_ not in NOT_IN_NAME:
                j += 1
                continue
            if _is_name_word(word) and word.text not in (",",) and word.ent_type_ not in NOT_IN_NAME \
                    and tokens[j - 1].lower_ in lex.name_connectors | {"-"}:
                right = j
                j += 1
                continue
            if _is_name_word(word) and word.ent_type_ not in NOT_IN_NAME and right == j - 1 and \
                    word.text not in ("-", "–") and tokens[j - 1].text[:1].isupper() and j - k <= 6:
                right = j
                j += 1
                continue
            break
        if left == k and (right == k or token.text in ("Meeting", "Session", "Summit", "Council")):
            continue  # a bare capitalised head ("the Dialogue", "Meetings") is a title word, not a name
        name = sentence.doc[tokens[left].i:tokens[right].i + 1].text
        frequency, recurring = None, False  # recurring: a sign that the meeting comes round again
        for word in sentence.doc[tokens[left].i:tokens[right].i + 1]:
            if word.lower_ in lex.frequencies:
                frequency, recurring = lex.frequencies[word.lower_], True
        number, j = None, left - 1
        while j >= 0 and left - j <= 6:
            word = tokens[j]
            if word.lower_ in lex.frequencies:
                frequency, recurring = frequency or lex.frequencies[word.lower_], True
            elif _ordinal(word, lex) is not None:
                number = _ordinal(word, lex)
                break
            elif YEAR.match(word.text) or word.lower_ in ("the", "a", "an"):
                recurring = recurring or bool(YEAR.match(word.text))
                if word.lower_ == "the" and j >= 3 and tokens[j - 1].lower_ == "of" and \
                        tokens[j - 2].lemma_.lower() in ROUND_NOUNS:
                    number = _ordinal(tokens[j - 3], lex)
                break
            elif not word.is_lower and word.text not in ("-", "–"):
                break
            j -= 1
        if token.text in lex.body_heads and number is None and not recurring:
            continue  # "the European Commission", "the Security Council": a body, not a dialogue round
        found.append((Series(name, number, frequency), tokens[left].idx,
                      tokens[right].idx + len(tokens[right].text)))
    return found
