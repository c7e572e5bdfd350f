"""A lean table writer in the look of Rich's SIMPLE_HEAD tables.

Rich's Table measures and wraps every cell through its full rendering pipeline, which costs about
a millisecond per row here: 150 ms for one ingredient's conditions. This writer lays tables out
itself: columns as wide as their widest cell, the widest narrowed (and wrapped) until the table
fits the terminal, one field per line when even that fails; ASCII where the encoding needs it.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from evidence_cli.render.ansi import RATING_STYLES, Painter, cell_len, wrap
from evidence_cli.render.common import ascii_safe, cell, stars

SEVERITY_STYLES = {"major": "bold red", "moderate": "yellow", "minor": "cyan"}


def render_table(columns: list[str], rows: list[list[Any]], width: int, ascii: bool,
                 paint: Painter, rating_column: Optional[int] = None,
                 bars: Optional[int] = None, title: Optional[str] = None, highlight: Optional[int] = None,
                 marks: Optional[tuple[int, list[list[str]]]] = None) -> str:
    """The table as text; `paint(text, style)` adds escape codes, or is None for no colour."""
    def styled(text: str, style: str) -> str:
        return paint(text, style) if paint and style else text

    top = max((r[bars] for r in rows if bars is not None and isinstance(r[bars], (int, float))), default=0)
    texts: list[list[tuple[str, str]]] = []  # per row: (text, style) per column
    for number, row in enumerate(rows):
        out = []
        for i, value in enumerate(row):
            if i == rating_column:
                out.append((f"{stars(value, ascii)} {value}" if value is not None else "-", RATING_STYLES.get(value, "dim")))
            elif i == bars and isinstance(value, (int, float)) and top:
                bar = ("#" if ascii else "█") * max(1, round(12 * value / top))
                out.append((f"{cell(value):>7} {bar}", "cyan"))
            else:
                text = ascii_safe(cell(value), ascii)
                style = SEVERITY_STYLES.get(value, "") if isinstance(value, str) else ""
                out.append((text, "dim" if value == "traditional" else style))
        if number == highlight:  # the person's own row: marked in words too, for terminals without colour
            out[0] = ("> " + out[0][0], out[0][1])
        texts.append(out)
    n = len(columns)
    gap = 2
    widths = [max([cell_len(columns[i])] + [cell_len(r[i][0]) for r in texts]) for i in range(n)]
    floor = [min(widths[i], max(10, cell_len(columns[i]))) for i in range(n)]
    room = width - 1 - gap * (n - 1)
    if sum(floor) > room:  # too narrow for the columns side by side: one field per line
        return _stacked(columns, texts, width, styled, title)
    widths = _collapse(widths, floor, room)
    lines = []
    if title:
        lines += [styled(line, "bold") for line in wrap(title, width)]
    lines.append(" " + (" " * gap).join(styled(_fit(c, widths[i]), "bold") for i, c in enumerate(columns)).rstrip())
    lines.append(("-" if ascii else "─") * min(width, sum(widths) + gap * (n - 1) + 1))
    for r, row in enumerate(texts):
        if r == highlight:
            row = [(text, (style + " reverse").strip()) for text, style in row]
        cells = [wrap(text, widths[i]) for i, (text, _) in enumerate(row)]
        bold = _bolder(marks[1][r]) if marks and paint and r < len(marks[1]) and marks[1][r] else None
        for k in range(max(len(c) for c in cells)):
            parts = []
            for i, (_, style) in enumerate(row):
                text = cells[i][k] if k < len(cells[i]) else ""
                part = styled(_fit(text, widths[i]) if i < n - 1 else text, style) if text else " " * widths[i] * (i < n - 1)
                parts.append(bold(part) if bold and i == marks[0] and text else part)
            lines.append((" " + (" " * gap).join(parts)).rstrip())
    return "\n".join(lines) + "\n"


def _bolder(words: list[str]) -> Callable[[str], str]:
    """Bold each whole-word occurrence of `words` (the matched words of a search hit)."""
    import re

    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, set(words)), key=len, reverse=True)) + r")\b", re.I)
    return lambda line: pattern.sub(lambda m: f"\x1b[1m{m.group(0)}\x1b[22m", line)


def _collapse(widths: list[int], floor: list[int], room: int) -> list[int]:
    """Narrow the widest columns until the table fits, as Rich's Table does (_collapse_widths with
    ratio_reduce: the widest columns give way together, down to the next widest), never below a
    column's floor."""
    widths = list(widths)
    while sum(widths) > room:
        excess = sum(widths) - room
        can = [w > f for w, f in zip(widths, floor)]
        top = max(w for w, c in zip(widths, can) if c)
        second = max((w for w, c in zip(widths, can) if c and w != top), default=0)
        second = max(second, max(f for w, f, c in zip(widths, floor, can) if c and w == top))
        step = min(excess, top - second)
        ratios = [1 if (c and w == top) else 0 for w, c in zip(widths, can)]
        remaining, total_ratio = excess, sum(ratios)
        for i, ratio in enumerate(ratios):
            if ratio:
                cut = min(step, round(ratio * remaining / total_ratio))
                widths[i] -= cut
                remaining -= cut
                total_ratio -= ratio
    return widths


def _fit(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))


def _stacked(columns: list[str], texts: list[list[tuple[str, str]]], width: int,
             styled: Callable[[str, str], str], title: Optional[str]) -> str:
    lines = [styled(line, "bold") for line in wrap(title, width)] if title else []
    for row in texts:
        lines.append("")
        for name, (text, style) in zip(columns, row):
            for part in wrap(f"{name}: {text}", width):
                lines.append(styled(part, style))
    return "\n".join(lines) + "\n"
