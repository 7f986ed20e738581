"""`communique eval --gold PATH [--system FILE] [--texts DIR_OR_FILE] [--json]`: event scores as
EXTRACTION.md section 4.

Without `--system`, the gold documents' texts are extracted here first (with their ids, so the
pairing is exact); with it, a saved extraction is scored. The metrics are Communique's own
(`communique.events.scoring`), so the command works without `../shared`.

Gold documents may leave out their `text` and point at a corpus record instead (`"source":
{"corpus": "<file name>", "id": "<record id>"}`, as `eval/corpus-gold/` does, so that no corpus
text is copied into the repository). Such texts are filled in from `--texts` (a folder of JSON Lines
files, plain or gzip-compressed, or one such file; default: the corpus folder of `../shared`) and
checked against the gold `document.sha256`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
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
    parser.add_argument("--texts", metavar="DIR_OR_FILE",
                        help="where gold documents without a text find it: a folder of corpus JSON Lines "
                        "files (.jsonl or .jsonl.gz) or one such file; "
                        "default: the corpus folder of ../shared")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.set_defaults(func=run)


def _load(path: str) -> list[dict[str, Any]]:
    from communique.events.scoring import load_documents

    try:
        docs = load_documents(path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read ({exc})", source=path) from None
    return docs


def default_texts_dir() -> Path:
    """The corpus folder of `../shared` (`communique.settings.shared_dir()`)."""
    from communique.settings import shared_dir

    return shared_dir() / "corpus"


def _records(path: Path, wanted: set[str]) -> Iterator[dict[str, Any]]:
    """The records of one JSON Lines file (plain or .gz) whose id is in `wanted`.

    Lines are only parsed when the JSON form of a wanted id occurs in them, so a 60 MB shard is
    read quickly."""
    needles = [json.dumps(w, ensure_ascii=False) for w in wanted] + [json.dumps(w) for w in wanted]
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if any(needle in line for needle in needles):
                    record = json.loads(line)
                    if isinstance(record, dict) and record.get("id") in wanted:
                        yield record
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, EOFError) as exc:
        raise InputError(f"cannot read corpus file ({exc})", source=str(path)) from None


def _corpus_files(texts: Path) -> list[Path]:
    if texts.is_dir():
        return sorted(p for p in texts.iterdir() if p.name.endswith((".jsonl", ".jsonl.gz")))
    return [texts]


def fill_gold_texts(gold: list[dict[str, Any]], texts: str | Path | None = None) -> list[dict[str, Any]]:
    """Give every gold document without a `text` the text of its corpus record.

    The record is found by `source` (`{"corpus": file name, "id": record id}`) or, without one, by
    `document.id` in every corpus file of `texts`. Raises `InputError` (one line, naming the file)
    when the corpus is missing, the record is not in it, or its sha256 differs from the gold's.
    Documents that have a text are returned unchanged."""
    todo = [doc for doc in gold if not isinstance(doc.get("text"), str)]
    if not todo:
        return gold
    root = Path(texts) if texts is not None else default_texts_dir()
    if not root.exists():
        raise InputError("corpus not found (give the folder or file of the gold texts with --texts)",
                         source=str(root))
    wanted_by_file: dict[Path | None, set[str]] = {}
    keys: list[tuple[dict[str, Any], dict[str, Any], str]] = []  # (doc, source, record id), found once
    for doc in todo:
        source = doc.get("source") if isinstance(doc.get("source"), dict) else {}
        record_id = source.get("id") or (doc.get("document") or {}).get("id")
        if not isinstance(record_id, str) or not record_id:
            raise InputError("gold document has neither a text nor a source id", source=str(root))
        keys.append((doc, source, record_id))
        corpus = source.get("corpus")
        if root.is_dir() and isinstance(corpus, str) and corpus:
            path = root / corpus
            if not path.exists():
                raise InputError(f"corpus file not found (needed for {record_id})", source=str(path))
            wanted_by_file.setdefault(path, set()).add(record_id)
        else:
            wanted_by_file.setdefault(None, set()).add(record_id)
    found: dict[str, dict[str, Any]] = {}
    for path, wanted in wanted_by_file.items():
        for file in [path] if path is not None else _corpus_files(root):
            for record in _records(file, wanted - found.keys()):
                found.setdefault(record["id"], record)
    for doc, source, record_id in keys:
        record = found.get(record_id)
        if record is None or not isinstance(record.get("text"), str):
            where = root / source["corpus"] if root.is_dir() and source.get("corpus") else root
            raise InputError(f"no text for gold document {record_id}", source=str(where))
        text = record["text"]
        expected = (doc.get("document") or {}).get("sha256")
        if expected and hashlib.sha256(text.encode("utf-8")).hexdigest() != expected:
            raise InputError(f"text of {record_id} does not match the gold sha256 (another corpus version?)",
                             source=str(root))
        doc["text"] = text
        doc.setdefault("document", {}).setdefault("date", record.get("date"))
    return gold


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
    if not args.system or args.texts:
        gold = fill_gold_texts(gold, args.texts)
    system = _load(args.system) if args.system else extract_gold_texts(gold)
    figures = score(gold, system)
    if args.json:
        print(json.dumps(figures, indent=1, ensure_ascii=False))
    else:
        print(format_report(figures))
    return 0
