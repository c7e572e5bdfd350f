"""Finding and parsing the TOML files of a data directory, with a line for every key.

tomli gives values but no positions, so `LineIndex` reads the text once more to map a key path
such as ("cards", 3, "rating") to the line it is on; problems can then name file and line.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Union

from evidence_cli.dataset.files import scan

KeyPath = tuple[Union[str, int], ...]

_KEY_RE = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(\s*\.\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*\s*=""")
_HEADER_RE = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


def _split_dotted(s: str) -> list[str]:
    return [p.strip().strip("\"'") for p in re.findall(r"""("[^"]*"|'[^']*'|[^.]+)""", s)]


class LineIndex:
    """Maps key paths of one TOML document to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self.lines: dict[KeyPath, int] = {}
        arrays: dict[KeyPath, int] = {}
        current: KeyPath = ()
        in_string: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_string:
                if in_string in line:
                    in_string = None
                continue
            header = _HEADER_RE.match(line)
            if header and not _KEY_RE.match(line):
                parts = _split_dotted(header.group(2))
                resolved: list[str | int] = []
                for part in parts[:-1]:
                    resolved.append(part)
                    if tuple(resolved) in arrays:
                        resolved.append(arrays[tuple(resolved)])
                resolved.append(parts[-1])
                key = tuple(resolved)
                if header.group(1) == "[[":
                    arrays[key] = arrays.get(key, -1) + 1
                    key = key + (arrays[key],)
                current = key
                self.lines.setdefault(current, number)
                continue
            m = _KEY_RE.match(line)
            if m:
                keys = _split_dotted(m.group(0).rstrip("= \t"))
                self.lines.setdefault(current + tuple(keys), number)
                rest = line[m.end():].strip()
                for quote in ('"""', "'''"):
                    if rest.startswith(quote) and rest.count(quote) == 1:
                        in_string = quote

    def line(self, path: KeyPath) -> int:
        """The line of `path`, or of its nearest enclosing key or table; 1 if nothing matches."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


@dataclass
class SourceFile:
    """One parsed TOML file; its line index is built only when a problem needs a line number."""

    path: Path
    rel: str
    data: dict[str, Any]
    text: str = field(repr=False, default="")
    _index: LineIndex | None = field(default=None, repr=False)

    def line(self, path: KeyPath) -> int:
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index.line(path)


@dataclass
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class Source:
    """Every parsed file of a data directory, and the problems met parsing them."""

    root: Path
    docs: list[SourceFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def docs_under(self, prefix: str) -> Iterator[SourceFile]:
        return (d for d in self.docs if d.rel.startswith(prefix))


def toml_files(root: Path) -> list[Path]:
    """The TOML files a data directory is made of."""
    foods = os.path.join(str(root), "foods") + os.sep
    return [Path(p) for p in scan(root) if p.endswith(".toml") and not p.startswith(foods)]


def parse(root: Path) -> Source:
    import tomli

    source = Source(root)
    if not root.is_dir():
        source.problems.append(Problem(str(root), 0, "data directory not found"))
        return source
    if not (root / "systems.toml").is_file():
        source.problems.append(Problem(str(root / "systems.toml"), 0, "missing: every data directory needs systems.toml"))
    for path in toml_files(root):
        rel = path.relative_to(root).as_posix()
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            source.problems.append(Problem(rel, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})"))
            continue
        except OSError as exc:
            source.problems.append(Problem(rel, 0, f"cannot read: {exc.strerror}"))
            continue
        try:
            data = tomli.loads(text)
        except tomli.TOMLDecodeError as exc:
            line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
            msg = getattr(exc, "msg", None) or re.sub(r"\s*\(at line.*\)$", "", str(exc))
            source.problems.append(Problem(rel, line, f"TOML syntax error: {msg}"))
            continue
        source.docs.append(SourceFile(path, rel, data, text))
    return source


def _line_from_message(message: str) -> int:
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else 1
