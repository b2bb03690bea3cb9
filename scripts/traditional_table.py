"""Regenerate linter/data/traditional.toml from OpenCC's TSCharacters.txt.

    python scripts/traditional_table.py path/to/TSCharacters.txt > linter/data/traditional.toml

TSCharacters.txt lists a traditional character, a tab, and its simplified readings separated by
spaces, the usual one first. Only the one-for-one pairs in the Basic Multilingual Plane are kept,
so folding a text never changes its length (the normaliser's offsets stay exact).
"""

import sys

HEADER = """\
# Traditional → simplified Chinese, one character for one (the length of a text never changes).
#
# Derived from OpenCC's dictionary TSCharacters.txt (https://github.com/BYVoid/OpenCC,
# Apache License 2.0, copyright BYVoid and contributors): the pairs where one traditional
# character has one simplified character as its first reading, both in the Basic Multilingual
# Plane, a chain (薴 → 苧 → 苎) followed to its end. Regenerate with
# `python scripts/traditional_table.py TSCharacters.txt` (not needed at run time).
#
# traditional[i] folds to simplified[i].
"""


def pairs(lines) -> dict[str, str]:
    table = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        trad, readings = line.rstrip("\n").split("\t")
        simp = readings.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp and ord(trad) < 0x10000 and ord(simp) < 0x10000:
            table[trad] = simp
    for trad in table:  # 薴 → 苧 → 苎
        while table[trad] in table:
            table[trad] = table[table[trad]]
    return table


def toml(table: dict[str, str]) -> str:
    items = sorted(table.items())
    out = [HEADER]
    for name, text in (("traditional", "".join(t for t, _ in items)), ("simplified", "".join(s for _, s in items))):
        out.append(f"{name} = [")
        out += [f'  "{text[i:i + 40]}",' for i in range(0, len(text), 40)]
        out.append("]\n")
    return "\n".join(out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(toml(pairs(f)))
