"""The hand-drawn table (render/fast_table.py) against Rich's own Table, which it stands in for on
the lookup path for speed: the same text, line for line, at several widths, wrapping included."""

from __future__ import annotations

import io

import pytest
from rich import box
from rich.console import Console
from rich.table import Table

from evidence_cli.render.fast_table import render_table

COLUMNS = ["Rating", "Ingredient", "Verdict"]
ROWS = [
    ["3", "Magnesium", "Helps some people with migraine a little, in trials of mixed quality."],
    ["1", "Zinc", "No good evidence."],
    ["0", "St John's wort", "Tested and does not work for this; it interacts with many medicines."],
    ["2", "Omega-3 fatty acids (fish oil)", "Small trials disagree; café-grown claims aside, 2–3 g a day was used."],
]


def rich_lines(columns: list[str], rows: list[list[str]], width: int) -> list[str]:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 0, 0, 1))
    for c in columns:
        table.add_column(c)
    for r in rows:
        table.add_row(*r)
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, legacy_windows=False).print(table)
    return [line.rstrip() for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("width", [120, 100, 80, 60, 50, 40])
def test_the_table_matches_rich_line_for_line(width: int):
    ours = [line.rstrip() for line in render_table(COLUMNS, ROWS, width, False, None).splitlines()]
    assert ours == rich_lines(COLUMNS, ROWS, width)


@pytest.mark.parametrize("width", [100, 60])
def test_a_two_column_table_matches_rich(width: int):
    rows = [[r[1], r[2]] for r in ROWS]
    ours = [line.rstrip() for line in render_table(COLUMNS[1:], rows, width, False, None).splitlines()]
    assert ours == rich_lines(COLUMNS[1:], rows, width)


PROSE = ("Magnesium is an essential mineral found in bone and inside cells, where it works alongside several "
         "hundred enzymes. Most people get enough from food; a café-style “supplement stack” is rarely needed.")


@pytest.mark.parametrize("width", [100, 80, 60, 40, 30])
def test_the_panel_matches_rich_line_for_line(width: int):
    from rich.panel import Panel
    from rich.text import Text

    from evidence_cli.render.doc import Block, Doc
    from evidence_cli.render.panel import render_doc

    ours = [line.rstrip() for line in render_doc(Doc("Magnesium", [Block(text=PROSE)]), width, False, None).splitlines()]
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, legacy_windows=False).print(
        Panel(Text("\n" + PROSE), title="Magnesium", title_align="left", padding=(0, 1)))  # a block opens with a blank line
    assert ours == [line.rstrip() for line in out.getvalue().splitlines()]
