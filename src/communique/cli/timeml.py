"""`communique timeml IN_DIR OUT_DIR`: TempEval-3 Task A, TIMEX3 tags added to TimeML files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from communique.errors import CommuniqueError, InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "timeml", help="tag time expressions in TimeML files (TempEval-3 Task A)",
        description="Read each TimeML file of IN_DIR (.TE3input or .tml; the DCT from <DCT>, the text "
        "from <TEXT>) and write it under the same name to OUT_DIR with TIMEX3 tags (tid, type, value) "
        "inside <TEXT>, the text left exactly as it was.",
    )
    parser.add_argument("in_dir", metavar="IN_DIR", help="folder of TimeML input files")
    parser.add_argument("out_dir", metavar="OUT_DIR", help="folder for the tagged files (created)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from communique.time.timeml import tag_timeml, timeml_files

    in_dir, out_dir = Path(args.in_dir), Path(args.out_dir)
    if not in_dir.is_dir():
        raise InputError("not a folder", source=str(in_dir))
    out_dir.mkdir(parents=True, exist_ok=True)
    failures = 0
    for path in timeml_files(in_dir):
        try:
            tagged = tag_timeml(path.read_text(encoding="utf-8"), source=str(path))
        except CommuniqueError as err:
            failures += 1
            print(f"communique: {err}", file=sys.stderr)
            continue
        (out_dir / path.name).write_text(tagged, encoding="utf-8")
    return 1 if failures else 0
