"""`communique eval --gold PATH [--system FILE] [--json]`: event scores as EXTRACTION.md section 4.

Without `--system`, the gold documents' texts are extracted here first (with their ids, so the
pairing is exact); with it, a saved extraction is scored. The metrics are Communique's own
(`communique.events.scoring`), so the command works without `../shared`.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from communique.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval", help="score event extraction against gold (P/R/F1, confusions, attribute accuracy)",
        description="Score events against gold communique/1 documents. Without --system the gold "
        "texts are extracted first.",
    )
    parser.add_argument("--gold", required=True, help="gold: a folder of *.json, a .jsonl or a .json file")
    parser.add_argument("--system", help="system output to score instead of extracting the gold texts")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.set_defaults(func=run)


def _load(path: str) -> list[dict[str, Any]]:
    from communique.events.scoring import load_documents

    try:
        docs = load_documents(path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read ({exc})", source=path) from None
    return docs


def extract_gold_texts(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Run the pipeline over the gold documents' texts, keeping their ids."""
    from communique.document import Document
    from communique.ingest import record_to_document
    from communique.pipeline import default_pipeline

    documents = []
    for k, data in enumerate(gold):
        try:
            documents.append(record_to_document(data, source=f"gold document {k + 1}",
                                                fallback_id=f"gold-{k + 1}"))
        except InputError as err:
            print(f"communique: {err}", file=sys.stderr)
    system = []
    for result in default_pipeline().process(documents):
        if isinstance(result, Document):
            system.append(result.to_json())
        else:
            print(f"communique: {result}", file=sys.stderr)
    return system


def run(args: argparse.Namespace) -> int:
    from communique.events.scoring import format_report, score

    gold = _load(args.gold)
    if not gold:
        raise InputError("no gold documents", source=args.gold)
    system = _load(args.system) if args.system else extract_gold_texts(gold)
    figures = score(gold, system)
    if args.json:
        print(json.dumps(figures, indent=1, ensure_ascii=False))
    else:
        print(format_report(figures))
    return 0
