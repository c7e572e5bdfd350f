"""The terminal experience, tested in a real pseudo-terminal: Rich by default, the pager, completion
in bash, pictures, help that teaches, and docs that match the program."""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from conftest import ROOT, run

EXE = str(Path(sys.executable).parent / "evidence")


def in_pty(args: list[str], env: dict[str, str] | None = None, rows: int = 24, cols: int = 100) -> tuple[int, str]:
    """Run evidence with a pseudo-terminal as stdin, stdout and stderr; its exit code and screen text."""
    pid, fd = pty.fork()
    if pid == 0:  # the child
        os.environ.update(env or {})
        os.execv(EXE, [EXE, *args])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    chunks = []
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_gets_rich_colour_by_default():
    code, screen = in_pty(["show", "magnesium", "autoimmune disorders", "--no-pager"], env={"TERM": "xterm-256color"})
    assert code == 0
    assert "\x1b[" in screen, "colour on a terminal"
    assert "╭" in screen and "★" in screen and "█" in screen


def test_no_color_on_a_terminal():
    code, screen = in_pty(["show", "magnesium", "--no-pager", "--no-color"], env={"TERM": "xterm-256color"})
    assert code == 0 and "\x1b[3" not in screen and "\x1b[1m" not in screen


def test_long_output_goes_through_the_pager_on_a_terminal(tmp_path: Path):
    paged = tmp_path / "paged.txt"
    pager = f"sh -c 'cat > {paged}'"
    code, screen = in_pty(["conditions", "magnesium"], env={"EVIDENCE_PAGER": pager, "TERM": "xterm"})
    assert code == 0
    assert paged.exists() and "Eclampsia" in paged.read_text(encoding="utf-8")
    assert "Eclampsia" not in screen, "the pager, not the terminal, got the text"


def test_pager_env_order_and_no_pager(tmp_path: Path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    env = {"EVIDENCE_PAGER": f"sh -c 'cat > {first}'", "PAGER": f"sh -c 'cat > {second}'"}
    in_pty(["conditions", "magnesium"], env=env)
    assert first.exists() and not second.exists()
    first.unlink()
    code, screen = in_pty(["conditions", "magnesium", "--no-pager"], env=env)
    assert code == 0 and not first.exists() and "Eclampsia" in screen
    env = {"PAGER": f"sh -c 'cat > {second}'"}
    in_pty(["conditions", "magnesium"], env=env)
    assert second.exists()


def test_short_output_and_pipes_are_never_paged(tmp_path: Path):
    paged = tmp_path / "paged.txt"
    env = {**os.environ, "EVIDENCE_PAGER": f"sh -c 'cat > {paged}'"}
    code, screen = in_pty(["check", "magnesium", "500mg", "--age", "40", "--sex", "male"], env={"EVIDENCE_PAGER": env["EVIDENCE_PAGER"]}, rows=60)
    assert code == 0 and not paged.exists() and "ABOVE" in screen
    p = subprocess.run([EXE, "conditions", "magnesium"], capture_output=True, text=True, env=env)
    assert p.returncode == 0 and not paged.exists() and "Eclampsia" in p.stdout


def test_a_missing_pager_does_not_swallow_the_output():
    code, screen = in_pty(["conditions", "magnesium"], env={"EVIDENCE_PAGER": "no-such-pager-program"})
    assert code == 0 and "Eclampsia" in screen


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_magn_to_magnesium():
    script = subprocess.run([EXE, "--show-completion", "bash"], capture_output=True, text=True,
                            env={**os.environ, "SHELL": "/bin/bash"}).stdout
    assert "complete" in script and "_EVIDENCE_COMPLETE" in script
    probe = script + '\nCOMP_WORDS=(evidence show magn); COMP_CWORD=2; _evidence_completion evidence; printf "%s\\n" "${COMPREPLY[@]}"\n'
    env = {**os.environ, "PATH": f"{Path(EXE).parent}:{os.environ['PATH']}"}
    out = subprocess.run(["bash", "--norc", "-c", probe], capture_output=True, text=True, env=env).stdout.split("\n")
    assert "Magnesium" in out
    probe = script + ('\nCOMP_WORDS=(evidence show magnesium autoimmune\\ dis); COMP_CWORD=3; COMP_WORDS[3]=autoimm; '
                      '_evidence_completion evidence; printf "%s\\n" "${COMPREPLY[@]}"\n')
    out = subprocess.run(["bash", "--norc", "-c", probe], capture_output=True, text=True, env=env).stdout.split("\n")
    assert "Autoimmune\\ Disorders" in out, "a name with spaces is completed as one shell word"


def test_completion_of_drugs_and_systems():
    env = {**os.environ, "_EVIDENCE_COMPLETE": "complete_bash", "COMP_WORDS": "evidence interactions warf", "COMP_CWORD": "2"}
    assert "Warfarin" in subprocess.run([EXE], capture_output=True, text=True, env=env).stdout.split()
    env.update(COMP_WORDS="evidence systems nerv", COMP_CWORD="2")
    assert "Nervous" in subprocess.run([EXE], capture_output=True, text=True, env=env).stdout.split()
    env = {**os.environ, "_EVIDENCE_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "evidence show magnesium Autoimm"}
    assert '"Autoimmune Disorders"' in subprocess.run([EXE], capture_output=True, text=True, env=env).stdout


def test_one_candidate_per_thing_in_the_data_s_own_case():
    env = {**os.environ, "_EVIDENCE_COMPLETE": "complete_bash", "COMP_WORDS": "evidence conditions mag", "COMP_CWORD": "2"}
    got = subprocess.run([EXE], capture_output=True, text=True, env=env).stdout.split("\n")
    assert "Magnesium" in got and not any(w.lower().startswith("magnesium\\ supplement") for w in got), got
    env.update(COMP_WORDS="evidence show st", COMP_CWORD="2")
    got = subprocess.run([EXE], capture_output=True, text=True, env=env).stdout.split("\n")
    assert "Stress" in got and "stEMI" not in got and not any(w.startswith("st") for w in got), got


def test_every_command_has_a_summary_and_examples():
    from evidence_cli.app import COMMANDS, declaration

    top = run("--help").out
    for name in COMMANDS:
        function, epilog = declaration(name)
        assert function.__doc__ and function.__doc__.strip(), name
        assert "Examples:" in epilog and f"evidence {name}" in epilog or "evidence systems" in epilog, name
        assert name in top
        page = run(name, "--help")
        assert page.code == 0 and "Examples:" in page.out, name


def test_rubric_prints_the_scale():
    out = run("rubric").out
    for word in ("established", "strong", "moderate", "limited", "very limited", "not supported", "Traditional"):
        assert word in out
    data = run("rubric", "-f", "json").json()
    assert [r["rating"] for r in data["ratings"]] == [5, 4, 3, 2, 1, 0]


def test_evidence_map_in_every_format():
    data = run("map", "nervous", "-f", "json").json()
    assert data["system"]["id"] == "nervous" and data["ingredients"] and data["conditions"] and data["cells"]
    for cell in data["cells"]:
        card = run("show", cell["ingredient"], cell["condition"], "-f", "json").json()
        assert card["rating"] == cell["rating"]
        break
    assert run("systems", "nervous", "--map", "-f", "json").json() == data
    plain = run("map", "nervous").out
    assert "Ingredients: 1 " in plain
    for fmt in ("rich", "markdown", "csv"):
        r = run("map", "nervous", "-f", fmt)
        assert r.code == 0 and r.out.strip()


def test_ascii_fallbacks_for_pictures():
    for args in (["map", "nervous"], ["foods", "magnesium"], ["show", "magnesium", "autoimmune disorders"],
                 ["intake", "magnesium", "--age", "30", "--sex", "male"]):
        p = subprocess.run([EXE, *args, "-f", "rich"], capture_output=True, env={**os.environ, "PYTHONIOENCODING": "ascii"})
        assert p.returncode == 0, p.stderr
        assert p.stdout.decode("ascii")


def test_intake_table_highlights_the_persons_row():
    plain = run("intake", "magnesium", "--age", "34", "--sex", "female").out
    marked = [line for line in plain.splitlines() if line.startswith("> ")]
    assert marked == [line for line in marked if "Females 31-50 years" in line] and len(marked) == 1


def test_cli_docs_are_up_to_date():
    p = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_docs.py"), "--check"], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr


def test_readme_pictures_are_generated_by_the_project_script():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("card", "conditions", "map", "foods"):
        assert f"docs/images/{name}.svg" in readme
        assert (ROOT / "docs" / "images" / f"{name}.svg").read_text(encoding="utf-8").startswith("<svg")
    assert "tools/screenshots.py" in readme


def test_a_slow_first_build_shows_progress_on_a_terminal(tmp_path: Path):
    data = tmp_path / "x5"  # five times the data: a build that takes well over half a second anywhere
    subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "--scale", "5", str(data)], check=True,
                   capture_output=True)
    code, screen = in_pty(["systems", "--no-pager"], env={"EVIDENCE_CACHE_DIR": str(tmp_path / "cache"),
                                                           "EVIDENCE_DATA_DIR": str(data)})
    assert code == 0
    assert "building the index" in screen
    p = subprocess.run([EXE, "systems"], capture_output=True, text=True,
                       env={**os.environ, "EVIDENCE_CACHE_DIR": str(tmp_path / "cache2")})
    assert p.returncode == 0 and p.stderr == "", "no progress indicator when stderr is not a terminal"


def test_the_bare_guide_is_wrapped_to_a_narrow_terminal():
    code, screen = in_pty([], cols=40)
    lines = [line for line in screen.replace("\r", "").split("\n") if line]
    assert code == 0 and "evidence show magnesium" in screen
    assert max(len(line) for line in lines) <= 40, [line for line in lines if len(line) > 40]


def test_help_summaries_fit_and_help_has_examples(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    out = run("--help").out
    commands = out.split("Commands:")[1].split("Examples:")[0]
    assert "..." not in commands and "…" not in commands
    assert "Examples:" in out and "evidence check vitamin d 2000 IU" in out


@pytest.mark.parametrize("words, expected", [
    ("evidence intake magnesium --sex f", "female"), ("evidence foods iron --per 1", "100g"),
    ("evidence foods iron --group Veg", "Vegetables and Vegetable Products"), ("evidence show mg --color al", "always"),
])
def test_option_values_are_completed(words, expected):
    env = {**os.environ, "_EVIDENCE_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    assert expected in subprocess.run([EXE], capture_output=True, text=True, env=env).stdout.split("\n")
