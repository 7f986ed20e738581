"""The batch output folder: Hive-partitioned Parquet tables and a manifest of done partitions.

    OUT/documents/month=2024-05/part-<partition>.parquet     (and events, participants, ...)
    OUT/_batch/inputs.json                                   what the folder was made from
    OUT/_batch/done/<partition>.json                         one per completed partition

Crash safety rests on two rules. Every file is written under a temporary name, flushed,
then renamed into place, so a reader never sees half a file. A partition's manifest is
written (the same way) only after all its files are in place; a partition without one is
redone on the next run, and its stray files from the crashed run are removed first, so
each document ends up in exactly one file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from communique.batch.tables import SCHEMAS, TABLES
from communique.errors import CommuniqueError


class OutputError(CommuniqueError):
    """The output folder cannot be used (E400)."""

    code = "E400"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_error(exc: OSError, path: Path) -> OutputError:
    return OutputError(f"cannot write ({exc.strerror or exc}); rerun to finish", source=str(path))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _write_error(exc, path) from None
    _fsync_dir(path.parent)


class BatchOutput:
    """One output folder; the driver is its only writer."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.meta = self.root / "_batch"
        self.done_dir = self.meta / "done"
        try:
            self.done_dir.mkdir(parents=True, exist_ok=True)
            for name in TABLES:
                (self.root / name).mkdir(exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the output folder ({exc.strerror or exc})",
                              source=str(self.root)) from None

    # -- inputs ------------------------------------------------------------------------------
    def check_inputs(self, inputs: dict[str, dict[str, Any]]) -> None:
        """Record the inputs; refuse to mix in partitions of a changed input or partition size."""
        path = self.meta / "inputs.json"
        known: dict[str, dict[str, Any]] = {}
        if path.exists():
            try:
                known = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                known = {}
        for key, info in inputs.items():
            old = known.get(key)
            if old is not None and old != info:
                raise OutputError(
                    f"holds partitions of {info['path']} as it was before (changed size, time or "
                    "--partition-size); use another --out or remove the folder", source=str(self.root))
        known.update(inputs)
        atomic_write_bytes(path, json.dumps(known, indent=1, sort_keys=True).encode())

    # -- partitions --------------------------------------------------------------------------
    def is_done(self, partition: str) -> bool:
        return (self.done_dir / f"{partition}.json").exists()

    def manifest(self, partition: str) -> dict[str, Any]:
        try:
            return json.loads((self.done_dir / f"{partition}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def done_partitions(self) -> list[dict[str, Any]]:
        out = []
        for path in sorted(self.done_dir.glob("*.json")):
            try:
                out.append(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                continue  # cannot happen with atomic writes; a damaged one is redone
        return out

    def remove_partial(self, partition: str) -> int:
        """Delete the files a crashed run left for `partition` (it has no manifest)."""
        removed = 0
        for name in TABLES:
            for path in (self.root / name).glob(f"month=*/part-{partition}.parquet"):
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def write_partition(self, partition: str, tables: dict[str, dict[str, pa.Table]],
                        info: dict[str, Any]) -> dict[str, Any]:
        """Write every table file of a partition, then its manifest."""
        files: list[str] = []
        counts: dict[str, int] = {}
        for name, by_month in tables.items():
            counts[name] = 0
            for month, table in by_month.items():
                if table.num_rows == 0:
                    continue
                folder = self.root / name / f"month={month}"
                folder.mkdir(exist_ok=True)
                path = folder / f"part-{partition}.parquet"
                self._write_parquet(path, table)
                files.append(str(path.relative_to(self.root)))
                counts[name] += table.num_rows
        manifest = {"partition": partition, "files": files, "rows": counts, **info}
        atomic_write_bytes(self.done_dir / f"{partition}.json",
                           json.dumps(manifest, indent=1, sort_keys=True).encode())
        return manifest

    def _write_parquet(self, path: Path, table: pa.Table) -> None:
        tmp = path.with_name(f".{path.name}.tmp")
        try:
            pq.write_table(table, tmp, compression="zstd")
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except OSError as exc:  # a full disk, a read-only or vanished folder: the run stops, one line
            tmp.unlink(missing_ok=True)
            raise _write_error(exc, path) from None
        _fsync_dir(path.parent)

    def ensure_every_table(self) -> None:
        """A table with no rows yet still gets one empty file, so `read_parquet('OUT/events/*/*.parquet')`
        works (DuckDB refuses a glob that matches nothing)."""
        for name in TABLES:
            folder = self.root / name
            if not any(folder.glob("month=*/part-*.parquet")):
                (folder / "month=unknown").mkdir(exist_ok=True)
                self._write_parquet(folder / "month=unknown" / "part-empty.parquet",
                                    SCHEMAS[name].empty_table())

    def clean_temporaries(self) -> None:
        for path in self.root.glob("*/month=*/.*.tmp"):
            path.unlink(missing_ok=True)
        for path in self.meta.rglob(".*.tmp"):
            path.unlink(missing_ok=True)
