"""`communique get /api/...`: call the API in process, without a server (as `datasette --get`)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from communique.cli.event_options import add_db_option


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

    app = create_app(db_url=args.db, write_token="", web=False)

    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://communique") as client:
            return await client.get(args.path if args.path.startswith("/") else "/" + args.path)

    try:
        response = asyncio.run(fetch())
    finally:
        app.state.store.close()
    sys.stdout.write(response.text)
    if not response.text.endswith("\n"):
        sys.stdout.write("\n")
    return 0 if response.is_success else 1
