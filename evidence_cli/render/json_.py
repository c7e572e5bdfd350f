"""JSON: the stable shapes documented in the README."""

from __future__ import annotations

import json
from typing import IO

from evidence_cli.render import Settings
from evidence_cli.render.doc import Output


def render(output: Output, s: Settings, out: IO[str]) -> None:
    out.write(json.dumps(output.data, ensure_ascii=s.ascii, indent=2))
    out.write("\n")
