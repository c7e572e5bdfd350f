"""evidence show: a rating card for INGREDIENT and CONDITION, or an overview of one name."""

from typing import Annotated, List

import typer

from evidence_cli.options import ColorChoice, DataDir, Format, NoColor, NoPager, completer, context_for

EPILOG = "Examples:\n\n\b\n  evidence show magnesium \"autoimmune disorders\"\n  evidence show mg\n  evidence show MS\n  evidence show immune"


def show(
    words: Annotated[List[str], typer.Argument(metavar="NAME [CONDITION]", help="An ingredient and a condition (their rating card), or one ingredient, condition or body system; quotes are optional.",
                                               shell_complete=completer("ingredient", "condition", "system"), show_default=False)],
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """A rating card for INGREDIENT and CONDITION, or an overview of one name."""
    from evidence_cli.commands import lookup

    c = context_for(fmt, data_dir, no_color, no_pager, color)
    c.emit(lookup.show_words(c, words))
