"""RSS 2.0 and Atom feeds read with the standard library: each item's link, title, date, text."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from communique.errors import InputError

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


@dataclass(slots=True)
class FeedItem:
    link: str
    title: str | None
    date: dt.date | None
    summary: str | None
    guid: str | None


def looks_like_feed(text: str, content_type: str = "") -> bool:
    """RSS/Atom by content type, or by the root element when servers say text/xml or nothing."""
    if any(t in content_type for t in ("rss", "atom")):
        return True
    head = text.lstrip()[:2000].lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf:rdf" in head)


def parse_feed(text: str, *, source: str) -> list[FeedItem]:
    """The items of an RSS or Atom document (entities and DTDs are refused, not expanded)."""
    if "<!DOCTYPE" in text[:2000] or "<!ENTITY" in text:
        raise InputError("feed declares a DTD or entities; refused", source=source)
    try:
        root = ET.fromstring(text.encode("utf-8") if text.startswith("<?xml") else text)
    except ET.ParseError as exc:
        raise InputError(f"broken feed XML ({exc})", source=source) from None
    if root.tag == f"{ATOM}feed":
        return [_atom_item(entry) for entry in root.iter(f"{ATOM}entry") if _atom_link(entry)]
    items = []
    for item in root.iter("item"):
        link = (item.findtext("link") or item.findtext("guid") or "").strip()
        if not link.startswith(("http://", "https://")):
            continue
        date_text = item.findtext("pubDate") or item.findtext(DC_DATE)
        items.append(FeedItem(link=link, title=_clean(item.findtext("title")), date=_date(date_text),
                              summary=_clean(item.findtext(CONTENT) or item.findtext("description")),
                              guid=_clean(item.findtext("guid"))))
    return items


def _atom_link(entry: ET.Element) -> str | None:
    for link in entry.findall(f"{ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return None


def _atom_item(entry: ET.Element) -> FeedItem:
    date_text = entry.findtext(f"{ATOM}published") or entry.findtext(f"{ATOM}updated")
    return FeedItem(link=_atom_link(entry) or "", title=_clean(entry.findtext(f"{ATOM}title")),
                    date=_date(date_text),
                    summary=_clean(entry.findtext(f"{ATOM}content") or entry.findtext(f"{ATOM}summary")),
                    guid=_clean(entry.findtext(f"{ATOM}id")))


def _clean(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def _date(value: str | None) -> dt.date | None:
    """RFC 822 (RSS) or ISO 8601 (Atom) dates; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
