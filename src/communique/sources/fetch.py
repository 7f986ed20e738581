"""Polite HTTP fetching for live sources: a clear user agent, timeouts, retries with back-off,
a pause between requests to one host, and conditional GET (ETag / Last-Modified) so an
unchanged feed costs the publisher one short 304 reply."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from communique import __version__
from communique.errors import InputError

USER_AGENT = (f"Communique/{__version__} (research on diplomatic press releases; "
              "polite fetcher: conditional GET, back-off)")
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_BYTES = 20 * 1024 * 1024


class FetchError(InputError):
    """A URL that could not be fetched (E150)."""

    code = "E150"


@dataclass(slots=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 when unchanged since the last fetch
    text: str
    content_type: str
    etag: str | None
    last_modified: str | None


@dataclass(slots=True)
class Validators:
    """What the server told us last time, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


class Fetcher:
    """An HTTP client that retries transient failures and never hammers one host."""

    def __init__(self, *, timeout: float = 20.0, retries: int = 3, backoff: float = 2.0,
                 host_interval: float = 1.0, sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.retries = retries
        self.backoff = backoff
        self.host_interval = host_interval
        self.sleep = sleep
        self._last_request: dict[str, float] = {}
        self.client = httpx.Client(headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
                                   timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
                                   follow_redirects=True, transport=transport)

    def get(self, url: str, validators: Validators | None = None) -> Fetched:
        """GET `url` (conditionally when `validators` are known); raises `FetchError` when it fails."""
        headers = {}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        last_problem = "no attempt"
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self._delay(attempt, last_problem))
            self._pause_for_host(url)
            try:
                response = self.client.get(url, headers=headers)
            except httpx.TimeoutException:
                last_problem = "timed out"
                continue
            except httpx.TransportError as exc:
                last_problem = f"connection failed ({type(exc).__name__})"
                continue
            except httpx.InvalidURL as exc:
                raise FetchError(f"invalid URL ({exc})", source=url) from None
            if response.status_code in RETRY_STATUSES:
                last_problem = f"HTTP {response.status_code}"
                self._retry_after = response.headers.get("Retry-After")
                continue
            return self._result(url, response)
        raise FetchError(f"gave up after {self.retries + 1} attempts: {last_problem}", source=url)

    _retry_after: str | None = None

    def _delay(self, attempt: int, _problem: str) -> float:
        delay = self.backoff * 2 ** (attempt - 1)
        if self._retry_after:
            try:
                delay = max(delay, min(float(self._retry_after), 60.0))
            except ValueError:
                try:
                    wait = parsedate_to_datetime(self._retry_after).timestamp() - time.time()
                    delay = max(delay, min(wait, 60.0))
                except (TypeError, ValueError):
                    pass
            self._retry_after = None
        return delay

    def _pause_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None and self.host_interval > 0:
            wait = self.host_interval - (time.monotonic() - last)
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _result(self, url: str, response: httpx.Response) -> Fetched:
        if response.status_code == 304:
            return Fetched(str(response.url), 304, "", "", response.headers.get("ETag"),
                           response.headers.get("Last-Modified"))
        if response.status_code >= 400:
            raise FetchError(f"HTTP {response.status_code}", source=url)
        if len(response.content) > MAX_BYTES:
            raise FetchError(f"response of {len(response.content) // 1024} KB is too large", source=url)
        return Fetched(str(response.url), response.status_code, response.text,
                       response.headers.get("Content-Type", ""), response.headers.get("ETag"),
                       response.headers.get("Last-Modified"))

    def close(self) -> None:
        self.client.close()
