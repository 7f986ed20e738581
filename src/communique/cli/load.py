"""`communique load DIR [--db URL]`: store the documents of a `communique batch` output folder."""

from __future__ import annotations

import argparse
import sys

from communique.errors import CommuniqueError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "load", help="store the Parquet output of `communique batch`",
        description="Store every document of the completed partitions of a batch output folder, with "
        "its extraction as the batch made it (nothing is re-extracted), then rebuild the links. "
        "Loading again changes nothing; an interrupted load can simply be run again.",
    )
    parser.add_argument("dir", metavar="DIR", help="the --out folder of `communique batch`")
    parser.add_argument("--db", metavar="URL", help="database URL (default: SQLite in the user data "
                        "folder, or $COMMUNIQUE_DB); e.g. postgresql+psycopg://user:pw@host/db")
    parser.add_argument("--no-link", action="store_true", help="do not rebuild clusters/series/commitments")
    parser.add_argument("--quiet", action="store_true", help="no progress line")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from communique.batch.load import iter_documents, output_info
    from communique.progress import Progress
    from communique.store import open_store

    info = output_info(args.dir)
    progress = Progress(None if args.quiet else sys.stderr, label="communique load", total=info.documents)
    counts = {"new": 0, "revised": 0, "unchanged": 0, "reextracted": 0}
    failures = 0
    with open_store(args.db) as store:
        for document in iter_documents(args.dir):
            try:
                outcome = store.add(document)
            except CommuniqueError as err:
                failures += 1
                progress.message(f"communique: {err}")
                progress.advance(errors=1)
                continue
            counts[outcome.action] = counts.get(outcome.action, 0) + 1
            progress.advance(words=len(document.text.split()))
        if not args.no_link:
            # always, not only when something was new: a load killed during the re-link stored
            # every document but left the links of before, and its rerun finds nothing new
            store.relink()
    progress.finish()
    note = f"; the batch recorded {info.errors:,} input errors (see {args.dir}/errors)" if info.errors else ""
    print(f"{counts['new']} new, {counts['revised']} revised, {counts['unchanged']} unchanged, "
          f"{failures} failed{note}")
    return 1 if failures else 0
