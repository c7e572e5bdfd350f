"""Where the compiled store lives, how it is keyed, built atomically, and what happens if it can't be.

A lookup proves the cache current cheaply: it stats the data files (names, sizes, mtimes) and
compares that fingerprint with the one recorded beside the store. Only when they differ does it
read and hash the content; a store whose content key matches is reused, otherwise the data is
checked and compiled into a temporary file in the cache directory and renamed into place, so a
reader never sees a half-written store and concurrent builders never clash. If the cache directory
is unusable, the store is built in memory for this one run; a corrupt store is rebuilt.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import zlib
from pathlib import Path

from evidence_cli import __version__
from evidence_cli.errors import DataError
from evidence_cli.dataset.files import scan

# Bump when the compiled layout changes, so that old stores are not reused.
STORE_FORMAT = "6"
PROGRESS_AFTER = 0.5  # seconds before a terminal sees a progress indicator


def bundled_data_dir() -> Path:
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "data", here.parent / "data"):  # installed wheel, then a source checkout
        if (candidate / "systems.toml").is_file():
            return candidate
    return here / "data"


def data_dir(option: str | None) -> Path:
    chosen = option or os.environ.get("EVIDENCE_DATA_DIR")
    return Path(chosen).expanduser() if chosen else bundled_data_dir()


def cache_dir() -> Path:
    chosen = os.environ.get("EVIDENCE_CACHE_DIR")
    if chosen:
        return Path(chosen).expanduser()
    if sys.platform.startswith("linux"):
        # What platformdirs answers on Linux, without its import on every lookup.
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
        return base / "evidence"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("evidence", appauthor=False))


# The compiler's own files: a changed schema or compiler makes a new store even for the same data.
BUILDERS = (str(Path(__file__).with_name("schema.sql")), str(Path(__file__).with_name("compile.py")),
            str(Path(__file__).parent.parent / "text.py"))  # normalize() writes the names table

# The store for the bundled data, compiled when the package is built (setup.py) and opened
# read-only where it was installed, once its content key proves it current.
PREBUILT = Path(__file__).with_name("prebuilt.sqlite")


def fingerprint(root: Path, files: list[str]) -> str:
    """Names, sizes and modification times of the data files: if these are as recorded, the
    store is current. Compared as text, so no hashing library loads on the way to an answer."""
    lines = [f"{STORE_FORMAT} {__version__} {sys.version_info[:2]} {root}"]
    for path in (*BUILDERS, *files):
        st = os.stat(path)
        lines.append(f"{path}\t{st.st_size}\t{st.st_mtime_ns}")
    return "\n".join(lines)


def content_key(root: Path, files: list[str]) -> str:
    import hashlib

    h = hashlib.blake2b(digest_size=16)
    h.update(f"{STORE_FORMAT}\0{__version__}\0{sys.version_info[:2]}\0".encode())  # marshal blobs
    for builder in BUILDERS:
        h.update(Path(builder).read_bytes())
    for path in files:
        h.update(os.path.relpath(path, root).replace(os.sep, "/").encode() + b"\0")
        with open(path, "rb") as fh:
            h.update(fh.read())
        h.update(b"\0")
    return h.hexdigest()


def _open_checked(path: Path, key: str, ours: bool = True) -> sqlite3.Connection | None:
    """The store at `path` if it is a sound store for `key`, else None (and a corrupt file in the
    cache, `ours`, is removed)."""
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        row = con.execute("SELECT value FROM meta WHERE key = 'content_key'").fetchone()
        if row and row[0] == key:
            return con
        con.close()
    except sqlite3.DatabaseError:
        pass
    if not ours:
        return None
    try:
        path.unlink()
    except OSError:
        pass
    return None


class _Progress:
    """A one-line indicator on a terminal's stderr, shown only if the build outlasts PROGRESS_AFTER."""

    FRAMES = "|/-\\"

    def __init__(self) -> None:
        import threading

        self.message = "reading data"
        self.shown = False
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        if sys.stderr is not None and sys.stderr.isatty():
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()

    def stage(self, message: str) -> None:
        self.message = message

    def _run(self) -> None:
        if self._done.wait(PROGRESS_AFTER):
            return
        frame = 0
        while not self._done.is_set():
            self.shown = True
            sys.stderr.write(f"\revidence: building the index (first run or changed data): {self.message} {self.FRAMES[frame % 4]}\x1b[K")
            sys.stderr.flush()
            frame += 1
            self._done.wait(0.1)

    def close(self) -> None:
        self._done.set()
        if self._thread:
            self._thread.join()
            if self.shown:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()


def prebuild(root: Path, target: Path) -> None:
    """Compile `root` into `target` with its content key: the package build's store (setup.py)."""
    files = scan(root)
    tmp = target.with_suffix(".tmp")
    _remove(str(tmp))
    build(root, content_key(root, files), tmp)
    os.replace(tmp, target)


def build(root: Path, key: str, target: str | Path, progress: _Progress | None = None) -> sqlite3.Connection | None:
    """Check the data and compile it into `target` (a path, or ":memory:", whose connection is returned)."""
    from evidence_cli.store.compile import fill
    from evidence_cli.dataset.rules import check_data

    if progress:
        progress.stage("checking data")
    ds, problems = check_data(root)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise DataError(f"{root / first.file}:{first.line}: {first.message}{more}",
                        hint="run `evidence validate` to list every problem")
    if progress:
        progress.stage("compiling")
    con = sqlite3.connect(str(target))
    fill(con, ds, key)
    if str(target) == ":memory:":
        return con
    con.close()
    return None


def open_store(root: Path) -> sqlite3.Connection:
    """A read connection to the current compiled store for the data in `root`."""
    if not (root / "systems.toml").is_file():
        if not root.exists():
            raise DataError(f"{root}: data directory not found", hint="check --data-dir or EVIDENCE_DATA_DIR")
        raise DataError(f"{root}: not an evidence data directory (no systems.toml)")
    try:
        files = scan(root)
        stamp = fingerprint(root, files)
    except OSError as exc:
        raise DataError(f"{root}: cannot read the data ({exc.strerror})") from None
    cache = cache_dir()
    pointer = cache / f"current-{zlib.crc32(str(root.resolve()).encode()):08x}"
    try:
        recorded_key, recorded_stamp = pointer.read_text(encoding="utf-8").split("\n", 1)
    except (OSError, ValueError, UnicodeDecodeError):
        recorded_key = recorded_stamp = ""
    if recorded_stamp == stamp:
        con = _open_checked(cache / f"store-{recorded_key}.sqlite", recorded_key) or \
            _open_checked(PREBUILT, recorded_key, ours=False)
        if con is not None:
            return con

    key = content_key(root, files)
    store = cache / f"store-{key}.sqlite"
    con = _open_checked(store, key) or _open_checked(PREBUILT, key, ours=False)
    if con is None:
        progress = _Progress()
        try:
            import tempfile

            try:
                cache.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=".build-", suffix=".sqlite", dir=cache)
                os.close(fd)
            except OSError:
                # No usable cache: answer from a store built in memory for this run alone.
                mem = build(root, key, ":memory:", progress)
                assert mem is not None
                return mem
            try:
                build(root, key, tmp, progress)
                os.replace(tmp, store)
            except BaseException:
                _remove(tmp)
                raise
        finally:
            progress.close()
        con = _open_checked(store, key)
        if con is None:  # removed under us by another process: use memory rather than fail
            mem = build(root, key, ":memory:")
            assert mem is not None
            return mem
    _write_pointer(pointer, key, stamp)
    return con


def _write_pointer(pointer: Path, key: str, stamp: str) -> None:
    import tempfile

    try:
        pointer.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".pointer-", dir=pointer.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f"{key}\n{stamp}")
        os.replace(tmp, pointer)
    except OSError:
        pass


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
