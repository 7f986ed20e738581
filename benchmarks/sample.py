"""Shared by the benchmark scripts: a fixed, spread-out sample of `../shared/corpus/` and memory probes.

Nothing here copies corpus text into the repository: the sample is read by path at run time.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import resource
import threading
import time
from pathlib import Path

from communique.settings import shared_dir


def corpus_files(pattern: str = "*.jsonl.gz") -> list[str]:
    files = sorted(glob.glob(str(shared_dir() / "corpus" / pattern)))
    if not files:
        raise SystemExit(f"no corpus at {shared_dir() / 'corpus'} (set COMMUNIQUE_SHARED)")
    return files


def sample_records(n: int, *, pattern: str = "*.jsonl.gz", max_chars: int | None = None) -> list[dict]:
    """`n` records spread evenly over every shard matching `pattern` (same records on every run)."""
    files = corpus_files(pattern)
    counts = []
    for path in files:
        with gzip.open(path, "rb") as handle:
            counts.append(sum(1 for _ in handle))
    total = sum(counts)
    step = max(1, total // n)
    out: list[dict] = []
    index = 0
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if index % step == 0 and len(out) < n:
                    record = json.loads(line)
                    if max_chars is None or len(record["text"]) <= max_chars:
                        out.append(record)
                index += 1
    return out


def write_jsonl(records: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def words(records: list[dict]) -> int:
    return sum(len(r["text"].split()) for r in records)


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TreeMemory:
    """Samples the summed RSS of this process and its children (Dask workers) in a thread."""

    def __init__(self, interval: float = 0.2) -> None:
        import psutil

        self._psutil = psutil
        self.interval = interval
        self.peak_mb = 0.0
        self.peak_by_pid: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = self._psutil.Process(os.getpid())
        while not self._stop.is_set():
            total = 0.0
            try:
                procs = [me, *me.children(recursive=True)]
            except self._psutil.Error:
                procs = [me]
            for proc in procs:
                try:
                    rss = proc.memory_info().rss / (1024 * 1024)
                except self._psutil.Error:
                    continue
                total += rss
                self.peak_by_pid[proc.pid] = max(self.peak_by_pid.get(proc.pid, 0.0), rss)
            self.peak_mb = max(self.peak_mb, total)
            time.sleep(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def conditions() -> str:
    """The machine's state, printed with every result: figures under load are not quiet-machine figures."""
    load1, load5, _ = os.getloadavg()
    return f"{os.cpu_count()} cores, load average {load1:.2f} (1 min) {load5:.2f} (5 min) at start"
