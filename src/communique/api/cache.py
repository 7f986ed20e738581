"""A response cache for the read API: the same GET answered again without touching the database
until the store changes.

Readers of a record ask the same few things over and over (the newest events, the stats, a
popular document) while the data changes only when an article is ingested or an event
corrected. `ResponseCache` is plain ASGI middleware in front of the app: a GET under `/api/`
whose answer was a 200 JSON body is kept, keyed by path and query string, together with the
store's data version (`communique.store.version`) read *before* the answer was made; it is
served again while the version is unchanged. Any commit by anyone — this process, another
`serve` worker, an `ingest` running beside it — changes the version and retires every entry.
Exports and non-JSON answers pass through; so does everything when the backend has no cheap
version (PostgreSQL). Bounded by entry count and bytes, least recently used out first. The
`X-Communique-Cache: hit|miss` header tells which.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PREFIX = "/api/"
NOT_CACHED = ("/api/export",)  # whole-record downloads: large, streamed, rarely repeated
HEADER = b"x-communique-cache"


class ResponseCache:
    def __init__(self, app: ASGIApp, version: Callable[[], int | None], *, max_entries: int = 2048,
                 max_bytes: int = 64 * 2**20, max_entry_bytes: int = 2 * 2**20) -> None:
        self.app = app
        self.version = version
        self.max_entries, self.max_bytes, self.max_entry_bytes = max_entries, max_bytes, max_entry_bytes
        # (path, query) -> (headers, body), all made at `self._version`
        self._entries: OrderedDict[tuple[str, bytes], tuple[list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self._bytes = 0
        self._version: int | None = None
        self.hits = self.misses = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        version = self.version()
        if version is None:
            await self.app(scope, receive, send)
            return
        if version != self._version:  # the data changed: every entry is stale
            self._entries.clear()
            self._bytes, self._version = 0, version
        key = (scope["path"], scope.get("query_string", b""))
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
            self.hits += 1
            headers, body = entry
            headers = [*headers, (HEADER, b"hit")]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        await self._answer_and_keep(scope, receive, send, key, version)

    @staticmethod
    def _cacheable(scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] != "GET":
            return False
        path: str = scope["path"]
        return path.startswith(PREFIX) and not path.startswith(NOT_CACHED) \
            and b"format=" not in scope.get("query_string", b"")

    async def _answer_and_keep(self, scope: Scope, receive: Receive, send: Send,
                               key: tuple[str, bytes], version: int) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                start = message
                headers = dict(message.get("headers", []))
                keep = message["status"] == 200 and headers.get(b"content-type", b"").startswith(
                    b"application/json")
                message = {**message, "headers": [*message.get("headers", []), (HEADER, b"miss")]}
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                keep = size <= self.max_entry_bytes
                if not message.get("more_body", False) and keep and start is not None \
                        and version == self._version:
                    self._keep(key, list(start.get("headers", [])), b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(self, key: tuple[str, bytes], headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old[1])
        self._entries[key] = (headers, body)
        self._bytes += len(body)
        while self._entries and (len(self._entries) > self.max_entries or self._bytes > self.max_bytes):
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped[1])
