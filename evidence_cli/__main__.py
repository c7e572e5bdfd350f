"""The process entry: the `evidence` console script (pyproject) and `python -m evidence_cli`.

A lookup's imports (Typer, Click, ours) leave about 17,000 objects that live until the process
ends and a few hundred of garbage, yet they start some forty collections that walk them, and
Python's shutdown walks them all again: together about a tenth of a lookup's time (bench/run.py).
So collection is off while they load and what they made is frozen out of later collections; the
command runs with collection on, and main() freezes once more on the way out.
"""

import gc


def run() -> None:
    gc.disable()
    from evidence_cli.main import main

    gc.freeze()
    gc.enable()
    main()


if __name__ == "__main__":
    run()
