#!/usr/bin/env python3
"""An audit of the evidence library that anyone can rerun:

    python tools/audit.py [DATA_DIR] [--missing]

Prints the rating distribution (by rubric step where cards record one), the rated-1 cards whose
study types include a meta-analysis or randomised trials (rubric v2: tested and negative is 0,
untested is 1), and how many journal references carry a PMID or DOI; --missing lists the journal
references without one, file by file. A reference with only a `url` is a web page (a fact sheet,
a guideline site) and is counted apart.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

from evidence_cli.validate import check  # noqa: E402


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    root = Path(args[0]) if args else HERE / "data"
    ds, problems = check(root)
    cards = [(ing, c) for ing, cs in ds.cards.items() for c in cs]
    ratings = Counter(c.data["rating"] for _, c in cards)
    steps = Counter(c.data.get("rubric_step", "none") for _, c in cards)
    print(f"{len(cards)} cards; data {'valid' if not problems else f'has {len(problems)} problems'}")
    print("ratings: " + ", ".join(f"{r}: {ratings[r]}" for r in range(6)))
    print("rubric steps: " + ", ".join(f"{s}: {n}" for s, n in sorted(steps.items())))
    ones = [(i, c) for i, c in cards if c.data["rating"] == 1 and c.data["validity"] == "scientific"]
    meta = [(i, c) for i, c in ones if "meta-analysis" in c.data["study_types"]]
    rct = [(i, c) for i, c in ones if "rct" in c.data["study_types"]]
    print(f"rated-1 scientific cards: {len(ones)}; listing a meta-analysis: {len(meta)}; listing rct: {len(rct)}")

    journal = with_id = web = 0
    missing: dict[str, list[str]] = {}
    for _, c in cards:
        for ref in c.data.get("references", []):
            if "pmid" in ref or "doi" in ref:
                journal += 1
                with_id += 1
            elif "url" in ref:
                web += 1
            else:
                journal += 1
                missing.setdefault(c.doc.rel, []).append(ref["citation"])
    share = 100 * with_id / journal if journal else 100.0
    print(f"journal references: {journal}; with a PMID or DOI: {with_id} ({share:.1f}%); web pages: {web}")
    if "--missing" in argv:
        for rel, citations in sorted(missing.items()):
            print(f"\n{rel} ({len(citations)})")
            for citation in citations:
                print(f"  - {citation}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
