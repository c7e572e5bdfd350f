"""Search as people type: a fixture of lay words, typos and plurals, each with the thing it must
find in the top three, scored; and matches shown in bold on a terminal, never as markers.

    pytest tests/test_search.py -s     # prints the score
"""

from __future__ import annotations

from pathlib import Path

from conftest import run

FIXTURE = Path(__file__).parent / "fixtures" / "search-queries.tsv"


def _queries() -> list[tuple[str, str]]:
    rows = [line.rstrip("\n").split("\t") for line in FIXTURE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [(q, expected) for q, expected in rows]


def test_the_fixture_has_at_least_sixty_queries():
    queries = _queries()
    assert len(queries) >= 60 and len({q for q, _ in queries}) == len(queries)


def test_search_puts_the_expected_thing_in_the_top_three_for_at_least_95_percent():
    missed = []
    queries = _queries()
    for query, expected in queries:
        hits = run("search", query, "-f", "json", "--limit", "3").json()
        if expected not in [f"{h['kind']}:{h['id']}" for h in hits]:
            missed.append((query, expected, [h["id"] for h in hits]))
    score = 1 - len(missed) / len(queries)
    print(f"\nsearch fixture: {len(queries) - len(missed)} of {len(queries)} in the top 3 ({score:.1%}); missed: {missed}")
    assert score >= 0.95, missed


def test_an_exact_name_comes_first():
    assert run("search", "magnesium", "-f", "json").json()[0]["id"] == "magnesium"
    assert run("search", "arthritis", "-f", "json").json()[0]["id"] == "arthritis"


def test_json_gives_the_matched_words_apart_from_a_clean_snippet():
    hits = run("search", "migraine", "-f", "json").json()
    assert any("migraine" in [m.lower() for m in h["matches"]] for h in hits)
    assert not any(ch in h["snippet"] for h in hits for ch in "\x02\x03[]")


def test_rich_output_shows_matches_in_bold(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    out = run("search", "migraine", "-f", "rich", "--color", "always").out
    assert "\x1b[1mmigraine\x1b[22m" in out or "\x1b[1mMigraine\x1b[22m" in out


def test_plain_output_has_no_escape_codes():
    assert "\x1b" not in run("search", "migraine", "-f", "plain").out
