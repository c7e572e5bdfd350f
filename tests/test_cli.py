"""The program itself: entry points, help, version, usage errors, formats and colour."""

from __future__ import annotations

from typer.testing import CliRunner

import pytest

from conftest import run, run_process
from evidence_cli import __version__
from evidence_cli.app import app


def test_readme_command_prints_the_card_from_the_installed_command():
    p = run_process("show", "magnesium", "autoimmune disorders")
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("Magnesium for Autoimmune Disorders")
    assert p.stderr == ""


def test_python_dash_m_works():
    import subprocess
    import sys

    p = subprocess.run([sys.executable, "-m", "evidence_cli", "--version"], capture_output=True, text=True)
    assert p.returncode == 0 and p.stdout.strip() == f"evidence {__version__}"


def test_typer_runner_invokes_commands():
    result = CliRunner().invoke(app, ["conditions", "magnesium", "--format", "json"])
    assert result.exit_code == 0
    assert '"id": "autoimmune-disorders"' in result.output


def test_no_arguments_prints_a_short_guide():
    r = run()
    assert r.code == 0
    assert "evidence show magnesium" in r.out and "--format" in r.out


def test_help_lists_every_command():
    r = run("--help")
    assert r.code == 0
    for command in ("show", "ingredients", "conditions", "systems", "intake", "check", "foods", "safety",
                    "interactions", "search", "validate", "export"):
        assert command in r.out


def test_unknown_command_and_option_are_usage_errors():
    r = run("frobnicate")
    assert r.code == 2 and "frobnicate" in r.err
    r = run("show", "magnesium", "--bogus")
    assert r.code == 2 and "--bogus" in r.err
    r = run("show", "magnesium", "-f", "yaml")
    assert r.code == 2 and "'yaml' is not one of 'rich', 'plain', 'json', 'markdown', 'csv'" in r.err


def test_the_format_choices_are_the_formatters():
    from evidence_cli.options import OutputFormat
    from evidence_cli.render import FORMATS

    assert tuple(f.value for f in OutputFormat) == FORMATS
    assert run("show", "magnesium", "-f", "JSON").json()["id"] == "magnesium"  # any case


def test_a_lookup_imports_neither_pydantic_nor_rich():
    import subprocess
    import sys

    code = ("import sys\nfrom evidence_cli.main import main\nmain(['show', 'magnesium', 'migraine', '-f', 'plain'])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'rich')), file=sys.stderr)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 0 and p.stderr.strip().splitlines()[-1] == "[]", p.stderr


def test_no_color_NO_COLOR_and_TERM_dumb_on_a_terminal():
    # on a terminal colour is on by default, so each of these must be what turns it off
    import re

    from test_terminal import in_pty

    colour = re.compile(r"\x1b\[[0-9;]*m")  # SGR only: a first run's progress line clears with ESC[K
    args = ["show", "magnesium", "--no-pager"]
    code, screen = in_pty(args, env={"TERM": "xterm-256color"})
    assert code == 0 and colour.search(screen)
    for extra, env in (([], {"TERM": "xterm-256color", "NO_COLOR": "1"}), (["--no-color"], {"TERM": "xterm-256color"}),
                       ([], {"TERM": "dumb"})):
        code, screen = in_pty(args + extra, env=env)
        assert code == 0 and not colour.search(screen), (extra, env)


@pytest.mark.parametrize("args, marker", [
    (["--show-completion", "zsh"], "#compdef evidence"), (["--show-completion=zsh"], "#compdef evidence"),
    (["--show-completion", "fish"], "complete --command evidence"), (["--show-completion", "bash"], "_evidence_completion()"),
])
def test_show_completion_prints_the_named_shells_script(args, marker):
    r = run(*args)
    assert r.code == 0 and marker in r.out
