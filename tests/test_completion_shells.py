"""Completion in real bash, zsh and fish, each in a pseudo-terminal, with the script that
`evidence --show-completion SHELL` prints: names with spaces stay one word, candidates come in the
data's own case, and a name typed in any case completes.

Each case types a command line with Tab, then moves to the start of the line and turns it into
`printf '<%s>\\n' ...`, so the words the shell would pass to evidence are printed one per line.
CI installs the three shells (.ci/run); where one is missing a test is skipped, unless
EVIDENCE_REQUIRE_SHELLS is set (as CI sets it), when it fails."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA

EXE_DIR = Path(sys.executable).parent
END = "END-OF-CASE"
PRINT_WORDS = "\x01printf '<%s>\\n' \x05; echo END-OF''-CASE\n"  # the quotes keep the typed line from matching


def _need(shell: str) -> str:
    path = shutil.which(shell)
    if path is None:
        if os.environ.get("EVIDENCE_REQUIRE_SHELLS"):
            pytest.fail(f"{shell} is not installed, and EVIDENCE_REQUIRE_SHELLS is set")
        pytest.skip(f"{shell} is not installed")
    return path


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with each shell's completion script, and a built store (so no case waits for it)."""
    home = tmp_path_factory.mktemp("home")
    for shell in ("bash", "zsh", "fish"):
        script = subprocess.run([str(EXE_DIR / "evidence"), "--show-completion", shell], capture_output=True,
                                text=True, check=True).stdout
        (home / f"completion.{shell}").write_text(script, encoding="utf-8")
    (home / "inputrc").write_text("set bell-style none\nset completion-query-items -1\nset page-completions off\n")
    shutil.copytree(DATA, home / "data")  # a copy that stays put while the cases run
    subprocess.run([str(EXE_DIR / "evidence"), "systems", "--data-dir", str(home / "data")], capture_output=True, check=True)
    return home


def _typed(shell: str, home: Path, keys: str) -> list[str]:
    """The words of the command line after typing `keys` (with Tabs) into an interactive shell."""
    argv = {"bash": [shell, "--norc", "--noprofile", "-i"], "zsh": [shell, "-f", "-i"],
            "fish": [shell, "--no-config", "-i"]}[Path(shell).name]
    setup = {"bash": f"source {home}/completion.bash\n",
             "zsh": f"autoload -Uz compinit && compinit -u -D; source {home}/completion.zsh\n",
             "fish": f"source {home}/completion.fish\n"}[Path(shell).name]
    env = {**os.environ, "PATH": f"{EXE_DIR}:{os.environ['PATH']}", "HOME": str(home), "INPUTRC": str(home / "inputrc"),
           "TERM": "dumb", "PS1": "$ ", "PROMPT": "$ ", "EVIDENCE_DATA_DIR": str(home / "data")}
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(shell, argv, env)
    out = b""

    def read_until(marker: bytes, timeout: float) -> None:
        nonlocal out
        deadline = time.time() + timeout
        while marker not in out and time.time() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    out += os.read(fd, 65536)
                except OSError:
                    return

    try:
        os.write(fd, setup.encode() + b"echo READY-NOW\n")
        read_until(b"READY-NOW\r\n", 30)
        out = b""
        for part in re.split("(\t)", keys):  # give each completion time to finish before typing on
            os.write(fd, part.encode())
            if part == "\t":
                read_until(b"\x00never", 2.5 if Path(shell).name == "fish" else 1.5)
        os.write(fd, PRINT_WORDS.encode())
        read_until(f"\n{END}".encode(), 30)
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    text = out.decode("utf-8", "replace")
    words = re.findall(r"^<(.*)>\r?$", text, flags=re.M)
    assert f"\n{END}" in text, text[-2000:]
    return words


CASES = [
    ("evidence show mag\t", ["evidence", "show", "Magnesium"]),                  # the data's case, not the typed one
    ("evidence show magnesium autoimm\t", ["evidence", "show", "magnesium", "Autoimmune Disorders"]),  # one word
    ("evidence show vitamin\t", ["evidence", "show", "Vitamin "]),               # the common start, space kept in the word
    ("evidence conditions st\\ jo\t", ["evidence", "conditions", "St John's wort"]),
]


@pytest.mark.parametrize("keys,words", CASES)
def test_bash_completes_names_as_one_word_in_their_own_case(home: Path, keys: str, words: list[str]):
    assert _typed(_need("bash"), home, keys) == words


def test_bash_completes_inside_an_open_quote(home: Path):
    assert _typed(_need("bash"), home, 'evidence show "fish\toil"') == ["evidence", "show", "fish oil"]


def test_bash_second_tab_after_a_space_keeps_one_word(home: Path):
    assert _typed(_need("bash"), home, "evidence show vitamin\td\t") == ["evidence", "show", "Vitamin D"]


# zsh drops the apostrophe of "St John's wort" in Typer's zsh format and gives the alias "St Johns
# wort", which names the same herb; the other cases hold as in bash.
@pytest.mark.parametrize("keys,words", CASES[:3])
def test_zsh_completes_names_as_one_word_in_their_own_case(home: Path, keys: str, words: list[str]):
    assert _typed(_need("zsh"), home, keys) == words


@pytest.mark.parametrize("keys,words", [CASES[0], CASES[1], CASES[3]])
def test_fish_completes_names_as_one_word_in_their_own_case(home: Path, keys: str, words: list[str]):
    assert _typed(_need("fish"), home, keys) == words
