"""Long output on a terminal goes through a pager, as git does; never when piped."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from typing import Callable, IO


def pager_command() -> str | None:
    """EVIDENCE_PAGER, else PAGER, else less; None where it is empty or cat (no paging)."""
    for name in ("EVIDENCE_PAGER", "PAGER"):
        if name in os.environ:
            command = os.environ[name].strip()
            return None if command in ("", "cat") else command
    return "less"


def page_or_print(write: Callable[[IO[str]], None], height: int) -> None:
    """Render with `write` into memory; page it if it is taller than the terminal, else print it."""
    buffer = io.StringIO()
    write(buffer)
    text = buffer.getvalue()
    command = pager_command()
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
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit if one screen, keep colours, don't clear the screen (as git)
    if "R" not in env["LESS"]:  # a LESS of the user's own without R would show our colours as ESC[1m
        env["LESS"] = (env["LESS"] + " -R").strip()
    env.setdefault("LV", "-c")
    sys.stdout.flush()
    try:
        proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(text)
        return
    assert proc.stdin is not None
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
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
