"""Hostile input and faults: never a traceback, never a wrong answer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA, run, run_process

NAME_COMMANDS = [
    ["show"], ["show", "magnesium"], ["ingredients"], ["conditions"], ["systems"], ["intake"], ["check", "magnesium", "--age", "30", "--sex", "male"],
    ["foods"], ["safety"], ["interactions"], ["search"],
]
NASTY = [
    "", "   ", "\t\n", "x" * 100_000, "mag\x00nesium", "\x07\x08\x1b", "\u202emuisengam", "\u200fmagnesium",
    "magnesium 💊", "ｍａｇｎｅｓｉｕｍ", "[bold]magnesium[/bold]", "[/]", "[link=http://x]y[/link]",
    "\x1b[31mred\x1b[0m", "\x1b]0;title\x07", "'; DROP TABLE cards; --", "\" OR 1=1 --", "%", "_", "*", "\\",
    "NEAR(", "AND", "magnesium OR", "\"unbalanced", "sleep*", "-", "--", "é", "\udcff",
]


def _clean(r) -> None:
    assert "Traceback" not in r.err
    assert "\x1b" not in r.err and "\x1b" not in r.out, "escape sequences never reach the terminal"
    assert "\x07" not in r.err and "\x00" not in r.err
    assert r.code in (0, 1, 2), (r.code, r.err)


@pytest.mark.parametrize("base", NAME_COMMANDS, ids=lambda b: " ".join(b))
@pytest.mark.parametrize("arg", NASTY, ids=range(len(NASTY)))
def test_nasty_arguments_never_crash(base, arg):
    args = list(base)
    if base[0] == "check":
        args = ["check", arg, "500mg", *base[2:]]
    elif base[0] == "show" and len(base) == 2:
        args = ["show", "magnesium", arg]
    else:
        args = [*base, arg]
    r = run(*args)
    _clean(r)
    if r.code != 0:
        assert r.err.startswith("evidence: error: ") or "Usage" in r.err or "error" in r.err.lower()


def test_fuzzy_input_finds_nothing_wrong_rather_than_something_wrong():
    r = run("show", "ｍａｇｎｅｓｉｕｍ")  # full-width letters are not silently read as another name
    assert r.code in (0, 1)
    if r.code == 0:
        assert r.out.startswith("Magnesium")


def test_rich_markup_in_arguments_prints_literally():
    r = run("show", "[bold]magnesium[/bold]")
    assert r.code == 1
    assert "[bold]magnesium[/bold]" in r.err


def test_escape_sequences_in_arguments_are_neutralised():
    r = run("show", "\x1b[31mred\x1b[0m")
    assert r.code == 1
    assert "\x1b" not in r.err and "\ufffd[31mred" in r.err


def test_sql_looking_text_is_just_a_name():
    r = run("show", "'; DROP TABLE cards; --")
    assert r.code == 1
    assert run("show", "magnesium", "autoimmune disorders").code == 0


@pytest.mark.parametrize("query", ["AND", "sleep OR", "NEAR(", "*", "\"unbalanced", "sleep AND", "OR OR OR", "(", ")", "^", ":", "sleep NOT"])
def test_fulltext_syntax_is_searched_as_words(query):
    r = run("search", query, "-f", "json")
    assert r.code == 0, r.err
    assert isinstance(r.json(), list)


def test_search_words_with_operators_still_find_things():
    hits = run("search", "sleep OR", "-f", "json").json()
    assert hits and any("sleep" in (h["title"] + h["snippet"]).lower() for h in hits)


def test_very_long_argument_is_refused_in_one_line():
    r = run("show", "m" * 100_000)
    assert r.code == 1
    assert len(r.err) < 500


def test_closed_pipe_exits_quietly():
    exe = Path(sys.executable).parent / "evidence"
    p = subprocess.run(f"'{exe}' conditions magnesium | head -1", shell=True, capture_output=True, text=True,
                       env={**os.environ, "EVIDENCE_DEBUG": ""})
    assert p.returncode == 0
    assert p.stdout.count("\n") == 1
    assert p.stderr == ""
    p = subprocess.run(f"set -o pipefail; '{exe}' export -f json | head -c 10", shell=True, capture_output=True,
                       text=True, executable="/bin/bash")
    assert p.stderr == ""
    assert p.returncode == 0


@pytest.mark.parametrize("env", [
    {"LC_ALL": "C", "LANG": "C"},
    {"PYTHONIOENCODING": "ascii"},
    {"TERM": "dumb"},
    {"PYTHONIOENCODING": "latin-1"},
])
@pytest.mark.parametrize("fmt", ["rich", "plain", "json", "markdown", "csv"])
def test_odd_locales_and_terminals(env, fmt):
    p = run_process("show", "magnesium", "autoimmune disorders", "-f", fmt, env=env, text=False)
    p.stdout = p.stdout.decode(env.get("PYTHONIOENCODING", "utf-8"))
    p.stderr = p.stderr.decode(env.get("PYTHONIOENCODING", "utf-8"))
    assert p.returncode == 0, p.stderr
    assert p.stderr == ""
    assert "Magnesium" in p.stdout
    if env.get("PYTHONIOENCODING") == "ascii":
        assert p.stdout.isascii()
    if fmt == "json":
        import json

        assert json.loads(p.stdout)["ingredient"]["id"] == "magnesium"


def test_ascii_output_falls_back_for_stars_and_boxes():
    p = run_process("show", "magnesium", "autoimmune disorders", "-f", "rich", env={"PYTHONIOENCODING": "ascii"})
    assert p.returncode == 0
    assert "**..." in p.stdout and "+-" in p.stdout


def test_narrow_terminal_of_20_columns():
    for args in (["show", "magnesium", "autoimmune disorders"], ["conditions", "magnesium"], ["intake", "magnesium"],
                 ["foods", "magnesium"], ["interactions", "warfarin"]):
        p = run_process(*args, "-f", "rich", env={"COLUMNS": "20"})
        assert p.returncode == 0, p.stderr
        assert "Traceback" not in p.stderr
        assert max(len(line) for line in p.stdout.splitlines()) <= 20


def test_keyboard_interrupt_exits_130_without_traceback(monkeypatch):
    from evidence_cli.commands import lookup

    def interrupted(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(lookup, "show", interrupted)
    r = run("show", "magnesium")
    assert r.code == 130
    assert "Traceback" not in r.err


def test_sigint_during_a_slow_build_exits_130(tmp_path: Path):
    data = tmp_path / "big"
    subprocess.run([sys.executable, str(DATA.parent / "bench" / "synth.py"), "--scale", "10", str(data)], check=True,
                   capture_output=True)
    exe = Path(sys.executable).parent / "evidence"
    env = {**os.environ, "EVIDENCE_CACHE_DIR": str(tmp_path / "cache"), "EVIDENCE_DATA_DIR": str(data)}
    p = subprocess.Popen([str(exe), "systems"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    deadline = time.time() + 60
    while not list((tmp_path / "cache").glob(".build-*")) and time.time() < deadline and p.poll() is None:
        time.sleep(0.01)  # wait until the build is under way
    assert p.poll() is None, "the build finished before it could be interrupted"
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 130, (p.returncode, err)
    assert "Traceback" not in err
    leftovers = list((tmp_path / "cache").glob(".build-*"))
    assert leftovers == [], "an interrupted build leaves no temporary file"


def test_unusable_cache_location_still_answers(tmp_path: Path):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    for cache in (not_a_dir, not_a_dir / "sub", Path("/proc/version/x")):
        p = run_process("show", "magnesium", "autoimmune disorders", "-f", "json", env={"EVIDENCE_CACHE_DIR": str(cache)})
        assert p.returncode == 0, p.stderr
        assert p.stderr == ""


def test_eight_processes_on_an_empty_cache(tmp_path: Path):
    exe = Path(sys.executable).parent / "evidence"
    env = {**os.environ, "EVIDENCE_CACHE_DIR": str(tmp_path / "cache")}
    procs = [subprocess.Popen([str(exe), "conditions", "magnesium", "-f", "json"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env, text=True) for _ in range(8)]
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [r[1] for r in results]
    assert len({out for out, _ in results}) == 1
    assert all(err == "" for _, err in results)
    stores = list((tmp_path / "cache").glob("store-*.sqlite"))
    assert len(stores) == 1
    assert not list((tmp_path / "cache").glob(".build-*"))
    import sqlite3

    assert sqlite3.connect(stores[0]).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
