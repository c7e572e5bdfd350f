#!/usr/bin/env python3
"""Render the README's pictures with the real formatters and save them as SVG (Rich's export).

    python tools/screenshots.py      # writes docs/images/*.svg from the bundled data
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
OUT = HERE / "docs" / "images"
WIDTH = 100

SHOTS = [
    ("card", "evidence show magnesium \"autoimmune disorders\"", lambda c, m: m.lookup.show(c, "magnesium", "autoimmune disorders")),
    ("conditions", "evidence conditions magnesium", lambda c, m: m.lookup.conditions(c, "magnesium")),
    ("map", "evidence map nervous", lambda c, m: m.lookup.evidence_map(c, "nervous")),
    ("foods", "evidence foods magnesium --per 100g --top 12",
     lambda c, m: m.nutrients.foods(c, "magnesium", 12, "100g", None, False)),
    ("intake", "evidence intake magnesium --age 34 --sex female",
     lambda c, m: m.nutrients.intake(c, "magnesium", m.nutrients.person("34", "female", False, False, False))),
]


def _spaced(text):
    """Mark runs of spaces with a style of their own: Rich's SVG export then places the text after
    them by column (some SVG renderers drop leading spaces inside a text element)."""
    import re

    from rich.style import Style

    for m in re.finditer(r" {2,}|^ +", text.plain, flags=re.MULTILINE):
        text.stylize(Style(meta={"gap": True}), m.start(), m.end())
    return text


def main() -> int:
    import os
    from types import SimpleNamespace

    from rich.console import Console
    from rich.text import Text

    from evidence_cli.commands import lookup, nutrients
    from evidence_cli.commands.context import Context
    from evidence_cli.render import Settings
    from evidence_cli.render.rich_ import render

    os.environ["COLORTERM"] = "truecolor"  # the pictures show the 256-colour look

    modules = SimpleNamespace(lookup=lookup, nutrients=nutrients)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, command, make in SHOTS:
        ctx = Context("rich")
        output = make(ctx, modules)
        if name == "conditions":  # the first rows are enough to show the list
            output = output._replace(table=output.table._replace(rows=output.table.rows[:14]))
        console = Console(record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="truecolor",
                          highlight=False, emoji=False, markup=False)
        console.print(f"$ {command}", style="bold")
        ansi = io.StringIO()
        render(output, Settings("rich", True, False, WIDTH), ansi)  # exactly what a terminal gets
        console.print(_spaced(Text.from_ansi(ansi.getvalue().rstrip("\n"))), soft_wrap=True)
        console.save_svg(str(OUT / f"{name}.svg"), title=command)
        print(f"wrote {OUT / (name + '.svg')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
