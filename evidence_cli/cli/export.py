"""evidence export: the whole dataset as JSON, CSV (one row per card) or an SQLite file."""

from enum import Enum
from typing import Annotated, Optional

import typer

from evidence_cli.options import DataDir, NoColor, OutputFormat, context_for


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    sqlite = "sqlite"


EPILOG = "Examples:\n\n\b\n  evidence export > evidence.json\n  evidence export -f csv -o cards.csv\n  evidence export -f sqlite -o evidence.sqlite"


def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", case_sensitive=False, help="json, csv (the cards) or sqlite.")] = ExportFormat.json,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.")] = None,
    data_dir: DataDir = None, no_color: NoColor = False,
) -> None:
    """The whole dataset as JSON, CSV (one row per card) or an SQLite file."""
    from evidence_cli.commands import data

    c = context_for(OutputFormat.json if fmt is ExportFormat.sqlite else OutputFormat(fmt.value), data_dir, no_color)
    c.emit(data.export(c, fmt.value, output))
