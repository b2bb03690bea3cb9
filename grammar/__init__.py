"""Lark grammars of jixiao-lint (installed as ``linter.grammar``).

``inline.lark`` reads one normalised paragraph into typed items; ``common.lark``
holds the terminals shared with other grammars (numbers, units).
"""
