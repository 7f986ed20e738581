"""`communique extract PATH... [--date D] [-o FILE]`: one communique/1 JSON per input."""

from __future__ import annotations

import argparse
import json
import sys

from communique.errors import CommuniqueError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract", help="extract events from articles and print communique/1 JSON",
        description="Extract entities, time expressions and PLOVER events from articles. One "
        "input gives one pretty-printed JSON document; several give JSON Lines.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files: seed form (' date YYYY-MM-DD ' header), .txt with "
                        "--date, .html, .json, .jsonl(.gz) corpora, or folders of them")
    parser.add_argument("--date", help="publication date (YYYY-MM-DD) for inputs that carry none")
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    parser.add_argument("--jsonl", action="store_true", help="always write JSON Lines")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from communique.ingest import parse_date, read_inputs
    from communique.pipeline import default_pipeline

    if args.date:
        parse_date(args.date, source="--date")
    results = default_pipeline().run(read_inputs(args.paths, date=args.date))
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    failures = 0
    first: dict | None = None  # held back: one document is pretty-printed, several are JSON Lines
    streaming = bool(args.jsonl)
    try:
        for result in results:
            if isinstance(result, CommuniqueError):
                failures += 1
                print(f"communique: {result}", file=sys.stderr)
                continue
            data = result.to_json()
            if not streaming and first is None:
                first = data
                continue
            if first is not None:
                out.write(json.dumps(first, ensure_ascii=False) + "\n")
                first = None
            streaming = True
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
        if first is not None:
            out.write(json.dumps(first, ensure_ascii=False, indent=1) + "\n")
    finally:
        if args.output:
            out.close()
    return 1 if failures else 0
