"""Names shown to reviewers: categories and severities in Chinese and English."""
from __future__ import annotations

CATEGORY_ZH = {
    "input": "输入",
    "arithmetic": "算术",
    "ratio": "比率",
    "unit": "单位",
    "score": "分数",
    "grade": "等级",
    "year": "年度",
    "date": "日期",
    "structure": "结构",
    "placeholder": "占位符",
    "conflict": "前后矛盾",
    "entity": "主体",
    "reference": "引用",
    "text": "文字",
    "cross-document": "跨文档",
}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_EN = {"error": "error", "warning": "warning", "info": "info"}


def category_name(category: str, lang: str = "zh") -> str:
    return CATEGORY_ZH.get(category, category) if lang != "en" else category


def severity_name(severity: str, lang: str = "zh") -> str:
    return SEVERITY_ZH.get(severity, severity) if lang != "en" else SEVERITY_EN.get(severity, severity)

PROFILE_ZH = {
    "self-evaluation": "整体支出绩效自评报告",
    "project-self-evaluation": "项目支出绩效自评报告",
    "external-evaluation": "绩效评价报告",
}


def profile_name(kind: str | None, lang: str = "zh") -> str:
    """The kind of report in words, or "" when it is not known."""
    if not kind or kind == "unknown":
        return ""
    return PROFILE_ZH.get(kind, kind) if lang != "en" else kind
