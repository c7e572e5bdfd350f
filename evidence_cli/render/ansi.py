"""Styled terminal text without Rich's Console: escape codes for our few styles, cell widths, and
word wrap. Importing rich.console alone costs about a fifth of a whole lookup here, so the `rich`
format draws cards and lists itself in Rich's look and keeps Rich for what needs its layout engine
(the evidence map's grid, SVG pictures). See README, Performance."""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Optional

# SGR parameters for the styles we use: (256-colour or better, 16-colour fallback). The fallbacks
# keep the six ratings apart on a 16-colour terminal: red, bright red, yellow, bright yellow, green,
# bold green.
_CODES = {
    "bold": ("1", "1"), "dim": ("2", "2"), "italic": ("3", "3"), "reverse": ("7", "7"),
    "red": ("31", "31"), "green": ("32", "32"), "yellow": ("33", "33"), "cyan": ("36", "36"),
    "bright_green": ("92", "92"), "dark_orange": ("38;5;208", "91"), "green_yellow": ("38;5;154", "93"),
}
RATING_STYLES = {0: "red", 1: "dark_orange", 2: "yellow", 3: "green_yellow", 4: "green", 5: "bold green"}
# the same scale as cell backgrounds (the evidence map, drawn by Rich), where bold cannot tell 5 from 4
RATING_BACKGROUNDS = {0: "red", 1: "dark_orange", 2: "yellow", 3: "green_yellow", 4: "green3", 5: "bright_green"}

Painter = Optional[Callable[[str, str], str]]


def painter(enabled: bool, depth: str = "8") -> Painter:
    """paint(text, "bold cyan") -> text in escape codes; None when colour is off. `depth` "256"
    (Settings.depth) uses the 256-colour codes, else the nearest of the 16."""
    if not enabled:
        return None
    column = 0 if depth == "256" else 1
    cache: dict[str, str] = {}

    def paint(text: str, style: str) -> str:
        if not style or not text:
            return text
        if style not in cache:
            cache[style] = ";".join(_CODES[word][column] for word in style.split() if word in _CODES)
        codes = cache[style]
        return f"\x1b[{codes}m{text}\x1b[0m" if codes else text
    return paint


# Emoji, joiners, variation selectors, skin tones, keycaps and zero-width characters form grapheme
# clusters whose width only a cluster-aware measure gets right; rich.cells is one (about 5 ms to
# import, so it loads only for text that holds such characters).
_CLUSTERED = re.compile("[\u200b-\u200f\u2060\u20e3\ufe00-\ufe0f\U0001f000-\U0001faff\U000e0000-\U000e007f]")


def cell_len(text: str) -> int:
    """Columns the text takes on a terminal: wide East Asian characters take two, and emoji
    sequences (👨‍👩‍👧, 👍🏽, 1️⃣) are measured as the clusters they are."""
    if text.isascii():
        return len(text)
    if _CLUSTERED.search(text):
        from rich.cells import cell_len as cluster_len

        return cluster_len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by terminal columns; words longer than the width are cut."""
    width = max(1, width)
    if cell_len(text) <= width:
        return [text]
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for word in text.split():
        w = cell_len(word)
        while w > width:
            if line:
                lines.append(" ".join(line))
                line, used = [], 0
            cut = word
            while cell_len(cut) > width:
                cut = cut[:-1]
            lines.append(cut)
            word = word[len(cut):]
            w = cell_len(word)
        if not word:
            continue
        if line and used + 1 + w > width:
            lines.append(" ".join(line))
            line, used = [], 0
        used += w + (1 if line else 0)
        line.append(word)
    if line:
        lines.append(" ".join(line))
    return lines or [""]


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))
