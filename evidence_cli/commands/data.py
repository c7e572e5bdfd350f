"""validate, export: the data itself."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from evidence_cli.commands.context import Context
from evidence_cli.errors import DataError, UsageError
from evidence_cli.render.doc import Block, Doc, Output, Table


def validate(ctx: Context, directory: Optional[str]) -> Output:
    from evidence_cli.dataset.rules import check_data

    root = Path(directory).expanduser() if directory else ctx.root
    ds, problems = check_data(root)
    cards = sum(len(c) for c in ds.cards.values())
    counts = {"ingredients": len(ds.ingredients), "conditions": len(ds.conditions), "systems": len(ds.systems),
              "drugs": len(ds.drugs), "cards": cards, "profiles": len(ds.profiles)}
    summary = ", ".join(f"{v} {k}" for k, v in counts.items())
    data = {"directory": str(root), "valid": not problems, "counts": counts,
            "problems": [{"file": p.file, "line": p.line, "message": p.message} for p in problems],
            "warnings": [{"file": w.file, "line": w.line, "message": w.message} for w in ds.warnings]}
    warned = [Block(f"{len(ds.warnings)} warning{'s' if len(ds.warnings) != 1 else ''}",
                    bullets=[str(w) for w in ds.warnings])] if ds.warnings else []
    table = Table(columns=["file", "line", "message"], rows=[[p.file, p.line, p.message] for p in problems])
    if problems:
        return Output(data=data, table=table, doc=Doc(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {root}",
            [Block(bullets=[str(p) for p in problems])]),
            error=DataError(f"{root}: {len(problems)} problem{'s' if len(problems) != 1 else ''} found ({summary})"))
    return Output(data=data, table=table, doc=Doc(f"{root}: valid", [Block(text=summary + "."), *warned]))


def export(ctx: Context, fmt: str, output: Optional[str]) -> Output:
    fmt = fmt.lower()
    if fmt not in ("json", "csv", "sqlite"):
        raise UsageError(f"export writes json, csv or sqlite, not {fmt!r}")
    if fmt == "sqlite":
        if not output:
            raise UsageError("export --format sqlite needs --output FILE")
        import sqlite3

        from evidence_cli.store.cache import open_store

        copy = sqlite3.connect(":memory:")
        open_store(ctx.root).backup(copy)
        _readable(copy)
        return Output(data=None, destination=output, database=copy, written=f"wrote the store to {output}")
    data = ctx.store.export()
    cards = data["cards"]
    from evidence_cli.present import card_table

    return Output(data=data, table=card_table(cards), destination=output,
                  written=f"wrote {len(cards)} cards to {output}" if output else None)


# The store keeps nested values as marshal blobs, fastest to read on a lookup; the exported copy
# holds them as JSON text, which sqlite3, Datasette and any language can read.
NESTED = {"systems": ("aliases",), "conditions": ("aliases",), "drugs": ("aliases",), "profiles": ("profile",),
          "ingredients": ("aliases", "systems", "profile"), "cards": ("study_types", "refs"),
          "interactions": ("sources",)}


def _readable(con: "sqlite3.Connection") -> None:
    import json
    import marshal

    for table, columns in NESTED.items():
        rows = con.execute(f"SELECT rowid, {', '.join(columns)} FROM {table}").fetchall()
        con.executemany(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE rowid = ?",
                        [[json.dumps(marshal.loads(v), ensure_ascii=False) for v in row[1:]] + [row[0]] for row in rows])
    con.execute("INSERT OR REPLACE INTO meta VALUES ('nested_values', 'JSON text')")
    con.commit()
