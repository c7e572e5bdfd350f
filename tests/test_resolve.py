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
    card = run("show", typed, "multiple sclerosis", "-f", "json")  # each of these has a card on MS
    assert card.code == 0, card.err
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


@pytest.mark.parametrize("typed,expected", [
    ("cant sleep", "insomnia"), ("crohns disease", "crohns-disease"), ("st johns wort", "st-johns-wort"),
])
def test_names_with_an_apostrophe_resolve_typed_without_it(typed, expected):
    data = run("show", typed, "-f", "json").json()
    assert data.get("id", data.get("ingredient", {}).get("id")) == expected
    hits = run("search", typed, "-f", "json").json()
    assert hits[0]["id"] == expected


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


@pytest.mark.parametrize("typed,expected", [
    ("bp", "hypertension"), ("BP", "hypertension"), ("uti", "urinary-tract-infection"), ("IBS", "irritable-bowel-syndrome"),
    ("amd", "macular-degeneration"), ("ckd", "chronic-kidney-disease"), ("gerd", "acid-indigestion"),
    ("adhd", "attention-deficit-disorder"), ("pcos", "polycystic-ovary-syndrome"), ("rls", "restless-leg-syndrome"),
    ("cfs", "chronic-fatigue-syndrome"), ("pet", "pets-supplements-for"),
])
def test_everyday_abbreviations_name_what_people_mean(typed, expected):
    data = run("show", typed, "-f", "json").json()
    assert data["kind"] == "condition" and data["id"] == expected


def test_a_short_word_never_resolves_by_prefix(data_copy):
    # without its alias, "bp" must not fall through to benign prostatic hyperplasia ("bph")
    path = next(p for p in (data_copy / "conditions").glob("*.toml") if 'id = "hypertension"' in p.read_text())
    path.write_text(path.read_text().replace('"BP", ', ""), encoding="utf-8")
    r = run("show", "bp", "--data-dir", str(data_copy))
    assert r.code == 1 and "Prostat" not in r.out
    assert run("show", "ashwag", "--data-dir", str(data_copy), "-f", "json").json()["id"] == "ashwagandha"


@pytest.mark.parametrize("typed,not_meant", [
    ("bv", "vaginal-yeast-infection"), ("bacterial vaginosis", "vaginal-yeast-infection"),
    ("pots", "orthostatic-hypotension"), ("rp", "retinitis-pigmentosa"), ("sca", "cardiac-arrest"),
    ("cin", "contrast-nephropathy"), ("age", "garlic"),
])
def test_short_aliases_with_a_dangerous_second_meaning_are_gone(typed, not_meant):
    r = run("show", typed, "-f", "json")
    assert r.code != 0 or r.json()["id"] != not_meant


def test_warning_signs_are_not_filed_under_one_mild_condition():
    # leg swelling is also heart failure or a clot; a painful red eye can be acute glaucoma
    for typed in ("swollen legs", "leg swelling", "red eye"):
        r = run("show", typed, "-f", "json")
        assert r.code != 0 or r.json()["id"] not in ("chronic-venous-insufficiency", "conjunctivitis")


@pytest.mark.parametrize("args, check", [
    (["intake", "vitamin", "d", "--age", "70"], lambda d: d["nutrient"] == "vitamin-d"),
    (["show", "fish", "oil"], lambda d: d["id"] == "omega-3"),
    (["show", "fish", "oil", "heart", "disease"], lambda d: (d["ingredient"]["id"], d["condition"]["id"]) == ("omega-3", "cardiovascular-disease")),
    (["show", "vitamin", "d", "rickets"], lambda d: d["ingredient"]["id"] == "vitamin-d" and d["condition"]["id"] == "rickets"),
    (["show", "rickets", "vitamin", "d"], lambda d: d["ingredient"]["id"] == "vitamin-d"),
    (["conditions", "vitamin", "d"], lambda d: len(d) > 5),
    (["safety", "st", "johns", "wort"], lambda d: d["id"] == "st-johns-wort"),
    (["foods", "vitamin", "c", "--top", "3"], lambda d: len(d) == 3),
])
def test_names_of_several_words_work_without_quotes(args, check):
    r = run(*args, "-f", "json")
    assert r.code == 0, r.err
    assert check(r.json())


def test_suggestions_are_close_spellings_never_far_ones():
    r = run("show", "wrinkels")
    assert r.code == 1 and "Skin Care (general)" in r.err
    assert "Rickets" not in r.err and "Fatigue" not in r.err
    assert run("show", "wrinkles", "-f", "json").json()["id"] == "skin-care-general"


def test_a_hyphen_and_a_space_are_the_same_in_a_name():
    assert run("interactions", "proton pump inhibitors", "-f", "json").code == 0
    assert run("show", "alpha lipoic acid", "-f", "json").json()["id"] == "alpha-lipoic-acid"
    assert run("show", "pre eclampsia", "-f", "json").json()["id"] == "pre-eclampsia"
