"""Colour follows no-color.org and FORCE_COLOR, and the pager keeps colours whatever LESS says."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run

ESC = "\x1b["


@pytest.mark.parametrize("env, coloured", [
    ({"FORCE_COLOR": "1"}, True),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ({"FORCE_COLOR": "1", "NO_COLOR": ""}, True),  # NO_COLOR counts only when it is not empty
    ({}, False),                                   # a pipe has no colour unless forced
])
def test_colour_in_a_pipe_follows_force_color_and_no_color(monkeypatch, env, coloured):
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = run("show", "magnesium", "autoimmune disorders", "-f", "rich", "--no-pager").out
    assert (ESC in out) == coloured


def test_no_color_flag_wins_over_force_color(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ESC not in run("show", "magnesium", "-f", "rich", "--no-color", "--no-pager").out


@pytest.mark.parametrize("less, expected", [("-i", "-i -R"), ("FRX", "FRX"), (None, "FRX")])
def test_the_pager_adds_R_to_a_users_LESS(monkeypatch, tmp_path: Path, less, expected):
    from evidence_cli.pager import page_or_print

    seen = tmp_path / "less.txt"
    monkeypatch.setenv("EVIDENCE_PAGER", f"sh -c 'printf %s \"$LESS\" > {seen}; cat > /dev/null'")
    if less is None:
        monkeypatch.delenv("LESS", raising=False)
    else:
        monkeypatch.setenv("LESS", less)
    page_or_print(lambda out: out.write("line\n" * 50), height=10)
    assert seen.read_text() == expected


def test_the_six_ratings_have_six_colours_on_a_16_colour_terminal(monkeypatch):
    from evidence_cli.render.ansi import RATING_STYLES, painter

    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("COLORTERM", raising=False)
    paint = painter(True)
    codes = {paint("x", RATING_STYLES[r]) for r in range(6)}
    assert len(codes) == 6 and not any("38;5" in c for c in codes)


@pytest.mark.parametrize("args", [
    ["--no-color", "show", "magnesium", "-f", "plain"],
    ["--format", "json", "show", "magnesium"],
    ["-f", "json", "--data-dir", "data", "conditions", "magnesium"],
])
def test_global_options_go_before_the_command(args):
    from conftest import ROOT

    args = [str(ROOT / "data") if a == "data" else a for a in args]
    r = run(*args)
    assert r.code == 0, r.err
    if "json" in args:
        assert r.out.lstrip()[0] in "[{"


@pytest.mark.parametrize("where", ["before", "after"])
def test_color_always_and_never(monkeypatch, where):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    command = ["show", "magnesium", "autoimmune disorders", "-f", "rich", "--no-pager"]
    for when, coloured in (("always", True), ("never", False), ("auto", False)):
        args = ["--color", when, *command] if where == "before" else [*command, "--color", when]
        assert (ESC in run(*args).out) == coloured, when


def test_a_bad_color_is_a_usage_error():
    r = run("--color", "sometimes", "show", "magnesium")
    assert r.code == 2 and "'sometimes' is not one of 'auto', 'always', 'never'" in r.err


@pytest.mark.parametrize("text", ["Family 👨‍👩‍👧 of three", "Thumbs 👍🏽 up", "Keycap 1️⃣ one", "zero\u200bwidth", "ＭＡＧＮＥＳＩＵＭ ★"])
def test_panel_edges_stay_put_with_emoji_sequences(text):
    from rich.cells import cell_len

    from evidence_cli.render.doc import Block, Doc
    from evidence_cli.render.panel import render_doc

    lines = render_doc(Doc(text, [Block(text=text * 3), Block(bullets=[text])]), 50, False, None).splitlines()
    assert {cell_len(line) for line in lines} == {50}, lines


# -- the Environment: terminal behaviour in-process, with a mock instead of a real terminal ----------


def _in(env, *args: str) -> str:
    import io
    from contextlib import redirect_stdout

    from evidence_cli.main import main

    out = io.StringIO()
    with redirect_stdout(out):
        assert main(list(args), environment=env) == 0
    return out.getvalue()


def _terminal(columns: int = 60, lines: int = 500, **variables: str):
    from evidence_cli.environment import Environment

    return Environment(True, "utf-8", (columns, lines), {"TERM": "xterm", "PAGER": "cat", **variables})


def test_a_mock_terminal_gets_rich_output_at_its_width_in_colour():
    out = _in(_terminal(60), "show", "magnesium")
    lines = out.splitlines()
    assert lines[0].startswith("╭") and "\x1b[" in out
    from evidence_cli.render.ansi import cell_len
    assert max(cell_len(__import__("re").sub(r"\x1b\[[0-9;]*m", "", line)) for line in lines) == 60


def test_no_color_and_dumb_terminals_in_the_environment_turn_colour_off():
    assert "\x1b[" not in _in(_terminal(NO_COLOR="1"), "show", "magnesium")
    assert "\x1b[" not in _in(_terminal(TERM="dumb"), "show", "magnesium")
    assert "\x1b[" in _in(_terminal(NO_COLOR=""), "show", "magnesium")  # empty NO_COLOR does not count


def test_a_256_colour_terminal_gets_256_colour_codes_and_a_16_colour_one_does_not():
    assert "38;5;" in _in(_terminal(TERM="xterm-256color"), "conditions", "magnesium")
    assert "38;5;" not in _in(_terminal(TERM="xterm"), "conditions", "magnesium")


def test_a_pipe_in_the_environment_gets_plain_text_without_colour():
    from evidence_cli.environment import Environment

    out = _in(Environment(False, "utf-8", None, {"TERM": "xterm-256color"}), "show", "magnesium")
    assert "\x1b[" not in out and not out.startswith("╭")
    assert "╭" in _in(Environment(False, "utf-8", None, {"COLUMNS": "70"}), "show", "magnesium", "-f", "rich")


def test_an_encoding_without_box_lines_gets_ascii():
    from evidence_cli.environment import Environment

    out = _in(Environment(True, "ascii", (80, 500), {"PAGER": "cat"}), "show", "magnesium", "migraine")
    assert "+-" in out and not any(c in out for c in "╭─│★☆")
