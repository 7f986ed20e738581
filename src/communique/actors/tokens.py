"""A small, fast word tokenizer shared by the lexicons and the matcher.

Lexicon phrases ("Kassym-Jomart Tokayev", "U.S.", "People's Republic of China") and article
text must split the same way for dictionary look-ups to work, and spaCy's tokenizer is both
slower and tied to a loaded model. Abbreviations with dots stay one token ("U.S.", "D.C."),
hyphens and possessive "'s" are tokens of their own, curly apostrophes read as straight ones.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN_RE = re.compile(
    r"[A-Za-z]\.(?:[A-Za-z]\.)+"  # U.S., D.C., U.S.S.R.
    r"|\w+"
    r"|[’']s\b"
    r"|[^\w\s]"
)


class Token(NamedTuple):
    """A word of the text with its character offsets; `norm` is the look-up form.
    (A named tuple: articles have thousands of tokens, and tuples are the cheapest to make.)"""

    text: str
    start: int
    end: int
    norm: str

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


def normalise(word: str) -> str:
    """The look-up form of a word: lower case, straight apostrophes."""
    return word.replace("’", "'").lower()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split `text` into tokens whose offsets are relative to `offset`."""
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    low = text.lower().replace("’", "'")
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): per word then
        return [Token(text[s:e], s + offset, e + offset, normalise(text[s:e])) for s, e in spans]
    return [Token(text[s:e], s + offset, e + offset, low[s:e]) for s, e in spans]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The dictionary key of a lexicon phrase: its normalised tokens."""
    return tuple(t.norm for t in tokenize(phrase))
