"""The evidence map's grid in Rich: coloured cells of ratings (Rich's Table lays out the grid)."""

from __future__ import annotations

from typing import IO

from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from evidence_cli.render import Settings
from evidence_cli.render.ansi import RATING_BACKGROUNDS
from evidence_cli.render.common import ascii_safe, cell
from evidence_cli.render.doc import Output, Table



def grid(t: Table, s: Settings, width: int) -> RichTable:
    fit = max(1, (width - 18) // 4)  # keep the name column readable: only the columns that fit beside it
    columns, rows = t.columns[: fit + 1], [r[: fit + 1] for r in t.rows]
    out = RichTable(title=Text(t.title, style="bold") if t.title else None, box=box.ASCII if s.ascii else box.SIMPLE_HEAD,
                    show_edge=False, header_style="bold", title_justify="left", padding=(0, 0), collapse_padding=True)
    out.add_column(columns[0], min_width=16, ratio=1, overflow="fold")
    for c in columns[1:]:
        out.add_column(c, justify="center", width=4, no_wrap=True)
    dot = " . " if s.ascii else " · "
    for row in rows:
        cells = [Text(ascii_safe(cell(row[0]), s.ascii))]
        for v in row[1:]:
            cells.append(Text(f" {v} " if v is not None else dot, style=f"black on {RATING_BACKGROUNDS[v]}" if v is not None and s.color else ""))
        out.add_row(*cells)
    return out


def render(output: Output, s: Settings, out: IO[str]) -> None:
    console = Console(file=out, no_color=not s.color, highlight=False, emoji=False, markup=False,
                      force_terminal=s.color, width=s.width, legacy_windows=False)
    assert output.table is not None
    console.print(grid(output.table, s, console.width))
    if output.footer:
        console.print(Text(ascii_safe(output.footer, s.ascii), style="dim"))
