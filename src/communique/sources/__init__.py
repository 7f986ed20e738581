"""Live sources: article pages and RSS/Atom feeds fetched over HTTP, as `Document`s for the pipeline.

    for item in read_urls(["https://example.org/feed.xml"], store=store):
        ...  # Document or InputError, like communique.ingest.read_inputs

A feed is fetched conditionally (the ETag / Last-Modified of the previous fetch are kept in the
store), and an item whose page is already stored (same URL) is not fetched again. Each page's
main text is extracted as for HTML files; its date comes from the feed item, the page, or `date`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from communique.document import Document
from communique.errors import InputError
from communique.ingest import html_to_document
from communique.sources.feeds import FeedItem, looks_like_feed, parse_feed
from communique.sources.fetch import Fetcher, FetchError, Validators

__all__ = ["FeedItem", "FetchError", "Fetcher", "document_id_for_url", "read_urls"]


def document_id_for_url(url: str) -> str:
    """Documents from the web are keyed by their URL (hashed when too long to be a key)."""
    return url if len(url) <= 300 else "url-" + hashlib.sha256(url.encode()).hexdigest()[:32]


def read_urls(urls: Iterable[str], *, store: Any = None, date: str | None = None,
              fetcher: Fetcher | None = None) -> Iterator[Document | InputError]:
    """Documents (or errors) from page and feed URLs; `store` remembers validators and known pages."""
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        for url in urls:
            yield from _read_url(url, store=store, date=date, fetcher=fetcher)
    finally:
        if own:
            fetcher.close()


def _read_url(url: str, *, store: Any, date: str | None, fetcher: Fetcher) -> Iterator[Document | InputError]:
    known = store.fetch_validators(url) if store is not None else None
    try:
        fetched = fetcher.get(url, known)
    except InputError as err:
        yield err
        return
    if fetched.status == 304:
        return  # unchanged since the last fetch
    if looks_like_feed(fetched.text, fetched.content_type):
        try:
            items = parse_feed(fetched.text, source=url)
        except InputError as err:
            yield err
            return
        for item in items:
            if store is not None and store.has_url(item.link):
                continue
            yield _page(item.link, fetcher=fetcher, date=item.date.isoformat() if item.date else date,
                        title=item.title)
    else:
        yield _document(fetched.text, url=fetched.url, requested=url, date=date, title=None)
    if store is not None:  # remembered only once the feed's items were handed on
        store.save_fetch_state(url, Validators(fetched.etag, fetched.last_modified), fetched.status)


def _page(url: str, *, fetcher: Fetcher, date: str | None, title: str | None) -> Document | InputError:
    try:
        fetched = fetcher.get(url)
    except InputError as err:
        return err
    return _document(fetched.text, url=fetched.url, requested=url, date=date, title=title)


def _document(html: str, *, url: str, requested: str, date: str | None,
              title: str | None) -> Document | InputError:
    try:
        document = html_to_document(html, source=requested, doc_id=document_id_for_url(requested), date=date,
                                    url=requested)
    except InputError as err:
        return err
    if title and not document.title:
        document.title = title
    return document
