"""Storing speed: the Parquet output of a batch loaded into SQLite and PostgreSQL (`communique load`).

    .venv/bin/python benchmarks/ingest.py --docs 120
    .venv/bin/python benchmarks/ingest.py --docs 120 --pg postgresql+psycopg://user:pw@127.0.0.1/db

Extraction happens once, in this process (`run_batch` without Dask), so the figures are the
store's alone: documents/s and words/s of `Store.add` (one transaction per document), then
the time of one re-link. The PostgreSQL URL comes from --pg or $COMMUNIQUE_TEST_PG_URL; its
tables are emptied first, so give it a scratch database.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample import conditions, peak_rss_mb, sample_records, words, write_jsonl  # noqa: E402


def _reset(url: str) -> None:
    from sqlalchemy import create_engine

    from communique.store.schema import metadata

    engine = create_engine(url)
    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    engine.dispose()


def _load(out: Path, url: str) -> dict:
    from communique.batch.load import iter_documents
    from communique.store import open_store

    documents = list(iter_documents(out))
    n_words = sum(len(d.text.split()) for d in documents)
    with open_store(url) as store:
        start = time.perf_counter()
        outcomes = [store.add(d) for d in documents]
        add_s = time.perf_counter() - start
        start = time.perf_counter()
        store.relink()
        relink_s = time.perf_counter() - start
        start = time.perf_counter()
        again = [store.add(d) for d in documents]
        again_s = time.perf_counter() - start
    return {"documents": len(documents), "events": sum(o.n_events for o in outcomes),
            "add_seconds": add_s, "docs_per_s": len(documents) / add_s, "words_per_s": n_words / add_s,
            "relink_seconds": relink_s, "reload_unchanged_docs_per_s": len(documents) / again_s,
            "unchanged_on_reload": sum(o.action == "unchanged" for o in again)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--pg", default=os.environ.get("COMMUNIQUE_TEST_PG_URL"),
                        help="a scratch PostgreSQL database URL (emptied first)")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)

    from communique.batch import run_batch

    records = sample_records(args.docs, max_chars=30000)
    print(f"sample: {len(records)} documents, {words(records):,} words ({conditions()})")
    results: dict = {"conditions": conditions()}
    with tempfile.TemporaryDirectory(prefix="communique-ingest-") as tmp:
        out = Path(tmp) / "out"
        start = time.perf_counter()
        run_batch([str(write_jsonl(records, Path(tmp) / "s.jsonl"))], out)
        print(f"extracted once in {time.perf_counter() - start:.1f}s (not part of the figures below)")
        targets = {"sqlite": f"sqlite:///{tmp}/store.db"}
        if args.pg:
            targets["postgresql"] = args.pg
        for name, url in targets.items():
            if name == "postgresql":
                _reset(url)
            r = _load(out, url)
            results[name] = r
            print(f"{name:10}: {r['documents']} documents stored in {r['add_seconds']:.2f}s "
                  f"({r['docs_per_s']:.1f} docs/s, {r['words_per_s']:,.0f} words/s); relink "
                  f"{r['relink_seconds']:.2f}s; reload of the same output "
                  f"{r['reload_unchanged_docs_per_s']:.0f} "
                  f"docs/s, {r['unchanged_on_reload']} unchanged")
        if not args.pg:
            print("postgresql: skipped (give --pg URL or set COMMUNIQUE_TEST_PG_URL)")
    results["peak_rss_mb"] = peak_rss_mb()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
