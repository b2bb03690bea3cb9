"""Recall on the hand-verified defects of the real reports, per category and level.

    python bench/accuracy.py [--gold ../shared/gold/seeds.toml] [--corpus ../shared/corpus] [-v]

The matching rule is the answer key's own (see ``/work/shared/tools/score.py``):
a finding matches an item when it is in the same file, its line lies in the
item's ``lines = [start, end]`` and its category is the item's ``category`` or
one of ``also``. Findings that match no item are counted as *unmatched*: the
key is a sample, so they are not all false alarms, but each one should have
been reviewed (``tests/corpus_reviewed/``).

The linter runs in-process and its findings are taken from the JSON formatter,
so the lines are exactly those ``jixiao-lint check --format json`` prints.
Prints Markdown tables; ``--json`` prints the figures as JSON instead.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tomllib
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

LEVELS = ("must", "should", "nice")


def findings_by_file(paths: list[str]) -> dict[str, list[dict]]:
    from linter.config import Config
    from linter.engine import check_file
    from linter.formatters.json import as_dict

    config = Config()
    results = [check_file(p, config) for p in paths]
    out: dict[str, list[dict]] = defaultdict(list)
    for f in as_dict(results)["findings"]:
        out[os.path.basename(f["path"])].append(f)
    return out


def matches(item: dict, finding: dict) -> bool:
    """The answer key's rule: same line range, and a category the item allows."""
    lo, hi = item["lines"]
    return lo <= finding["line"] <= hi and finding.get("category") in {item["category"], *item.get("also", [])}


def score(items: list[dict], byfile: dict[str, list[dict]], names: list[str]) -> dict:
    hit: dict[tuple[str, str], int] = defaultdict(int)
    tot: dict[tuple[str, str], int] = defaultdict(int)
    used: set[tuple[str, int]] = set()
    missed = []
    for it in items:
        if it["file"] not in names:
            continue
        ok = False
        for k, f in enumerate(byfile.get(it["file"], [])):
            if matches(it, f):
                ok = True
                used.add((it["file"], k))
        key = (it["category"], it["level"])
        tot[key] += 1
        if ok:
            hit[key] += 1
        else:
            missed.append(it)
    unmatched = [f for n in names for k, f in enumerate(byfile.get(n, [])) if (n, k) not in used]
    return {"hit": hit, "tot": tot, "missed": missed, "unmatched": unmatched,
            "findings": sum(len(byfile.get(n, [])) for n in names)}


def _pct(h: int, t: int) -> str:
    return f"{h}/{t} ({h / t:.0%})" if t else "–"


def table(res: dict) -> str:
    hit, tot = res["hit"], res["tot"]
    cats = sorted({c for c, _ in tot})
    lines = ["| category | " + " | ".join(LEVELS) + " | all |", "|---|" + "---|" * (len(LEVELS) + 1)]
    for c in cats:
        row = [_pct(hit[(c, lv)], tot[(c, lv)]) for lv in LEVELS]
        row.append(_pct(sum(hit[(c, lv)] for lv in LEVELS), sum(tot[(c, lv)] for lv in LEVELS)))
        lines.append(f"| {c} | " + " | ".join(row) + " |")
    row = [_pct(sum(hit[(c, lv)] for c in cats), sum(tot[(c, lv)] for c in cats)) for lv in LEVELS]
    row.append(_pct(sum(hit.values()), sum(tot.values())))
    lines.append("| **all** | " + " | ".join(row) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=os.path.join(ROOT, "..", "shared", "gold", "seeds.toml"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("-v", action="store_true", help="list missed items and unmatched findings")
    a = ap.parse_args(argv)

    if not os.path.exists(a.gold) or not os.path.isdir(a.corpus):
        print(f"no answer key at {a.gold} or no corpus at {a.corpus}", file=sys.stderr)
        return 2
    with open(a.gold, "rb") as fh:
        items = tomllib.load(fh)["item"]
    names = sorted(n for n in os.listdir(a.corpus) if n.endswith((".txt", ".md")))
    byfile = findings_by_file([os.path.join(a.corpus, n) for n in names])
    res = score(items, byfile, names)

    if a.json:
        print(json.dumps({
            "recall": {f"{c}/{lv}": [res["hit"][(c, lv)], n] for (c, lv), n in sorted(res["tot"].items())},
            "findings": res["findings"],
            "unmatched": len(res["unmatched"]),
            "missed": [it["id"] for it in res["missed"]],
        }, ensure_ascii=False, indent=2))
        return 0

    print(f"Recall on {sum(res['tot'].values())} hand-verified defects in {len(names)} reports "
          f"({os.path.basename(a.gold)}):\n")
    print(table(res))
    by_rule: dict[str, int] = defaultdict(int)
    for f in res["unmatched"]:
        by_rule[f["rule"]] += 1
    print(f"\nfindings {res['findings']}, not in the answer key {len(res['unmatched'])}"
          + (" (" + ", ".join(f"{r} {n}" for r, n in sorted(by_rule.items())) + ")" if by_rule else ""))
    if a.v:
        for it in res["missed"]:
            print(f"  missed {it['id']} [{it['level']}/{it['category']}] {it['note'][:90]}")
        for f in res["unmatched"]:
            print(f"  unmatched {os.path.basename(f['path'])}:{f['line']} {f['rule']} [{f['category']}] {f['message'][:80]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
