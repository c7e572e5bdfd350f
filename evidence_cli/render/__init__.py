"""Formatters: one module per output format, chosen once from --format and the terminal."""

from __future__ import annotations

import os
import sys
from typing import NamedTuple

from evidence_cli.errors import UsageError
from evidence_cli.render.doc import Output

FORMATS = ("rich", "plain", "json", "markdown", "csv")
TEXT_FORMATS = ("rich", "plain", "markdown")  # the formats read by people, which get notes on stderr


class Settings(NamedTuple):
    format: str
    color: bool
    ascii: bool  # the output encoding cannot show stars and box lines
    width: int | None  # wrap plain text to this width (a terminal), or not at all (a pipe)
    height: int | None = None  # lines of the terminal, when stdout is one


def _can_encode(stream, sample: str = "★☆─│…") -> bool:
    try:
        sample.encode(getattr(stream, "encoding", None) or "utf-8")
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def settings(fmt: str | None, no_color: bool, force_color: bool = False) -> Settings:
    out = sys.stdout
    tty = bool(out is not None and out.isatty())
    if fmt is None:
        fmt = "rich" if tty else "plain"
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", hint=f"choose one of {', '.join(FORMATS)}")
    # no-color.org: NO_COLOR counts only when it is not empty; FORCE_COLOR (not empty) turns colour
    # on in a pipe; --no-color and NO_COLOR win over it, as in Rich.
    if no_color or os.environ.get("NO_COLOR"):
        color = False
    elif force_color or os.environ.get("FORCE_COLOR"):
        color = True
    else:
        color = tty and os.environ.get("TERM") != "dumb"
    width = height = None
    if tty:
        import shutil

        size = shutil.get_terminal_size((80, 24))
        width, height = max(20, size.columns), size.lines
    return Settings(fmt, color, not _can_encode(out), width, height)


def emit(output: Output, s: Settings, out=None) -> None:
    """Write `output` in the chosen format to `out` (stdout by default)."""
    if s.format == "json":
        from evidence_cli.render import json_ as mod
    elif s.format == "csv":
        from evidence_cli.render import csv_ as mod  # type: ignore[no-redef]
    elif s.format == "markdown":
        from evidence_cli.render import markdown as mod  # type: ignore[no-redef]
    elif s.format == "plain":
        from evidence_cli.render import plain as mod  # type: ignore[no-redef]
    else:
        from evidence_cli.render import rich_ as mod  # type: ignore[no-redef]
    mod.render(output, s, sys.stdout if out is None else out)
