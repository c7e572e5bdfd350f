"""The process entry: what `evidence` runs (pyproject's console script and `python -m
evidence_cli`). Encodings, the one Environment, the exit codes of README "Exit codes", closed
pipes, and no traceback ever; the commands themselves are declared in app.py."""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING, List, Optional

import typer

from evidence_cli.app import _print, app
from evidence_cli.errors import EXIT_INTERRUPTED, EvidenceError, OutputClosed

if TYPE_CHECKING:
    from evidence_cli.environment import Environment


def _say(message: str) -> None:
    from evidence_cli.text import printable

    stream = sys.stderr
    text = printable(message) + "\n"
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(text.encode(encoding, "replace").decode(encoding, "replace"))
    stream.flush()


def _quiet_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so that the final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Optional[List[str]] = None, environment: "Optional[Environment]" = None) -> int:
    """Run the CLI; never lets a traceback reach the user. Returns (and exits with) the exit code.
    `environment` (tests) stands in for the terminal and the environment variables."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    code = 0
    try:
        # Bytes that are not UTF-8 arrive as lone surrogates; make them visible U+FFFD characters.
        from evidence_cli.text import from_argv

        args = [from_argv(a) for a in (sys.argv[1:] if argv is None else argv)]
        script = _completion_script(args)
        if script is not None:
            _print(script)
            return _exit(0, argv)
        from evidence_cli.environment import Environment

        env = environment or Environment.of_process()  # read once; the commands get it from Click's ctx.obj
        result = app(args=args, prog_name="evidence", standalone_mode=False, obj=env)
        code = result if isinstance(result, int) else 0
        sys.stdout.flush()
    except EvidenceError as exc:
        _say(f"evidence: error: {exc.message}")
        if exc.hint:
            _say(f"hint: {exc.hint}")
        code = exc.exit_code
    except typer.Exit as exc:
        code = exc.exit_code
    except typer.TyperException as exc:
        _say(f"evidence: error: {exc.format_message()}")
        ctx = getattr(exc, "ctx", None)
        if ctx is not None:
            _say(f"hint: see `{ctx.command_path} --help`")
        code = exc.exit_code
    except typer.Abort:
        code = EXIT_INTERRUPTED
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    except (BrokenPipeError, OutputClosed):
        _quiet_stdout()
        code = 0
    except Exception as exc:  # a bug: one line, not a traceback (EVIDENCE_DEBUG=1 shows it)
        if os.environ.get("EVIDENCE_DEBUG"):
            raise
        _say(f"evidence: internal error: {type(exc).__name__}: {exc}")
        _say("hint: this is a bug; please report it (EVIDENCE_DEBUG=1 shows the traceback)")
        code = 70
    return _exit(code, argv)


def _exit(code: int, argv: Optional[List[str]]) -> int:
    if __name__ != "__main__" and argv is None:
        # The process ends here. Python's shutdown runs full garbage collections over every object
        # the imports made, a fifth of a lookup's own time; frozen objects are skipped. Nothing is
        # lost: the standard streams are flushed and objects without cycles are freed as before.
        gc.freeze()
        sys.exit(code)
    return code


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _completion_script(args: List[str]) -> Optional[str]:
    """`--show-completion zsh` (or `=zsh`): that shell's script. Typer's own flag takes no value
    and printed the detected shell's script whatever was asked for."""
    for i, arg in enumerate(args):
        shell = arg.partition("=")[2] if arg.startswith("--show-completion=") else \
            args[i + 1] if arg == "--show-completion" and i + 1 < len(args) else None
        if shell is not None and shell.lower() in SHELLS:
            from typer._completion_shared import get_completion_script

            script = get_completion_script(prog_name="evidence", complete_var="_EVIDENCE_COMPLETE", shell=shell.lower())
            if shell.lower() == "zsh":  # names are offered as written ("St John's Wort" for `st`): match in any case
                script = script.replace("compdef _evidence_completion evidence",
                                        "zstyle ':completion:*:*:evidence:*' matcher 'm:{a-zA-Z}={A-Za-z}'\n"
                                        "compdef _evidence_completion evidence")
            return script
        if not arg.startswith("-"):
            return None  # a command: its own arguments are not ours
    return None


if __name__ == "__main__":
    sys.exit(main())
