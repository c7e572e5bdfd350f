"""evidence search: full-text search over ingredients, conditions, body systems and cards, ranked."""

from typing import Annotated, List

import typer

from evidence_cli.options import ColorChoice, DataDir, Format, NoColor, NoPager, context_for

EPILOG = "Examples:\n\n\b\n  evidence search sleep\n  evidence search \"muscle cramps\" --format json"


def search(
    query: Annotated[List[str], typer.Argument(metavar="QUERY...", help="Words to look for.", show_default=False)],
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many results.")] = 20,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """Full-text search over ingredients, conditions, body systems and cards, ranked."""
    from evidence_cli.commands import lookup

    c = context_for(fmt, data_dir, no_color, no_pager, color)
    c.emit(lookup.search(c, query, limit))
