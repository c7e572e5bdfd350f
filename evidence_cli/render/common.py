"""Small helpers shared by the text formatters."""

from __future__ import annotations

from typing import Any


def stars(rating: int | None, ascii: bool = False) -> str:
    if rating is None:
        return "-" if ascii else "–"
    full, empty = ("*", ".") if ascii else ("★", "☆")
    return full * rating + empty * (5 - rating)


def rating_text(rating: int | None, ascii: bool = False) -> str:
    return "not rated" if rating is None else f"{stars(rating, ascii)} {rating}/5"


def cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v) for v in value)
    return str(value)


def ascii_safe(text: str, ascii: bool) -> str:
    if not ascii:
        return text
    table = {"–": "-", "—": "-", "…": "...", "’": "'", "‘": "'", "“": '"', "”": '"', "µ": "u", "α": "alpha-",
             "≥": ">=", "≤": "<=", "×": "x", "★": "*", "☆": ".", "°": " deg"}
    return "".join(table.get(ch, ch) for ch in text)
