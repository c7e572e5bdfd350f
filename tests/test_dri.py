"""Intake tables against the U.S. Dietary Reference Intakes (as the NIH ODS fact sheets give them),
and unit parsing and conversion."""

from __future__ import annotations

import pytest

from conftest import run

# (nutrient, --age, --sex or None, status flag or None, rda, ai, ul) from the DRI tables
DRI_ROWS = [
    ("magnesium", "25", "male", None, 400, None, 350),
    ("magnesium", "40", "female", None, 320, None, 350),
    ("magnesium", "25", "female", "--pregnant", 350, None, 350),
    ("magnesium", "2", None, None, 80, None, 65),
    ("magnesium", "3m", None, None, None, 30, None),
    ("iron", "30", "female", None, 18, None, 45),
    ("iron", "30", "female", "--pregnant", 27, None, 45),
    ("iron", "25", "female", "--lactating", 9, None, 45),
    ("iron", "60", "female", None, 8, None, 45),
    ("iron", "10", "male", None, 8, None, 40),
    ("calcium", "40", "male", None, 1000, None, 2500),
    ("calcium", "60", "female", None, 1200, None, 2000),
    ("calcium", "15", "female", None, 1300, None, 3000),
    ("vitamin-d", "40", "female", None, 15, None, 100),
    ("vitamin-d", "75", "male", None, 20, None, 100),
    ("vitamin-d", "5m", None, None, None, 10, 25),
    ("vitamin-c", "40", "male", None, 90, None, 2000),
    ("vitamin-c", "40", "female", None, 75, None, 2000),
    ("vitamin-c", "30", "female", "--lactating", 120, None, 2000),
    ("zinc", "40", "male", None, 11, None, 40),
    ("zinc", "40", "female", None, 8, None, 40),
    ("folate", "30", "female", "--pregnant", 600, None, 1000),
    ("folate", "30", "female", "--lactating", 500, None, 1000),
    ("vitamin-b12", "50", "male", None, 2.4, None, None),
    ("vitamin-b12", "30", "female", "--pregnant", 2.6, None, None),
    ("vitamin-a", "40", "male", None, 900, None, 3000),
    ("vitamin-a", "40", "female", None, 700, None, 3000),
    ("iodine", "30", "female", "--pregnant", 220, None, 1100),
    ("iodine", "30", "female", "--lactating", 290, None, 1100),
    ("selenium", "40", "male", None, 55, None, 400),
    ("vitamin-k", "40", "male", None, None, 120, None),
    ("vitamin-k", "40", "female", None, None, 90, None),
    ("potassium", "40", "male", None, None, 3400, None),
    ("potassium", "40", "female", None, None, 2600, None),
    ("vitamin-e", "40", "male", None, 15, None, 1000),
    ("vitamin-e", "30", "female", "--lactating", 19, None, 1000),
    ("thiamin", "40", "male", None, 1.2, None, None),
    ("niacin", "40", "female", None, 14, None, 35),
    ("vitamin-b6", "60", "male", None, 1.7, None, 100),
    ("choline", "40", "female", None, None, 425, 3500),
    ("phosphorus", "40", "male", None, 700, None, 4000),
    ("phosphorus", "75", "female", None, 700, None, 3000),
    ("copper", "40", "male", None, 900, None, 10000),
    ("fluoride", "40", "male", None, None, 4, 10),
    ("manganese", "40", "female", None, None, 1.8, 11),
    ("chromium", "40", "male", None, None, 35, None),
    ("molybdenum", "40", "male", None, 45, None, 2000),
    ("biotin", "40", "female", None, None, 30, None),
    ("riboflavin", "40", "male", None, 1.3, None, None),
    ("pantothenic-acid", "40", "male", None, None, 5, None),
    ("boron", "40", "female", None, None, None, 20),
    ("boron", "16", "male", None, None, None, 17),
    ("boron", "6", None, None, None, None, 6),
    ("boron", "30", "female", "--pregnant", None, None, 20),
]


@pytest.mark.parametrize("nutrient,age,sex,status,rda,ai,ul", DRI_ROWS,
                         ids=[f"{r[0]}-{r[1]}-{r[2]}-{r[3]}" for r in DRI_ROWS])
def test_intake_row_matches_the_dri_tables(nutrient, age, sex, status, rda, ai, ul):
    args = ["intake", nutrient, "--age", age, "-f", "json"]
    if sex:
        args += ["--sex", sex]
    if status:
        args.append(status)
    r = run(*args)
    assert r.code == 0, r.err
    row = r.json()
    assert (row["rda"], row["ai"], row["ul"]) == (rda, ai, ul)


def test_every_dri_nutrient_has_a_complete_table():
    nutrients = ["vitamin-a", "vitamin-c", "vitamin-d", "vitamin-e", "vitamin-k", "thiamin", "riboflavin", "niacin",
                 "vitamin-b6", "folate", "vitamin-b12", "pantothenic-acid", "biotin", "choline", "calcium", "chromium",
                 "copper", "fluoride", "iodine", "iron", "magnesium", "manganese", "molybdenum", "phosphorus",
                 "selenium", "zinc", "potassium", "sodium", "chloride"]
    for n in nutrients:
        table = run("intake", n, "-f", "json").json()
        groups = {(row["stage"], row["sex"], row["status"]) for row in table["rows"]}
        assert len(table["rows"]) == 22 or len(groups) >= 16, n
        assert table["source"], n
        for row in table["rows"]:
            assert row["rda"] is not None or row["ai"] is not None, (n, row)
            assert row["rda"] != 0 and row["ai"] != 0 and row["ul"] != 0, "'not determined' is never written as zero"


def test_units_and_what_the_ul_covers_are_named():
    assert run("intake", "vitamin-a", "-f", "json").json()["unit"] == "mcg RAE"
    assert run("intake", "folate", "-f", "json").json()["unit"] == "mcg DFE"
    assert run("intake", "niacin", "-f", "json").json()["unit"] == "mg NE"
    assert "alpha-tocopherol" in run("intake", "vitamin-e", "-f", "json").json()["unit"]
    for n, words in (("magnesium", "supplement"), ("folate", "folic acid"), ("niacin", "supplement"),
                     ("vitamin-e", "supplement"), ("vitamin-a", "preformed")):
        assert words in run("intake", n, "-f", "json").json()["ul_applies_to"], n
    plain = run("intake", "vitamin-d").out
    assert "IU" in plain and "not determined" not in plain.split("Notes")[0]


def test_vitamin_c_smokers_need_35_mg_more():
    plain = run("intake", "vitamin-c", "--age", "40", "--sex", "male", "--smoker", "-f", "json").json()
    assert plain["rda"] == 125


def test_sodium_has_a_chronic_disease_risk_reduction_intake():
    row = run("intake", "sodium", "--age", "40", "--sex", "female", "-f", "json").json()
    assert row["ai"] == 1500 and row["cdrr"] == 2300 and row["ul"] is None


def test_infant_ages_in_months():
    assert run("intake", "vitamin-d", "--age", "6m", "-f", "json").json()["group"] == "Infants 0-6 months"
    assert run("intake", "vitamin-d", "--age", "7 months", "-f", "json").json()["group"] == "Infants 7-12 months"
    assert run("intake", "vitamin-d", "--age", "12m", "-f", "json").json()["group"] == "Children 1-3 years"
    assert run("intake", "vitamin-d", "--age", "18m", "-f", "json").json()["group"] == "Children 1-3 years"


@pytest.mark.parametrize("amount,nutrient,expected", [
    ("500mg", "magnesium", 500), ("500 mg", "magnesium", 500), ("1.5g", "magnesium", 1500), ("0.4 g", "magnesium", 400),
    ("50 mcg", "vitamin-d", 50), ("50µg", "vitamin-d", 50), ("50ug", "vitamin-d", 50), ("2000IU", "vitamin-d", 50),
    ("2,000 IU", "vitamin-d", 50), ("4000 iu", "vitamin-d", 100), ("0.05mg", "vitamin-d", 50), ("1 g", "vitamin-c", 1000),
    ("100 mcg", "magnesium", 0.1),
])
def test_amounts_are_converted_to_the_table_unit(amount, nutrient, expected):
    data = run("check", nutrient, amount, "--age", "40", "--sex", "female", "-f", "json").json()
    assert data["amount"] == pytest.approx(expected)


def test_iu_for_vitamin_a_and_e_need_the_form():
    r = run("check", "vitamin-e", "400IU", "--age", "40", "--sex", "male")
    assert r.code == 2 and "--form" in r.err
    natural = run("check", "vitamin-e", "400IU", "--form", "natural", "--age", "40", "--sex", "male", "-f", "json").json()
    assert natural["amount"] == pytest.approx(268)
    synthetic = run("check", "vitamin-e", "1200IU", "--form", "synthetic", "--age", "40", "--sex", "male", "-f", "json").json()
    assert synthetic["amount"] == pytest.approx(540)
    assert synthetic["verdict"] == "above-ul", "1,100 IU of synthetic vitamin E is the UL"
    retinol = run("check", "vitamin-a", "10000IU", "--form", "retinol", "--age", "40", "--sex", "male", "-f", "json").json()
    assert retinol["amount"] == pytest.approx(3000) and retinol["verdict"] == "at-ul"
    retinol = run("check", "vitamin-a", "12000IU", "--form", "retinol", "--age", "40", "--sex", "male", "-f", "json").json()
    assert retinol["verdict"] == "above-ul"
    carotene = run("check", "vitamin-a", "25000IU", "--form", "supplemental beta-carotene", "--age", "40", "--sex", "male",
                   "-f", "json").json()
    assert carotene["verdict"] == "within-ul", "beta-carotene does not count against the preformed vitamin A UL"


def test_folic_acid_counts_as_dfe_for_the_rda_and_as_folic_acid_for_the_ul():
    data = run("check", "folate", "800mcg", "--form", "folic acid taken with food", "--age", "30", "--sex", "female",
               "-f", "json").json()
    assert data["amount"] == pytest.approx(1360) and data["verdict"] == "within-ul"
    assert "800 mcg" in data["message"] and "UL) of 1000 mcg folic acid" in data["message"]
    data = run("check", "folate", "1200mcg", "--form", "folic acid taken with food", "--age", "30", "--sex", "female",
               "-f", "json").json()
    assert data["verdict"] == "above-ul"


@pytest.mark.parametrize("amount,message", [
    ("2000IU", "IU does not apply to Magnesium"), ("500 kg", "unknown unit"), ("5 pills", "unknown unit"),
    ("mg", "cannot read the amount"), ("5-mg", "cannot read the amount"), ("500", "has no unit"),
])
def test_bad_units_are_refused(amount, message):
    r = run("check", "magnesium", amount, "--age", "40", "--sex", "male")
    assert r.code == 2
    assert message in r.err


def test_a_nutrient_with_only_upper_limits_is_checked_against_them():
    table = run("intake", "boron")
    assert table.code == 0 and "no U.S. Dietary Reference Intake" not in table.out
    assert "ABOVE the upper limit (UL) of 20 mg" in run("check", "boron", "30mg", "--age", "40").out
    assert "within the upper limit (UL) of 3 mg" in run("check", "boron", "2mg", "--age", "2").out
    assert "No RDA or AI" in run("check", "boron", "2mg", "--age", "40").out


def test_check_verdicts_are_about_the_upper_limit_with_the_rda_as_context():
    low = run("check", "zinc", "5mg", "--age", "40", "--sex", "male").out
    above = run("check", "zinc", "50mg", "--age", "40", "--sex", "male").out
    assert "within the upper limit (UL) of 40 mg" in low and "below" not in low.lower()
    assert "the RDA for males 31-50 years is 11 mg a day, from food and supplements together" in low
    assert "ABOVE the upper limit (UL) of 40 mg" in above


@pytest.mark.parametrize("args, ai", [
    (["--age", "40", "--sex", "male"], 1.6), (["--age", "40", "--sex", "female"], 1.1), (["--age", "6m"], 0.5),
    (["--age", "11", "--sex", "female"], 1.0), (["--age", "30", "--sex", "female", "--pregnant"], 1.4),
    (["--age", "30", "--sex", "female", "--lactating"], 1.3),
])
def test_omega_3_has_the_ala_adequate_intake(args, ai):
    data = run("intake", "fish oil", *args, "-f", "json").json()
    assert data["ai"] == ai and data["unit"] == "g ALA" and data["ul"] is None
