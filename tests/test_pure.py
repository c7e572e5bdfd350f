"""Unit tests of pure pieces the end-to-end tests only reach indirectly: the TOML line index that
gives every validate problem its line, and the terminal word wrap."""

from __future__ import annotations

import pytest

from evidence_cli.render.ansi import cell_len, wrap
from evidence_cli.dataset.source import LineIndex

TOML = '''id = "x"
name = "X"

[[cards]]
condition = "a"
synopsis = """
line one
rating = 9
"""
rating = 2

[[cards.references]]
citation = "A"

[[cards]]
condition = "b"
"quoted.key" = 1
[intake]
unit = "mg"
'''


def test_keys_of_arrays_of_tables_get_their_own_lines():
    index = LineIndex(TOML)
    assert index.line(("id",)) == 1
    assert index.line(("cards", 0, "condition")) == 5
    assert index.line(("cards", 0, "rating")) == 10  # not line 8, inside the multi-line string
    assert index.line(("cards", 0, "references", 0, "citation")) == 13
    assert index.line(("cards", 1, "condition")) == 16
    assert index.line(("intake", "unit")) == 19


def test_a_missing_key_falls_back_to_its_table_then_to_line_one():
    index = LineIndex(TOML)
    assert index.line(("cards", 1, "verdict")) == 15
    assert index.line(("nothing", "here")) == 1


@pytest.mark.parametrize("text,width,expected", [
    ("short", 10, ["short"]),
    ("one two three four", 9, ["one two", "three", "four"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # a word longer than the width is cut
    ("a  b", 10, ["a  b"]),                      # text that fits is left as it is
])
def test_wrap_is_greedy_by_columns(text: str, width: int, expected: list[str]):
    assert wrap(text, width) == expected


def test_wide_characters_take_two_columns():
    assert cell_len("日本") == 4 and wrap("日本 日本", 5) == ["日本", "日本"]
    assert all(cell_len(line) <= 6 for line in wrap("👨‍👩‍👧 family 👍🏽 ok", 6))
