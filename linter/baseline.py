"""Baselines: findings already known are kept out of the output and the exit status.

``jixiao-lint check --write-baseline FILE`` records every finding of a run;
``--baseline FILE`` then moves the findings it records from
``FileResult.findings`` to ``FileResult.suppressed``.

A finding's fingerprint is its rule plus its normalised evidence: the
message, the text it points at and a little of the text around it, with all
whitespace removed and line references dropped. It never contains a line
number or an offset, so adding or removing text elsewhere in the report — even
re-wrapping the paragraph — does not change it. Identical fingerprints in one
file (a paragraph repeated with the same wrong sum) are counted: a baseline
that knows two of them suppresses two, and a third one is new.

Paths are stored relative to the baseline file's directory, with ``/``.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from typing import Sequence

import attrs

from .engine import FileResult
from .rule import Finding

FORMAT_VERSION = 1
CONTEXT = 12  # characters of surrounding text taken into the fingerprint, each side
_SPACE = re.compile(r"\s+")
_LINE_REF = re.compile(r"第\s*\d+\s*(?:行|段|页)|\b(?:line|paragraph|page)s?\s+\d+", re.IGNORECASE)


class BaselineError(Exception):
    """A baseline file that cannot be read."""


def _norm(text: str) -> str:
    return _SPACE.sub("", _LINE_REF.sub("", text))


def evidence(result: FileResult, finding: Finding) -> str:
    """The normalised evidence of ``finding``: message | context before | snippet | context after."""
    message = _norm(finding.zh)
    src = result.source
    if src is None:
        return "|".join((finding.code, message))
    text = src.text
    start, end = finding.span.start, finding.span.end
    snippet = _norm(text[start:end])
    before = _norm(text[max(0, start - 4 * CONTEXT):start])[-CONTEXT:]
    after = _norm(text[end:end + 4 * CONTEXT])[:CONTEXT]
    return "|".join((finding.code, message, before, snippet, after))


def fingerprint(result: FileResult, finding: Finding) -> str:
    """A stable id of ``finding`` that does not depend on where in the file it is.

    SARIF writers can use it as ``partialFingerprints["jixiaoLint/v1"]``.
    """
    return hashlib.sha256(evidence(result, finding).encode("utf-8")).hexdigest()[:32]


def _key_path(path: str, root: str) -> str:
    if path in ("-", "") or path.startswith("<"):
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


@attrs.frozen
class Baseline:
    root: str  # the baseline file's directory: paths are relative to it
    counts: tuple[tuple[tuple[str, str], int], ...]  # ((path, fingerprint), how many)

    def apply(self, results: Sequence[FileResult]) -> list[FileResult]:
        """``results`` with the known findings moved to ``suppressed``."""
        left = Counter(dict(self.counts))
        out = []
        for r in results:
            path = _key_path(r.path, self.root)
            kept, suppressed = [], []
            for f in r.findings:
                key = (path, fingerprint(r, f))
                if left[key] > 0:
                    left[key] -= 1
                    suppressed.append(f)
                else:
                    kept.append(f)
            out.append(attrs.evolve(r, findings=tuple(kept), suppressed=r.suppressed + tuple(suppressed)))
        return out


def entries(results: Sequence[FileResult], root: str) -> list[dict]:
    out = []
    for r in results:
        path = _key_path(r.path, root)
        for f in r.findings:
            out.append({"path": path, "rule": f.code, "fingerprint": fingerprint(r, f), "message": f.zh})
    out.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    return out


def dumps(results: Sequence[FileResult], baseline_path: str) -> str:
    """The baseline file recording every finding of ``results``."""
    root = os.path.dirname(os.path.abspath(baseline_path))
    data = {"tool": "jixiao-lint", "version": FORMAT_VERSION, "findings": entries(results, root)}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def load(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise BaselineError(f"{path}: 无法读取基线文件 / cannot read the baseline: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: 基线文件不是有效的 JSON / the baseline is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("tool") != "jixiao-lint" or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: 不是 jixiao-lint 的基线文件 / not a jixiao-lint baseline (write one with --write-baseline)")
    if data.get("version") != FORMAT_VERSION:
        raise BaselineError(f"{path}: 基线文件版本 {data.get('version')!r} 不受支持 / unsupported baseline version; write it again")
    counts: Counter = Counter()
    for e in data["findings"]:
        try:
            counts[(e["path"], e["fingerprint"])] += 1
        except (KeyError, TypeError):
            raise BaselineError(f"{path}: 基线条目缺少 path/fingerprint / an entry lacks path or fingerprint: {e!r}") from None
    return Baseline(os.path.dirname(os.path.abspath(path)), tuple(sorted(counts.items())))
