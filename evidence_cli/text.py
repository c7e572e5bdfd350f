"""Making text safe to show: user input and data never reach the terminal as control sequences."""

from __future__ import annotations

UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"


def printable(text: str, limit: int | None = None) -> str:
    """`text` with control, escape and bidirectional-override characters replaced by U+FFFD,
    cut to `limit` characters with an ellipsis."""
    import re  # only error messages need this: keep it off the start-up path

    clean = re.sub(UNSAFE, "\ufffd", text)
    if limit is not None and len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return clean


def normalize(name: str) -> str:
    """The form in which names are compared: case-folded, single-spaced, straight apostrophes, and a
    hyphen the same as a space ("proton pump inhibitors" names Proton-pump inhibitors)."""
    return " ".join(name.replace("\u2019", "'").replace("-", " ").casefold().split())


def from_argv(arg: str) -> str:
    """A command-line argument with undecodable bytes (lone surrogates) shown as U+FFFD."""
    try:
        return arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return arg.encode("utf-8", "replace").decode("utf-8")
