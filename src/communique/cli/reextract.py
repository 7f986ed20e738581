"""`communique reextract [--all]`: rerun the extractor on stored documents after an upgrade.

A new extraction is stored beside the old ones (which stay, marked not current), recording
the Communique version that made it; then the record is re-linked.
"""

from __future__ import annotations

import argparse
import sys

from communique import __version__
from communique.cli.event_options import add_db_option
from communique.errors import CommuniqueError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "reextract", help="re-run extraction on stored documents made by another version",
        description=f"Re-extract stored documents whose current extraction was made by a Communique "
        f"version other than this one ({__version__}); --all re-extracts every document.",
    )
    add_db_option(parser)
    parser.add_argument("--all", action="store_true", help="re-extract every current document")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from communique.pipeline import default_pipeline
    from communique.store import open_store

    done = failures = 0
    with open_store(args.db) as store:
        documents = list(store.stored_documents(stale_only=not args.all))
        for result in default_pipeline().process(documents):
            if isinstance(result, CommuniqueError):
                failures += 1
                print(f"communique: {result}", file=sys.stderr)
                continue
            store.add(result, reextract=True)
            done += 1
        if done:
            store.relink()
    print(f"{done} documents re-extracted with Communique {__version__}, {failures} failed")
    return 1 if failures else 0
