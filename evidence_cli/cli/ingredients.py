"""evidence ingredients: all ingredients; with a condition, the ingredients for it ranked by rating."""

from typing import Annotated, List, Optional

import typer

from evidence_cli.options import ColorChoice, DataDir, Format, MinRating, NoColor, NoPager, Top, Validity, completer, context_for, joined_words

EPILOG = "Examples:\n\n\b\n  evidence ingredients\n  evidence ingredients migraine --format json"


def ingredients(
    condition: Annotated[Optional[List[str]], typer.Argument(metavar="CONDITION", help="A condition: its ingredients ranked by rating.",
                                                       shell_complete=completer("condition"), show_default=False)] = None,
    min_rating: MinRating = None, validity: Validity = None, top: Top = None,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """All ingredients; with a condition, the ingredients for it ranked by rating."""
    from evidence_cli.commands import lookup

    c = context_for(fmt, data_dir, no_color, no_pager, color)
    c.emit(lookup.ingredients(c, joined_words(condition), lookup.ListFilter.of(min_rating, validity, top)))
