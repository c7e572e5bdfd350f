"""Every identifier can be followed: hyperlinks on a terminal, URLs in plain text and Markdown."""

from __future__ import annotations

import re

from conftest import run
from evidence_cli.render.common import osc8, with_urls
from evidence_cli.render.panel import visible_len

CARD = ("show", "magnesium", "hypertension")
PUBMED = "https://pubmed.ncbi.nlm.nih.gov/27402922/"


def test_identifiers_become_their_addresses():
    text = "Zhang X. Hypertension 2016 (PMID 27402922; doi:10.1161/HYPERTENSIONAHA.116.07664)"
    assert with_urls(text).endswith(f"({PUBMED}; https://doi.org/10.1161/HYPERTENSIONAHA.116.07664)")


def test_a_doi_keeps_its_own_parentheses_but_not_the_closing_one():
    assert with_urls("(doi:10.1016/S0140-6736(02)09327-3)") == "(https://doi.org/10.1016/S0140-6736(02)09327-3)"


def test_terminal_hyperlinks_keep_the_text_and_take_no_columns():
    linked = osc8("see PMID 27402922 here")
    assert f"\x1b]8;;{PUBMED}\x1b\\PMID 27402922\x1b]8;;\x1b\\" in linked
    assert visible_len(linked) == len("see PMID 27402922 here")


def test_a_card_on_a_colour_terminal_links_its_references(monkeypatch):
    monkeypatch.setenv("COLUMNS", "70")
    out = run(*CARD, "-f", "rich", "--color", "always").out
    assert f"\x1b]8;;{PUBMED}\x1b\\" in out
    # the panel's right edge stays put: every line is 70 columns once escapes are removed
    for line in out.splitlines():
        bare = re.sub(r"\x1b\]8;;[^\x1b]*\x1b\\", "", line)
        bare = re.sub(r"\x1b\[[0-9;]*m", "", bare)
        assert len(bare) == 70, repr(bare)


def test_without_colour_there_are_no_escape_sequences():
    assert "\x1b" not in run(*CARD, "-f", "rich", "--color", "never").out


def test_plain_prints_the_urls():
    assert PUBMED in run(*CARD, "-f", "plain").out


def test_markdown_links_the_identifiers():
    assert f"[PMID 27402922]({PUBMED})" in run(*CARD, "-f", "markdown").out
