"""Long output on a terminal goes through a pager, as git does; never when piped."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from typing import IO, Callable, Optional

from evidence_cli.environment import Environment


def pager_command(env: Environment) -> str | None:
    """EVIDENCE_PAGER, else PAGER, else less; None where it is empty or cat (no paging)."""
    for name in ("EVIDENCE_PAGER", "PAGER"):
        if name in env.variables:
            command = env.variables[name].strip()
            return None if command in ("", "cat") else command
    return "less"


def page_or_print(write: Callable[[IO[str]], None], height: int, env: Optional[Environment] = None) -> None:
    """Render with `write` into memory; page it if it is taller than the terminal, else print it."""
    env = env or Environment.of_process()
    buffer = io.StringIO()
    write(buffer)
    text = buffer.getvalue()
    command = pager_command(env)
    if command is None or text.count("\n") < height:
        sys.stdout.write(text)
        return
    import shlex
    import shutil

    try:
        program = shlex.split(command)[0]
    except (ValueError, IndexError):
        program = ""
    if not shutil.which(program):  # a pager that isn't there must not swallow the output
        sys.stdout.write(text)
        return
    child = dict(os.environ)  # the pager needs PATH and the rest; what it is told comes from `env`
    less = env.get("LESS", "FRX") if "LESS" in env.variables else "FRX"  # quit if one screen, keep colours, don't clear (as git)
    if "R" not in less:  # a LESS of the user's own without R would show our colours as ESC[1m
        less = (less + " -R").strip()
    child["LESS"] = less
    child["LV"] = env.get("LV", "-c") if "LV" in env.variables else "-c"
    sys.stdout.flush()
    try:
        proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=child)
    except OSError:
        sys.stdout.write(text)
        return
    assert proc.stdin is not None
    encoding = env.encoding
    try:
        proc.stdin.write(text.encode(encoding, "replace"))
        proc.stdin.close()
    except BrokenPipeError:  # the reader quit early: that is fine
        pass
    while True:
        try:
            proc.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
            continue
