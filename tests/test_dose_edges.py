"""Edges of the dose engine and name resolution that a mutation run (mutmut, README "Tests") found
untested: pregnancy ages, the groups named without --age, forms among several, the basis of a
verdict, and names at the length limit."""

from __future__ import annotations

from typing import Any

import pytest

from evidence_cli import dose
from evidence_cli.errors import NotFound, UsageError
from evidence_cli.intake import STAGES, Person, parse_amount, row_for


def _table(**by_status: float) -> dict[str, Any]:
    """A small intake table: every stage and sex with an RDA of 10 and a UL of 100, female rows
    an RDA of 8; pregnancy and lactation rows at 14-50 with the RDAs given."""
    rows: list[dict[str, Any]] = []
    for stage in STAGES:
        rows += [{"stage": stage, "sex": "female", "rda": 8, "ul": 100}, {"stage": stage, "sex": "male", "rda": 10, "ul": 100}]
    for status, rda in by_status.items():
        rows += [{"stage": s, "sex": "female", "status": status, "rda": rda, "ul": 100} for s in ("14-18y", "19-30y", "31-50y")]
    return {"unit": "mg", "ul_scope": "total", "source": "test", "rows": rows}


TABLE = _table(pregnant=12, lactating=14)


@pytest.mark.parametrize("years,stage,noted", [(13, "14-18y", True), (9, "14-18y", True), (14, "14-18y", False),
                                               (50, "31-50y", False)])
def test_pregnancy_rows_cover_ages_9_to_50_and_say_when_the_14_year_row_stands_in(years: int, stage: str, noted: bool):
    row, notes = row_for(TABLE, Person(years * 12, None, pregnant=True))
    assert (row["stage"], row["status"], row["rda"]) == (stage, "pregnant", 12)
    assert bool(notes) == noted


@pytest.mark.parametrize("months", [8 * 12 + 11, 51 * 12, 60 * 12])
def test_pregnancy_outside_9_to_50_years_is_a_usage_error(months: int):
    with pytest.raises(UsageError, match="ages 14 to 50 only"):
        row_for(TABLE, Person(months, None, pregnant=True))


def test_pregnancy_and_a_male_sex_do_not_go_together():
    with pytest.raises(UsageError, match="applies to females"):
        row_for(TABLE, Person(30 * 12, "male", pregnant=True))
    with pytest.raises(UsageError, match="applies to females"):
        dose.target_for(TABLE, Person(None, "male", pregnant=True))
    assert dose.target_for(TABLE, Person(None, "male")).group == "Men 19 years and over"  # male alone is fine


@pytest.mark.parametrize("person,group,rda", [
    (Person(None, None), "Adults 19 years and over", None),
    (Person(None, "female"), "Women 19 years and over", 8),
    (Person(None, "male"), "Men 19 years and over", 10),
    (Person(None, None, pregnant=True), "Pregnancy, 19-50 years", 12),
    (Person(None, None, lactating=True), "Lactation, 19-50 years", 14),
])
def test_without_an_age_the_group_is_named_for_the_person(person: Person, group: str, rda: Any):
    target = dose.target_for(TABLE, person)
    assert (target.group, target.rda, target.ul) == (group, rda, 100)
    if rda is None:
        assert target.rda_range == (8, 10)


def test_rows_for_any_sex_count_for_everyone_without_an_age():
    table = {"unit": "mg", "ul_scope": "total", "source": "t",
             "rows": [{"stage": s, "sex": "any", "rda": 5, "ul": 50} for s in STAGES]}
    assert dose.target_for(table, Person(None, "female")).rda == 5


VITAMIN_E = {"unit": "mg", "measure": "alpha-tocopherol", "ul_scope": "supplemental", "source": "t",
             "units": [{"unit": "IU", "per_unit": 0.67, "ul_per_unit": 0.667, "form": "natural"},
                       {"unit": "IU", "per_unit": 0.45, "ul_per_unit": 0.909, "form": "synthetic"}],
             "rows": [{"stage": s, "sex": "any", "rda": 15, "ul": 1000} for s in STAGES]}


@pytest.mark.parametrize("form,per,toward", [("natural", 0.67, 0.667), ("Synthetic", 0.45, 0.909)])
def test_a_form_among_several_picks_its_own_conversion(form: str, per: float, toward: float):
    a = parse_amount("100 IU", "Vitamin E", VITAMIN_E, form)
    assert (a.converted, a.toward_ul) == (pytest.approx(100 * per), pytest.approx(100 * toward))


def test_an_unknown_form_lists_the_forms():
    with pytest.raises(UsageError) as err:
        parse_amount("100 IU", "Vitamin E", VITAMIN_E, "gummy")
    assert "no form 'gummy'" in err.value.message and err.value.hint == "forms: natural; synthetic"


FOLATE = {"unit": "mcg", "measure": "DFE", "ul_measure": "folic acid", "ul_scope": "supplemental", "source": "t",
          "ul_applies_to": "folic acid from supplements",
          "units": [{"unit": "mcg", "per_unit": 1.7, "ul_per_unit": 1, "form": "folic acid taken with food"}],
          "rows": [{"stage": s, "sex": "any", "rda": 400, "ul": 1000} for s in STAGES]}


def test_a_verdict_says_what_it_counts_against_the_ul_and_toward_the_rda():
    a = parse_amount("400 mcg", "Folate", FOLATE, "folic acid taken with food")
    target = dose.target_for(FOLATE, Person(30 * 12, "female"))
    v = dose.assess(FOLATE, target, a.converted, a.toward_ul, "folate")
    assert v.sentence.startswith("400 mcg folic acid against the UL (680 mcg DFE toward the RDA) a day from supplements")
    assert v.code == "within-ul"


def test_a_total_intake_verdict_says_in_all_and_a_supplement_one_says_from_supplements():
    target = dose.target_for(TABLE, Person(30 * 12, "female"))
    assert "a day in all is ABOVE" in dose.assess(TABLE, target, 150, 150, "x", total=True).sentence
    assert "a day from supplements is ABOVE" in dose.assess(TABLE, target, 150, 150, "x").sentence


def test_total_does_not_fit_a_ul_that_counts_supplements_only():
    target = dose.target_for(FOLATE, Person(30 * 12, "female"))
    with pytest.raises(UsageError) as err:
        dose.assess(FOLATE, target, 500, 500, "folate", total=True)
    assert "its UL counts folic acid from supplements" in err.value.message
    assert err.value.hint == "give the amount from supplements, without --total"


# -- names ------------------------------------------------------------------------------------------


def _store():
    from conftest import DATA
    from evidence_cli.commands.context import Context

    return Context("plain", str(DATA)).store


def test_a_resolved_name_carries_the_name_as_the_data_spells_it():
    from evidence_cli.resolve import resolve

    assert resolve(_store(), "mg", ["ingredient"]).name == "Magnesium"
    assert resolve(_store(), "magnes", ["ingredient"]).name == "Magnesium"  # by prefix too


def test_a_name_at_the_length_limit_is_looked_up_and_one_over_is_refused_as_too_long():
    from evidence_cli.resolve import MAX_NAME, resolve

    with pytest.raises(NotFound) as at_limit:
        resolve(_store(), "x" * MAX_NAME, ["ingredient"])
    assert "at most" not in at_limit.value.message
    with pytest.raises(NotFound) as over:
        resolve(_store(), "x" * (MAX_NAME + 1), ["ingredient"])
    assert f"names are at most {MAX_NAME} characters" in over.value.message
