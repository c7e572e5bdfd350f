"""evidence intake: the reference intake table (RDA or AI, and UL); with a person's details, their row."""

from typing import Annotated, List

import typer

from evidence_cli.options import Age, ColorChoice, DataDir, Format, Lactating, NoColor, NoPager, Pregnant, Sex, Smoker, completer, context_for, joined_words

EPILOG = "Examples:\n\n\b\n  evidence intake magnesium\n  evidence intake iron --age 30 --sex female --pregnant\n  evidence intake vitamin-d --age 6m"


def intake(
    nutrient: Annotated[List[str], typer.Argument(metavar="NUTRIENT", help="A vitamin or mineral.", shell_complete=completer("ingredient"), show_default=False)],
    age: Age = None, sex: Sex = None, pregnant: Pregnant = False, lactating: Lactating = False, smoker: Smoker = False,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """The reference intake table (RDA or AI, and UL); with a person's details, their row."""
    from evidence_cli.commands import nutrients

    c = context_for(fmt, data_dir, no_color, no_pager, color)
    c.emit(nutrients.intake(c, joined_words(nutrient), nutrients.person(age, sex, pregnant, lactating, smoker)))
