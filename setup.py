"""The package build also compiles the bundled data into the store the first lookup opens, so a
fresh install answers at once instead of building its cache (evidence_cli/store/cache.py,
PREBUILT). Metadata lives in pyproject.toml; this file only adds that step."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class build_py_with_store(build_py):
    def run(self) -> None:
        # build/ outlives a build: a data file renamed or removed since the last one would be
        # shipped (and checked into the store) as well, so the data is always copied afresh.
        if not self.editable_mode:
            shutil.rmtree(Path(self.build_lib) / "evidence_cli" / "data", ignore_errors=True)
        super().run()
        if self.editable_mode:  # an editable install reads data/ in place and builds its cache
            return
        target = Path(self.build_lib) / "evidence_cli" / "store" / "prebuilt.sqlite"
        sys.path.insert(0, str(Path(self.build_lib)))
        try:
            from evidence_cli.store.cache import prebuild

            prebuild(Path(self.build_lib) / "evidence_cli" / "data", target)
        except Exception as exc:  # e.g. no TOML parser in the build environment: the first run builds it
            print(f"evidence: no prebuilt store ({exc}); the first lookup will build it", file=sys.stderr)
        finally:
            sys.path.pop(0)
            for name in [m for m in sys.modules if m == "evidence_cli" or m.startswith("evidence_cli.")]:
                del sys.modules[name]


setup(cmdclass={"build_py": build_py_with_store})
