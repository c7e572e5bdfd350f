"""evidence foods: food sources from USDA SR28, as eaten, with serving, amount and % of the adult Daily Value."""

from typing import Annotated, List, Optional

import typer

from evidence_cli.options import ColorChoice, DataDir, Format, NoColor, NoPager, choices, completer, context_for, joined_words


def _complete_food_groups(ctx: typer.Context, incomplete: str) -> List[str]:
    try:
        from evidence_cli.commands.context import Context

        groups = Context("plain", (ctx.params or {}).get("data_dir")).store.food_groups()
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [g for g in groups if g.lower().startswith(incomplete.lower())]


EPILOG = "Examples:\n\n\b\n  evidence foods magnesium\n  evidence foods magnesium --per 100g --top 20\n  evidence foods iron --group vegetables"


def foods(
    nutrient: Annotated[List[str], typer.Argument(metavar="NUTRIENT", help="A vitamin or mineral.", shell_complete=completer("ingredient"), show_default=False)],
    top: Annotated[int, typer.Option("--top", "-n", help="How many foods.")] = 15,
    per: Annotated[str, typer.Option("--per", help="Rank per serving or per 100g.", autocompletion=choices("serving", "100g"))] = "serving",
    group: Annotated[Optional[str], typer.Option("--group", "-g", help="Only this USDA food group (a prefix will do).",
                                                 autocompletion=_complete_food_groups)] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Every food, including dry, raw and concentrated forms, brand items, fortified products and baby foods.")] = False,
    vegetarian: Annotated[bool, typer.Option("--vegetarian", help="Only foods without meat or fish.")] = False,
    vegan: Annotated[bool, typer.Option("--vegan", help="Only foods without any animal product.")] = False,
    exclude: Annotated[Optional[List[str]], typer.Option("--exclude", "-x", help="Leave out a USDA food group (a prefix will do); repeatable.",
                                                             autocompletion=_complete_food_groups)] = None,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """Food sources from USDA SR28, as eaten, with serving, amount and % of the adult Daily Value."""
    from evidence_cli.commands import nutrients

    c = context_for(fmt, data_dir, no_color, no_pager, color)
    c.emit(nutrients.foods(c, joined_words(nutrient), top, per, group, show_all, vegetarian, vegan, exclude or ()))
