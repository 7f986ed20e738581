"""CPU cost of the TIMEX3 tagger: `communique timeml` over news articles, and per 1,000 words.

    .venv/bin/python benchmarks/timeml_speed.py [--docs 20] [--repeat 3]

Takes the first N files of ../shared/eval/timeml/aquaint (TempEval-3 news), runs the same code
path as `communique timeml IN_DIR OUT_DIR` into a temporary folder, and reports the CPU seconds
of the best of `--repeat` runs (process time, so other load on the machine does not count),
with the rules already compiled (compilation is reported separately, once per process).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from communique.settings import shared_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from communique.time.lexicon import rules
    from communique.time.tagger import _handlers
    from communique.time.timeml import read_timeml, tag_timeml, timeml_files

    started = time.process_time()
    rules()
    _handlers()
    compile_cpu = time.process_time() - started

    folder = shared_dir() / "eval" / "timeml" / "aquaint"
    files = timeml_files(folder)[: args.docs]
    raws = [(p.name, p.read_text(encoding="utf-8")) for p in files]
    words = sum(len(read_timeml(raw, source=name).text.split()) for name, raw in raws)
    best = float("inf")
    out = Path(tempfile.mkdtemp(prefix="timeml-bench-"))
    try:
        for _ in range(args.repeat):
            started = time.process_time()
            for name, raw in raws:
                (out / name).write_text(tag_timeml(raw, source=name), encoding="utf-8")
            best = min(best, time.process_time() - started)
    finally:
        shutil.rmtree(out)
    print(f"rules compiled once: {compile_cpu * 1000:.0f} ms CPU")
    print(f"{len(raws)} documents, {words} words: {best:.3f} s CPU (best of {args.repeat})")
    print(f"per 1,000 words: {best / words * 1000 * 1000:.2f} ms CPU")


if __name__ == "__main__":
    main()
