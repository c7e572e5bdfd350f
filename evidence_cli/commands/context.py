"""What every command needs: the chosen output settings and, opened only when asked for, the store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Sequence

from evidence_cli.errors import OutputClosed
from evidence_cli.model import Ref
from evidence_cli.render import TEXT_FORMATS, Settings, emit, settings
from evidence_cli.render.doc import Output
from evidence_cli.store.queries import Store


class Context:
    def __init__(self, fmt: Optional[str] = None, data_dir: Optional[str] = None, no_color: bool = False,
                 no_pager: bool = False, force_color: bool = False) -> None:
        self.settings: Settings = settings(fmt, no_color, force_color)
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
        if output.empty_message and not output.data and self.settings.format in TEXT_FORMATS:
            sys.stderr.write(f"evidence: {output.empty_message}\n")
            return
        try:
            if self._may_page():
                from evidence_cli.pager import page_or_print

                page_or_print(lambda out: emit(output, self.settings, out), self.settings.height or 24)
            else:
                emit(output, self.settings)
            sys.stdout.flush()
        except BrokenPipeError:
            raise OutputClosed from None

    def _may_page(self) -> bool:
        return (not self.no_pager and self.settings.height is not None
                and self.settings.format in TEXT_FORMATS)
