"""The `communique` command: a thin shell over the library, one module per subcommand.

Each module in `COMMANDS` defines `register(subparsers)`, which adds its parser and sets
`func(args) -> int` (the exit status). Library code never prints; only these modules do.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from communique import __version__
from communique.errors import CommuniqueError

COMMANDS = ["extract", "timeml", "ingest", "query", "eval", "batch", "load", "export", "commitments",
            "reextract", "watch", "serve", "series", "get"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="communique",
        description="Diplomatic press releases into evidence-linked PLOVER event records.",
    )
    parser.add_argument("--version", action="version", version=f"communique {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"communique.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"communique.cli.{name}":
                continue  # a command whose module has not landed yet
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except CommuniqueError as err:
        print(f"communique: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("communique: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
