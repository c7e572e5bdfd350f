#!/usr/bin/env python3
"""An audit of the evidence library that anyone can rerun:

    python tools/audit.py [DATA_DIR] [--missing]

Prints the rating distribution by rubric step, the rated-1 cards whose study types include a
meta-analysis or randomised trials (rubric v2: tested and negative is 0, untested is 1), the
conditions whose cards disagree with their neighbours, and how many journal references carry a
PMID or DOI; --missing lists the journal references without one, file by file. A reference with
only a `url` is a web page (a fact sheet, a guideline site) and is counted apart, unless its
citation reads as a journal article ("2013;31(20):2627", "Cochrane Database Syst Rev"): a paper
cited through a copy of it on the web is a journal reference that still lacks its identifier.

Neighbours, for a card, are the other cards on its condition whose best study type is the same
(meta-analysis, then randomised trial, then any other human study, then none): a card rated two
or more points from their median is listed for a second look, since like evidence should get a
like number. (A card on a broad condition rated above the ingredient's best card below it is an
error that `evidence validate` reports.)
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

from evidence_cli.dataset.rules import Dataset, check_data  # noqa: E402

# "Year;Volume" or "Year;Volume(Issue):Pages" or a Cochrane review: how a journal article is cited.
JOURNAL_CITATION = re.compile(r"\b(19|20)\d\d\s*;\s*\d+|\b(19|20)\d\d\s*;\s*\(\d|\d+\(\d+\):\s*\d+|Cochrane Database Syst Rev")


def is_journal_article(ref: dict) -> bool:
    """A reference the identifier target counts: one with a PMID or DOI, one with no address at
    all, or one whose only address is a web copy of what its citation shows to be a paper."""
    return "pmid" in ref or "doi" in ref or "url" not in ref or bool(JOURNAL_CITATION.search(ref["citation"]))


# the content guide's floor: an ingredient with fewer cards is a stub
MIN_CARDS = 8


def thin_ingredients(ds: Dataset) -> dict[str, int]:
    """The ingredients with fewer than MIN_CARDS cards, and how many each has."""
    counts = {item.data["id"]: len(ds.cards.get(item.data["id"], [])) for item in ds.ingredients}
    return {ing: n for ing, n in counts.items() if n < MIN_CARDS}


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    root = Path(args[0]) if args else HERE / "data"
    ds, problems = check_data(root)
    cards = [(ing, c) for ing, cs in ds.cards.items() for c in cs]
    ratings = Counter(c.data["rating"] for _, c in cards)
    steps = Counter(c.data.get("rubric_step", "none") for _, c in cards)
    print(f"{len(cards)} cards; data {'valid' if not problems else f'has {len(problems)} problems'}")
    print("ratings: " + ", ".join(f"{r}: {ratings[r]}" for r in range(6)))
    print("rubric steps: " + ", ".join(f"{s}: {n}" for s, n in sorted(steps.items())))
    by_step = Counter((c.data.get("rubric_step", "none"), c.data["rating"]) for _, c in cards)
    print("by step and rating: " + ", ".join(f"{s}{r}: {n}" for (s, r), n in sorted(by_step.items())))
    ones = [(i, c) for i, c in cards if c.data["rating"] == 1 and c.data["validity"] == "scientific"]
    meta = [(i, c) for i, c in ones if "meta-analysis" in c.data["study_types"]]
    rct = [(i, c) for i, c in ones if "rct" in c.data["study_types"]]
    print(f"rated-1 scientific cards: {len(ones)}; listing a meta-analysis: {len(meta)}; listing rct: {len(rct)}")
    thin = thin_ingredients(ds)
    print(f"ingredients with fewer than {MIN_CARDS} cards: {len(thin)}"
          + "".join(f"\n  - {ing}: {n}" for ing, n in sorted(thin.items())))

    odd = disagreements(cards)
    print(f"cards that disagree with their neighbours: {len(odd)}")
    for line in odd:
        print(f"  - {line}")

    journal = with_id = web = 0
    missing: dict[str, list[str]] = {}
    for _, c in cards:
        for ref in c.data.get("references", []):
            if "pmid" in ref or "doi" in ref:
                journal += 1
                with_id += 1
            elif not is_journal_article(ref):
                web += 1
            else:
                journal += 1
                where = f" ({ref['url']})" if "url" in ref else ""
                missing.setdefault(c.doc.rel, []).append(ref["citation"] + where)
    share = 100 * with_id / journal if journal else 100.0
    print(f"journal references: {journal}; with a PMID or DOI: {with_id} ({share:.1f}%); web pages: {web}")
    if "--missing" in argv:
        for rel, citations in sorted(missing.items()):
            print(f"\n{rel} ({len(citations)})")
            for citation in citations:
                print(f"  - {citation}")
    return 0


EVIDENCE_ORDER = ("meta-analysis", "rct", "human", "none")
HUMAN = {"systematic-review", "controlled-trial", "cohort", "case-control", "cross-sectional", "case-series", "case-report",
         "guideline", "approved-indication"}


def best_evidence(study_types: list[str]) -> str:
    if "meta-analysis" in study_types:
        return "meta-analysis"
    if "rct" in study_types:
        return "rct"
    return "human" if HUMAN & set(study_types) else "none"


def disagreements(cards) -> list[str]:
    from statistics import median

    out = []
    groups: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for ing, c in cards:
        groups.setdefault((c.data["condition"], best_evidence(c.data["study_types"])), []).append((ing, c.data["rating"]))
    for (cond, kind), rows in sorted(groups.items()):
        if len(rows) < 3:
            continue
        mid = median(r for _, r in rows)
        for ing, rating in rows:
            if abs(rating - mid) >= 2:
                out.append(f"{ing}/{cond}: rated {rating}; other cards on {cond} resting on {kind} have a median of {mid:g}")
    return out


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except BrokenPipeError:  # `audit.py | head`: the reader has what it wanted
        sys.stderr.close()
        sys.exit(0)
