"""Small helpers shared by the text formatters."""

from __future__ import annotations

import re
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


# Identifiers in reference lines ("PMID 27402922", "doi:10.1161/X", a URL), and where they point.
# A DOI may hold balanced parentheses (10.1016/S0140-6736(02)09327-3); the one closing a citation's
# list of identifiers is not part of it.
_ID = r"(?:[^\s;()]|\([^\s;()]*\))+"
LINK = re.compile(rf"PMID (\d+)|doi:(10\.\d{{4,9}}/{_ID})|(https?://{_ID})")


def reference_url(pmid: object, doi: object, url: object) -> str:
    """The address a reference's identifier stands for: PubMed, then doi.org, then its own URL."""
    if pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
    if doi:
        return f"https://doi.org/{doi}"
    return str(url or "")


def link_url(m: re.Match[str]) -> str:
    return reference_url(*m.groups())


def with_urls(text: str) -> str:
    """Each identifier as the address it stands for, for formats without hyperlinks."""
    return LINK.sub(link_url, text)


def osc8(text: str) -> str:
    """Each identifier as a terminal hyperlink (OSC 8), its text unchanged."""
    return LINK.sub(lambda m: f"\x1b]8;;{link_url(m)}\x1b\\{m.group(0)}\x1b]8;;\x1b\\", text)
