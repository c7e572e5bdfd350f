"""evidence interactions: for a drug or class: every ingredient that interacts with it; for an ingredient: its interactions; for several names: the interactions among them."""

from typing import Annotated, List

import typer

from evidence_cli.options import ColorChoice, DataDir, Format, NoColor, NoPager, completer, context_for

EPILOG = "Examples:\n\n\b\n  evidence interactions warfarin\n  evidence interactions eliquis\n  evidence interactions magnesium\n  evidence interactions warfarin ginkgo \"fish oil\""


def interactions(
    names: Annotated[List[str], typer.Argument(metavar="NAME...", help="Drugs, drug classes or ingredients; with several, every interaction among them.",
                                               shell_complete=completer("drug", "ingredient"), show_default=False)],
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """For a drug or class: every ingredient that interacts with it; for an ingredient: its interactions; for several names: the interactions among them."""
    from evidence_cli.commands import safety as mod

    c = context_for(fmt, data_dir, no_color, no_pager, color)
    c.emit(mod.interactions(c, names))
