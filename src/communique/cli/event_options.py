"""The event filter options shared by `query`, `export` and the store's Python API."""

from __future__ import annotations

import argparse

from communique.ingest import parse_date
from communique.store import EventFilter


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help="database URL (default: SQLite in the user data folder, "
                        "or $COMMUNIQUE_DB); e.g. postgresql+psycopg://user:pw@host/db")


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("event filters")
    group.add_argument("--country", action="append", default=[], metavar="ISO3",
                       help="any of these countries among the participants (repeatable, or KAZ,UZB)")
    group.add_argument("--dyad", metavar="A-B", help="both countries among the participants, e.g. KAZ-USA")
    group.add_argument("--type", action="append", default=[], metavar="TYPE",
                       help="PLOVER type(s), e.g. CONSULT")
    group.add_argument("--status", action="append", default=[],
                       help="occurred | planned | hypothetical | negated (repeatable)")
    group.add_argument("--mode", help="PLOVER mode, e.g. visit or phone")
    group.add_argument("--context", help="PLOVER context, e.g. human_rights")
    group.add_argument("--series", help="a series key or words of a dialogue's name")
    group.add_argument("--since", metavar="DATE", help="events on or after this date (YYYY-MM-DD)")
    group.add_argument("--until", metavar="DATE", help="events on or before this date")
    group.add_argument("-q", "--text", help="full-text search in evidence, topics and titles")
    group.add_argument("--document", metavar="KEY", help="events of one document")
    group.add_argument("--include-rejected", action="store_true", help="also show events a reviewer rejected")


def event_filter(args: argparse.Namespace, *, limit: int = 50, offset: int = 0,
                 sort: str = "-date") -> EventFilter:
    return EventFilter(
        country=list(args.country), dyad=[args.dyad] if args.dyad else [], type=list(args.type),
        status=list(args.status), mode=args.mode, context=args.context, series=args.series,
        since=parse_date(args.since, source="--since") if args.since else None,
        until=parse_date(args.until, source="--until") if args.until else None,
        q=args.text, document=args.document, include_rejected=args.include_rejected,
        limit=limit, offset=offset, sort=sort,
    )
