"""evidence conditions: all conditions; with an ingredient, its ingredient-to-condition list ranked by rating."""

from typing import Annotated, List, Optional

import typer

from evidence_cli.options import ColorChoice, DataDir, Format, MinRating, NoColor, NoPager, Top, Validity, completer, context_for, joined_words

EPILOG = "Examples:\n\n\b\n  evidence conditions magnesium\n  evidence conditions magnesium --format json | jq '.[0]'"


def conditions(
    ingredient: Annotated[Optional[List[str]], typer.Argument(metavar="INGREDIENT", help="An ingredient: its conditions ranked by rating.",
                                                        shell_complete=completer("ingredient"), show_default=False)] = None,
    min_rating: MinRating = None, validity: Validity = None, top: Top = None,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """All conditions; with an ingredient, its ingredient-to-condition list ranked by rating."""
    from evidence_cli.commands import lookup

    c = context_for(fmt, data_dir, no_color, no_pager, color)
    c.emit(lookup.conditions(c, joined_words(ingredient), lookup.ListFilter.of(min_rating, validity, top)))
