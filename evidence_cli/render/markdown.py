"""Markdown: headings, lists and pipe tables, for notes and documents."""

from __future__ import annotations

from typing import IO

from evidence_cli.render import Settings
from evidence_cli.render.common import LINK, cell, link_url, rating_text, stars
from evidence_cli.render.doc import Block, Doc, Output, Table


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def table_md(t: Table, s: Settings) -> list[str]:
    out = [f"**{_esc(t.title)}**", ""] if t.title else []
    out.append("| " + " | ".join(_esc(c) for c in t.columns) + " |")
    out.append("|" + "|".join("---" for _ in t.columns) + "|")
    for i, row in enumerate(t.rows):
        cells = [cell(v) for v in row]
        if t.rating_column is not None and row[t.rating_column] is not None:
            cells[t.rating_column] = f"{stars(row[t.rating_column], s.ascii)} {row[t.rating_column]}"
        if i == t.highlight:
            cells = [f"**{c}**" for c in cells]
        out.append("| " + " | ".join(_esc(c) for c in cells) + " |")
    return out


def block_md(b: Block, s: Settings) -> list[str]:
    out = [f"## {b.heading}", ""] if b.heading else []
    if b.text:
        out += [b.text, ""]
    if b.fields:
        out += [f"- **{_esc(k)}:** {v}" for k, v in b.fields] + [""]
    if b.bullets:
        mark = "**" if b.style == "warning" else ""
        out += [f"- {mark}{md_links(item)}{mark}" for item in b.bullets] + [""]
    if b.table:
        out += table_md(b.table, s) + [""]
    return out


def doc_md(d: Doc, s: Settings) -> list[str]:
    out = [f"# {d.title}", ""]
    if d.subtitle:
        out += [f"*{d.subtitle}*", ""]
    if d.rating:
        rating, validity = d.rating
        out += [f"**Rating:** {rating_text(rating, s.ascii)} · **Source of validity:** {validity.capitalize()}", ""]
    if d.verdict:
        out += [f"**Verdict:** {d.verdict}", ""]
    for b in d.blocks:
        out += block_md(b, s)
    if d.note:
        out += [f"> {d.note}", ""]
    return out


def render(output: Output, s: Settings, out: IO[str]) -> None:
    lines = doc_md(output.doc, s) if output.doc else table_md(output.table, s) if output.table else []
    if output.footer and not output.doc:  # a document carries its own notes
        lines += ["", *(f"*{line}*  " if line.strip() else "" for line in output.footer.split("\n"))]
    out.write("\n".join(lines).rstrip() + "\n")


def md_links(text: str) -> str:
    """Identifiers as Markdown links: [PMID 27402922](https://pubmed...), a bare URL as <URL>."""
    return LINK.sub(lambda m: f"<{m.group(0)}>" if m.group(3) else f"[{m.group(0)}]({link_url(m)})", text)
