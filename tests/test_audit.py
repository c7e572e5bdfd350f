"""tools/audit.py counts journal references with and without identifiers, and lists the rest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import audit  # noqa: E402  (tools/ is not a package)


def test_audit_counts_identifiers_and_lists_what_is_missing(data_copy: Path) -> None:
    path = data_copy / "ingredients" / "zinc.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '\n[[cards]]\ncondition = "tinnitus"\nvalidity = "traditional"\nrating = 1\n'
                    'verdict = "Untested."\nsynopsis = """' + " ".join(["word"] * 90) + '"""\n'
                    'study_types = ["traditional"]\nreviewed = 2026-12-02\n\n[[cards.references]]\n'
                    'citation = "Nobody A. An uncounted paper. J None. 2001;1:1."\n\n[[cards.references]]\n'
                    'citation = "Somebody B. A paper cited through a web copy. J None. 2002;3(4):5-6."\n'
                    'url = "https://example.org/copy"\n\n[[cards.references]]\n'
                    'citation = "A fact sheet. Example Institute."\nurl = "https://example.org/facts"\n', encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "audit.py"), str(data_copy), "--missing"],
                         capture_output=True, text=True, check=True).stdout
    assert "journal references:" in out and "with a PMID or DOI:" in out
    listed = out.split("ingredients/zinc.toml")[1]
    assert "Nobody A. An uncounted paper." in listed
    assert "Somebody B. A paper cited through a web copy." in listed  # a paper, whatever its address
    assert "A fact sheet." not in listed  # a web page


def test_audit_lists_a_card_rated_unlike_its_neighbours() -> None:
    from types import SimpleNamespace as NS


    def card(cond: str, rating: int, types: list[str]) -> NS:
        return NS(data={"condition": cond, "rating": rating, "study_types": types})

    cards = [("a", card("x", 2, ["meta-analysis"])), ("b", card("x", 2, ["meta-analysis", "rct"])),
             ("c", card("x", 5, ["meta-analysis"])), ("d", card("x", 0, ["rct"]))]
    odd = audit.disagreements(cards)
    assert any(line.startswith("c/x: rated 5") for line in odd)
    assert not any(line.startswith(("a/x", "b/x", "d/x")) for line in odd)  # d rests on rct: another group


def test_no_ingredient_in_the_library_has_fewer_than_eight_cards() -> None:
    from evidence_cli.dataset.rules import check_data

    ds, problems = check_data(ROOT / "data")
    assert not problems
    assert audit.thin_ingredients(ds) == {}


def test_audit_names_an_ingredient_left_with_fewer_than_eight_cards(data_copy: Path) -> None:
    path = data_copy / "ingredients" / "amygdalin.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex("\n[[cards]]")] + "\n", encoding="utf-8")  # drop its last card
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "audit.py"), str(data_copy)],
                         capture_output=True, text=True, check=True).stdout
    assert "ingredients with fewer than 8 cards: 1\n  - amygdalin: 7" in out
