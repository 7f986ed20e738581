"""Batch extraction at scale: streaming partitions, Dask workers, date-partitioned Parquet.

    from communique.batch import run_batch
    summary = run_batch(["corpus.jsonl.gz"], "out/", client=distributed_client)

`communique load` reads the output back into the store (`communique.batch.load`).
"""

from communique.batch.runner import DEFAULT_PARTITION_SIZE, BatchHooks, BatchSummary, describe, run_batch
from communique.batch.tables import SCHEMAS, TABLES

__all__ = ["DEFAULT_PARTITION_SIZE", "SCHEMAS", "TABLES", "BatchHooks", "BatchSummary", "describe",
           "run_batch"]
