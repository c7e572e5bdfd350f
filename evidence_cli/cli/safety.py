"""evidence safety: side effects, who should avoid it, pregnancy, too much, and drug interactions."""

from typing import Annotated, List

import typer

from evidence_cli.options import ColorChoice, DataDir, Format, NoColor, NoPager, completer, context_for, joined_words

EPILOG = "Examples:\n\n\b\n  evidence safety magnesium\n  evidence safety vitamin-a --format markdown"


def safety(
    ingredient: Annotated[List[str], typer.Argument(metavar="INGREDIENT", help="An ingredient.", shell_complete=completer("ingredient"), show_default=False)],
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """Side effects, who should avoid it, pregnancy, too much, and drug interactions."""
    from evidence_cli.commands import safety as mod

    c = context_for(fmt, data_dir, no_color, no_pager, color)
    c.emit(mod.safety(c, joined_words(ingredient)))
