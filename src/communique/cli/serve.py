"""`communique serve [--db URL] [--host 127.0.0.1] [--port 8000]`: the API and web UI with uvicorn."""

from __future__ import annotations

import argparse
import os

from communique.cli.event_options import add_db_option
from communique.errors import CommuniqueError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the REST API (/api, /docs) and the web pages",
        description="Serve the store over HTTP. Reading is open; writing needs the token in "
        "$COMMUNIQUE_WRITE_TOKEN (or --write-token-file); without one the server is read-only.",
    )
    add_db_option(parser)
    parser.add_argument("--host", default="127.0.0.1",
                        help="interface to bind (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--write-token-file", metavar="FILE",
                        help="read the write token from this file (kept off the command line)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from communique.api import create_app

    token = os.environ.get("COMMUNIQUE_WRITE_TOKEN")
    if args.write_token_file:
        try:
            with open(args.write_token_file, encoding="utf-8") as handle:
                token = handle.read().strip()
        except OSError as exc:
            raise CommuniqueError(f"cannot read the write token ({exc.strerror})",
                                  source=args.write_token_file) from None
    app = create_app(db_url=args.db, write_token=token or "")
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0
