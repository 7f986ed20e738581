"""`communique commitments [--status S] [--country C] [--as-of DATE|today] [--json]`: promise follow-up."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from communique.cli.event_options import add_db_option


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "commitments", help="list promised (planned) events and whether they were kept",
        description="Every planned event is a commitment with a due window: pending, fulfilled (linked to "
        "the event that kept it), overdue or cancelled. Overdue is judged as of the newest stored article "
        "unless --as-of is given.",
    )
    add_db_option(parser)
    parser.add_argument("--status", action="append", default=[],
                        choices=["pending", "fulfilled", "overdue", "cancelled"], help="only these statuses")
    parser.add_argument("--country", help="only commitments involving this country (ISO3)")
    parser.add_argument("--as-of", metavar="DATE", help="judge pending/overdue as of this day (or 'today')")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from communique.ingest import parse_date
    from communique.store import open_store

    as_of = None
    if args.as_of:
        as_of = dt.date.today() if args.as_of == "today" else parse_date(args.as_of, source="--as-of")
    with open_store(args.db) as store:
        page = store.commitments(status=args.status, country=args.country, as_of=as_of, limit=args.limit)
    if args.json:
        json.dump(page.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    rows = [("STATUS", "DUE", "TYPE", "COUNTRIES", "PLACE", "ROUND", "PROMISED", "KEPT BY EVENT")]
    for c in page.items:
        rows.append((c["status"], c["due"] or "-", c["type"], ",".join(c["countries"]), c["location"] or "",
                     str(c["series_round"] or ""), c["promised_on"], str(c["resolved_by_event_id"] or "")))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    print(f"({page.total} commitments)")
    return 0
