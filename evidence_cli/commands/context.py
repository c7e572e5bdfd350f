"""What every command needs: the chosen output settings and, opened only when asked for, the store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Sequence

from evidence_cli.environment import Environment
from evidence_cli.errors import OutputClosed, UsageError
from evidence_cli.model import Ref
from evidence_cli.render import FORMATS, TEXT_FORMATS, Settings, emit, settings
from evidence_cli.render.doc import Output
from evidence_cli.store.queries import Store


class Context:
    def __init__(self, fmt: Optional[str] = None, data_dir: Optional[str] = None, no_color: bool = False,
                 no_pager: bool = False, force_color: bool = False, env: Optional[Environment] = None) -> None:
        self.env = env or Environment.of_process()
        fmt = (fmt or ("rich" if self.env.stdout_isatty else "plain")).lower()
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}", hint=f"choose one of {', '.join(FORMATS)}")
        self.settings: Settings = settings(fmt, no_color, force_color, self.env)
        self.no_pager = no_pager
        self._data_dir = data_dir
        self._store: Optional[Store] = None

    @property
    def root(self) -> Path:
        from evidence_cli.store.cache import data_dir

        return data_dir(self._data_dir)

    @property
    def store(self) -> Store:
        if self._store is None:
            from evidence_cli.store.cache import open_store

            root = self.root
            self._store = Store(open_store(root), root)
        return self._store

    def resolve(self, text: str, kinds: Sequence[str]) -> Ref:
        from evidence_cli.resolve import resolve

        return resolve(self.store, text, kinds)

    def emit(self, output: Output) -> None:
        """The one writer: stdout (paged where it helps), or the file the output names; then the
        output's error, if it carries one."""
        if output.destination is not None:
            self._write_file(output)
        else:
            self._show(output)
        if output.error is not None:
            raise output.error

    def _write_file(self, output: Output) -> None:
        path = output.destination
        try:
            if output.database is not None:
                import sqlite3

                try:
                    dest = sqlite3.connect(path)
                    output.database.backup(dest)
                    dest.close()
                except sqlite3.Error as exc:
                    raise UsageError(f"cannot write {path}: {exc}") from None
            else:
                with open(path, "w", encoding="utf-8", newline="") as fh:
                    emit(output, self.settings._replace(color=False, width=None, height=None), fh)
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror}") from None
        if output.written:
            sys.stderr.write(f"evidence: {output.written}\n")

    def _show(self, output: Output) -> None:
        if output.empty_message and not output.data and self.settings.format in TEXT_FORMATS:
            sys.stderr.write(f"evidence: {output.empty_message}\n")
            return
        try:
            if self._may_page():
                from evidence_cli.pager import page_or_print

                page_or_print(lambda out: emit(output, self.settings, out), self.settings.height or 24, self.env)
            else:
                emit(output, self.settings)
            sys.stdout.flush()
        except BrokenPipeError:
            raise OutputClosed from None

    def _may_page(self) -> bool:
        return (not self.no_pager and self.settings.height is not None
                and self.settings.format in TEXT_FORMATS)
