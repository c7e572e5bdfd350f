"""evidence stack: everything you take, summed per nutrient against the upper limits, and every interaction among the items and your medicines."""

from typing import Annotated, List, Optional

import typer

from evidence_cli.options import Age, ColorChoice, DataDir, Format, Lactating, NoColor, NoPager, Pregnant, Sex, Smoker, completer, context_for

EPILOG = "Examples:\n\n\b\n  evidence stack \"vitamin d 2000 IU\" \"calcium 600 mg\" --age 70 --sex female\n  evidence stack --file my-supplements.toml --drug warfarin\n  evidence stack \"zinc 50 mg\" ginkgo --drug eliquis --format json"


def stack(
    items: Annotated[Optional[List[str]], typer.Argument(metavar="ITEM...", help='What you take, each as "NAME AMOUNT" in quotes ("vitamin d 2000 IU", "calcium 600 mg"); a name alone (ginkgo) is checked for interactions only, and a product alone (areds2) adds its typical composition.',
                                                  shell_complete=completer("ingredient"), show_default=False)] = None,
    file: Annotated[Optional[str], typer.Option("--file", metavar="FILE", help="A TOML file of products with their label amounts (README: the products file).")] = None,
    drug: Annotated[Optional[List[str]], typer.Option("--drug", metavar="NAME", help="A medicine you take (generic or brand name, or a class); repeatable.",
                                                      shell_complete=completer("drug"))] = None,
    age: Age = None, sex: Sex = None, pregnant: Pregnant = False, lactating: Lactating = False, smoker: Smoker = False,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """Everything you take, summed per nutrient against the upper limits, and every interaction among the items and your medicines."""
    from evidence_cli.commands import nutrients, regimen

    c = context_for(fmt, data_dir, no_color, no_pager, color)
    c.emit(regimen.stack(c, items or [], nutrients.person(age, sex, pregnant, lactating, smoker), file, drug or []))
