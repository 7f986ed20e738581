"""`communique query [filters] [--json]`: events from the store as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys

from communique.cli.event_options import add_db_option, add_filter_options, event_filter
from communique.store import SORTS_HELP, open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "query", help="list stored events matching filters",
        description="List stored events (current extractions) matching the filters, newest first.",
    )
    add_db_option(parser)
    add_filter_options(parser)
    parser.add_argument("--sort", default="-date", help=SORTS_HELP)
    parser.add_argument("--limit", type=int, default=50, help="at most this many events (default 50)")
    parser.add_argument("--offset", type=int, default=0, help="skip this many events first")
    parser.add_argument("--json", action="store_true", help="print JSON (one page: items, total, ...)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        page = store.events(event_filter(args, limit=args.limit, offset=args.offset, sort=args.sort))
    if args.json:
        json.dump(page.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(format_events(page.items))
    shown = f"{page.offset + 1}-{page.offset + len(page.items)} of " if page.items else ""
    print(f"({shown}{page.total} events)")
    return 0


def format_events(items: list[dict]) -> str:
    """A plain-text table: one line per event."""
    header = ("ID", "DATE", "TYPE", "STATUS", "COUNTRIES", "PLACE", "SERIES", "DOCUMENT")
    lines = [header]
    for e in items:
        date = (e["date"] or {}).get("value") or e["document"]["date"]
        series = e["series"] or {}
        round_text = f" #{series['round']}" if series.get("round") else ""
        series_text = (series.get("name") or "")[:30] + round_text
        lines.append((str(e["id"]), date, e["type"], e["status"], ",".join(e["countries"]),
                      ((e["location"] or {}).get("name") or "")[:20], series_text,
                      (e["document"]["title"] or e["document"]["key"])[:40]))
    widths = [max(len(row[i]) for row in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
                     for row in lines)
