"""Formatters: one module per output format, chosen once from --format and the terminal."""

from __future__ import annotations

import sys
from collections import namedtuple
from typing import TYPE_CHECKING

from evidence_cli.render.doc import Output

if TYPE_CHECKING:
    from evidence_cli.environment import Environment

FORMATS = ("rich", "plain", "json", "markdown", "csv")
TEXT_FORMATS = ("rich", "plain", "markdown")  # the formats read by people, which get notes on stderr


class Settings(namedtuple("Settings", "format color ascii width height depth pipe_width", defaults=(None, "8", 80))):
    """Fields: format: str; color: bool; ascii: bool (the output encoding cannot show stars and box
    lines); width: int | None (wrap plain text to this width on a terminal, or not at all in a pipe);
    height: int | None = None (lines of the terminal); depth: str = "8" (colours the terminal shows:
    "8" or "256", from TERM and COLORTERM); pipe_width: int = 80 (rich output in a pipe: $COLUMNS)."""

    __slots__ = ()


def _can_encode(encoding: str, sample: str = "★☆─│…") -> bool:
    try:
        sample.encode(encoding or "utf-8")
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def settings(fmt: str, no_color: bool, force_color: bool, env: Environment) -> Settings:
    """The output settings for a format (already checked against FORMATS) in an environment."""
    # no-color.org: NO_COLOR counts only when it is not empty; FORCE_COLOR (not empty) turns colour
    # on in a pipe; --no-color and NO_COLOR win over it, as in Rich.
    if no_color or env.get("NO_COLOR"):
        color = False
    elif force_color or env.get("FORCE_COLOR"):
        color = True
    else:
        color = env.stdout_isatty and env.get("TERM") != "dumb"
    width = height = None
    if env.size is not None:  # on a terminal, $COLUMNS and $LINES win over its size, as in shutil
        width = max(20, env.number("COLUMNS") or env.size[0])
        height = env.number("LINES") or env.size[1]
    depth = "256" if env.get("COLORTERM").strip().lower() in ("truecolor", "24bit") or "256" in env.get("TERM") else "8"
    pipe_width = env.number("COLUMNS") or 80
    return Settings(fmt, color, not _can_encode(env.encoding), width, height, depth, pipe_width)


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
