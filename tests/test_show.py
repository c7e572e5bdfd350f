"""`evidence show`: the rating card and the overviews, in every format."""

from __future__ import annotations

import csv
import io
import re

import pytest

from conftest import run

CARD_KEYS = {"rubric_step", "ingredient", "condition", "validity", "rating", "verdict", "synopsis", "study_types", "references", "reviewed"}


def test_card_json_has_the_documented_shape():
    r = run("show", "magnesium", "autoimmune disorders", "--format", "json")
    assert r.code == 0, r.err
    card = r.json()
    assert set(card) == CARD_KEYS
    assert card["ingredient"] == {"id": "magnesium", "name": "Magnesium"}
    assert card["condition"] == {"id": "autoimmune-disorders", "name": "Autoimmune Disorders"}
    assert card["validity"] in ("scientific", "traditional")
    assert isinstance(card["rating"], int) and 0 <= card["rating"] <= 5
    assert card["verdict"] and "\n" not in card["verdict"]
    assert 80 <= len(card["synopsis"].split()) <= 250
    assert card["study_types"] and all(isinstance(s, str) for s in card["study_types"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", card["reviewed"])
    assert card["references"], "a scientific card has references"
    for ref in card["references"]:
        assert ref["citation"]
        assert set(ref) <= {"pmid", "doi", "url", "citation"}
        if "pmid" in ref:
            assert isinstance(ref["pmid"], int)


def test_card_plain_shows_every_part_and_the_advice_note():
    r = run("show", "magnesium", "autoimmune disorders")  # not a terminal: plain by default
    assert r.code == 0, r.err
    card = run("show", "magnesium", "autoimmune disorders", "-f", "json").json()
    out = r.out
    assert out.startswith("Magnesium for Autoimmune Disorders")
    assert f"{card['rating']}/5" in out
    assert "Source of validity: " + card["validity"].capitalize() in out
    assert card["verdict"] in out
    assert card["synopsis"][:60] in out
    assert "Study types" in out and card["study_types"][0] in out
    assert "References" in out and card["references"][0]["citation"][:40] in out
    assert card["reviewed"] in out
    assert "Other conditions for Magnesium" in out
    assert "Not medical advice" in out
    assert "\x1b[" not in out, "no colour codes when piped"


def test_card_rich_is_a_panel_with_stars():
    r = run("show", "magnesium", "autoimmune disorders", "-f", "rich")
    assert r.code == 0, r.err
    rating = run("show", "magnesium", "autoimmune disorders", "-f", "json").json()["rating"]
    assert "╭" in r.out and "╰" in r.out
    assert "★" * rating + "☆" * (5 - rating) in r.out
    assert "Not medical advice" in r.out


def test_card_markdown_and_csv():
    md = run("show", "magnesium", "multiple sclerosis", "-f", "markdown")
    assert md.code == 0, md.err
    assert md.out.startswith("# Magnesium for Multiple Sclerosis")
    assert "**Rating:**" in md.out and "## Synopsis" in md.out and "## References" in md.out
    rows = list(csv.DictReader(io.StringIO(run("show", "magnesium", "multiple sclerosis", "-f", "csv").out)))
    assert len(rows) == 1
    assert rows[0]["ingredient_id"] == "magnesium" and rows[0]["condition_id"] == "multiple-sclerosis"
    assert rows[0]["rating"].isdigit()


def test_missing_card_exits_1_with_a_hint():
    r = run("show", "melatonin", "osteoporosis")
    assert r.code == 1
    assert "no evidence card for Melatonin and Osteoporosis" in r.err
    assert "evidence conditions melatonin" in r.err
    assert r.out == ""


@pytest.mark.parametrize("name,kind,title", [
    ("magnesium", "ingredient", "Magnesium"),
    ("MS", "condition", "Multiple Sclerosis"),
    ("immune", "system", "Immune"),
])
def test_show_one_name_gives_the_right_overview(name, kind, title):
    data = run("show", name, "-f", "json").json()
    assert data["kind"] == kind
    assert data["name"] == title
    plain = run("show", name)
    assert plain.code == 0 and plain.out.startswith(title)
    assert "Not medical advice" in plain.out


def test_ingredient_overview_has_profile_intake_and_ranked_conditions():
    data = run("show", "magnesium", "-f", "json").json()
    assert data["forms"] and any("citrate" in f["name"].lower() for f in data["forms"])
    assert "UL 350 mg" in data["intake_summary"]
    ratings = [c["rating"] for c in data["conditions"]]
    assert ratings == sorted(ratings, reverse=True)
    assert data["safety"]["side_effects"]
    out = run("show", "magnesium").out
    for heading in ("Forms", "Reference intake", "Top-rated conditions", "Key safety notes"):
        assert heading in out


def test_condition_overview_ranks_ingredients():
    data = run("show", "multiple sclerosis", "-f", "json").json()
    assert {"magnesium", "vitamin-d"} <= {i["id"] for i in data["ingredients"]}
    ratings = [i["rating"] for i in data["ingredients"]]
    assert ratings == sorted(ratings, reverse=True)
    assert data["systems"]


def test_names_the_other_way_round_still_find_the_card():
    assert run("show", "autoimmune disorders", "magnesium", "-f", "json").json() == \
        run("show", "magnesium", "autoimmune disorders", "-f", "json").json()
    r = run("show", "xyzzy", "magnesium")
    assert r.code == 1 and "no ingredient called 'xyzzy'" in r.err


def test_a_card_shows_the_rubric_step_it_matched():
    card = run("show", "zinc", "wilson disease", "-f", "json").json()
    assert card["rubric_step"] == "B" and card["rating"] == 5
    plain = run("show", "zinc", "wilson disease", "-f", "plain").out
    assert "5/5, established, step B: approved and proven" in plain


def test_rubric_prints_the_procedure():
    data = run("rubric", "-f", "json").json()
    assert [s["step"] for s in data["procedure"]] == list("ABCDEFG")
    assert [s["rating"] for s in data["procedure"]] == [0, 5, 4, 0, 3, 2, 1]
    assert "How a rating is reached" in run("rubric", "-f", "plain").out
