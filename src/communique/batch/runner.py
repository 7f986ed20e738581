"""Running a batch: partitions from the driver, extraction on Dask workers, Parquet out.

The driver reads the inputs (streaming), checks ids, and keeps at most `max_in_flight`
partitions submitted at once, so memory does not grow with the corpus. Workers extract and
return Arrow tables; the driver alone writes files and manifests (see `output`), which keeps
crash safety in one place and lets workers run where the output folder is not mounted.
With `client=None` everything runs in this process (tests, debugging, no Dask at all).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.batch.output import BatchOutput
from communique.batch.partitions import Partition, SeenIds, count_records, fingerprint, input_key, partitions
from communique.batch.tables import empty_rows, error_row, one_line, to_tables
from communique.batch.worker import PartitionResult, extract_partition

DEFAULT_PARTITION_SIZE = 32  # small enough for frequent progress, large enough for spaCy batching


@dataclass
class BatchSummary:
    """What a batch did; `failed` decides the exit status."""

    out: str
    documents: int = 0
    errors: int = 0
    skipped_partitions: int = 0
    skipped_items: int = 0
    earlier_errors: int = 0  # recorded by an earlier run in partitions skipped now
    repeats: int = 0
    partitions: int = 0
    failed_partitions: list[str] = field(default_factory=list)
    words: int = 0

    @property
    def failed(self) -> bool:
        return bool(self.errors or self.earlier_errors or self.failed_partitions)


class BatchHooks:
    """Callbacks the CLI uses for progress and messages; the defaults do nothing."""

    def total(self, items: int) -> None: ...
    def advance(self, documents: int, errors: int, skipped: int, words: int) -> None: ...
    def error(self, line: str) -> None: ...


def _input_errors_only(partition: Partition) -> PartitionResult:
    """A partition with no documents needs no worker: its rows are its input errors."""
    rows = empty_rows()
    result = PartitionResult(partition=partition.name, tables={})
    for err in partition.errors:
        rows["errors"].append(error_row(err, partition=partition.name))
        result.errors += 1
        result.error_lines.append(str(err))
    result.tables = to_tables(rows)
    return result


def _merge_input_errors(partition: Partition, result: PartitionResult) -> PartitionResult:
    """Add the partition's input errors (read in the driver) to the worker's rows."""
    if not partition.errors:
        return result
    rows = empty_rows()
    for err in partition.errors:
        rows["errors"].append(error_row(err, partition=partition.name))
    import pyarrow as pa

    extra = to_tables(rows)["errors"]
    merged = dict(result.tables.get("errors", {}))
    for month, table in extra.items():
        merged[month] = pa.concat_tables([merged[month], table]) if month in merged else table
    result.tables["errors"] = merged
    result.errors += len(partition.errors)
    result.error_lines = [str(e) for e in partition.errors] + result.error_lines
    return result


def run_batch(
    inputs: list[str],
    out: str | Path,
    *,
    client: Any = None,
    date: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    max_in_flight: int | None = None,
    hooks: BatchHooks | None = None,
    extract: Callable[..., PartitionResult] = extract_partition,
) -> BatchSummary:
    """Extract every input into Parquet tables under `out`; partitions done before are skipped."""
    hooks = hooks or BatchHooks()
    output = BatchOutput(out)
    output.clean_temporaries()
    output.check_inputs({input_key(p): fingerprint(p, partition_size) for p in inputs})
    summary = BatchSummary(out=str(out))

    threading.Thread(target=lambda: hooks.total(sum(count_records(p) for p in inputs)),
                     daemon=True, name="communique-count").start()

    if max_in_flight is None:
        workers = len(client.scheduler_info().get("workers", {})) if client is not None else 1
        max_in_flight = max(2, 2 * workers)

    seen = SeenIds(output.meta / "seen-ids.sqlite")
    try:
        stream = partitions(inputs, size=partition_size, seen=seen, date=date)
        if client is None:
            for partition in _todo(stream, output, summary, hooks):
                result = (extract(partition.name, partition.documents) if partition.documents
                          else _input_errors_only(partition))
                _finish(partition, result, output, summary, hooks)
        else:
            _run_distributed(client, stream, output, summary, hooks, max_in_flight, extract)
    finally:
        seen.close()
        (output.meta / "seen-ids.sqlite").unlink(missing_ok=True)
    output.ensure_every_table()
    return summary


def _todo(stream: Iterator[Partition], output: BatchOutput, summary: BatchSummary,
          hooks: BatchHooks) -> Iterator[Partition]:
    """The partitions still to do; the done ones are counted and skipped."""
    for partition in stream:
        summary.partitions += 1
        summary.repeats += partition.repeats
        if output.is_done(partition.name):
            summary.earlier_errors += int(output.manifest(partition.name).get("errors", 0))
            summary.skipped_partitions += 1
            summary.skipped_items += len(partition.items)
            hooks.advance(len(partition.items), 0, len(partition.items), 0)
            continue
        output.remove_partial(partition.name)
        yield partition


def _finish(partition: Partition, result: PartitionResult, output: BatchOutput,
            summary: BatchSummary, hooks: BatchHooks) -> None:
    if partition.documents:
        result = _merge_input_errors(partition, result)
    output.write_partition(partition.name, result.tables, {
        "input": partition.input, "number": partition.number, "documents": result.documents,
        "errors": result.errors, "repeats": partition.repeats,
    })
    summary.documents += result.documents
    summary.errors += result.errors
    summary.words += result.words
    for line in result.error_lines:
        hooks.error(one_line(line))
    hooks.advance(result.documents + result.errors, result.errors, 0, result.words)


def _run_distributed(client: Any, stream: Iterator[Partition], output: BatchOutput, summary: BatchSummary,
                     hooks: BatchHooks, max_in_flight: int, extract: Callable[..., PartitionResult]) -> None:
    from distributed import as_completed

    pending: dict[Any, Partition] = {}
    done_queue = as_completed()
    run = uuid.uuid4().hex[:8]  # keys unique per run: a long-lived scheduler must not hand back an old result
    todo = _todo(stream, output, summary, hooks)
    exhausted = False

    def submit_more() -> None:
        nonlocal exhausted
        while not exhausted and len(pending) < max_in_flight:
            partition = next(todo, None)
            if partition is None:
                exhausted = True
                return
            if not partition.documents:
                _finish(partition, _input_errors_only(partition), output, summary, hooks)
                continue
            future = client.submit(extract, partition.name, partition.documents, pure=False,
                                   key=f"extract-{partition.name}-{run}", retries=1)
            pending[future] = partition
            done_queue.add(future)

    submit_more()
    while pending:
        future = next(done_queue)
        partition = pending.pop(future)
        try:
            result = future.result()
        except Exception as exc:  # noqa: BLE001 - a lost worker: the partition is redone next run
            reason = str(exc).splitlines()[0] if str(exc) else ""
            summary.failed_partitions.append(partition.name)
            hooks.error(f"{partition.input}: [E401] partition {partition.name} failed on a worker "
                        f"({type(exc).__name__}{': ' + reason if reason else ''}); rerun to retry it")
        else:
            _finish(partition, result, output, summary, hooks)
        submit_more()


def describe(summary: BatchSummary) -> str:
    """One line for the end of the command."""
    parts = [f"{summary.documents:,} documents extracted", f"{summary.errors:,} errors"]
    if summary.earlier_errors:
        parts.append(f"{summary.earlier_errors:,} errors recorded by an earlier run")
    if summary.skipped_partitions:
        parts.append(f"{summary.skipped_partitions:,} of {summary.partitions:,} partitions already done")
    if summary.repeats:
        parts.append(f"{summary.repeats:,} repeated documents stored once")
    if summary.failed_partitions:
        parts.append(f"{len(summary.failed_partitions):,} partitions failed (rerun to retry)")
    return f"{', '.join(parts)}; tables in {summary.out}"
