"""What a command prints, before it is formatted: a document, a table, and the JSON payload."""

from __future__ import annotations

from typing import Any, NamedTuple, Optional

NOT_ADVICE = "Not medical advice: talk to a doctor or pharmacist before taking supplements for a health problem."


class Table(NamedTuple):
    columns: list[str]
    rows: list[list[Any]]
    title: Optional[str] = None
    rating_column: Optional[int] = None  # shown as stars where the format allows
    highlight: Optional[int] = None  # index of a row to emphasise (the person's own)
    bars: Optional[int] = None  # index of a numeric column to draw as bars where the format allows
    heat: bool = False  # a grid of ratings: coloured cells where the format allows


class Block(NamedTuple):
    heading: Optional[str] = None
    text: Optional[str] = None
    bullets: Optional[list[str]] = None
    fields: Optional[list[tuple[str, str]]] = None
    table: Optional[Table] = None
    style: str = ""  # "warning" for safety-critical text


class Doc(NamedTuple):
    title: str
    blocks: list[Block] = []  # never mutated
    subtitle: Optional[str] = None
    rating: Optional[tuple[int, str]] = None  # (rating, validity) of a card
    verdict: Optional[str] = None
    note: Optional[str] = None  # the "not medical advice" line and similar


class Output(NamedTuple):
    data: Any  # the JSON payload
    doc: Optional[Doc] = None
    table: Optional[Table] = None  # a list, or the table CSV shows for a document
    footer: Optional[str] = None  # a line under a list (e.g. the source of food figures)
    empty_message: Optional[str] = None  # said on stderr when a list is empty
