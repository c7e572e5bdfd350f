"""CSV: the output's table, or a document's fields as one row."""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from evidence_cli.render import Settings
from evidence_cli.render.doc import Output


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def render(output: Output, s: Settings, out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    table = output.csv_table or output.table
    if table is not None:
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([_cell(v) for v in row])
        return
    data = output.data if isinstance(output.data, dict) else {"value": output.data}
    flat = {}
    for key, value in data.items():
        if isinstance(value, dict) and {"id", "name"} <= set(value):
            flat[f"{key}_id"], flat[f"{key}_name"] = value["id"], value["name"]
        else:
            flat[key] = value
    writer.writerow(list(flat))
    writer.writerow([_cell(v) for v in flat.values()])
