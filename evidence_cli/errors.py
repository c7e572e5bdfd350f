"""Errors a user can cause, each with its documented exit code (README: "Exit codes")."""

from __future__ import annotations

EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_DATA = 3
EXIT_INTERRUPTED = 130


class EvidenceError(Exception):
    """An error reported to the user as one line on stderr, with an optional hint."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class NotFound(EvidenceError):
    exit_code = EXIT_NOT_FOUND


class UsageError(EvidenceError):
    exit_code = EXIT_USAGE


class DataError(EvidenceError):
    exit_code = EXIT_DATA


class OutputClosed(Exception):
    """The reader of our output went away (`| head -1`): stop quietly.

    Raised in place of BrokenPipeError, which Click would otherwise turn into exit code 1."""
