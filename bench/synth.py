#!/usr/bin/env python3
"""Write a data directory holding the bundled data plus N-1 synthetic copies of it.

    python bench/synth.py --scale N OUT [--data DIR]

Each copy k (2..N) repeats every condition and ingredient under a new id and name ("magnesium-k2",
"Magnesium k2"), with cards that point at the copied conditions, so that the same lookups work at
every scale and return the same shape. Text keeps its length; each sentence gets the copy's tag so
that the copies still pass `evidence validate` (no sentence is shared between synopses). Systems,
drugs and foods are shared.

Layout: by default each copy's ingredients go into one bundle file, ingredients/synthetic-kN.toml
(`[[ingredient]]` tables, see data/README.md), so that 100x data is 100x the content in about 2x the
files. `--layout files` writes one file per ingredient instead, as hand-written data is; proving
the cache current then costs one stat per file (about 3 microseconds each here).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path
from typing import Any

try:
    import tomllib
except ImportError:  # Python < 3.11
    import tomli as tomllib

HERE = Path(__file__).resolve().parent.parent


def toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k} = {toml_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(type(v))


def dump(doc: dict[str, Any]) -> str:
    """A small TOML writer for the shapes our data uses (tables and arrays of tables)."""
    lines: list[str] = []

    def table(prefix: str, t: dict[str, Any], header: str | None) -> None:
        if header:
            lines.append(header)
        nested = []
        for k, v in t.items():
            if isinstance(v, dict):
                nested.append((k, v, False))
            elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
                nested.append((k, v, True))
            else:
                lines.append(f"{k} = {toml_value(v)}")
        for k, v, is_array in nested:
            name = f"{prefix}{k}"
            if is_array:
                for item in v:
                    lines.append("")
                    table(name + ".", item, f"[[{name}]]")
            else:
                lines.append("")
                table(name + ".", v, f"[{name}]")

    table("", doc, None)
    return "\n".join(lines) + "\n"


def tag_text(text: str, tag: str) -> str:
    """Every sentence marked with the copy's tag, glued to its last word so word counts stay."""
    return re.sub(r"([.!?])(\s+|$)", lambda m: f"-{tag}{m.group(1)}{m.group(2)}", text.strip())


def load_ingredient(path: Path) -> dict[str, Any]:
    if path.is_file():
        return tomllib.loads(path.read_text(encoding="utf-8"))
    doc = tomllib.loads((path / "profile.toml").read_text(encoding="utf-8"))
    cards = []
    for part in sorted(path.glob("*.toml")):
        if part.name != "profile.toml":
            cards += tomllib.loads(part.read_text(encoding="utf-8")).get("cards", [])
    doc["cards"] = cards
    return doc


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, required=True, help="how many copies of the data in all (1 = as bundled)")
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--layout", choices=("bundles", "files"), default="bundles",
                        help="one bundle file per copy (default) or one file per ingredient")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be at least 1")
    src: Path = args.data
    out: Path = args.out
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(src, out)
    conditions = []
    for f in sorted((src / "conditions").glob("*.toml")):
        conditions += tomllib.loads(f.read_text(encoding="utf-8"))["condition"]
    ingredients = [p for p in sorted((src / "ingredients").iterdir()) if p.suffix == ".toml" or p.is_dir()]
    for k in range(2, args.scale + 1):
        tag = f"k{k}"
        copied = []
        for c in conditions:
            copied.append({**c, "id": f"{c['id']}-{tag}", "name": f"{c['name']} {tag}",
                           "aliases": [f"{a} {tag}" for a in c.get("aliases", [])], "summary": tag_text(c["summary"], tag)})
        (out / "conditions" / f"synthetic-{tag}.toml").write_text(dump({"condition": copied}), encoding="utf-8")
        bundle = []
        for path in ingredients:
            doc = load_ingredient(path)
            doc["id"] = f"{doc['id']}-{tag}"
            doc["name"] = f"{doc['name']} {tag}"
            doc["aliases"] = [f"{a} {tag}" for a in doc.get("aliases", [])]
            doc["summary"] = tag_text(doc["summary"], tag)
            for card in doc.get("cards", []):
                card["condition"] = f"{card['condition']}-{tag}"
                card["synopsis"] = tag_text(card["synopsis"], tag)
            if args.layout == "files":
                (out / "ingredients" / f"{doc['id']}.toml").write_text(dump(doc), encoding="utf-8")
            else:
                bundle.append(doc)
        if bundle:
            (out / "ingredients" / f"synthetic-{tag}.toml").write_text(dump({"ingredient": bundle}), encoding="utf-8")
    print(f"wrote {out}: the bundled data x{args.scale}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
