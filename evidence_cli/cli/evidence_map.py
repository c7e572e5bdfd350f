"""evidence map: an evidence map: a body system's best-covered ingredients against its conditions, coloured by rating."""

from typing import Annotated

import typer

from evidence_cli.options import ColorChoice, DataDir, Format, NoColor, NoPager, completer, context_for

EPILOG = "Examples:\n\n\b\n  evidence map nervous\n  evidence systems cardiovascular --map\n  evidence map immune --format csv"


def map_(
    system: Annotated[str, typer.Argument(metavar="SYSTEM", help="A body system.", shell_complete=completer("system"),
                                          show_default=False)],
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """An evidence map: a body system's best-covered ingredients against its conditions, coloured by rating."""
    from evidence_cli.commands import lookup

    c = context_for(fmt, data_dir, no_color, no_pager, color)
    c.emit(lookup.evidence_map(c, system))
