"""A mineral named by its salt: the weight of ferrous sulfate is not the weight of the iron in it.
The engine asks which was meant rather than counting 325 mg of ferrous sulfate as 325 mg of iron,
and `check --form SALT` takes the salt's weight and converts it with the data's share."""

from __future__ import annotations

import pytest

from conftest import run
from evidence_cli import dose
from evidence_cli.errors import UsageError

FORMS = [{"name": "Ferrous sulfate", "elemental_percent": 20}, {"name": "Magnesium glycinate (bisglycinate)", "elemental_percent": 14},
         {"name": "Magnesium citrate", "elemental_percent": 16}, {"name": "Iron polysaccharide"}]


@pytest.mark.parametrize("typed, expected", [
    ("ferrous sulfate", ("Ferrous sulfate", 20.0)),
    ("Ferrous  Sulphate", ("Ferrous sulfate", 20.0)),
    ("magnesium bisglycinate", ("Magnesium glycinate", 14.0)),
    ("citrate", ("Magnesium citrate", 16.0)),
    ("iron", None),
    ("magnesium", None),
])
def test_a_salt_is_known_by_its_name_its_spelling_or_a_part_only_it_has(typed, expected):
    assert dose.salt_named(FORMS, typed) == expected


def test_a_minerals_other_salts_are_salts_of_unknown_share():
    assert dose.salt_named(FORMS, "zinc picolinate", mineral=True) == ("zinc picolinate", None)
    assert dose.salt_named(FORMS, "zinc picolinate") is None
    assert dose.salt_named(FORMS, "vitamin c", mineral=True) is None


def test_an_amount_after_a_salts_name_is_a_question_that_says_what_the_salt_holds():
    with pytest.raises(UsageError) as err:
        dose.require_elemental(FORMS, {"unit": "mg", "rows": []}, "ferrous sulfate", "Iron", "325 mg")
    assert "about 20% iron" in str(err.value) and "holds about 65 mg of iron" in str(err.value)


def test_check_with_a_salts_name_and_an_amount_exits_2_with_the_conversion_and_a_way_on():
    r = run("check", "ferrous sulfate 325 mg", "--age", "30", "--sex", "female")
    assert r.code == 2 and r.out == ""
    assert "about 65 mg of iron" in r.err and '--form "ferrous sulfate"' in r.err
    r = run("stack", "zinc picolinate 30 mg", "--age", "30", "--sex", "female")
    assert r.code == 2 and "weight of a salt is not the weight of the zinc" in r.err


def test_check_form_takes_the_salts_weight_and_counts_the_mineral_in_it():
    out = run("check", "iron", "325", "mg", "--form", "ferrous sulfate", "--age", "30", "--sex", "female", "-f", "json").json()
    assert out["amount"] == pytest.approx(65) and out["verdict"] == "above-ul" and "ferrous sulfate" in out["input"]
    out = run("check", "magnesium", "400", "mg", "--form", "citrate", "--age", "40", "--sex", "male", "-f", "json").json()
    assert out["amount"] == pytest.approx(64) and out["verdict"] == "within-ul"


def test_the_minerals_own_name_and_other_forms_still_count_as_given():
    assert run("check", "iron 18 mg", "--age", "30", "--sex", "female", "-f", "json").json()["amount"] == 18
    assert run("check", "vitamin e 400 IU", "--form", "synthetic", "-f", "json").code == 0
    r = run("check", "iron 18 mg", "--form", "xyz")
    assert r.code == 2 and "ferrous sulfate" in r.err


def test_stack_takes_a_salt_after_the_amount_as_check_form_does():
    rows = run("stack", "iron 325 mg ferrous sulfate", "calcium 1250 mg as calcium carbonate", "--age", "30", "--sex", "female",
               "-f", "json").json()["nutrients"]
    by_id = {row["nutrient"]: row for row in rows}
    assert by_id["iron"]["total"] == pytest.approx(65) and by_id["iron"]["verdict"] == "above-ul"
    assert by_id["calcium"]["total"] == pytest.approx(500)
    r = run("stack", "iron 325 mg xyz", "--age", "30", "--sex", "female")
    assert r.code == 2 and "ferrous sulfate" in r.err


def test_a_products_file_naming_a_salt_asks_the_same_question_with_file_and_line(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text('[[product]]\nname = "Iron tablets"\n[product.amounts]\n"ferrous sulfate" = "325 mg"\n', encoding="utf-8")
    r = run("stack", "--file", str(f), "--age", "30", "--sex", "female")
    assert r.code == 2 and "mine.toml:4" in r.err and "holds about 65 mg of iron" in r.err


def test_a_salt_typed_with_its_bracket_is_found_not_a_crash():
    assert dose.salt_named(FORMS, "Magnesium glycinate (bisglycinate)") == ("Magnesium glycinate", 14.0)
    r = run("check", "magnesium", "400", "mg", "--form", "magnesium glycinate (bisglycinate)", "--age", "40", "--sex", "male")
    assert r.code == 0 and "internal error" not in r.err
