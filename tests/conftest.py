"""Shared helpers: run the real CLI entry point in-process or as a subprocess, with a private cache."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--fuzz-examples", type=int, default=0, help="run the long fuzz test with this many vectors")


def pytest_configure(config: pytest.Config) -> None:
    from hypothesis import settings

    examples = config.getoption("--fuzz-examples") or 150
    settings.register_profile("evidence", max_examples=examples, database=None if examples > 150 else settings().database)
    settings.load_profile("evidence")


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    fuzz = sys.modules.get("test_fuzz")
    if fuzz is not None and fuzz.TRIED[0]:
        terminalreporter.write_line(f"fuzz: {fuzz.TRIED[0]} generated argument vectors ran without a traceback")


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test run gets its own cache directory and ignores the caller's data and colour settings."""
    os.environ["EVIDENCE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    for name in ("EVIDENCE_DATA_DIR", "NO_COLOR", "EVIDENCE_DEBUG"):
        os.environ.pop(name, None)


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def run(*args: str) -> Result:
    """Run `evidence ARGS` through the real entry point (evidence_cli.main.main) in this process."""
    from evidence_cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return Result(code, out.getvalue(), err.getvalue())


def run_process(*args: str, env: dict[str, str] | None = None, **kwargs: Any) -> subprocess.CompletedProcess:
    """Run the installed `evidence` command as a subprocess."""
    exe = shutil.which("evidence", path=str(Path(sys.executable).parent)) or shutil.which("evidence")
    assert exe, "the evidence command is not installed"
    full_env = {**os.environ, **(env or {})}
    kwargs.setdefault("text", True)
    return subprocess.run([exe, *args], capture_output=True, env=full_env, timeout=120, **kwargs)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data."""
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest)
    return dest
