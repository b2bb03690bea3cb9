"""Speed of the whole pipeline on the real reports: characters per second.

    python bench/speed.py [--repeat 7] [--corpus ../shared/corpus]

Each run reads, normalises, parses, extracts, runs every rule and formats JSON
for every corpus file; the figure is the median of ``--repeat`` runs (the first
run, which builds the grammar, is excluded and reported separately).
"""
from __future__ import annotations

import argparse
import glob
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    a = ap.parse_args()

    from linter.config import Config
    from linter.engine import check_file
    from linter.formatters.json import JsonFormatter

    files = sorted(glob.glob(os.path.join(a.corpus, "*.txt")) + glob.glob(os.path.join(a.corpus, "*.md")))
    if not files:
        print(f"no corpus at {a.corpus}", file=sys.stderr)
        return 2
    chars = sum(len(open(f, encoding="utf-8").read()) for f in files)
    config = Config()

    def once() -> float:
        t0 = time.perf_counter()
        results = [check_file(f, config) for f in files]
        JsonFormatter().format(results)
        return time.perf_counter() - t0

    first = once()
    times = [once() for _ in range(a.repeat)]
    med = statistics.median(times)
    print(f"corpus: {len(files)} files, {chars} characters")
    print(f"first run (grammar built): {first * 1000:.0f} ms")
    print(f"median of {a.repeat} runs: {med * 1000:.1f} ms  ->  {chars / med:,.0f} characters/second")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
