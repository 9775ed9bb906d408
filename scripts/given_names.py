"""Build ``quizgen/lang/en/given_names.yaml`` from the 1990 US Census first-name tables.

The tables are public domain; the ``names`` package on PyPI (MIT) ships them as
``names/dist.male.first`` and ``names/dist.female.first``. Get them once with
``pip download --no-deps names`` and unpack the archive, then run::

    python scripts/given_names.py path/to/names-0.3.0/names

A given name only tells the person extractor that a capitalised run of two to four words
starting with it is likely someone's name, so the list keeps the common names (by census
frequency) and leaves out those that are also ordinary English words or places, which would
start the names of things ("Grace Church", "Jordan Valley"). The Indonesian list
(``quizgen/lang/id/given_names.yaml``) is written by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "quizgen" / "lang" / "en" / "given_names.yaml"
TOP = {"dist.male.first": 600, "dist.female.first": 900}
# common words, months, places and titles among the census names
NOT_NAMES = {
    "will", "mark", "bill", "rose", "may", "june", "april", "august", "grace", "joy", "faith",
    "hope", "guy", "art", "don", "ray", "bob", "pat", "sue", "jack", "dale", "glen", "lane",
    "chase", "summer", "page", "bay", "royal", "major", "king", "grant", "sterling", "israel",
    "jesus", "christian", "angel", "justice", "jordan", "austin", "georgia", "virginia",
    "carolina", "florence", "madison", "charlotte", "victoria", "lincoln", "chelsea", "china",
    "india", "eden", "ireland", "sydney", "tyler", "marshall", "miles", "young", "wood",
    "frank", "earnest", "ernest", "rich", "ruby", "amber", "crystal", "holly", "iris",
    "ivy", "olive", "pearl", "violet", "dawn", "autumn", "star", "sunny", "trinity",
    "destiny", "harmony", "heaven", "liberty", "mercy", "patience", "unity", "precious",
    "lady", "queen", "princess", "sage", "rocky", "lucky", "sonny", "buck", "cliff", "rod",
    "herb", "gene", "carol", "robin", "wren", "jewel", "diamond", "ginger", "brandy", "candy",
    "cherry", "cookie", "honey", "melody", "misty", "stormy", "sandy", "rusty", "dusty",
    "penny", "bunny", "kitty", "lily", "daisy", "ivory", "ebony", "essence", "marina",
    "shannon", "dakota", "cheyenne", "brooklyn", "paris", "london", "memphis", "houston",
    "dallas", "denver", "phoenix", "aurora", "savannah", "regina", "chad",
    "wm", "ed", "al", "jo", "le", "lou", "ma", "ty", "vi",
}


def read(path: Path, top: int) -> list[str]:
    names = []
    for line in path.read_text(encoding="ascii").splitlines()[:top]:
        word = line.split()[0].capitalize()
        if len(word) >= 3 and word.lower() not in NOT_NAMES:
            names.append(word)
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tables", type=Path, help="folder of dist.male.first, dist.female.first")
    args = parser.parse_args(argv)
    names: list[str] = []
    for file, top in TOP.items():
        names += read(args.tables / file, top)
    names = sorted(set(names))
    lines = [
        "# Common given names (1990 US Census first-name tables, public domain), written by",
        "# scripts/given_names.py. A capitalised run of two to four words starting with one is",
        "# likely a person's name. Do not edit by hand: change the script and run it again.",
        "names:",
    ]
    row = "  "
    for name in names:
        if len(row) + len(name) + 2 > 96:
            lines.append(row.rstrip())
            row = "  "
        row += f"{name}, "
    lines.append(row.rstrip().rstrip(","))
    text = "\n".join(lines[:4]) + " [\n" + "\n".join(lines[4:]) + "]\n"
    OUT.write_text(text, encoding="utf-8")
    print(f"{len(names)} names -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
