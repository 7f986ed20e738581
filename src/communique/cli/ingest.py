"""`communique ingest PATH|URL... [--db URL]`: extract articles and store them, then re-link.

Each document is stored in its own transaction; the same text again changes nothing, a new
text under a known id becomes a new revision. Errors are one line each on stderr and the
rest goes on; the exit status is 1 when anything failed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator

from communique.cli.event_options import add_db_option
from communique.document import Document
from communique.errors import CommuniqueError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest", help="extract articles (files, folders, URLs, feeds) and store them",
        description="Extract events from articles and store documents and extractions; re-ingesting "
        "the same article changes nothing. URLs of pages and RSS/Atom feeds are fetched politely.",
    )
    parser.add_argument("inputs", nargs="+", metavar="PATH|URL",
                        help="article files or folders (as for `extract`), page URLs or RSS/Atom feed URLs")
    add_db_option(parser)
    parser.add_argument("--date", help="publication date (YYYY-MM-DD) for inputs that carry none")
    parser.add_argument("--extracted", action="store_true",
                        help="inputs are communique/1 JSON (Lines) with events already extracted: "
                        "store them as they are")
    parser.add_argument("--no-link", action="store_true", help="do not rebuild clusters/series/commitments")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per stored document")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from communique.store import open_store

    paths = [i for i in args.inputs if not _is_url(i)]
    urls = [i for i in args.inputs if _is_url(i)]
    with open_store(args.db) as store:
        counts, failures = store_items(store, _items(store, paths, urls, args), verbose=args.verbose)
        if not args.no_link and (counts["new"] or counts["revised"]):
            link = store.relink()
            link_text = (f"; record: {link['clusters']} clusters ({link['multi_source_clusters']} with "
                         f"several sources), {link['series']} series, {link['commitments']} commitments")
        else:
            link_text = ""
    print(f"{counts['new']} new, {counts['revised']} revised, {counts['unchanged']} unchanged, "
          f"{failures} failed{link_text}")
    return 1 if failures else 0


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _items(store, paths: list[str], urls: list[str],  # type: ignore[no-untyped-def]
           args: argparse.Namespace) -> Iterator[Document | CommuniqueError]:
    from communique.ingest import parse_date, read_inputs
    from communique.pipeline import default_pipeline

    if args.date:
        parse_date(args.date, source="--date")
    if args.extracted:
        from communique.store.extracted import read_extracted

        yield from read_extracted(paths)
    elif paths:
        yield from default_pipeline().run(read_inputs(paths, date=args.date))
    if urls:
        from communique.sources import read_urls

        yield from default_pipeline().run(read_urls(urls, store=store, date=args.date))


def store_items(store, items: Iterable[Document | CommuniqueError], *,  # type: ignore[no-untyped-def]
                verbose: bool = False) -> tuple[dict[str, int], int]:
    """Store each document (one transaction each), printing errors; returns counts and failures."""
    counts = {"new": 0, "revised": 0, "unchanged": 0, "reextracted": 0}
    failures = 0
    for item in items:
        if isinstance(item, CommuniqueError):
            failures += 1
            print(f"communique: {item}", file=sys.stderr)
            continue
        try:
            outcome = store.add(item)
        except CommuniqueError as err:
            failures += 1
            print(f"communique: {err}", file=sys.stderr)
            continue
        counts[outcome.action] += 1
        if verbose:
            print(f"{outcome.action:11} {outcome.doc_key} ({outcome.n_events} events)", file=sys.stderr)
    return counts, failures
