"""`communique serve [--db URL] [--host 127.0.0.1] [--port 8000] [--workers N]`: the API and web UI.

One uvicorn process is bound by one core and the GIL (about 250-400 small API reads a second
here); `--workers N` starts N processes on the same port, which SQLite in WAL mode allows (many
readers, one writer at a time; writers wait on the busy timeout, never fail at once). The
default is one worker per core, at most 4, and 1 for an in-memory SQLite database, which
cannot be shared between processes. The store is opened (and migrated) once before the
workers start, so they never race to migrate a new file.
"""

from __future__ import annotations

import argparse
import os

from communique.cli.event_options import add_db_option
from communique.errors import CommuniqueError

MAX_DEFAULT_WORKERS = 4
_DB_ENV = "COMMUNIQUE_SERVE_DB"  # how the parent tells worker processes what to serve
_TOKEN_FILE_ENV = "COMMUNIQUE_SERVE_TOKEN_FILE"  # the file name only: the token stays off the environment
_NO_CACHE_ENV = "COMMUNIQUE_SERVE_NO_CACHE"


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
    parser.add_argument("--workers", type=int, metavar="N",
                        help=f"server processes (default: one per core, at most {MAX_DEFAULT_WORKERS}; "
                        "1 for an in-memory SQLite database)")
    parser.add_argument("--no-cache", action="store_true",
                        help="answer every API read from the database (by default a repeated read is "
                        "answered from memory until the store changes; SQLite only)")
    parser.add_argument("--write-token-file", metavar="FILE",
                        help="read the write token from this file (kept off the command line)")
    parser.set_defaults(func=run)


def default_workers(url: str) -> int:
    """One process per core (at most 4); 1 when the database lives in one process's memory."""
    if url.startswith("sqlite") and (":memory:" in url or url.rstrip("/") in ("sqlite:", "sqlite+pysqlite:")):
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS))


def _read_token(token_file: str | None) -> str:
    token = os.environ.get("COMMUNIQUE_WRITE_TOKEN") or ""
    if token_file:
        try:
            with open(token_file, encoding="utf-8") as handle:
                token = handle.read().strip()
        except OSError as exc:
            reason = f"cannot read the write token ({exc.strerror})"
            raise CommuniqueError(reason, source=token_file) from None
    return token


def worker_app():  # type: ignore[no-untyped-def]
    """The app of one worker process (uvicorn's factory when `--workers` is over 1)."""
    from communique.api import create_app

    token = _read_token(os.environ.get(_TOKEN_FILE_ENV) or None)
    app = create_app(db_url=os.environ[_DB_ENV], write_token=token, cache=not os.environ.get(_NO_CACHE_ENV))
    _freeze_startup_objects()
    return app


def _freeze_startup_objects() -> None:
    """Keep the ~100,000 objects of the imported libraries out of the cyclic garbage collector: a
    full collection over them takes 100+ ms, a pause every client waiting on the process feels."""
    import gc

    gc.collect()
    gc.freeze()


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from communique.api import create_app
    from communique.settings import default_db_url
    from communique.store import open_store

    url = args.db or default_db_url()
    token = _read_token(args.write_token_file)  # fails here, before any worker starts
    workers = args.workers if args.workers is not None else default_workers(url)
    if workers < 1:
        raise CommuniqueError("--workers must be 1 or more", source="serve")
    if workers == 1:
        app = create_app(db_url=url, write_token=token, cache=not args.no_cache)
        _freeze_startup_objects()
        uvicorn.run(app, host=args.host, port=args.port, log_level="info")
        return 0
    open_store(url).close()  # create and migrate once, before the workers open it
    os.environ[_DB_ENV] = url
    if args.no_cache:
        os.environ[_NO_CACHE_ENV] = "1"
    if args.write_token_file:
        os.environ[_TOKEN_FILE_ENV] = os.path.abspath(args.write_token_file)
    uvicorn.run("communique.cli.serve:worker_app", factory=True, workers=workers, host=args.host,
                port=args.port, log_level="info")
    return 0
