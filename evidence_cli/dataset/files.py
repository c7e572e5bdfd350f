"""The files of a data directory. Kept apart and free of heavy imports: every lookup lists them."""

from __future__ import annotations

import os
from pathlib import Path


def _entries(folder: str) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return []


def scan(root: Path | str) -> list[str]:
    """Every file the compiled store depends on, as paths, in a stable order: systems.toml,
    effects.toml, conditions/*.toml, drugs/*.toml, profiles/*.toml, ingredients/*.toml and ingredients/*/*.toml,
    then foods/*.
    os.scandir keeps this cheap, since every lookup does it to prove the cache current."""
    root = str(root)
    files = []
    systems = os.path.join(root, "systems.toml")
    if os.path.isfile(systems):
        files.append(systems)
    effects = os.path.join(root, "effects.toml")
    if os.path.isfile(effects):
        files.append(effects)
    for sub in ("conditions", "drugs", "profiles"):
        files += [e.path for e in _entries(os.path.join(root, sub)) if e.name.endswith(".toml") and e.is_file()]
    folders = []
    for e in _entries(os.path.join(root, "ingredients")):
        if e.is_dir():
            folders.append(e.path)
        elif e.name.endswith(".toml"):
            files.append(e.path)
    for folder in folders:
        files += [e.path for e in _entries(folder) if e.name.endswith(".toml") and e.is_file()]
    files += [e.path for e in _entries(os.path.join(root, "foods")) if e.is_file() and e.name != "README.md"]
    return files
