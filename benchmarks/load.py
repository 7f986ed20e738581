"""Load test: many concurrent readers against `communique serve` on loopback while an ingest runs.

    .venv/bin/python benchmarks/load.py --clients 50 --duration 20      # serve's default --workers
    .venv/bin/python benchmarks/load.py --clients 50 --duration 20 --workers 1
    .venv/bin/python benchmarks/load.py --clients 50 --duration 20 --no-cache   # every read hits SQLite

Builds a SQLite store in a temporary folder from a sample of `../shared/corpus/` (`--preload`
documents), starts `communique serve` on a free loopback port, starts `communique ingest` of
`--ingest` more documents into the same store and waits until it has stored its first one, then
runs `--clients` concurrent clients, each on one keep-alive connection sending its next read as
soon as the previous answer is complete (a closed loop, no think time), over a fixed mix of
routes in a seeded order: `--warmup` seconds unmeasured, then `--duration` seconds measured.
Prints request count, throughput, p50/p90/p99/max latency (also by route), the error count,
the server's CPU time per request (robust to whatever else the machine runs), how many
documents the ingest stored while the reads were measured, and the load average before and
after. The exit status is 1 when any request failed or p99 is over `--p99-ms` (the issue's
target: zero errors and p99 < 200 ms at 50 clients on SQLite). The clients are raw asyncio
streams, not httpx: on 2 cores the load generator competes with the server, and httpx costs
about as much CPU per request as the server does. Bounded: fixed duration, loopback only,
nothing left running afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample import conditions, sample_records, write_jsonl  # noqa: E402

COMMUNIQUE = str(Path(sys.executable).with_name("communique"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


async def _wait_ready(base: str, timeout: float = 60.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            try:
                if (await client.get(f"{base}/api/stats", timeout=2)).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.2)
    raise SystemExit("communique serve did not come up in time")


async def _paths(base: str) -> list[str]:
    """The read mix: lists, details of real documents and events, stats, series, clusters."""
    import httpx

    paths = ["/api/events?limit=20", "/api/documents?limit=20", "/api/stats", "/api/series",
             "/api/clusters?limit=20", "/api/commitments", "/api/entities?limit=20",
             "/api/events?limit=20&country=USA", "/api/documents?q=minister&limit=10"]
    async with httpx.AsyncClient(base_url=base) as client:
        docs = (await client.get("/api/documents?limit=20")).json()
        events = (await client.get("/api/events?limit=20")).json()
    for item in (docs.get("items") or docs.get("documents") or [])[:10]:
        key = item.get("key") or item.get("doc_key") or item.get("id")
        if key:
            paths.append(f"/api/documents/{key}")
    for item in (events.get("items") or events.get("events") or [])[:10]:
        if item.get("id") is not None:
            paths.append(f"/api/events/{item['id']}")
    return paths


def _route(path: str) -> str:
    """Group details of different documents and events under one route."""
    for prefix in ("/api/documents/", "/api/events/"):
        if path.startswith(prefix):
            return prefix + "{id}"
    return path.split("?")[0] + ("?q" if "q=" in path else "")


class _Connection:
    """A lean HTTP/1.1 keep-alive client on asyncio streams: the load generator shares the 2 cores with
    the server, so it must cost far less per request than the server does (httpx costs about as much)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """GET `path`, read the whole body; returns the status (reconnects when the server closed)."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:] if x)}
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
        if headers.get("connection") == "close":
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def _reader(port: int, paths: list[str], until: float, latencies: list[tuple[str, float]],
                  errors: list[str], seed: int, record_from: float, sent: list[int]) -> None:
    """One client: a fixed (seeded) sequence of reads, each sent when the previous answer is complete."""
    rng = random.Random(seed)
    conn = _Connection("127.0.0.1", port)
    try:
        while time.monotonic() < until:
            path = rng.choice(paths)
            start = time.perf_counter()
            try:
                status = await asyncio.wait_for(conn.get(path), timeout=10.0)
                elapsed = time.perf_counter() - start
                if status != 200:
                    errors.append(f"{status} {path}")
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
                elapsed = time.perf_counter() - start
                errors.append(f"{type(exc).__name__} {path}")
                await conn.close()
            sent[0] += 1
            if time.monotonic() >= record_from:  # the warm-up (connections, first queries) is not counted
                latencies.append((_route(path), elapsed))
    finally:
        await conn.close()


async def _load(base: str, clients: int, duration: float,
                warmup: float) -> tuple[list[tuple[str, float]], list[str], float, int]:
    paths = await _paths(base)
    latencies: list[tuple[str, float]] = []
    errors: list[str] = []
    record_from = time.monotonic() + warmup
    until = record_from + duration
    port = int(base.rsplit(":", 1)[1])
    sent = [0]
    await asyncio.gather(*(_reader(port, paths, until, latencies, errors, seed, record_from, sent)
                           for seed in range(clients)))
    return latencies, errors, time.monotonic() - record_from, sent[0]


def _stored(db: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return -1


def _tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its children (the serve workers):
    per request, this is the server's cost whatever else the machine is running."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return float("nan")
    total = 0.0
    for proc in procs:
        try:
            times = proc.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def _wait_for_first_write(db: Path, before: int, ingest: subprocess.Popen, timeout: float = 180.0) -> float:
    """Block until the ingest has stored its first document (spaCy loads and parses a batch first), so
    that the reads are measured while documents are being written, not while the ingest is still
    starting; returns the seconds waited."""
    start = time.monotonic()
    while _stored(db) <= before and ingest.poll() is None and time.monotonic() - start < timeout:
        time.sleep(0.2)
    return time.monotonic() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of reading (measured)")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of reading before measuring")
    parser.add_argument("--preload", type=int, default=40, help="documents stored before the test")
    parser.add_argument("--ingest", type=int, default=300,
                        help="documents ingested during the test (reading starts once the first is stored)")
    parser.add_argument("--ingest-nice", type=int, default=0, metavar="N",
                        help="run the ingest under `nice -n N` (diagnosis: CPU competition vs. locking; "
                        "the issue's figure is with 0)")
    parser.add_argument("--no-cache", action="store_true",
                        help="serve with --no-cache: every read goes to the database (the worst case)")
    parser.add_argument("--workers", type=int, default=None,
                        help="`communique serve --workers` (default: serve's own default)")
    parser.add_argument("--p99-ms", type=float, default=200.0)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON here")
    args = parser.parse_args(argv)

    records = sample_records(args.preload + args.ingest, max_chars=20000)
    at_start = conditions()
    cache = "off" if args.no_cache else "on"
    print(f"load test: {args.clients} clients x {args.duration:.0f}s on loopback, SQLite, "
          f"response cache {cache}; {at_start}")
    with tempfile.TemporaryDirectory(prefix="communique-load-") as tmp:
        tmpdir = Path(tmp)
        db = tmpdir / "store.db"
        url = f"sqlite:///{db}"
        env = {**os.environ, "COMMUNIQUE_WRITE_TOKEN": ""}
        first = write_jsonl(records[: args.preload], tmpdir / "preload.jsonl")
        second = write_jsonl(records[args.preload:], tmpdir / "during.jsonl")
        subprocess.run([COMMUNIQUE, "ingest", str(first), "--db", url], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        before = _stored(db)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        log = (tmpdir / "serve.log").open("w")
        command = [COMMUNIQUE, "serve", "--db", url, "--port", str(port)]
        if args.no_cache:
            command.append("--no-cache")
        if args.workers is not None:
            command += ["--workers", str(args.workers)]
        server = subprocess.Popen(command, env=env,
                                  stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        ingest = None
        try:
            asyncio.run(_wait_ready(base))
            niced = ["nice", "-n", str(args.ingest_nice)] if args.ingest_nice else []
            ingest = subprocess.Popen([*niced, COMMUNIQUE, "ingest", str(second), "--db", url], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      start_new_session=True)
            waited = _wait_for_first_write(db, before, ingest)
            start_count = _stored(db)
            cpu_before, own_before = _tree_cpu(server.pid), time.process_time()
            latencies, errors, wall, sent = asyncio.run(_load(base, args.clients, args.duration, args.warmup))
            server_cpu, client_cpu = _tree_cpu(server.pid) - cpu_before, time.process_time() - own_before
            ingest_running = ingest.poll() is None
            during = _stored(db)
            load_end = os.getloadavg()[0]
        finally:
            for proc in (ingest, server):
                if proc is not None and proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGTERM)
                    try:
                        proc.wait(timeout=20)
                    except subprocess.TimeoutExpired:
                        os.killpg(proc.pid, signal.SIGKILL)
                        proc.wait()
            log.close()
    ms = [x * 1000 for _, x in latencies]
    by_route: dict[str, list[float]] = {}
    for route, x in latencies:
        by_route.setdefault(route, []).append(x * 1000)
    result = {
        "clients": args.clients, "duration_s": wall, "requests": len(ms), "errors": len(errors),
        "requests_per_s": len(ms) / wall if wall else 0.0,
        "p50_ms": _percentile(ms, 50), "p90_ms": _percentile(ms, 90), "p99_ms": _percentile(ms, 99),
        "max_ms": max(ms) if ms else float("nan"), "mean_ms": statistics.fmean(ms) if ms else float("nan"),
        "documents_before": before, "documents_at_reading_start": start_count,
        "documents_after_reading": during, "waited_for_first_write_s": waited, "workers": args.workers,
        "ingest_nice": args.ingest_nice,
        "load_average_1min_at_end": load_end,
        "server_cpu_ms_per_request": 1000 * server_cpu / max(1, sent),
        "client_cpu_ms_per_request": 1000 * client_cpu / max(1, sent),
        "ingest_still_running_at_end": ingest_running, "conditions": at_start,
    }
    print(f"requests {len(ms):,} in {wall:.1f}s ({result['requests_per_s']:.0f}/s), errors {len(errors)}")
    print(f"latency ms: p50 {result['p50_ms']:.1f}  p90 {result['p90_ms']:.1f}  p99 {result['p99_ms']:.1f}  "
          f"max {result['max_ms']:.1f}")
    print(f"CPU per request (all {sent:,} requests, warm-up too): "
          f"server {result['server_cpu_ms_per_request']:.2f} ms, "
          f"load generator {result['client_cpu_ms_per_request']:.2f} ms")
    print(f"ingest: {before} documents before; first write after {waited:.1f}s; {start_count} -> {during} "
          f"stored while reading"
          f"{' (still running at the end)' if ingest_running else ' (finished before the end)'}")
    print("by route (p50 / p99 ms, requests):")
    for route, values in sorted(by_route.items(), key=lambda kv: -_percentile(kv[1], 99)):
        print(f"  {route:32} {_percentile(values, 50):8.1f} {_percentile(values, 99):8.1f} {len(values):6}")
    result["by_route"] = {r: {"p50_ms": _percentile(v, 50), "p99_ms": _percentile(v, 99), "n": len(v)}
                          for r, v in by_route.items()}
    if errors:
        print("first errors: " + "; ".join(errors[:5]))
    ok = not errors and result["p99_ms"] < args.p99_ms
    print(f"load average at the end: {load_end:.2f} (1 min)")
    print(f"target (0 errors, p99 < {args.p99_ms:.0f} ms): {'met' if ok else 'NOT met'}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
