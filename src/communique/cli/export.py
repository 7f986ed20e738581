"""`communique export --format csv|jsonl|plover|parquet [filters] [-o FILE]`: stored events out."""

from __future__ import annotations

import argparse
import sys

from communique.cli.event_options import add_db_option, add_filter_options, event_filter
from communique.errors import CommuniqueError
from communique.store.export import FORMATS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="export stored events as CSV, JSON Lines, PLOVER JSON or Parquet",
        description="Write every stored event matching the filters in one of the export formats.",
    )
    add_db_option(parser)
    add_filter_options(parser)
    parser.add_argument("--format", choices=list(FORMATS), default="jsonl",
                        help="export format (default jsonl)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from communique.store import open_store
    from communique.store.export import write_export

    if args.format == "parquet" and not args.output and sys.stdout.isatty():
        raise CommuniqueError("Parquet is binary: give -o FILE or redirect the output", source="export")
    flt = event_filter(args)
    with open_store(args.db) as store:
        if args.output:
            with open(args.output, "wb") as out:
                write_export(store.iter_events(flt), args.format, out)
        else:
            write_export(store.iter_events(flt), args.format, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    return 0
