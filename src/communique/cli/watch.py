"""`communique watch FEED... --every 15m`: keep a store current from RSS/Atom feeds (and pages)."""

from __future__ import annotations

import argparse
import re
import sys
import time

from communique.cli.event_options import add_db_option
from communique.errors import CommuniqueError

_INTERVAL = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")


def parse_interval(text: str) -> float:
    """"15m", "1h", "90s", "2d" or plain seconds → seconds (at least one minute: be polite)."""
    match = _INTERVAL.match(text.strip().lower())
    if not match:
        raise CommuniqueError(f"interval {text!r} is not like 15m, 1h or 900", source="--every")
    seconds = float(match[1]) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match[2]]
    if seconds < 60:
        raise CommuniqueError("poll at most once a minute (--every 1m or more)", source="--every")
    return seconds


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "watch", help="poll feeds and store new articles, every so often",
        description="Fetch the feeds (conditional GET), extract and store new articles, re-link, then "
        "sleep; repeat until interrupted (or --rounds).",
    )
    parser.add_argument("feeds", nargs="+", metavar="URL", help="RSS/Atom feed (or page) URLs")
    add_db_option(parser)
    parser.add_argument("--every", default="15m", help="time between polls (default 15m)")
    parser.add_argument("--rounds", type=int, default=0, help="stop after this many polls (0: never)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from communique.cli.ingest import store_items
    from communique.pipeline import default_pipeline
    from communique.sources import Fetcher, read_urls
    from communique.store import open_store

    interval = parse_interval(args.every)
    failed_any = False
    fetcher = Fetcher()
    try:
        with open_store(args.db) as store:
            poll = 0
            while True:
                poll += 1
                items = default_pipeline().run(read_urls(args.feeds, store=store, fetcher=fetcher))
                counts, failures = store_items(store, items)
                failed_any = failed_any or bool(failures)
                if counts["new"] or counts["revised"]:
                    store.relink()
                stamp = time.strftime("%Y-%m-%d %H:%M:%S")
                print(f"{stamp} poll {poll}: {counts['new']} new, {counts['revised']} revised, "
                      f"{failures} failed", flush=True)
                if args.rounds and poll >= args.rounds:
                    break
                time.sleep(interval)
    finally:
        fetcher.close()
    if failed_any:
        print("communique: some articles could not be fetched or read (see above)", file=sys.stderr)
    return 1 if failed_any else 0
