#!/usr/bin/env python3
"""Write docs/cli.md from the Typer app itself: every command's --help, as the program prints it.

    python tools/gen_docs.py          # rewrite docs/cli.md
    python tools/gen_docs.py --check  # exit 1 if docs/cli.md is out of date (the tests do this)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
TARGET = HERE / "docs" / "cli.md"
WIDTH = 100


def render() -> str:
    import typer.main

    from evidence_cli.app import COMMANDS, app

    root = typer.main.get_command(app)
    parts = [
        "# evidence command reference",
        "",
        "Generated from the program by `python tools/gen_docs.py`; a test fails when it is out of date.",
        "",
        "```",
        _help(root, "evidence"),
        "```",
    ]
    for name in COMMANDS:
        command = root.get_command(None, name)  # type: ignore[arg-type]
        parts += ["", f"## evidence {name}", "", "```", _help(command, f"evidence {name}", parent=root), "```"]
    return "\n".join(parts) + "\n"


def _help(command, path: str, parent=None) -> str:
    parent_ctx = None
    if parent is not None:
        parent_ctx = parent.make_context("evidence", [], resilient_parsing=True, terminal_width=WIDTH, max_content_width=WIDTH)
    ctx = command.make_context(path.split()[-1], [], parent=parent_ctx, resilient_parsing=True,
                               terminal_width=WIDTH, max_content_width=WIDTH)
    ctx.info_name = path.split()[-1]
    return command.get_help(ctx).rstrip()


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python tools/gen_docs.py", file=sys.stderr)
            return 1
        return 0
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
