"""`communique batch INPUT... --out DIR`: extract a corpus on Dask into date-partitioned Parquet."""

from __future__ import annotations

import argparse
import os
import sys

from communique.errors import CommuniqueError


def register(subparsers: argparse._SubParsersAction) -> None:
    from communique.batch import DEFAULT_PARTITION_SIZE

    parser = subparsers.add_parser(
        "batch", help="extract a whole corpus on Dask workers into Parquet tables",
        description="Read article files and JSON Lines corpora (gzip too) in partitions, extract them on "
        "Dask workers and write Parquet tables (documents, events, participants, entities, timexes, "
        "errors) partitioned by month under --out. A rerun skips the partitions already done. Bad "
        "input is reported one line each and recorded in the errors table; the exit status is 1 "
        "when anything failed.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="article files, .jsonl(.gz) corpora or folders of them")
    parser.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="a running Dask scheduler (tcp://host:8786); default: a local cluster")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="worker processes of the local cluster (default: the number of cores); "
                        "0 runs in this process without Dask")
    parser.add_argument("--partition-size", type=int, default=DEFAULT_PARTITION_SIZE, metavar="N",
                        help=f"documents per partition (default {DEFAULT_PARTITION_SIZE})")
    parser.add_argument("--date", help="publication date (YYYY-MM-DD) for inputs that carry none")
    parser.add_argument("--quiet", action="store_true", help="no progress line, only errors and summary")
    parser.set_defaults(func=run)


class _Hooks:
    """Progress on stderr and one line per error."""

    def __init__(self, quiet: bool) -> None:
        from communique.progress import Progress

        self.progress = Progress(None if quiet else sys.stderr, label="communique batch")

    def total(self, items: int) -> None:
        self.progress.set_total(items)

    def advance(self, documents: int, errors: int, skipped: int, words: int) -> None:
        self.progress.advance(documents, errors=errors, skipped=skipped, words=words)

    def error(self, line: str) -> None:
        self.progress.message(f"communique: {line}")
        if self.progress.stream is None:
            print(f"communique: {line}", file=sys.stderr)


def _local_cluster(workers: int):  # type: ignore[no-untyped-def]
    from distributed import Client

    from communique.batch.cluster import local_cluster

    cluster = local_cluster(workers)
    return cluster, Client(cluster)


def run(args: argparse.Namespace) -> int:
    from communique.batch import describe, run_batch
    from communique.batch.worker import warm_up
    from communique.ingest import parse_date

    if args.date:
        parse_date(args.date, source="--date")
    if args.partition_size < 1:
        raise CommuniqueError("must be at least 1", source="--partition-size")
    workers = args.workers if args.workers is not None else (os.cpu_count() or 1)
    hooks = _Hooks(args.quiet)
    cluster = client = None
    try:
        if args.scheduler:
            from distributed import Client

            try:
                client = Client(args.scheduler, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise CommuniqueError(f"cannot reach the Dask scheduler ({exc})",
                                      source=args.scheduler) from None
        elif workers > 0:
            cluster, client = _local_cluster(workers)
        if client is not None:
            try:
                client.run(warm_up)  # every worker loads spaCy once, before the clock of the first task
            except Exception as exc:  # noqa: BLE001 - a worker that cannot load the pipeline: one line
                raise CommuniqueError(f"the workers cannot load the pipeline ({type(exc).__name__}: {exc})",
                                      source=args.scheduler or "local cluster") from None
            if not args.quiet:
                n = len(client.scheduler_info().get("workers", {}))
                workers_text = f"{n} worker{'' if n == 1 else 's'}"
                hooks.progress.message(f"communique batch: {workers_text} ready at "
                                       f"{client.scheduler.address}; tables go to {args.out}")
        summary = run_batch(args.inputs, args.out, client=client, date=args.date,
                            partition_size=args.partition_size, hooks=hooks)
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    hooks.progress.finish()
    print(f"communique batch: {describe(summary)}", file=sys.stderr)
    return 1 if summary.failed else 0
