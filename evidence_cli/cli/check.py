"""evidence check: a daily amount against the upper limit, with the RDA/AI as context."""

from typing import Annotated, List, Optional

import typer

from evidence_cli.options import Age, ColorChoice, DataDir, Format, Lactating, NoColor, NoPager, Pregnant, Sex, Smoker, completer, context_for

EPILOG = "Examples:\n\n\b\n  evidence check magnesium 500mg --age 40 --sex male\n  evidence check vitamin d 2000 IU\n  evidence check calcium 1200mg --total --age 70 --sex female"


def check(
    words: Annotated[List[str], typer.Argument(metavar="NUTRIENT AMOUNT", help="A vitamin or mineral and a daily amount with its unit: 500mg, 400 mg, 50mcg, 2000IU, 1.5g.", shell_complete=completer("ingredient"), show_default=False)],
    age: Age = None, sex: Sex = None, pregnant: Pregnant = False, lactating: Lactating = False, smoker: Smoker = False,
    form: Annotated[Optional[str], typer.Option("--form", help="The form, where units convert differently (vitamin E: natural or synthetic; folate: folic acid taken with food), or the salt whose weight the amount is (iron: ferrous sulfate).")] = None,
    total: Annotated[bool, typer.Option("--total", help="The amount is the whole day's intake, food included (default: from supplements).")] = False,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """A daily amount against the upper limit, with the RDA/AI as context."""
    from evidence_cli.commands import nutrients

    c = context_for(fmt, data_dir, no_color, no_pager, color)
    c.emit(nutrients.check(c, words, nutrients.person(age, sex, pregnant, lactating, smoker), form, total))
