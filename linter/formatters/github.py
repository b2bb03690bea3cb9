"""``--format github``: GitHub Actions workflow commands, one per finding.

    ::error file=报告.txt,line=9,col=22,endLine=9,endColumn=28,title=JX401 unfilled-placeholder::模板占位符未填写…

Messages escape ``%``, CR and LF; properties also escape ``:`` and ``,`` (the
runner's own rules). ``info`` findings are ``notice`` annotations. For
.docx/.pdf input the native place leads the message, since GitHub shows the
line of a file it cannot display.
"""
from __future__ import annotations

from typing import Sequence

from ..engine import FileResult
from . import Formatter, place

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    name = "github"

    def format(self, results: Sequence[FileResult]) -> str:
        lines = []
        for r in results:
            native = r.source is not None and bool(r.source.segments)
            for f in r.findings:
                pl = place(r, f.span, self.lang)
                props = [
                    ("file", r.path),
                    ("line", str(pl.line)),
                    ("col", str(pl.column)),
                    ("endLine", str(pl.end_line)),
                    ("endColumn", str(pl.end_column)),
                    ("title", f"{f.code} {f.name}"),
                ]
                message = f.message(self.lang)
                if native:
                    message = f"[{pl.locator}] {message}"
                if f.suggestion:
                    message += ("\n建议：" if self.lang != "en" else "\nsuggestion: ") + f.suggestion
                head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
                lines.append(f"::{_COMMAND.get(f.severity, 'warning')} {head}::{escape_data(message)}")
        return "".join(line + "\n" for line in lines)
