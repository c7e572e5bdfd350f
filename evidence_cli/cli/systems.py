"""evidence systems: the body systems; with one, its conditions and their best-rated ingredients."""

from typing import Annotated, Optional

import typer

from evidence_cli.options import ColorChoice, DataDir, Format, MinRating, NoColor, NoPager, Top, Validity, completer, context_for

EPILOG = "Examples:\n\n\b\n  evidence systems\n  evidence systems nervous"


def systems(
    system: Annotated[Optional[str], typer.Argument(metavar="SYSTEM", help="A body system: its conditions and their best-rated ingredients.",
                                                    shell_complete=completer("system"), show_default=False)] = None,
    as_map: Annotated[bool, typer.Option("--map", help="Draw the evidence map of the system (as `evidence map`).")] = False,
    min_rating: MinRating = None, validity: Validity = None, top: Top = None,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """The body systems; with one, its conditions and their best-rated ingredients."""
    from evidence_cli.commands import lookup

    c = context_for(fmt, data_dir, no_color, no_pager, color)
    c.emit(lookup.systems(c, system, as_map, lookup.ListFilter.of(min_rating, validity, top)))
