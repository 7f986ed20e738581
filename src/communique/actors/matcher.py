"""Find lexicon phrases in a token sequence: longest match first, one look-up per position and length.

A phrase matches when its normalised tokens equal the text's and every word the lexicon
capitalises is capitalised in the text too ("Chad" the state, not "chad"; "US" the state,
not "us"). Several meanings of one phrase stay together on the `Piece` for the composer
to choose from ("Washington" the capital, the government, the city).
"""

from __future__ import annotations

from dataclasses import dataclass

from communique.actors.lexicon import Entry, Lexicon
from communique.actors.tokens import Token


@dataclass(slots=True)
class Piece:
    """A run of tokens `[i, j)` that the lexicon knows, with its candidate meanings."""

    i: int
    j: int
    start: int
    end: int
    text: str
    entries: list[Entry]

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

    def first(self, *kinds: str) -> Entry | None:
        return next((e for e in self.entries if e.kind in kinds), None)

    def of_kind(self, *kinds: str) -> list[Entry]:
        return [e for e in self.entries if e.kind in kinds]


def _mask_ok(tokens: list[Token], i: int, mask: tuple[bool, ...]) -> bool:
    for offset, needs_cap in enumerate(mask):
        if needs_cap:
            first = tokens[i + offset].text[:1]
            if first.isalpha() and not first.isupper():
                return False
    return True


def find_pieces(tokens: list[Token], text: str, lex: Lexicon) -> list[Piece]:
    """Non-overlapping lexicon matches over `tokens`, left to right, longest first."""
    pieces: list[Piece] = []
    norms = [t.norm for t in tokens]
    phrases = lex.phrases
    lengths = lex.lengths
    n_tokens = len(tokens)
    i = 0
    while i < n_tokens:
        matched = None
        for n in lengths.get(norms[i], ()):
            if i + n > n_tokens:
                continue
            bucket = phrases.get(tuple(norms[i:i + n]))
            if not bucket:
                continue
            entries = [e for e in bucket if _mask_ok(tokens, i, e.mask)]
            if entries:
                matched = (n, entries)
                break
        if matched is None:
            i += 1
            continue
        n, entries = matched
        start, end = tokens[i].start, tokens[i + n - 1].end
        pieces.append(Piece(i, i + n, start, end, text[start:end], entries))
        i += n
    return pieces
