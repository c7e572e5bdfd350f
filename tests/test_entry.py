"""The process entry (the console script and `python -m evidence_cli`): garbage collection is
paused only while the imports load, and is on again when the command runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import gc, sys
import evidence_cli.app as app
seen = []
original = app.declaration
def declaration(name):
    seen.append((gc.isenabled(), gc.get_freeze_count() > 0))
    return original(name)
app.declaration = declaration
sys.argv = ["evidence", "rubric", "--format", "plain"]
from evidence_cli.__main__ import run
try:
    run()
except SystemExit as exc:
    print(exc.code, seen, gc.isenabled())
"""


def test_console_script_names_the_entry_function():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'evidence = "evidence_cli.__main__:run"' in text


def test_the_command_runs_with_collection_on_and_the_imports_frozen():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "0 [(True, True)] True", out.stderr
