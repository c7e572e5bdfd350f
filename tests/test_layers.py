"""The one-way flow of ARCHITECTURE.md, enforced: each module imports only modules of a lower layer
(README, "How it is built"), so there is no import cycle. A new module must be given a layer here."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "evidence_cli"

LAYERS = {
    # leaves: plain data and helpers
    "evidence_cli": 0, "text": 0, "errors": 0, "model": 0, "rubric": 0, "environment": 0,
    "intake": 1,                      # life stages, amounts and units
    "dose": 2, "dataset": 2,          # the dose engine; TOML -> a checked Dataset
    "store": 3,                       # a Dataset -> SQLite, and the queries
    "resolve": 4, "regimen": 4, "render": 4,
    "present": 5, "pager": 5,         # records -> Output; the pager
    "commands": 6,                    # what each command does
    "options": 7,                     # the options every command shares
    "cli": 8,                         # each command's Typer declaration
    "app": 9,                         # the root and the lazy group
    "main": 10, "__main__": 11,       # the process entry
}


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _imports() -> list[tuple[str, str, str]]:
    """(importing file, its unit, the unit imported) for every import of the package by itself."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        here = rel.parts[0] if len(rel.parts) > 1 or rel.parts[0] != "__init__" else "evidence_cli"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "evidence_cli":
                if node.module == "evidence_cli":  # from evidence_cli import present, __version__
                    targets = [a.name if a.name in LAYERS else "evidence_cli" for a in node.names]
                else:
                    targets = [_unit(node.module)]
                out += [(str(rel), here, t) for t in targets if t != here]
            elif isinstance(node, ast.Import):
                out += [(str(rel), here, _unit(a.name)) for a in node.names
                        if a.name.split(".")[0] == "evidence_cli" and _unit(a.name) != here]
    return out


def test_every_module_has_a_layer():
    units = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in PACKAGE.glob("*") if p.suffix == ".py" or p.is_dir()}
    units = {"evidence_cli" if u == "__init__" else u for u in units} - {"__pycache__", "data"}
    assert units - set(LAYERS) == set(), "give the new module a layer in LAYERS"


def _upward(imports: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [(f, here, target) for f, here, target in imports if LAYERS[target] >= LAYERS[here]]


def test_no_module_imports_one_above_it():
    imports = _imports()
    assert ("store/cache", "store", "dataset") in imports  # the scan sees real imports
    assert _upward(imports) == [], _upward(imports)


def test_an_import_up_or_sideways_is_reported():
    # the cycle this layering removed: the store's compiler importing validate, which imported the store
    assert _upward([("dataset/rules", "dataset", "store")]) == [("dataset/rules", "dataset", "store")]
    assert _upward([("regimen", "regimen", "render")]) != []  # same layer counts too


def test_every_subpackage_is_installed_by_pip_install_dot():
    # pyproject lists the packages by hand; a package missing there is absent from `pip install .`
    # while an editable install (the test command) still finds it
    import tomli

    listed = set(tomli.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    on_disk = {"evidence_cli." + p.parent.name for p in PACKAGE.glob("*/__init__.py")} | {"evidence_cli"}
    assert on_disk - listed == set(), "add them to [tool.setuptools] packages in pyproject.toml"
