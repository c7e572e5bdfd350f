"""The surroundings of one run: is stdout a terminal, its size and encoding, and the environment
variables that change the output (colour, width, pager). `main()` reads them once and hands the
Environment down through the command's Context to the formatters and the pager; tests pass a
mock instead (as HTTPie does), so terminal behaviour is testable in-process."""

from __future__ import annotations

import os
import sys
from collections import namedtuple
from typing import Optional

# the variables the output depends on; nothing else in the package reads os.environ for output
VARIABLES = ("NO_COLOR", "FORCE_COLOR", "TERM", "COLORTERM", "COLUMNS", "LINES", "EVIDENCE_PAGER", "PAGER", "LESS", "LV")


class Environment(namedtuple("Environment", "stdout_isatty encoding size variables")):
    """Fields: stdout_isatty: bool; encoding: str (of stdout); size: Optional[tuple[int, int]]
    ((columns, lines) of the terminal itself, when stdout is one); variables: dict[str, str] (those
    of VARIABLES that are set). A collections.namedtuple, as in model.py: cheaper to create at import."""

    __slots__ = ()

    def get(self, name: str, default: str = "") -> str:
        return self.variables.get(name, default)

    def number(self, name: str) -> Optional[int]:
        """A positive whole number from a variable (COLUMNS, LINES), or None."""
        value = self.get(name).strip()
        return int(value) if value.isdigit() and int(value) > 0 else None

    @classmethod
    def of_process(cls) -> "Environment":
        out = sys.stdout
        tty = bool(out is not None and out.isatty())
        size = None
        if tty:
            try:
                s = os.get_terminal_size(out.fileno())
                size = (s.columns, s.lines)
            except (OSError, ValueError):
                size = (80, 24)
        return cls(tty, getattr(out, "encoding", None) or "utf-8", size,
                   {k: os.environ[k] for k in VARIABLES if k in os.environ})
