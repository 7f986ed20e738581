"""`communique series [KEY] [--country C] [--json]`: dialogue series, or one series' timeline."""

from __future__ import annotations

import argparse
import json
import sys

from communique.cli.event_options import add_db_option
from communique.errors import CommuniqueError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "series", help="list recurring dialogues, or show one dialogue's rounds",
        description="Without KEY: every dialogue series (parties, frequency, rounds, next round expected). "
        "With KEY (from the list): its timeline of rounds with dates, places, topics and sources.",
    )
    parser.add_argument("key", nargs="?", help="a series key from the list")
    add_db_option(parser)
    parser.add_argument("--country", help="only series with this country (ISO3)")
    parser.add_argument("-q", "--text", help="words of the series name")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from communique.store import open_store

    with open_store(args.db) as store:
        data = store.series(args.key) if args.key else store.series_list(
            country=args.country, q=args.text, limit=1000).to_json()
    if data is None:
        raise CommuniqueError("no such series (see `communique series` for keys)", source=args.key)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.key:
        print(f"{data['name']} ({', '.join(data['countries'])}; {data['frequency'] or 'frequency unknown'})")
        for entry in data["rounds"]:
            number = f"round {entry['round']}" if entry["round"] is not None else "round ?"
            print(f"  {number:9} {entry['date']:10}  {entry['location'] or '':20}  "
                  f"{len(entry['documents'])} source(s)  {'; '.join(entry['topics'][:4])}")
        nxt = data["next_expected"]
        if nxt:
            where = nxt["location"] or ""
            print(f"  next: round {nxt['round'] or '?'} due {nxt['due']} {where} ({nxt['basis']})")
    else:
        for item in data["items"]:
            due = (item["next_expected"] or {}).get("due") or "not known"
            print(f"{item['key']}\n    {item['name']} | {' '.join(item['countries'])} | "
                  f"{item['n_rounds']} round(s), last {item['last_date']} | next {due}")
        print(f"({data['total']} series)")
    return 0
