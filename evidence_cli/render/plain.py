"""Plain text: no colour, no boxes; aligned columns; wrapped to a terminal, unwrapped in a pipe."""

from __future__ import annotations

from typing import IO

from evidence_cli.render import Settings
from evidence_cli.render.common import ascii_safe, cell, rating_text, stars, with_urls
from evidence_cli.render.doc import Block, Doc, Output, Table


def _wrap(text: str, s: Settings, indent: str = "") -> list[str]:
    if not s.width:
        return [indent + line for line in text.splitlines()] or [indent]
    import textwrap

    return textwrap.wrap(text, width=max(20, s.width - 1), initial_indent=indent, subsequent_indent=indent) or [indent]


def table_lines(t: Table, s: Settings) -> list[str]:
    rows = []
    for row in t.rows:
        cells = [cell(v) for v in row]
        if t.heat:
            cells = [cells[0]] + [("." if v is None else str(v)) for v in row[1:]]
        if t.rating_column is not None:
            cells[t.rating_column] = stars(row[t.rating_column], s.ascii) + (f" {row[t.rating_column]}" if row[t.rating_column] is not None else "")
        rows.append(cells)
    if t.highlight is not None and 0 <= t.highlight < len(rows):
        rows[t.highlight][0] = "> " + rows[t.highlight][0]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(t.columns)]
    last = len(t.columns) - 1

    def line(cells: list[str]) -> str:
        return "  ".join(c if i == last else c.ljust(widths[i]) for i, c in enumerate(cells)).rstrip()

    out = [t.title] if t.title else []
    out.append(line(t.columns))
    out.append(line(["-" * w for w in widths[:last]] + ["-" * min(widths[last], 40)]))
    out += [line(r) for r in rows]
    return out


def block_lines(b: Block, s: Settings) -> list[str]:
    out: list[str] = []
    if b.heading:
        out.append(b.heading)
    indent = "  " if b.heading else ""
    if b.text:
        for para in b.text.split("\n\n"):
            out += _wrap(para, s, indent)
    if b.fields:
        width = max(len(k) for k, _ in b.fields)
        for k, v in b.fields:
            out += _wrap(f"{k.ljust(width)}  {v}", s, indent)
    if b.bullets:
        for item in b.bullets:
            wrapped = _wrap(with_urls(item), s, indent + "  ")
            wrapped[0] = indent + ("! " if b.style == "warning" else "- ") + wrapped[0][len(indent) + 2:]
            out += wrapped
    if b.table:
        out += [indent + line for line in table_lines(b.table, s)]
    return out


def doc_lines(d: Doc, s: Settings) -> list[str]:
    out = [d.title]
    if d.subtitle:
        out.append(d.subtitle)
    if d.rating:
        rating, validity = d.rating
        out.append(f"Rating: {rating_text(rating, s.ascii)}   Source of validity: {validity.capitalize()}")
    if d.verdict:
        out += _wrap("Verdict: " + d.verdict, s)
    for b in d.blocks:
        out.append("")
        out += block_lines(b, s)
    if d.note:
        out.append("")
        out += _wrap(d.note, s)
    return out


def render(output: Output, s: Settings, out: IO[str]) -> None:
    lines = doc_lines(output.doc, s) if output.doc else table_lines(output.table, s) if output.table else []
    if output.footer and not output.doc:  # a document carries its own notes
        lines += ["", output.footer]
    out.write(ascii_safe("\n".join(lines), s.ascii) + "\n")
