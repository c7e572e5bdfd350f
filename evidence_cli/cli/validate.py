"""evidence validate: check a data directory and report every problem with file and line (exit 3 if any)."""

from typing import Annotated, Optional

import typer

from evidence_cli.options import ColorChoice, DataDir, Format, NoColor, NoPager, context_for

EPILOG = "Examples:\n\n\b\n  evidence validate\n  evidence validate ./my-data --format json"


def validate(
    directory: Annotated[Optional[str], typer.Argument(metavar="DIR", help="A data directory [default: the bundled data].", show_default=False)] = None,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """Check a data directory and report every problem with file and line (exit 3 if any)."""
    from evidence_cli.commands import data

    c = context_for(fmt, data_dir, no_color, no_pager, color)
    c.emit(data.validate(c, directory))
