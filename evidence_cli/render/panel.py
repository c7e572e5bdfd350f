"""A document (a card, an overview) as a boxed panel in the look of Rich's Panel, drawn directly."""

from __future__ import annotations

from typing import Optional

from evidence_cli.render.ansi import RATING_STYLES, Painter, cell_len, pad, wrap
from evidence_cli.render.common import ascii_safe, osc8, stars
from evidence_cli.render.doc import Block, Doc
from evidence_cli.render.fast_table import render_table



def visible_len(text: str) -> int:
    """Columns taken by text that may hold SGR escape sequences and OSC 8 hyperlinks."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("\x1b]", i):  # OSC ... ST
            j = text.find("\x1b\\", i)
            i = n if j < 0 else j + 2
        elif text[i] == "\x1b":
            j = text.find("m", i)
            i = n if j < 0 else j + 1
        else:
            out.append(text[i])
            i += 1
    return cell_len("".join(out))


class _Lines:
    def __init__(self, inner: int, paint: Painter, ascii: bool) -> None:
        self.inner, self.paint, self.ascii = inner, paint, ascii
        self.lines: list[str] = []

    def style(self, text: str, style: str) -> str:
        return self.paint(text, style) if self.paint and style else text

    def text(self, text: str, style: str = "", indent: int = 0) -> None:
        for line in wrap(ascii_safe(text, self.ascii), self.inner - indent):
            self.lines.append(" " * indent + self.style(line, style))

    def hanging(self, first: str, body: str, style: str, indent: int, first_style: str = "", linked: bool = False) -> None:
        """`first` then `body` wrapped beside it, continuation lines under the body; `linked` makes
        the identifiers in it (PMID, DOI, URL) hyperlinks, never split across lines."""
        if linked and self.paint:
            body = body.replace("PMID ", "PMID\x00")
        width = cell_len(first)
        if self.inner - indent - width < 10:  # too narrow to sit beside: the label, then the body below
            self.text(first.strip(), first_style, indent)
            self.text(body, style, indent + 2)
            return
        parts = wrap(ascii_safe(body, self.ascii), max(8, self.inner - indent - width))
        for k, part in enumerate(parts):
            lead = self.style(first, first_style) if k == 0 else " " * width
            if linked and self.paint:
                part = osc8(part.replace("\x00", " "))
            self.lines.append(" " * indent + lead + self.style(part, style))

    def raw(self, line: str) -> None:
        self.lines.append(line)


def render_doc(d: Doc, width: int, ascii: bool, paint: Painter) -> str:
    width = max(20, width)
    inner = width - 4
    out = _Lines(inner, paint, ascii)
    if d.subtitle:
        out.text(d.subtitle, "dim")
    if d.rating:
        rating, validity = d.rating
        full, empty = ("#", "-") if ascii else ("█", "░")
        line = (out.style("Rating  ", "bold") + out.style(f"{stars(rating, ascii)} ", RATING_STYLES.get(rating, ""))
                + out.style(str(rating), "bold") + "/5  " + out.style(full * (2 * rating), RATING_STYLES.get(rating, ""))
                + out.style(empty * (2 * (5 - rating)), "dim"))
        tail = out.style("Source of validity  ", "bold") + out.style(validity.capitalize(), "italic")
        plain_len = visible_len(line) + 4 + visible_len(tail)
        if plain_len <= inner:
            out.raw(line + "    " + tail)
        elif visible_len(line) <= inner:
            out.raw(line)
            out.raw(tail if visible_len(tail) <= inner else out.style(validity.capitalize(), "italic"))
        else:  # very narrow: the number and the words only
            out.text(f"Rating {rating}/5, {validity}", RATING_STYLES.get(rating, ""))
    if d.verdict:
        out.text(d.verdict, "bold")
    for b in d.blocks:
        out.raw("")
        _block(out, b)
    if d.note:
        out.raw("")
        out.text(d.note, "dim italic")
    return _box(out.lines, d.title, width, ascii, paint)


def _block(out: _Lines, b: Block) -> None:
    indent = 0
    if b.heading:
        out.text(b.heading, "bold red" if b.style == "warning" else "bold cyan")
        indent = 2
    if b.text:
        for para in b.text.split("\n\n"):
            out.text(para, "bold red" if b.style == "warning" else "", indent)
    if b.fields:
        label_width = max(cell_len(k) for k, _ in b.fields) + 2
        for label, value in b.fields:
            out.hanging(pad(label, label_width), value, "", indent, first_style="bold")
    if b.bullets:
        bullet = "- " if out.ascii else "• "
        style = "bold red" if b.style == "warning" else ""
        for item in b.bullets:
            out.hanging("! " if style else bullet, item, style, indent, first_style=style, linked=True)
    if b.table:
        t = b.table
        text = render_table(list(t.columns), list(t.rows), out.inner - indent, out.ascii, out.paint, t.rating_column,
                            t.bars, t.title, t.highlight, t.marks)
        for line in text.rstrip("\n").split("\n"):
            out.raw(" " * indent + line)


def _box(lines: list[str], title: str, width: int, ascii: bool, paint: Painter) -> str:
    tl, tr, bl, br, h, v = ("+", "+", "+", "+", "-", "|") if ascii else ("╭", "╮", "╰", "╯", "─", "│")
    inner = width - 4
    title = ascii_safe(title, ascii)
    if cell_len(title) > width - 6:
        title = wrap(title, width - 7)[0] + ("..." if ascii else "…")
    shown = paint(title, "bold") if paint else title
    top = f"{tl}{h} {shown} " + h * max(0, width - 4 - cell_len(title) - 1) + tr
    rows = [top]
    for line in lines:
        rows.append(f"{v} " + line + " " * max(0, inner - visible_len(line)) + f" {v}")
    rows.append(bl + h * (width - 2) + br)
    return "\n".join(rows) + "\n"


def render_footer(text: Optional[str], width: int, ascii: bool, paint: Painter) -> str:
    if not text:
        return ""
    lines = [piece for para in ascii_safe(text, ascii).split("\n") for piece in wrap(para, width)]
    return "".join((paint(line, "dim") if paint else line) + "\n" for line in lines)
