"""How fast: characters per second per stage, scaling, -j, start-up, memory.

    python bench/speed.py [--repeat 5] [--scales 1,10,100] [--corpus ../shared/corpus]
                          [--no-cli] [--no-jobs] [--json]

Measures, in one run (every figure the median of ``--repeat`` runs):

1. **Stages** on the real reports: read (bytes → Source), normalise, parse (the
   Lark grammar over every paragraph), extract (facts from the parse; the
   ``Document.facts`` time minus the parse), rules (every selected rule on a
   Document whose facts are built), format (JSON), and the whole pipeline
   (``check_file`` + JSON) — in characters per CPU-second of this process, i.e.
   per core. The grammar is built before timing starts (its cost is shown apart).
2. **Floor**: one pass of a regular expression for figures with units over the
   same text, in the same run; the pipeline's cost is given as a multiple of it.
3. **Scaling**: one synthetic report 1×, 10×, 100× (1000× with ``--scales
   1,10,100,1000``: about 80 million characters, several GB of memory and a long
   run) the corpus' size — the reports concatenated, every decimal figure varied
   per copy — each checked in a fresh process; CPU time per character relative to
   1× (1.00 is linear) and the peak memory over the input's size in bytes
   (tracemalloc's peak up to 10×, the growth of the resident size beyond). The
   same figures recur in every copy, so rules that compare every statement of a
   figure with the others see groups that grow with the scale: a stress test of
   their complexity, harsher than any real report. The copies also contradict each
   other, so findings grow faster than the text up to 10× (73 at 1×, 3,543 at 10×,
   about 5 per thousand characters from there on): the table gives the check's own
   cost per character apart from the whole (check and JSON output, written as the
   command line writes it).
4. **-j 2 against -j 1**: the CLI on ten copies of each corpus report (fifty files: a
   shorter batch measures mostly the start-up of the workers).
5. **Start-up**: wall time of ``jixiao-lint --version`` and of checking one
   report (the largest) from the command line.

Prints Markdown tables the README can take; ``--json`` prints the figures.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

# The regular-expression floor: every figure with its unit, one pass.
FLOOR_RE = re.compile(r"\d+(?:[.,]\d+)*\s*(?:万元|亿元|元|%|％|分|年|月|日|人|个|项)")
_DECIMAL = re.compile(r"(?<![\d.])(\d+)\.(\d+)")


def corpus_files(corpus: str) -> list[str]:
    return sorted(
        os.path.join(corpus, n) for n in os.listdir(corpus) if n.endswith((".txt", ".md"))
    )


def synthetic(texts: list[str], scale: int, seed: int = 7) -> str:
    """One report ``scale`` times the corpus: the reports in turn, every decimal
    figure of each copy after the first varied in its last digits."""
    rng = random.Random(seed)
    out = []
    for copy in range(scale):
        for t in texts:
            if copy:
                t = _DECIMAL.sub(lambda m: f"{m.group(1)}.{rng.randrange(10 ** len(m.group(2))):0{len(m.group(2))}d}", t)
            out.append(t)
    return "\n\n".join(out)


def median_time(fn, repeat: int, clock=time.process_time) -> float:
    """The median time of ``fn``, with the cyclic garbage collector off as the engine
    has it while it checks a report (on, its passes over the objects the benchmark
    keeps alive land in whichever stage happens to cross a threshold)."""
    times = []
    was_on = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            t0 = clock()
            fn()
            times.append(clock() - t0)
            gc.collect()
    finally:
        if was_on:
            gc.enable()
    return statistics.median(times)


# --- 1. stages ------------------------------------------------------------------


def stages(files: list[str], repeat: int) -> dict:
    from linter.config import Config
    from linter.document import Document
    from linter.engine import check_file
    from linter.formatters.json import JsonFormatter
    from linter.normalise import normalise
    from linter.parsing import inline_parser, parse_text
    from linter.readers import read_path
    from linter.registry import select_rules

    config = Config()
    t0 = time.perf_counter()
    inline_parser()
    grammar = time.perf_counter() - t0
    rules = select_rules(config)
    sources = [read_path(f) for f in files]
    chars = sum(len(s.text) for s in sources)
    paragraphs = [normalise(s) for s in sources]
    results = [check_file(f, config) for f in files]

    def read():
        for f in files:
            read_path(f)

    def norm():
        for s in sources:
            normalise(s)

    def parse():
        for ps in paragraphs:
            for p in ps:
                parse_text(p.text)

    def facts():
        for s in sources:
            Document(s, config).facts

    docs: list = []

    def prepare_docs():
        docs.clear()
        for s in sources:
            d = Document(s, config)
            d.facts
            docs.append(d)

    per_rule: dict[str, list[float]] = {r.code: [] for r in rules}

    def run_rules():
        spent = dict.fromkeys(per_rule, 0.0)
        for d in docs:
            for r in rules:
                t0 = time.process_time()
                try:
                    list(r().check(d))
                except Exception:  # noqa: BLE001 - a broken rule is the engine's JX009, not ours
                    pass
                spent[r.code] += time.process_time() - t0
        for code, s in spent.items():
            per_rule[code].append(s)

    def fmt():
        JsonFormatter().format(results)

    def whole():
        JsonFormatter().format([check_file(f, config) for f in files])

    text = "\n".join(s.text for s in sources)

    def floor():
        sum(1 for _ in FLOOR_RE.finditer(text))

    t = {
        "read": median_time(read, repeat),
        "normalise": median_time(norm, repeat),
        "parse": median_time(parse, repeat),
    }
    t["extract"] = max(median_time(facts, repeat) - t["parse"] - t["normalise"], 1e-9)
    rule_times = []
    gc.disable()
    for _ in range(repeat):
        prepare_docs()
        t0 = time.process_time()
        run_rules()
        rule_times.append(time.process_time() - t0)
        gc.collect()
    gc.enable()
    t["rules"] = statistics.median(rule_times)
    t["format (json)"] = median_time(fmt, repeat)
    t["whole pipeline"] = median_time(whole, repeat)
    floor_t = median_time(floor, max(repeat, 20))
    slow = sorted(((statistics.median(v), k) for k, v in per_rule.items()), reverse=True)
    return {"files": len(files), "chars": chars, "grammar_build_s": grammar, "seconds": t,
            "floor_s": floor_t, "rules": len(rules), "slowest_rules": [[k, s] for s, k in slow[:8]]}


# --- 3. scaling (one fresh process per scale) -------------------------------------


def one_scale(corpus: str, scale: int, trace: bool = False) -> dict:
    """Check one synthetic report of ``scale`` × the corpus; run in a child process.

    With ``trace``, the peak of Python's own allocations while checking (tracemalloc,
    slower) instead of the times; without, the growth of the peak resident size. Both
    after checking one corpus report, so what a process loads once is not counted."""
    from linter.config import Config
    from linter.engine import check_source
    from linter.formatters.json import JsonFormatter
    from linter.formula import formula_parser
    from linter.parsing import inline_parser
    from linter.source import Source

    # both grammars are built once per process, when first needed
    inline_parser()
    formula_parser()
    texts = [open(f, encoding="utf-8").read() for f in corpus_files(corpus)]
    # one small report first: modules, rules, vocabulary and compiled patterns are loaded
    # once per process, not in proportion to the input, so neither figure counts them
    # (nor the grammars above)
    JsonFormatter().format([check_source(Source(path="warm-up.txt", text=texts[0]), Config())])
    text = synthetic(texts, scale)
    nbytes = len(text.encode("utf-8"))
    t0 = time.process_time()
    sum(1 for _ in FLOOR_RE.finditer(text))
    floor = time.process_time() - t0
    if trace:
        import tracemalloc

        tracemalloc.start()
        result = check_source(Source(path="synthetic.txt", text=text), Config())
        _emit(JsonFormatter(), result)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {"scale": scale, "bytes": nbytes, "traced_peak": peak}
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.process_time()
    result = check_source(Source(path="synthetic.txt", text=text), Config())
    checked = time.process_time() - t0
    _emit(JsonFormatter(), result)
    cpu = time.process_time() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"scale": scale, "chars": len(text), "bytes": nbytes, "cpu_s": cpu, "check_s": checked,
            "floor_s": floor, "findings": len(result.findings), "peak_rss_kib": peak, "rss_before_kib": rss0}


def _emit(formatter, result) -> None:
    """Write the output as the command line does: in the formatter's pieces, as they
    come, to a file (here the null device)."""
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for piece in formatter.chunks([result]):
            sink.write(piece)


def scaling(corpus: str, scales: list[int], repeat: int) -> list[dict]:
    out = []
    for scale in scales:
        runs = []
        # the big ones take minutes: one run each
        for _ in range(repeat if scale <= 10 else 1):
            p = subprocess.run([sys.executable, os.path.abspath(__file__), "--one-scale", str(scale),
                                "--corpus", corpus], capture_output=True, text=True, check=True)
            runs.append(json.loads(p.stdout))
        runs.sort(key=lambda r: r["cpu_s"])
        best = runs[len(runs) // 2]
        if scale <= 10:
            # the resident size hides what a small run allocates: trace it
            p = subprocess.run([sys.executable, os.path.abspath(__file__), "--one-scale", str(scale),
                                "--trace", "--corpus", corpus], capture_output=True, text=True, check=True)
            best["traced_peak"] = json.loads(p.stdout)["traced_peak"]
        out.append(best)
    return out


# --- 4, 5. the command line ----------------------------------------------------------


def _exe() -> list[str]:
    exe = shutil.which("jixiao-lint")
    return [exe] if exe else [sys.executable, "-m", "linter"]


def wall(cmd: list[str], repeat: int, env: dict | None = None) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def jobs(files: list[str], repeat: int, copies: int = 10) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        for c in range(copies):
            for f in files:
                shutil.copy(f, os.path.join(tmp, f"{c}_{os.path.basename(f)}"))
        n = copies * len(files)
        one = wall(_exe() + ["check", "--format", "json", "-j", "1", tmp], repeat)
        two = wall(_exe() + ["check", "--format", "json", "-j", "2", tmp], repeat)
        chars = sum(len(open(f, encoding="utf-8").read()) for f in files) * copies
    return {"files": n, "chars": chars, "j1_s": one, "j2_s": two}


def startup(files: list[str], repeat: int) -> dict:
    """Wall times from the command line, twice: as a user runs it, with Python's compiled
    bytecode of the modules cached (as after ``pip install``: one unmeasured run writes it
    where it is missing), and with ``PYTHONDONTWRITEBYTECODE=1`` (this machine's setting:
    every module compiled on every run)."""
    biggest = max(files, key=os.path.getsize)
    smallest = min(files, key=os.path.getsize)
    cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    compiled = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    wall(_exe() + ["check", smallest], 1, cached)
    return {
        "version_s": wall(_exe() + ["--version"], repeat, cached),
        "one_report_s": wall(_exe() + ["check", biggest], repeat, cached),
        "one_report_nopyc_s": wall(_exe() + ["check", biggest], repeat, compiled),
        "one_report": os.path.basename(biggest),
        "one_report_chars": len(open(biggest, encoding="utf-8").read()),
        "small_report_s": wall(_exe() + ["check", smallest], repeat, cached),
        "small_report_nopyc_s": wall(_exe() + ["check", smallest], repeat, compiled),
        "small_report": os.path.basename(smallest),
        "small_report_chars": len(open(smallest, encoding="utf-8").read()),
    }


# --- output -----------------------------------------------------------------------


def _rate(chars: int, s: float) -> str:
    return f"{chars / s:,.0f}" if s > 0 else "–"


def markdown(res: dict) -> str:
    out = []
    st = res["stages"]
    chars = st["chars"]
    whole = st["seconds"]["whole pipeline"]
    load = ", ".join(f"{x:.1f}" for x in res.get("load", ()))
    out.append(f"Machine: {os.cpu_count()} CPUs, load average at start {load}.\n")
    out.append(f"Corpus: {st['files']} reports, {chars:,} characters, {st['rules']} rules; "
               f"grammar built once in {st['grammar_build_s'] * 1000:.0f} ms (not counted). "
               f"CPU time of one process, median of {res['repeat']} runs.\n")
    out.append("| stage | ms | characters/s per core | share of pipeline |")
    out.append("|---|---|---|---|")
    for name, s in st["seconds"].items():
        share = "" if name == "whole pipeline" else f"{s / whole:.0%}"
        out.append(f"| {name} | {s * 1000:.1f} | {_rate(chars, s)} | {share} |")
    out.append(f"| regex floor (one pass) | {st['floor_s'] * 1000:.2f} | {_rate(chars, st['floor_s'])} | "
               f"pipeline = {whole / st['floor_s']:.0f}× floor |")
    slow = ", ".join(f"{k} {s * 1000:.0f} ms" for k, s in st["slowest_rules"] if s >= 0.001)
    if slow:
        out.append(f"\nSlowest rules (CPU time on the corpus): {slow}.")
    if res.get("scaling"):
        base = res["scaling"][0]
        per0 = base["cpu_s"] / base["chars"]
        check0 = base["check_s"] / base["chars"]
        out.append("")
        out.append("| synthetic report | characters | findings | CPU s | characters/s | cost per character vs 1× "
                   "| the check alone (no output) vs 1× | × regex floor | peak memory / input bytes |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        for r in res["scaling"]:
            per = r["cpu_s"] / r["chars"]
            check = r["check_s"] / r["chars"]
            if "traced_peak" in r:
                mem = f"{r['traced_peak'] / r['bytes']:.2f}× (traced)"
            else:
                mem = f"{(r['peak_rss_kib'] - r['rss_before_kib']) * 1024 / r['bytes']:.2f}× (resident)"
            floor = r["cpu_s"] / r["floor_s"] if r["floor_s"] else float("nan")
            out.append(f"| {r['scale']}× | {r['chars']:,} | {r['findings']:,} | {r['cpu_s']:.2f} | "
                       f"{_rate(r['chars'], r['cpu_s'])} | {per / per0:.2f} | {check / check0:.2f} | {floor:.0f}× | {mem} |")
    if res.get("jobs"):
        j = res["jobs"]
        out.append("")
        out.append(f"| `-j` ({j['files']} reports, {j['chars']:,} characters, CLI wall time) | s | characters/s |")
        out.append("|---|---|---|")
        out.append(f"| -j 1 | {j['j1_s']:.2f} | {_rate(j['chars'], j['j1_s'])} |")
        out.append(f"| -j 2 | {j['j2_s']:.2f} | {_rate(j['chars'], j['j2_s'])} (speed-up {j['j1_s'] / j['j2_s']:.2f}×) |")
    if res.get("startup"):
        s = res["startup"]
        out.append("")
        out.append("| command line (wall time, start-up included) | s, bytecode cached | s, compiled every run |")
        out.append("|---|---|---|")
        out.append(f"| `jixiao-lint --version` | {s['version_s']:.2f} | |")
        out.append(f"| `jixiao-lint check` one report ({s['small_report_chars']:,} characters) | "
                   f"{s['small_report_s']:.2f} | {s['small_report_nopyc_s']:.2f} |")
        out.append(f"| `jixiao-lint check` one report ({s['one_report_chars']:,} characters) | "
                   f"{s['one_report_s']:.2f} | {s['one_report_nopyc_s']:.2f} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--scales", default="1,10,100", help="comma-separated multiples of the corpus ('' for none)")
    ap.add_argument("--no-cli", action="store_true", help="skip the start-up measurements")
    ap.add_argument("--no-jobs", action="store_true", help="skip -j 2 against -j 1")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--one-scale", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)

    if a.one_scale:
        print(json.dumps(one_scale(a.corpus, a.one_scale, a.trace)))
        return 0
    if not os.path.isdir(a.corpus) or not corpus_files(a.corpus):
        print(f"no corpus at {a.corpus}", file=sys.stderr)
        return 2
    files = corpus_files(a.corpus)
    res: dict = {"repeat": a.repeat, "load": list(os.getloadavg())}
    res["stages"] = stages(files, a.repeat)
    scales = [int(s) for s in a.scales.split(",") if s.strip()]
    if scales:
        res["scaling"] = scaling(a.corpus, scales, a.repeat)
    if not a.no_jobs:
        res["jobs"] = jobs(files, a.repeat)
    if not a.no_cli:
        res["startup"] = startup(files, a.repeat)
    print(json.dumps(res, indent=2) if a.json else markdown(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
