"""intake, check and foods."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import run

FORMATS = ["rich", "plain", "json", "markdown", "csv"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", [
    ["intake", "magnesium"], ["intake", "magnesium", "--age", "34", "--sex", "female"],
    ["check", "magnesium", "500mg", "--age", "40", "--sex", "male"], ["foods", "magnesium"],
    ["foods", "magnesium", "--per", "100g"],
])
def test_nutrient_commands_in_every_format(args, fmt):
    r = run(*args, "-f", fmt)
    assert r.code == 0, r.err
    assert r.out.strip()
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(r.out)))
        assert len(rows) >= 2 and all(len(row) == len(rows[0]) for row in rows)


def test_personal_intake_json_shape():
    data = run("intake", "magnesium", "--age", "34", "--sex", "female", "-f", "json").json()
    assert {"nutrient", "unit", "group", "rda", "ai", "ul", "ul_applies_to"} <= set(data)
    assert data["nutrient"] == "magnesium"
    assert data["unit"] == "mg"
    assert data["group"] == "Females 31-50 years"
    assert data["rda"] == 320 and data["ai"] is None and data["ul"] == 350
    assert "supplement" in data["ul_applies_to"]


def test_full_intake_table_covers_every_group():
    data = run("intake", "magnesium", "-f", "json").json()
    assert len(data["rows"]) == 22
    infants = [r for r in data["rows"] if r["stage"] in ("0-6m", "7-12m")]
    assert all(r["ul"] is None and r["ai"] is not None for r in infants)
    plain = run("intake", "magnesium").out
    assert "not determined" in plain and "Infants 0-6 months" in plain and "Lactation, 31-50 years" in plain


def test_check_above_the_supplement_ul_says_so_plainly():
    r = run("check", "magnesium", "500mg", "--age", "40", "--sex", "male")
    assert r.code == 0
    assert "ABOVE the upper limit (UL) of 350 mg" in r.out
    assert "supplements" in r.out
    data = run("check", "magnesium", "500mg", "--age", "40", "--sex", "male", "-f", "json").json()
    assert data["verdict"] == "above-ul"
    assert data["amount"] == 500 and data["unit"] == "mg" and data["ul"] == 350 and data["rda"] == 420


def test_check_within_limits():
    data = run("check", "magnesium", "0.3g", "--age", "40", "--sex", "male", "-f", "json").json()
    assert data["amount"] == 300 and data["verdict"] == "within-ul"
    data = run("check", "magnesium", "420mg", "--age", "40", "--sex", "female", "-f", "json").json()
    assert data["verdict"] == "above-ul"  # meets the RDA of 320 but exceeds the 350 mg supplement UL
    data = run("check", "magnesium", "200 mg", "--age", "8", "-f", "json").json()
    assert data["verdict"] == "above-ul"  # children 4-8: UL 110 mg from supplements


def test_iu_does_not_apply_to_magnesium():
    r = run("check", "magnesium", "2000IU", "--age", "40", "--sex", "male")
    assert r.code == 2
    assert "IU does not apply to Magnesium" in r.err


def test_pregnant_iron_is_27_mg():
    data = run("intake", "iron", "--age", "30", "--sex", "female", "--pregnant", "-f", "json").json()
    assert data["rda"] == 27
    assert data["group"] == "Pregnancy, 19-30 years"


@pytest.mark.parametrize("args,message", [
    (["intake", "magnesium", "--age", "abc"], "cannot read the age"),
    (["intake", "magnesium", "--age", "30"], "differs by sex"),
    (["intake", "magnesium", "--age", "30", "--sex", "x"], "--sex must be female or male"),
    (["intake", "magnesium", "--age", "30", "--sex", "male", "--pregnant"], "applies to females"),
    (["check", "magnesium", "500"], "has no unit"),
    (["check", "phosphorus", "700mg", "--sex", "female"], "the upper limit differs by age"),
    (["check", "magnesium", "lots", "--age", "30"], "cannot read the amount"),
    (["foods", "magnesium", "--per", "cup"], "--per must be serving or 100g"),
])
def test_bad_person_or_amount_is_a_usage_error(args, message):
    r = run(*args)
    assert r.code == 2
    assert message in r.err
    assert "Traceback" not in r.err


def test_intake_for_a_non_nutrient_exits_1():
    r = run("intake", "melatonin")
    assert r.code == 1
    assert "no reference intake" in r.err


def test_foods_per_100g_uses_sr28_values():
    rows = run("foods", "magnesium", "--per", "100g", "--all", "--top", "2000", "-f", "json").json()
    by_ndb = {r["ndb"]: r for r in rows}
    assert by_ndb[11458]["amount"] == 87 and by_ndb[11458]["name"] == "Spinach, cooked, boiled, drained, without salt"
    assert by_ndb[12061]["amount"] == 270
    assert by_ndb[19904]["amount"] == 228
    for r in rows:
        assert set(r) == {"ndb", "name", "group", "serving", "grams", "amount", "unit", "per", "dv_percent", "source"}
        assert r["source"] == "USDA SR28"
        assert r["per"] == "100g" and r["unit"] == "mg"
    amounts = [r["amount"] for r in rows]
    assert amounts == sorted(amounts, reverse=True)


def test_foods_per_serving_uses_sr28_gram_weights():
    rows = run("foods", "magnesium", "--per", "serving", "--top", "500", "-f", "json").json()
    spinach = next(r for r in rows if r["ndb"] == 11458)
    assert spinach["serving"] == "1 cup" and spinach["grams"] == 180
    assert spinach["amount"] == pytest.approx(87 * 180 / 100, rel=0.01)
    assert spinach["dv_percent"] == round(87 * 1.8 / 420 * 100)


def test_default_food_list_leaves_out_baby_food_and_brands():
    rows = run("foods", "magnesium", "--top", "40", "-f", "json").json()
    assert rows
    assert not any(r["group"] == "Baby Foods" for r in rows)
    every = run("foods", "magnesium", "--all", "--top", "100000", "-f", "json").json()
    common = run("foods", "magnesium", "--top", "100000", "-f", "json").json()
    assert len(every) > len(common)
    assert any(r["group"] == "Baby Foods" for r in every)


def test_every_food_figure_names_sr28_in_every_format():
    for fmt in ("rich", "plain", "markdown"):
        assert "SR28" in run("foods", "iron", "-f", fmt).out
    rows = run("foods", "iron", "-f", "csv").out.splitlines()
    assert rows[0].endswith(",Source") and all(r.endswith(",USDA SR28") for r in rows[1:])


def test_foods_filter_by_group_and_name_the_source():
    r = run("foods", "magnesium", "--group", "vegetables", "--per", "100g")
    assert r.code == 0
    assert "USDA" in r.out and "SR28" in r.out
    rows = run("foods", "magnesium", "--group", "vegetables", "-f", "json").json()
    assert rows and all(x["group"] == "Vegetables and Vegetable Products" for x in rows)
