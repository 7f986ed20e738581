"""TempEval-3 Task A files: read the DCT and the `<TEXT>`, write it back with our TIMEX3 tags.

The input may be a `.TE3input` file (no tags in `<TEXT>`) or a gold `.tml` file: any tags
inside `<TEXT>` are dropped and whatever follows `</TEXT>` (gold links) is not copied, so
the output holds our annotations only. The text itself is written exactly as it was read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from communique.document import Timex
from communique.errors import InputError
from communique.time.tagger import tag_text

_DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*?value=\"(\d{4}-\d{2}-\d{2})", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^<>]+>")
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);")
TIMEML_SUFFIXES = (".tml", ".TE3input", ".xml")


class TimeMLError(InputError):
    """A TimeML file without a document creation time or a `<TEXT>` element (E110)."""

    code = "E110"


@dataclass(slots=True)
class TimeMLDocument:
    """One TimeML file: what comes before `<TEXT>`, the plain text, and the DCT."""

    head: str
    text: str
    dct: dt.date


def read_timeml(raw: str, *, source: str) -> TimeMLDocument:
    """Split a TimeML file into its head, its plain `<TEXT>` content and its DCT."""
    dct_match = _DCT.search(raw)
    if not dct_match:
        raise TimeMLError("no <DCT><TIMEX3 value=\"YYYY-MM-DD\"> element", source=source)
    body = _TEXT.search(raw)
    if not body:
        raise TimeMLError("no <TEXT> element", source=source)
    try:
        dct = dt.date.fromisoformat(dct_match.group(1))
    except ValueError:
        raise TimeMLError(f"impossible DCT {dct_match.group(1)!r}", source=source) from None
    return TimeMLDocument(head=raw[: body.start(1)], text=_TAG.sub("", body.group(1)), dct=dct)


def _readable(text: str) -> str:
    """The text with XML entities blanked to same-length spaces (offsets keep lining up)."""
    return _ENTITY.sub(lambda m: " " * len(m.group(0)), text)


def annotate(text: str, timexes: list[Timex]) -> str:
    """The text with a `<TIMEX3>` element around each expression (ids t1, t2, ...)."""
    parts: list[str] = []
    position = 0
    for number, timex in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        if timex.start < position:
            continue
        attributes = f'tid="t{number}" type="{timex.type}" value="{timex.value}"'
        if timex.mod:
            attributes += f' mod="{timex.mod}"'
        parts.append(text[position:timex.start])
        parts.append(f"<TIMEX3 {attributes}>{text[timex.start:timex.end]}</TIMEX3>")
        position = timex.end
    parts.append(text[position:])
    return "".join(parts)


def tag_timeml(raw: str, *, source: str) -> str:
    """A whole TimeML file with our TIMEX3 tags inside `<TEXT>`."""
    document = read_timeml(raw, source=source)
    timexes = tag_text(_readable(document.text), document.dct, original=document.text)
    return f"{document.head}{annotate(document.text, timexes)}</TEXT>\n</TimeML>\n"


def timeml_files(folder: Path) -> list[Path]:
    """The TimeML files of a folder, by name."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and any(s in p.name for s in TIMEML_SUFFIXES))
