"""Name resolution: id, name, alias, any case, unambiguous prefix; otherwise suggestions and exit 1."""

from __future__ import annotations

import pytest

from conftest import run


@pytest.mark.parametrize("typed,expected", [
    ("magnesium", "magnesium"), ("MAGNESIUM", "magnesium"), ("Magnesium", "magnesium"), ("mg", "magnesium"),
    ("magnes", "magnesium"), ("fish oil", "omega-3"), ("Fish Oil", "omega-3"), ("vitamin d", "vitamin-d"),
    ("vitamin-d", "vitamin-d"), ("  magnesium  ", "magnesium"),
])
def test_ingredient_names_resolve(typed, expected):
    r = run("conditions", typed, "-f", "json")
    assert r.code == 0, r.err
    card = run("show", typed, "multiple sclerosis", "-f", "json")
    if card.code == 0:
        assert card.json()["ingredient"]["id"] == expected


@pytest.mark.parametrize("typed,expected", [
    ("MS", "multiple-sclerosis"), ("ms", "multiple-sclerosis"), ("multiple sclerosis", "multiple-sclerosis"),
    ("Autoimmune Disorders", "autoimmune-disorders"), ("leg cramps", "cramps-leg"), ("cramps (leg)", "cramps-leg"),
])
def test_condition_names_resolve(typed, expected):
    r = run("ingredients", typed, "-f", "json")
    assert r.code == 0, r.err
    data = run("show", typed, "-f", "json").json()
    assert data["id"] == expected


def test_misspelt_name_exits_1_with_a_suggestion():
    r = run("show", "magnesum")
    assert r.code == 1
    assert r.out == ""
    assert "no ingredient, condition or body system called 'magnesum'" in r.err
    assert "did you mean 'Magnesium'" in r.err


def test_misspelt_condition_in_a_card():
    r = run("show", "magnesium", "migrane")
    assert r.code == 1
    assert "did you mean 'Migraine'" in r.err


def test_ambiguous_prefix_lists_the_candidates():
    r = run("show", "vitamin")
    assert r.code == 1
    assert "could be more than one" in r.err
    assert "Vitamin A" in r.err


def test_unknown_name_without_close_match_points_to_the_list():
    r = run("conditions", "qqqqqq")
    assert r.code == 1
    assert "evidence ingredients" in r.err


def test_empty_name_is_a_usage_error():
    r = run("show", "   ")
    assert r.code == 2
    assert "empty" in r.err
