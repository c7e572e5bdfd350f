"""What a command prints, before it is formatted: a document, a table, and the JSON payload."""

from __future__ import annotations

from collections import namedtuple

NOT_ADVICE = "Not medical advice: talk to a doctor or pharmacist before taking supplements for a health problem."


class Table(namedtuple("Table", "columns rows title rating_column highlight bars heat marks",
                       defaults=(None, None, None, None, False, None))):
    """columns: list[str]; rows: list[list]; title; rating_column: index shown as stars where the
    format allows; highlight: index of a row to emphasise (the person's own); bars: index of a
    numeric column drawn as bars; heat: a grid of ratings, coloured where the format allows;
    marks: (column, per row the words to show in bold) where the format has bold (search matches)."""

    __slots__ = ()


class Block(namedtuple("Block", "heading text bullets fields table style", defaults=(None, None, None, None, None, ""))):
    """A section of a document: an optional heading over text, bullets, fields (label, value)
    or a table; style "warning" marks safety-critical text."""

    __slots__ = ()


class Doc(namedtuple("Doc", "title blocks subtitle rating verdict note", defaults=((), None, None, None, None))):
    """title; blocks: the sections; rating: (rating, validity) of a card; note: the "not medical
    advice" line and similar."""

    __slots__ = ()


class Output(namedtuple("Output", "data doc table footer empty_message csv_table destination database written error",
                        defaults=(None,) * 9)):
    """data: the JSON payload; doc: a document; table: a list, or the table CSV shows for a
    document; footer: a line under a list (e.g. the source of food figures), not shown under a document; empty_message: said
    on stderr when a list is empty; csv_table: what CSV shows where it differs from the table;
    destination: a file to write instead of stdout; database: an SQLite connection to copy there
    (export -f sqlite); written: the note on stderr once the file is written; error: an
    EvidenceError to raise once the output is shown (validate's problems)."""

    __slots__ = ()
