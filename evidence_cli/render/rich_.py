"""The `rich` format: cards and overviews as panels, lists as tables, ratings as coloured stars and
bars, in Rich's look. Panels and tables are drawn by render/panel.py and render/fast_table.py
(see render/ansi.py for why); the evidence map's grid uses Rich itself (render/grid.py)."""

from __future__ import annotations

from typing import IO

from evidence_cli.render import Settings
from evidence_cli.render.ansi import painter
from evidence_cli.render.doc import Output


def width_of(s: Settings) -> int:
    return s.width or s.pipe_width


def render(output: Output, s: Settings, out: IO[str]) -> None:
    if output.doc is None and output.table is not None and output.table.heat:
        from evidence_cli.render import grid

        grid.render(output, s, out)
        return
    from evidence_cli.render.panel import render_doc, render_footer

    width = width_of(s)
    paint = painter(s.color, s.depth)
    if output.doc is not None:
        out.write(render_doc(output.doc, width, s.ascii, paint))
    elif output.table is not None:
        from evidence_cli.render.fast_table import render_table

        t = output.table
        out.write(render_table(list(t.columns), list(t.rows), width, s.ascii, paint, t.rating_column, t.bars, t.title,
                               t.highlight, t.marks))
    if output.doc is None:  # a document carries its own notes
        out.write(render_footer(output.footer, width, s.ascii, paint))
