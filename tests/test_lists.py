"""ingredients, conditions, systems and search: ranked lists in all five formats."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import run

FORMATS = ["rich", "plain", "json", "markdown", "csv"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", [
    ["ingredients"], ["ingredients", "migraine"], ["conditions"], ["conditions", "magnesium"],
    ["systems"], ["systems", "nervous"], ["search", "sleep"],
])
def test_every_list_works_in_every_format(args, fmt):
    r = run(*args, "-f", fmt)
    assert r.code == 0, r.err
    assert r.out.strip()
    if fmt == "json":
        assert isinstance(r.json(), (list, dict))
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(r.out)))
        assert len(rows) >= 2 and all(len(row) == len(rows[0]) for row in rows)


def test_conditions_for_an_ingredient_is_ranked_json():
    rows = run("conditions", "magnesium", "--format", "json").json()
    assert len(rows) >= 20
    for row in rows:
        assert {"id", "name", "rating", "validity", "verdict"} <= set(row)
        assert row["validity"] in ("scientific", "traditional")
    assert [r["rating"] for r in rows] == sorted((r["rating"] for r in rows), reverse=True)
    assert "autoimmune-disorders" in {r["id"] for r in rows}


def test_ingredients_for_a_condition_lists_every_card():
    rows = run("ingredients", "migraine", "-f", "json").json()
    ids = [r["id"] for r in rows]
    assert "magnesium" in ids and "riboflavin" in ids
    for r in rows:
        card = run("show", r["id"], "migraine", "-f", "json").json()
        assert card["rating"] == r["rating"]


def test_all_ingredients_and_conditions():
    ingredients = run("ingredients", "-f", "json").json()
    assert {"magnesium", "vitamin-d", "zinc", "omega-3", "melatonin"} <= {i["id"] for i in ingredients}
    conditions = run("conditions", "-f", "json").json()
    assert len(conditions) >= 125
    assert all(c["systems"] for c in conditions)


def test_systems_list_and_one_system():
    systems = run("systems", "-f", "json").json()
    assert len(systems) == 15
    nervous = run("systems", "nervous", "-f", "json").json()
    assert nervous["id"] == "nervous"
    assert any(c["id"] == "multiple-sclerosis" for c in nervous["conditions"])
    best = [c for c in nervous["conditions"] if c["rating"] is not None]
    assert all(c["best_ingredient"] for c in best)


def test_search_ranks_cards_and_names():
    hits = run("search", "cramps", "-f", "json").json()
    assert hits
    assert any(h["kind"] == "condition" and "cramps" in h["id"] for h in hits)
    card_hits = [h for h in hits if h["kind"] == "card"]
    assert card_hits and all(isinstance(h["rating"], int) for h in card_hits)


def test_search_with_no_hits_says_so_on_stderr():
    r = run("search", "xyzzyplugh")
    assert r.code == 0
    assert r.out == ""
    assert "nothing found" in r.err
    assert run("search", "xyzzyplugh", "-f", "json").json() == []


def test_a_systems_list_shows_each_rating_with_the_verdict_of_its_card():
    rows = run("systems", "nervous", "-f", "json").json()["conditions"]
    rated = [r for r in rows if r["rating"] is not None]
    assert rated and all(r["verdict"] for r in rated)
    plain = run("systems", "nervous", "-f", "plain").out
    assert "Verdict of the best card" in plain


def test_a_hospital_burns_treatment_is_not_rated_against_minor_burns():
    names = [r["id"] for r in run("ingredients", "burns", "-f", "json").json()]
    assert "bromelain" not in names
    assert "bromelain" in [r["id"] for r in run("ingredients", "severe burns", "-f", "json").json()]


def test_melatonin_for_sleep_is_not_shown_as_a_rating_for_autism_adhd_or_anxiety():
    rows = {r["id"]: r for r in run("systems", "nervous", "-f", "json").json()["conditions"]}
    assert rows["autism"]["best_ingredient"]["id"] != "melatonin"
    assert rows["sleep-problems-autism"]["best_ingredient"]["id"] == "melatonin"
    for condition in ("autism", "attention-deficit-disorder", "anxiety"):
        assert "melatonin" not in [r["id"] for r in run("ingredients", condition, "-f", "json").json()]


@pytest.mark.parametrize("args", [["conditions", "magnesium"], ["ingredients", "migraine"]])
@pytest.mark.parametrize("fmt", ["json", "csv", "plain", "markdown"])
def test_ranked_lists_filter_by_rating_validity_and_top_in_every_format(args, fmt):
    every = run(*args, "-f", "json").json()
    kept = run(*args, "--min-rating", "2", "--validity", "scientific", "--top", "3", "-f", "json").json()
    expected = [r for r in every if r["rating"] >= 2 and r["validity"] == "scientific"][:3]
    assert kept == expected and len(kept) == 3
    out = run(*args, "--min-rating", "2", "--validity", "scientific", "-n", "3", "-f", fmt).out
    assert all(r["name"] in out for r in kept)
    dropped = [r for r in every if r not in kept]
    assert not [r for r in dropped if f"{r['name']}," in out or f"| {r['name']} |" in out or f"  {r['name']}  " in out]


def test_a_systems_conditions_filter_too():
    rows = run("systems", "nervous", "--min-rating", "4", "-f", "json").json()["conditions"]
    assert rows and all(r["rating"] >= 4 for r in rows)


def test_filters_that_leave_nothing_say_so_and_exit_0():
    r = run("conditions", "magnesium", "--validity", "traditional", "--min-rating", "5")
    assert r.code == 0 and "no rows match" in r.err


@pytest.mark.parametrize("args, message", [
    (["conditions", "magnesium", "--min-rating", "6"], "--min-rating"),
    (["conditions", "magnesium", "--validity", "folk"], "--validity must be scientific or traditional"),
    (["conditions", "magnesium", "--top", "0"], "--top"),
])
def test_bad_filters_are_usage_errors(args, message):
    r = run(*args)
    assert r.code == 2 and message in r.err


@pytest.mark.parametrize("typed, expected", [("migrane", "migraine"), ("insomnai", "insomnia"),
                                             ("magnesum cramps", "cramps")])
def test_search_forgives_a_typo_and_says_what_it_searched_for(typed, expected):
    hits = run("search", typed, "-f", "json").json()
    assert hits and any(expected in h["title"].lower() for h in hits[:3])
    assert "showing matches for" in run("search", typed, "-f", "plain").out


def test_a_search_that_matches_is_not_respelled():
    out = run("search", "migraine", "-f", "plain").out
    assert "showing matches for" not in out


def test_search_ranks_names_and_aliases_first_and_snippets_are_prose_without_markers():
    hits = run("search", "hair falling out", "-f", "json").json()
    assert hits[0]["id"] == "hair-loss"
    migraine = run("search", "migraine", "-f", "json").json()
    assert migraine[0]["id"] == "migraine" and migraine[0]["snippet"].startswith("Recurrent attacks")
    for h in migraine:
        assert "[" not in h["snippet"] and "]" not in h["snippet"]
    assert "[migraine]" not in run("search", "migraine", "-f", "rich", "--no-pager").out
