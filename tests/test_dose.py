"""The dose engine (evidence_cli.dose): verdicts about the upper limit, the RDA as context, adults
without --age, and hints that never suggest a dose above the UL. Unit tests of the pure
functions, then the cases a new user met, through the real entry point."""

from __future__ import annotations

import re
from typing import Any

import pytest
import tomli
from hypothesis import given, strategies as st

from conftest import DATA, run
from evidence_cli import dose
from evidence_cli.errors import UsageError
from evidence_cli.intake import Person, parse_amount, safe_example


def _intakes() -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted((DATA / "ingredients").glob("*.toml")) + [DATA / "ingredients" / "magnesium" / "profile.toml"]:
        data = tomli.loads(path.read_text(encoding="utf-8"))
        if "intake" in data:
            out[data["id"]] = data["intake"]
    return out


INTAKES = _intakes()
WITH_UL = sorted(n for n, i in INTAKES.items() if any("ul" in r for r in i["rows"]))
ADULT_WOMAN = Person(months=40 * 12, sex="female")


def _adult_ul(intake: dict[str, Any]) -> float:
    return next(r["ul"] for r in intake["rows"] if r["stage"] == "31-50y" and r["sex"] in ("any", "female")
                and not r.get("status"))


def _code(nutrient: str, amount: float, person: Person = ADULT_WOMAN, total: bool = False) -> str:
    intake = INTAKES[nutrient]
    return dose.assess(intake, dose.target_for(intake, person), amount, amount, nutrient, total=total).code


@pytest.mark.parametrize("nutrient", WITH_UL)
def test_every_ul_is_at_when_equal_within_just_under_and_above_just_over(nutrient: str) -> None:
    intake = INTAKES[nutrient]
    ul = _adult_ul(intake)
    assert _code(nutrient, ul) == "at-ul"
    assert _code(nutrient, ul * 0.98) == "within-ul"
    assert _code(nutrient, ul * 1.01) == "above-ul"


@pytest.mark.parametrize("nutrient, text, form, at_ul", [
    ("magnesium", "350mg", None, 350), ("magnesium", "0.35g", None, 350), ("magnesium", "350 mg", None, 350),
    ("vitamin-d", "100mcg", None, 100), ("vitamin-d", "4000IU", None, 100), ("vitamin-d", "0.1 mg", None, 100),
    ("vitamin-a", "3000mcg", None, 3000), ("vitamin-a", "10000IU", "retinol", 3000),
    ("vitamin-e", "1000mg", None, 1000), ("vitamin-e", "1100IU", "synthetic", 1000), ("vitamin-e", "1500IU", "natural", 1000),
    ("folate", "1000mcg", None, 1000), ("folate", "1mg", None, 1000),
    ("folate", "1000mcg", "folic acid taken with food", 1000), ("folate", "1 mg", "folic acid taken with food", 1000),
    ("folate", "1000 mcg", "folic acid taken on an empty stomach", 1000),
    ("iron", "45mg", None, 45), ("zinc", "40 mg", None, 40), ("vitamin-b6", "100mg", None, 100),
])
def test_each_unit_and_form_path_is_at_the_ul_then_under_then_over(nutrient: str, text: str, form: str | None,
                                                                    at_ul: float) -> None:
    intake = INTAKES[nutrient]
    target = dose.target_for(intake, ADULT_WOMAN)
    assert target.ul == at_ul
    value, unit = re.fullmatch(r"([\d.]+)\s*(\w+)", text).groups()
    for factor, expected in ((1, "at-ul"), (0.97, "within-ul"), (1.02, "above-ul")):
        amount = parse_amount(f"{float(value) * factor:g}{unit}", nutrient, intake, form)
        assert dose.assess(intake, target, amount.converted, amount.toward_ul, nutrient).code == expected, (factor, amount)


def test_folate_converts_the_same_way_in_mg_and_mcg_with_and_without_a_form() -> None:
    intake = INTAKES["folate"]
    for form in (None, "folic acid taken with food"):
        in_mg = parse_amount("0.3 mg", "folate", intake, form)
        in_mcg = parse_amount("300mcg", "folate", intake, form)
        assert (in_mg.converted, in_mg.toward_ul) == pytest.approx((in_mcg.converted, in_mcg.toward_ul))
    with_food = parse_amount("1.2mg", "folate", intake, "folic acid taken with food")
    assert with_food.converted == pytest.approx(2040) and with_food.toward_ul == pytest.approx(1200)


def test_a_supplement_amount_under_the_rda_is_never_called_too_little() -> None:
    intake = INTAKES["magnesium"]
    result = dose.assess(intake, dose.target_for(intake, Person(40 * 12, "male")), 300, 300, "Magnesium")
    assert result.code == "within-ul"
    words = (result.sentence + " ".join(result.context)).lower()
    assert "below" not in words and "too little" not in words and "not enough" not in words
    assert "from food and supplements together" in words


def test_without_age_adults_answer_where_their_uls_agree_and_say_so() -> None:
    target = dose.target_for(INTAKES["vitamin-d"], Person())
    assert target.ul == 100 and target.group == "Adults 19 years and over" and target.rda_range == (15, 20)
    assert "no --age given" in target.notes[0]
    with pytest.raises(UsageError, match="differs by age"):
        dose.target_for(INTAKES["phosphorus"], Person())  # 4,000 mg to 70 years, 3,000 mg from 71


def test_identical_rows_for_both_sexes_need_no_sex() -> None:
    target = dose.target_for(INTAKES["vitamin-d"], Person(months=70 * 12))
    assert target.group == "Adults 51-70 years" and target.rda == 15 and target.ul == 100


def test_total_intake_against_a_supplements_only_ul_is_refused() -> None:
    with pytest.raises(UsageError, match="--total does not fit"):
        _code("magnesium", 500, total=True)


def _numbers(text: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]


@pytest.mark.parametrize("nutrient", WITH_UL)
def test_missing_unit_hint_is_an_everyday_amount_never_above_the_ul(nutrient: str) -> None:
    intake = INTAKES[nutrient]
    adult_uls = [r["ul"] for r in intake["rows"] if r["stage"] in dose.ADULT_STAGES and "ul" in r and not r.get("status")]
    example = safe_example(intake)
    for part in example.split(" or "):
        amount = parse_amount(part, nutrient, intake)
        assert amount.toward_ul <= min(adult_uls), (nutrient, part)


@given(nutrient=st.sampled_from(WITH_UL), amount=st.floats(min_value=0.001, max_value=1e6, allow_nan=False),
       age=st.integers(min_value=1, max_value=100), sex=st.sampled_from(["female", "male"]))
def test_no_message_calls_an_amount_above_the_ul_acceptable(nutrient: str, amount: float, age: int, sex: str) -> None:
    intake = INTAKES[nutrient]
    try:
        target = dose.target_for(intake, Person(months=age * 12, sex=sex))
    except UsageError:
        return
    result = dose.assess(intake, target, amount, amount, nutrient)
    if target.ul is None:
        assert result.code == "no-ul"
        return
    if amount > target.ul * 1.001:
        assert result.code == "above-ul" and "ABOVE the upper limit" in result.sentence
    else:
        assert result.code in ("within-ul", "at-ul")
    if result.code != "above-ul":
        assert "ABOVE" not in result.sentence
    else:
        assert "within" not in result.sentence


@given(text=st.from_regex(r"[0-9]{1,7}", fullmatch=True), nutrient=st.sampled_from(WITH_UL))
def test_a_hint_never_echoes_an_amount_above_the_ul_as_an_example(text: str, nutrient: str) -> None:
    intake = INTAKES[nutrient]
    with pytest.raises(UsageError) as caught:
        parse_amount(text, nutrient, intake)
    ul = min(r["ul"] for r in intake["rows"] if r["stage"] in dose.ADULT_STAGES and "ul" in r)
    assert all(n <= ul / min([1.0] + [u["per_unit"] for u in intake.get("units", []) if not u.get("form")])
               for n in _numbers(caught.value.hint or ""))
    assert text not in (caught.value.hint or "") or float(text) <= ul


# -- the cases a new user met, through the real entry point -------------------------------------------

def test_magnesium_300mg_is_within_the_ul_not_below_the_rda() -> None:
    r = run("check", "magnesium", "300mg", "--age", "40", "--sex", "male")
    assert r.code == 0 and "Within the upper limit" in r.out and "below" not in r.out.lower()
    assert "RDA for males 31-50 years is 420 mg a day, from food and supplements together" in r.out


@pytest.mark.parametrize("args", [
    ["check", "vitamin-b6", "100mg", "--age", "40", "--sex", "male"],
    ["check", "vitamin-a", "10000IU", "--form", "retinol", "--age", "30", "--sex", "female", "--pregnant"],
])
def test_a_dose_at_the_ul_says_do_not_take_more(args: list[str]) -> None:
    data = run(*args, "-f", "json").json()
    assert data["verdict"] == "at-ul" and "do not take more" in data["message"]
    assert "do not take more" in run(*args).out


def test_vitamin_d_without_a_unit_hints_a_safe_everyday_amount() -> None:
    r = run("check", "vitamin d", "5000")
    assert r.code == 2 and "has no unit" in r.err
    assert "5000mcg" not in r.err and "15mcg or 600IU" in r.err


def test_is_5000_iu_of_vitamin_d_too_much_needs_no_age() -> None:
    data = run("check", "vitamin d", "5000IU", "-f", "json").json()
    assert data["verdict"] == "above-ul" and data["group"] == "Adults 19 years and over"
    assert any("no --age given" in n for n in data["notes"])


def test_vitamin_d_at_70_does_not_ask_for_sex() -> None:
    r = run("check", "vitamin d", "5000IU", "--age", "70")
    assert r.code == 0 and "differs by sex" not in r.err and "Adults 51-70 years" in r.out


@pytest.mark.parametrize("words", [["magnesium", "400", "mg"], ["magnesium", "400 mg"], ["vitamin", "d", "2000", "IU"],
                                   ["magnesium 400mg"], ["vitamin d", "2,000 IU"]])
def test_amounts_with_or_without_a_space_and_unquoted_names(words: list[str]) -> None:
    r = run("check", *words, "--age", "40", "--sex", "female", "-f", "json")
    assert r.code == 0, r.err
    assert r.json()["amount"] in (400, 50)


def test_folic_acid_in_mg_with_a_form_counts_as_in_mcg_and_names_what_the_ul_counts() -> None:
    mg = run("check", "folate", "0.3mg", "--form", "folic acid taken with food", "--age", "30", "--sex", "female", "-f", "json").json()
    mcg = run("check", "folate", "300mcg", "--form", "folic acid taken with food", "--age", "30", "--sex", "female", "-f", "json").json()
    assert mg["amount"] == mcg["amount"] == pytest.approx(510) and mg["verdict"] == mcg["verdict"] == "within-ul"
    big = run("check", "folate", "800mcg", "--form", "folic acid taken with food", "--age", "30", "--sex", "female", "-f", "json").json()
    assert "800 mcg of folic acid taken with food (1360 mcg DFE toward the RDA)" in big["message"]
    assert "UL) of 1000 mcg folic acid" in big["message"]
    one_two = run("check", "folate", "1.2mg", "--age", "30", "--sex", "female", "-f", "json").json()
    assert one_two["amount"] == run("check", "folate", "1200mcg", "--age", "30", "--sex", "female", "-f", "json").json()["amount"]


def test_total_intake_compares_with_the_rda() -> None:
    data = run("check", "calcium", "800mg", "--total", "--age", "70", "--sex", "female", "-f", "json").json()
    assert data["basis"] == "total intake" and data["verdict"] == "within-ul"
    assert any("is under it" in c for c in data["context"])
    r = run("check", "magnesium", "500mg", "--total")
    assert r.code == 2 and "--total does not fit" in r.err
