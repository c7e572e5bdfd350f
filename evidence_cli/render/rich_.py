"""Rich: panels, coloured star ratings and tables. Data is always passed as Text, never as markup,
so brackets in names print literally."""

from __future__ import annotations

from typing import IO, Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Text

from evidence_cli.render import Settings
from evidence_cli.render.common import ascii_safe, cell, stars
from evidence_cli.render.doc import Block, Doc, Output, Table

RATING_COLOURS = {0: "red", 1: "dark_orange", 2: "yellow", 3: "green_yellow", 4: "green", 5: "bold green"}
HEAT = {0: "red", 1: "dark_orange", 2: "yellow", 3: "green_yellow", 4: "green3", 5: "bright_green"}
SEVERITY_COLOURS = {"major": "bold red", "moderate": "yellow", "minor": "cyan"}


def rating_text(rating: int | None, s: Settings, with_number: bool = True) -> Text:
    if rating is None:
        return Text("–" if not s.ascii else "-", style="dim")
    text = Text(stars(rating, s.ascii), style=RATING_COLOURS.get(rating, ""))
    if with_number:
        text.append(f" {rating}", style="bold")
    return text


def _cell(value: Any, column: str, s: Settings) -> Text:
    text = Text(ascii_safe(cell(value), s.ascii))
    if column.lower() in ("severity",) and isinstance(value, str):
        text.stylize(SEVERITY_COLOURS.get(value, ""))
    if column.lower() in ("source", "validity") and value == "traditional":
        text.stylize("dim")
    return text


def table(t: Table, s: Settings) -> RichTable:
    if t.heat:  # keep the name column readable: show only the grid columns that fit beside it
        fit = max(1, ((s.width or 80) - 18) // 4)
        t = t._replace(columns=t.columns[: fit + 1], rows=[r[: fit + 1] for r in t.rows])
    out = RichTable(title=Text(t.title, style="bold") if t.title else None, box=box.ASCII if s.ascii else box.SIMPLE_HEAD,
                    show_edge=False, expand=False, header_style="bold", title_justify="left",
                    padding=(0, 0) if t.heat else (0, 1), collapse_padding=t.heat)
    if t.heat:  # a grid: a name column, then narrow cells of one rating each
        out.add_column(t.columns[0], min_width=16, ratio=1, overflow="fold")
        for c in t.columns[1:]:
            out.add_column(c, justify="center", width=4, no_wrap=True)
    for i, c in enumerate(t.columns if not t.heat else ()):
        numeric = t.rows and all(isinstance(r[i], (int, float)) or r[i] is None for r in t.rows) and i != t.rating_column
        out.add_column(c, justify="left" if i == t.bars else "right" if numeric else "left", no_wrap=(i == t.rating_column) or (t.heat and i > 0),
                       overflow="fold", ratio=None)
    top = max((r[t.bars] for r in t.rows if t.bars is not None and isinstance(r[t.bars], (int, float))), default=0)
    for n, row in enumerate(t.rows):
        cells = []
        for i, (c, v) in enumerate(zip(t.columns, row)):
            if i == t.rating_column:
                cells.append(rating_text(v, s))
            elif t.heat and i > 0:
                cells.append(Text(f" {v} " if v is not None else " . " if s.ascii else " · ",
                                  style=f"black on {HEAT[v]}" if v is not None and s.color else ""))
            elif i == t.bars and isinstance(v, (int, float)) and top:
                width = max(1, round(12 * v / top))
                bar = Text(("#" if s.ascii else "█") * width, style="cyan")
                cells.append(Text(f"{cell(v):>7} ").append(bar))
            else:
                cells.append(_cell(v, c, s))
        out.add_row(*cells, style="reverse" if n == t.highlight else None)
    return out


def block(b: Block, s: Settings) -> RenderableType:
    parts: list[RenderableType] = []
    if b.heading:
        parts.append(Text(b.heading, style="bold cyan"))
    body: list[RenderableType] = []
    if b.text:
        body.append(Text(ascii_safe(b.text, s.ascii), style="bold red" if b.style == "warning" else ""))
    if b.fields:
        grid = RichTable.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        for k, v in b.fields:
            grid.add_row(Text(k), Text(ascii_safe(v, s.ascii)))
        body.append(grid)
    if b.bullets:
        bullet = "-" if s.ascii else "•"
        grid = RichTable.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for item in b.bullets:
            grid.add_row(Text(bullet, style="dim"), Text(ascii_safe(item, s.ascii)))
        body.append(grid)
    if b.table:
        body.append(table(b.table, s))
    parts.append(Padding(Group(*body), (0, 0, 0, 2)) if b.heading else Group(*body))
    return Group(*parts)


def doc(d: Doc, s: Settings) -> RenderableType:
    head: list[RenderableType] = []
    if d.subtitle:
        head.append(Text(ascii_safe(d.subtitle, s.ascii), style="dim"))
    if d.rating:
        rating, validity = d.rating
        line = Text("Rating  ", style="bold").append(rating_text(rating, s)).append("/5  ")
        full, empty = ("#", "-") if s.ascii else ("█", "░")
        line.append(full * (2 * rating), style=RATING_COLOURS.get(rating, "")).append(empty * (2 * (5 - rating)), style="dim")
        line.append("    Source of validity  ", style="bold").append(validity.capitalize(), style="italic")
        head.append(line)
    if d.verdict:
        head.append(Text(ascii_safe(d.verdict, s.ascii), style="bold"))
    body: list[RenderableType] = []
    for b in d.blocks:
        body += [Text(""), block(b, s)]
    if d.note:
        body += [Text(""), Text(ascii_safe(d.note, s.ascii), style="dim italic")]
    return Panel(Group(*head, *body), title=Text(ascii_safe(d.title, s.ascii), style="bold"), title_align="left",
                 box=box.ASCII if s.ascii else box.ROUNDED, padding=(0, 1))


def render(output: Output, s: Settings, out: IO[str]) -> None:
    console = Console(file=out, no_color=not s.color, highlight=False, emoji=False, markup=False,
                      force_terminal=s.color, width=s.width, legacy_windows=False)
    print_to(console, output, s)


def print_to(console: Console, output: Output, s: Settings) -> None:
    """Print `output` on a Console made elsewhere (tools/screenshots.py records one to SVG)."""
    s = s._replace(width=console.width)
    if output.doc is not None:
        console.print(doc(output.doc, s))
    elif output.table is not None:
        console.print(table(output.table, s))
    if output.footer:
        console.print(Text(ascii_safe(output.footer, s.ascii), style="dim"))
