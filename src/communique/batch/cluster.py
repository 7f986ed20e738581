"""A local Dask cluster set up the way a batch needs it.

One thread per worker process (spaCy is not shared between threads), no memory limit (the
partitions bound memory), loopback only, and the scheduler's HTTP server on a free port:
Dask's default, port 8787, collides with any other cluster on the machine and Dask then
warns on every start.
"""

from __future__ import annotations

import logging
from typing import Any

LOOPBACK_ANY_PORT = "127.0.0.1:0"


def local_cluster(workers: int, *, processes: bool = True, quiet: bool = True) -> Any:
    """A `distributed.LocalCluster`; use it as a context manager, or close it."""
    from distributed import LocalCluster

    extra: dict[str, Any] = {"host": "127.0.0.1"} if processes else {}  # in-process clusters use inproc://
    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                        dashboard_address=LOOPBACK_ANY_PORT, memory_limit=0,
                        silence_logs=logging.ERROR if quiet else logging.WARNING, **extra)
