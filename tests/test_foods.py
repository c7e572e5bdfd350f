"""`evidence foods` ranks foods as eaten: no dry grains, raw dried legumes, powders, concentrates or
regional and organ-meat curiosities unless --all; one row for salted and unsalted copies; vegetarian,
vegan and excluded groups; notes where the form matters. SR28 figures stay exact."""

from __future__ import annotations

import csv
import re

import pytest

from conftest import DATA, run

SR28 = {int(r["ndb"]): r for r in csv.DictReader(open(DATA / "foods" / "foods.tsv", encoding="utf-8"), delimiter="\t")}
CURIOSITY = re.compile(r"whale|seal|walrus|spleen|spirulina|Alaska Native|concentrate|undiluted|, dry\b(?! roasted)|"
                       r"powder|energy drink|lentils, raw|\bmature seeds, raw", re.IGNORECASE)
MEAT_GROUPS = {"Poultry Products", "Pork Products", "Beef Products", "Finfish and Shellfish Products",
               "Lamb, Veal, and Game Products", "Sausages and Luncheon Meats", "American Indian/Alaska Native Foods"}


def foods(*args: str) -> list[dict]:
    r = run("foods", *args, "-f", "json")
    assert r.code == 0, r.err
    return r.json()


@pytest.mark.parametrize("nutrient", ["iron", "folate", "calcium", "magnesium", "zinc", "potassium", "vitamin-c"])
def test_default_lists_are_foods_as_eaten(nutrient: str) -> None:
    for per in ("serving", "100g"):
        rows = foods(nutrient, "--per", per, "--top", "25")
        assert rows and not [r["name"] for r in rows if CURIOSITY.search(r["name"])], (nutrient, per)


def test_the_cases_a_new_user_met_are_gone_but_all_still_shows_them() -> None:
    top_iron = [r["name"] for r in foods("iron", "--top", "5")]
    assert not any(re.search(r"whale|seal|walrus|spleen|spirulina", n, re.I) for n in top_iron)
    top_folate = [r["name"] for r in foods("folate", "--top", "3")]
    assert not any(re.search(r"rice.*dry|energy drink", n, re.I) for n in top_folate)
    assert "concentrate" not in foods("calcium", "--top", "1")[0]["name"].lower()
    every = [r["name"] for r in foods("iron", "--all", "--top", "20")]
    assert any(re.search(r"whale|seal|spleen|spirulina", n, re.I) for n in every)


def test_cooked_lentils_rank_and_raw_dried_ones_do_not() -> None:
    names = [r["name"] for r in foods("folate", "--group", "legumes", "--top", "200")]
    assert "Lentils, mature seeds, cooked, boiled, without salt" in names
    assert not [n for n in names if n.startswith("Lentils, raw")]


def test_salted_and_unsalted_copies_take_one_row() -> None:
    rows = foods("magnesium", "--top", "200")
    families = [re.sub(r",?\s*(with(out)? salt|no salt added)", "", r["name"]).lower() for r in rows]
    assert len(families) == len(set(families))
    assert any("without salt" in r["name"] for r in rows)


def test_sodium_shows_the_salted_copy() -> None:
    names = [r["name"] for r in foods("sodium", "--group", "vegetables", "--top", "60")]
    assert any("with salt" in n for n in names)
    assert not any("without salt" in n and n.replace("without salt", "with salt") in names for n in names)


def test_vegetarian_and_vegan_leave_out_meat_fish_and_animal_products() -> None:
    vegetarian = foods("iron", "--vegetarian", "--top", "60")
    vegan = foods("calcium", "--vegan", "--top", "60")
    assert vegetarian and not [r for r in vegetarian if r["group"] in MEAT_GROUPS]
    assert vegan and not [r for r in vegan if r["group"] in MEAT_GROUPS | {"Dairy and Egg Products"}]
    assert not [r for r in vegan if re.search(r"\b(milk|cheese|egg|yogurt|honey)\b", r["name"], re.I)
                and not re.search(r"soy ?milk|almond milk|rice milk|coconut milk", r["name"], re.I)]
    assert any(r["group"] == "Dairy and Egg Products" for r in foods("calcium", "--vegetarian", "--top", "20"))


def test_exclude_leaves_out_groups_by_prefix() -> None:
    rows = foods("iron", "--exclude", "restaurant", "-x", "fast", "--top", "40")
    assert rows and not [r for r in rows if r["group"] in ("Restaurant Foods", "Fast Foods")]
    r = run("foods", "iron", "--exclude", "nothing-like-this")
    assert r.code == 2 and "--exclude" in r.err


@pytest.mark.parametrize("nutrient, words", [("iron", "heme iron"), ("folate", "folic acid")])
def test_a_note_says_where_the_form_matters(nutrient: str, words: str) -> None:
    assert words in run("foods", nutrient, "-f", "plain").out


def test_figures_are_exact_sr28_values_with_their_ndb_numbers() -> None:
    for r in foods("iron", "--per", "100g", "--vegan", "--top", "30"):
        assert float(SR28[r["ndb"]]["iron"]) == r["amount"] and r["source"] == "USDA SR28"
