"""Broad lay words (nausea, sleep, liver disease) answer with the cards on the conditions they cover."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run
from test_validate import card, ingredient, problems_for


def test_ingredients_for_a_broad_condition_ranks_the_cards_of_every_narrower_one():
    rows = run("ingredients", "nausea", "-f", "json").json()
    conditions = {r["condition"]["id"] for r in rows}
    assert {"nausea-vomiting-pregnancy", "postoperative-nausea-vomiting", "motion-sickness"} <= conditions
    ratings = [r["rating"] for r in rows]
    assert ratings == sorted(ratings, reverse=True)
    assert ("ginger", "motion-sickness") in {(r["id"], r["condition"]["id"]) for r in rows}


@pytest.mark.parametrize("word", ["nausea", "liver disease", "sleep", "memory", "muscle", "bones", "skin", "cancer", "heart",
                                  "immune support"])
def test_each_broad_word_answers(word: str):
    r = run("ingredients", word, "-f", "json")
    assert r.code == 0, r.err
    assert r.json() and all("condition" in row for row in r.json())


def test_the_rich_and_plain_lists_name_the_condition_of_each_card():
    out = run("ingredients", "nausea", "-f", "plain").out
    assert "Condition" in out and "Motion sickness" in out


def test_show_ingredient_and_broad_condition_gives_its_cards_below_best_first():
    data = run("show", "ginger", "nausea", "-f", "json").json()
    assert data["ingredient"]["id"] == "ginger" and data["condition"]["id"] == "nausea"
    got = [c["condition"]["id"] for c in data["cards"]]
    assert "motion-sickness" in got and "nausea-vomiting-pregnancy" in got
    assert [c["rating"] for c in data["cards"]] == sorted((c["rating"] for c in data["cards"]), reverse=True)


@pytest.mark.parametrize("fmt", ["rich", "plain", "markdown", "csv"])
def test_show_with_a_broad_condition_in_every_format(fmt: str):
    r = run("show", "ginger", "nausea", "-f", fmt)
    assert r.code == 0, r.err
    assert "Motion sickness" in r.out or "motion-sickness" in r.out


def test_a_card_on_the_condition_itself_still_wins():
    # headache-general covers migraine; magnesium has a card on "Headache (general)" itself
    data = run("show", "magnesium", "headache (general)", "-f", "json").json()
    assert data["condition"]["id"] == "headache-general" and "rating" in data


def test_no_card_below_a_broad_condition_is_still_not_found():
    r = run("show", "fluoride", "nausea")
    assert r.code == 1 and "no evidence card" in r.err


def test_a_condition_shows_what_it_covers_and_what_it_is_part_of():
    broad = run("show", "nausea", "-f", "json").json()
    assert "motion-sickness" in {n["id"] for n in broad["narrower"]}
    narrow = run("show", "motion sickness", "-f", "json").json()
    assert "nausea" in {b["id"] for b in narrow["broader"]}


def _conditions(data: Path, text: str) -> None:
    (data / "conditions" / "test.toml").write_text(text, encoding="utf-8")


def _condition(id: str, broader: str = "") -> str:
    return (f'\n[[condition]]\nid = "{id}"\nname = "{id.title()}"\nsystems = ["nervous"]\n'
            + (f"broader = {broader}\n" if broader else "") + 'summary = "A made-up condition for tests."\n')


@pytest.mark.parametrize("text,message", [
    (_condition("test-a", '["no-such-thing"]'), "unknown broader condition 'no-such-thing'"),
    (_condition("test-a", '["test-a"]'), "names itself as broader"),
    (_condition("test-a", '["test-b"]') + _condition("test-b", '["test-a"]'), "form a cycle"),
])
def test_broader_links_are_validated(data_copy: Path, text: str, message: str):
    _conditions(data_copy, text)
    problems = problems_for(data_copy, ingredient())
    hit = [p for p in problems if message in p["message"]]
    assert hit and hit[0]["file"] == "conditions/test.toml", problems


def test_a_broad_card_may_not_outrate_the_best_narrower_card(data_copy: Path):
    _conditions(data_copy, _condition("test-broad") + _condition("test-narrow", '["test-broad"]'))
    text = ingredient(card("test-broad", rating="2", study_types='["rct"]') +
                      card("test-narrow", rating="0", synopsis='"""' + "Another text. " * 40 + '"""'))
    problems = problems_for(data_copy, text)
    assert any("above the best card on its narrower conditions (0)" in p["message"] for p in problems), problems


def test_immune_support_answers_with_the_infections_its_trials_measure_not_with_symptom_remedies():
    rows = run("ingredients", "immune support", "-f", "json").json()
    conditions = {row["condition"]["id"] for row in rows}
    assert {"common-cold", "influenza"} <= conditions and not conditions & {"postoperative-sore-throat", "acute-cough", "bronchitis"}


def test_a_sore_throat_after_surgery_is_not_listed_among_respiratory_infections():
    rows = run("ingredients", "respiratory infections", "-f", "json").json()
    assert "postoperative-sore-throat" not in {row["condition"]["id"] for row in rows}
    assert run("ingredients", "sore throat after surgery", "-f", "json").json()


def test_skin_cancer_covers_melanoma_and_the_other_skin_cancers():
    rows = run("ingredients", "skin cancer", "-f", "json").json()
    conditions = {r["condition"]["id"] for r in rows}
    assert {"melanoma", "nonmelanoma-skin-cancer"} <= conditions
