"""The store compiled when the package is built: used as it is when it matches the data, never
when it does not, and never written to or removed (it lives where the package was installed)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from evidence_cli.store import cache


def _store_path(con: sqlite3.Connection) -> Path:
    return Path(con.execute("PRAGMA database_list").fetchone()[2])


@pytest.fixture
def prebuilt(data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "site" / "prebuilt.sqlite"
    target.parent.mkdir()
    cache.prebuild(data_copy, target)
    monkeypatch.setattr(cache, "PREBUILT", target)
    monkeypatch.setenv("EVIDENCE_CACHE_DIR", str(tmp_path / "cache"))
    return target


def test_a_fresh_cache_opens_the_prebuilt_store_without_building(data_copy: Path, prebuilt: Path, tmp_path: Path):
    con = cache.open_store(data_copy)
    assert _store_path(con) == prebuilt
    assert not list((tmp_path / "cache").glob("store-*.sqlite")), "nothing was compiled"
    con.close()
    # the next run finds it through the pointer, by file stats alone
    con = cache.open_store(data_copy)
    assert _store_path(con) == prebuilt
    con.close()


def test_changed_data_is_compiled_and_the_prebuilt_store_is_left_alone(data_copy: Path, prebuilt: Path, tmp_path: Path):
    before = prebuilt.read_bytes()
    target = data_copy / "systems.toml"
    target.write_text(target.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    con = cache.open_store(data_copy)
    assert _store_path(con) != prebuilt and _store_path(con).parent == tmp_path / "cache"
    con.close()
    assert prebuilt.read_bytes() == before


def test_no_writable_cache_still_answers_from_the_prebuilt_store(data_copy: Path, prebuilt: Path, monkeypatch):
    monkeypatch.setenv("EVIDENCE_CACHE_DIR", "/proc/no-cache-here")
    con = cache.open_store(data_copy)
    assert _store_path(con) == prebuilt
    con.close()


def test_the_package_build_ships_a_current_store(tmp_path: Path):
    """`pip install .` runs setup.py's build step; building the wheel's files shows it."""
    import subprocess
    import sys

    from conftest import ROOT

    build = tmp_path / "build"
    out = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(build)], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    store = build / "evidence_cli" / "store" / "prebuilt.sqlite"
    assert store.is_file()
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    key = con.execute("SELECT value FROM meta WHERE key = 'content_key'").fetchone()[0]
    data = build / "evidence_cli" / "data"
    assert key == cache.content_key(data, cache.scan(data))


def test_a_rebuild_ships_no_data_file_left_from_an_earlier_build(tmp_path: Path):
    # build/ outlives a build: a profile renamed since then must not be shipped (and compiled) too
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    lib = tmp_path / "lib"
    stale = lib / "evidence_cli" / "data" / "profiles" / "renamed-since.toml"
    stale.parent.mkdir(parents=True)
    stale.write_text('condition = "no-such-condition"\n', encoding="utf-8")
    r = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(lib)], cwd=root,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert not stale.exists()
    assert (lib / "evidence_cli" / "data" / "profiles" / "multiple-sclerosis.toml").is_file()
    assert (lib / "evidence_cli" / "store" / "prebuilt.sqlite").is_file(), r.stderr
