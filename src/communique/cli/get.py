"""`communique get /api/...`: call the API in process, without a server (as `datasette --get`)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from communique.cli.event_options import add_db_option

T = TypeVar("T")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "get", help="fetch an API path in process and print the response (no server needed)",
        description="GET a path of the REST API, e.g. '/api/events?country=KAZ&type=CONSULT', against the "
        "store, and print the body. Exit status 1 when the API answers with an error.",
    )
    parser.add_argument("path", help="an API path with its query string, e.g. /api/series")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import httpx

    from communique.api import create_app

    app = create_app(db_url=args.db, write_token="", web=False, cache=False)  # one request: nothing to reuse

    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://communique") as client:
            return await client.get(args.path if args.path.startswith("/") else "/" + args.path)

    try:
        response = _run(fetch())
    finally:
        app.state.store.close()
    sys.stdout.write(response.text)
    if not response.text.endswith("\n"):
        sys.stdout.write("\n")
    return 0 if response.is_success else 1


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run`, also from code that already runs an event loop in this thread (a notebook,
    a test session driving a browser): then on a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
