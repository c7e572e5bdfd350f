#!/usr/bin/env python3
"""Is one revision's start-up slower than another's? Paired whole-process timings of two commits.

    python bench/compare.py OLD NEW [--runs N]

Each revision is checked out from this repository into a temporary folder and installed as
`pip install .` would (without its dependencies, which this Python has) into a folder of its own,
each with its own bundled data and compiled store. The lookups of bench/run.py then run
alternately, OLD then NEW then NEW then OLD, N times each; the table shows the median wall time of
each side, the ratio of the medians, and the median of the per-pair ratios. A noisy machine moves
both sides of a pair alike; the two ratios disagreeing by more than a few per cent says it was too
noisy to tell.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
LOOKUPS = {
    "show (plain)": ["show", "magnesium", "autoimmune disorders", "-f", "plain"],
    "show (json)": ["show", "magnesium", "autoimmune disorders", "-f", "json"],
    "show (rich)": ["show", "magnesium", "autoimmune disorders", "-f", "rich"],
    "conditions (rich)": ["conditions", "magnesium", "-f", "rich"],
    "search (plain)": ["search", "sleep", "-f", "plain"],
}


def install(rev: str, work: Path) -> tuple[list[str], dict[str, str]]:
    """The command that runs `rev` as installed, and its environment."""
    src, site = work / "src", work / "site"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(src)], check=True)
    subprocess.run(["git", "-C", str(src), "checkout", "--quiet", rev], check=True)
    subprocess.run([PY, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(src)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    script = re.search(r'^evidence\s*=\s*"([\w.]+):(\w+)"', (src / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    module, function = script.groups() if script else ("evidence_cli.main", "main")
    entry = work / "evidence"  # as pip's console script does; a file, so that the current folder is not on sys.path
    entry.write_text(f"import sys\nfrom {module} import {function}\nsys.exit({function}())\n", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(site), "EVIDENCE_CACHE_DIR": str(work / "cache")}
    return [PY, str(entry)], env


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd[-5:])}\n{p.stderr.decode(errors='replace')}")
    return elapsed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", help="a commit, tag or branch")
    parser.add_argument("new", help="a commit, tag or branch")
    parser.add_argument("--runs", type=int, default=60, help="runs of each side of a pair (median taken)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="evidence-compare-"))
    try:
        sides = []
        for name in ("old", "new"):
            (work / name).mkdir()
            sides.append(install(getattr(args, name), work / name))
        print(f"{args.old} against {args.new}, {args.runs} paired runs each (medians, ms)")
        print()
        print(f"| {'lookup':20} | {'old':>7} | {'new':>7} | {'new/old':>7} | {'paired':>7} |")
        print(f"|{'-' * 22}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 9}|")
        for label, words in LOOKUPS.items():
            (old_cmd, old_env), (new_cmd, new_env) = sides
            for _ in range(2):  # build each store, warm the disk cache
                timed(old_cmd + words, old_env)
                timed(new_cmd + words, new_env)
            olds, news = [], []
            for i in range(args.runs):
                if i % 2 == 0:
                    olds.append(timed(old_cmd + words, old_env))
                    news.append(timed(new_cmd + words, new_env))
                else:
                    news.append(timed(new_cmd + words, new_env))
                    olds.append(timed(old_cmd + words, old_env))
            a, b = statistics.median(olds), statistics.median(news)
            paired = statistics.median(n / o for o, n in zip(olds, news))
            print(f"| {label:20} | {a * 1000:7.1f} | {b * 1000:7.1f} | {b / a:7.3f} | {paired:7.3f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
