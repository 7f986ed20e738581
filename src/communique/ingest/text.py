"""Turning raw article text into a `Document`: the date header, markup masking, boilerplate.

Nothing here changes `Document.text` (offsets index it as given). Markup is blanked in a
same-length copy, `nlp_text`, so the parser reads prose and offsets still line up.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import yaml

from communique.document import Document, Span
from communique.errors import DateError
from communique.ingest.errors import (
    BinaryInput,
    BrokenRecord,
    EmptyInput,
    EncodingInput,
    NotEnglishInput,
    TooLargeInput,
)
from communique.settings import DATA_DIR

# The date token must start with a digit: "date night was..." is prose, not a header.
SEED_HEADER = re.compile(r"^\ufeff?[ \t]?date[ \t]+(\d\S*)[ \t]")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Markdown and HTML markup that should not reach the parser; each match is blanked.
_MARKUP = [
    re.compile(r"<[^<>\n]{1,300}>"),  # inline HTML tags
    re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)"),  # the "](url)" of a Markdown link
    re.compile(r"(?<![\w\\])\[(?=[^\]\n]+\]\()"),  # the "[" opening a Markdown link
    re.compile(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}"),  # *emphasis* and **bold** markers
    re.compile(r"(?<!\w)_{1,2}(?=\w)|(?<=\w)_{1,2}(?!\w)"),  # _emphasis_
    re.compile(r"\\(?=[#*_\[\]()\\`.-])"),  # backslash escapes
    re.compile(r"^[ \t]{0,3}#{1,6}[ \t]", re.M),  # heading markers
    re.compile(r"^[ \t]*[-+*][ \t]+", re.M),  # list bullets
    re.compile(r"[\u2060\ufffc\u200b]"),  # word joiners, object replacement characters
]


def parse_date(value: object, *, source: str | None = None) -> dt.date:
    """A publication date as YYYY-MM-DD (a longer ISO timestamp keeps its date part)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        raise DateError("no publication date; give one (--date YYYY-MM-DD or a 'date' field)",
                        source=source)
    text = str(value).strip()
    head = text[:10]
    if not DATE_RE.match(head) or (len(text) > 10 and text[10] not in "T "):
        raise DateError(f"date {text!r} is not YYYY-MM-DD", source=source)
    try:
        return dt.date.fromisoformat(head)
    except ValueError:
        raise DateError(f"date {text!r} is not a real calendar date", source=source) from None


def split_seed_header(raw: str) -> tuple[str | None, str]:
    """The seed form: ` date YYYY-MM-DD ` then the text on the same line."""
    match = SEED_HEADER.match(raw)
    if not match:
        return None, raw
    return match.group(1), raw[match.end():]


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> list[re.Pattern[str]]:
    with open(DATA_DIR / "boilerplate.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return [re.compile(p, re.I) for p in data["line_patterns"]]


def find_boilerplate(text: str) -> list[Span]:
    """Lines such as "Photo credit: mfa.gov.kz": page furniture, never evidence."""
    spans: list[Span] = []
    patterns = _boilerplate_patterns()
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and len(stripped) < 200 and any(p.search(stripped) for p in patterns):
            start = offset + (len(line) - len(line.lstrip()))
            spans.append(Span(start, start + len(stripped)))
        offset += len(line)
    return spans


def mask_markup(text: str) -> str:
    """A same-length copy of `text` with markup replaced by spaces.

    Hard-wrapped paragraphs (Markdown sources separate paragraphs with blank lines) get
    their single line breaks turned into spaces too, so a sentence is not cut at a wrap.
    """
    chars = list(text)
    for pattern in _MARKUP:
        for match in pattern.finditer(text):
            for i in range(match.start(), match.end()):
                if chars[i] != "\n":
                    chars[i] = " "
    masked = "".join(chars)
    if _is_hard_wrapped(masked):
        masked = _WRAP_BREAK.sub(" ", masked)
    return masked


# A line break inside a paragraph: between two non-empty lines, not before an indented (bulleted)
# line and not after a colon that opens a list.
_WRAP_BREAK = re.compile(r"(?<=[^\n:])\n(?=[^\n\s])")


def _is_hard_wrapped(text: str) -> bool:
    """Markdown-style sources wrap paragraphs at a fixed width and separate them with blank lines.

    One-paragraph-per-line sources (most scraped releases) have long lines and no blank lines;
    their line breaks are paragraph ends and must stay.
    """
    if "\n\n" not in text:
        return False
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    if len(lengths) < 3:
        return False
    return lengths[int(len(lengths) * 0.9) - 1] <= 100


_ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on with as by was at from it be has have are were this "  # noqa: SIM905
    "will an which said their its or not but also his her they he she we".split()
)


# Function words of the other languages official releases come in (Spanish, French, Portuguese,
# German, Italian): a translation has many of these and few English ones.
_OTHER_WORDS = frozenset(
    "de la el los las del que y en por con para una les des du et est une dans sur au aux pour "  # noqa: SIM905
    "ce qui da do das dos em os um uma com não são der die und den das ist mit für sich il di che "
    "della per non sono".split()
)
# Link targets, bare URLs, file paths and HTML attributes are not prose: a release full of links
# (state-by-state fact sheets, image srcsets) must not read as non-English because of them.
_NOT_PROSE = re.compile(r"https?://\S+|www\.\S+|\b[\w.-]+=\"[^\"]*\"|\S*/\S*")


def looks_english(text: str) -> bool:
    """Cheap check that a text is English prose: English function words are common in it and
    outnumber those of the other languages releases are translated into."""
    words = re.findall(r"[^\W\d_]+", _NOT_PROSE.sub(" ", text[:20000]).lower())
    if not words:
        return False
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    other = sum(1 for w in words if w in _OTHER_WORDS)
    latin = sum(1 for w in words if w.isascii())
    if len(words) < 30:  # a headline-sized text: Latin script and no foreign function words
        return latin / len(words) >= 0.6 and english >= other
    if latin / len(words) < 0.5:
        return False
    share = english / len(words)
    # English prose runs at 20-30 % function words; a bilingual release (English, then Spanish) at
    # ~16 %; a translation into Portuguese at ~4 % (from "a", "as"), with its own function words.
    return share >= 0.08 or (share >= 0.03 and english > 1.5 * other)


MAX_TEXT_CHARS = 1_000_000  # below spaCy's max_length; the longest corpus release is ~250,000
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")


def _optional_str(value: object, name: str, source: str) -> str | None:
    """Metadata fields are strings or absent; a number or list there is a broken record."""
    if value is None or isinstance(value, str):
        return value or None
    raise BrokenRecord(f"field {name!r} is {type(value).__name__}, not a string", source=source)


def make_document(
    text: str,
    *,
    doc_id: str,
    date: object,
    source: str,
    title: object = None,
    url: object = None,
    publisher: object = None,
) -> Document:
    """Check and wrap one article; raises `InputError` for what cannot be an article."""
    if "\x00" in text:
        raise BinaryInput("binary content (NUL bytes), not a text article", source=source)
    if not text.strip():
        raise EmptyInput("empty text", source=source)
    if len(text) > MAX_TEXT_CHARS:
        raise TooLargeInput(f"text of {len(text):,} characters is too long for one article "
                         f"(limit {MAX_TEXT_CHARS:,})", source=source)
    if _LONE_SURROGATE.search(text):
        # JSON "\ud800" escapes decode to lone surrogates, which cannot be written as UTF-8
        raise EncodingInput("text contains invalid Unicode (a lone surrogate)", source=source)
    if len(_CONTROL.findall(text[:20000])) > max(8, len(text[:20000]) // 100):
        raise BinaryInput("binary content (control characters), not a text article", source=source)
    if not doc_id or _LONE_SURROGATE.search(doc_id) or "\x00" in doc_id:
        raise BrokenRecord("record has an empty or invalid 'id'", source=source)
    title = _optional_str(title, "title", source)
    url = _optional_str(url, "url", source)
    publisher = _optional_str(publisher, "publisher", source)
    for value in (title, url, publisher):
        if value is not None and (_LONE_SURROGATE.search(value) or "\x00" in value):
            raise EncodingInput("metadata contains invalid Unicode", source=source)
    pub_date = parse_date(date, source=source)
    if pub_date.year < 1900 or pub_date > dt.date.today() + dt.timedelta(days=2):
        raise DateError(f"date {pub_date.isoformat()} is impossible for a published article",
                        source=source)
    nlp_text = mask_markup(text)
    if not looks_english(nlp_text):
        raise NotEnglishInput("text does not look like English; only English articles are read",
                         source=source)
    return Document(
        id=doc_id, date=pub_date, text=text, title=title, url=url, publisher=publisher,
        source=source, nlp_text=nlp_text, boilerplate=find_boilerplate(text),
    )
