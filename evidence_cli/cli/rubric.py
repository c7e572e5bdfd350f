"""evidence rubric: the rating scale: what 0 to 5 and scientific or traditional mean."""

from evidence_cli.options import ColorChoice, Format, NoColor, NoPager, context_for

EPILOG = "Examples:\n\n\b\n  evidence rubric\n  evidence rubric --format json"


def rubric(
    fmt: Format = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """The rating scale: what 0 to 5 and scientific or traditional mean."""
    from evidence_cli.commands import lookup

    c = context_for(fmt, None, no_color, no_pager, color)
    c.emit(lookup.rubric())
