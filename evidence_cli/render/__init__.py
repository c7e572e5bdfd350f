"""Formatters: one module per output format, chosen once from --format and the terminal."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from evidence_cli.errors import UsageError
from evidence_cli.render.doc import Output

FORMATS = ("rich", "plain", "json", "markdown", "csv")


@dataclass(frozen=True)
class Settings:
    format: str
    color: bool
    ascii: bool  # the output encoding cannot show stars and box lines
    width: int | None  # wrap plain text to this width (a terminal), or not at all (a pipe)


def _can_encode(stream, sample: str = "★☆─│…") -> bool:
    try:
        sample.encode(getattr(stream, "encoding", None) or "utf-8")
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def settings(fmt: str | None, no_color: bool) -> Settings:
    out = sys.stdout
    tty = bool(out is not None and out.isatty())
    if fmt is None:
        fmt = "rich" if tty else "plain"
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", hint=f"choose one of {', '.join(FORMATS)}")
    dumb = os.environ.get("TERM") == "dumb"
    color = tty and not no_color and "NO_COLOR" not in os.environ and not dumb
    width = None
    if tty:
        import shutil

        width = max(20, shutil.get_terminal_size((80, 24)).columns)
    return Settings(fmt, color, not _can_encode(out), width)


def emit(output: Output, s: Settings) -> None:
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
    mod.render(output, s, sys.stdout)
