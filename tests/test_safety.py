"""safety and interactions."""

from __future__ import annotations

import pytest

from conftest import run

FORMATS = ["rich", "plain", "json", "markdown", "csv"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", [["safety", "magnesium"], ["interactions", "warfarin"], ["interactions", "magnesium"],
                                  ["interactions", "antibiotics"]])
def test_safety_and_interactions_in_every_format(args, fmt):
    r = run(*args, "-f", fmt)
    assert r.code == 0, r.err
    assert r.out.strip()


def test_safety_json_and_text():
    data = run("safety", "magnesium", "-f", "json").json()
    assert data["side_effects"] and data["avoid"] and data["pregnancy"]
    assert any("kidney" in a.lower() for a in data["avoid"])
    drugs = {x["with"]["id"] for x in data["interactions"]}
    assert {"bisphosphonates", "tetracyclines", "quinolones", "proton-pump-inhibitors"} <= drugs
    out = run("safety", "magnesium").out
    assert "Side effects" in out and "Interactions" in out and "Not medical advice" in out


def test_a_drug_class_collects_its_members_and_a_drug_its_classes():
    by_class = run("interactions", "antibiotics", "-f", "json").json()
    assert any(x["ingredient"]["id"] == "magnesium" and x["drug"]["id"] == "tetracyclines" for x in by_class)
    by_drug = run("interactions", "doxycycline", "-f", "json").json()
    assert any(x["ingredient"]["id"] == "magnesium" and x["drug"]["id"] == "tetracyclines" for x in by_drug)
    for x in by_class:
        assert {"ingredient", "with", "kind", "severity", "evidence", "mechanism", "effect", "advice", "sources"} <= set(x)
        assert x["severity"] in ("minor", "moderate", "major")
        assert x["kind"] != "written" or x["with"]["kind"] in ("drug", "class")


def test_warfarin_lists_vitamin_k_as_major():
    rows = run("interactions", "warfarin", "-f", "json").json()
    vk = [x for x in rows if x["ingredient"]["id"] == "vitamin-k"]
    assert vk and vk[0]["severity"] == "major"
    severities = [("major", "moderate", "minor").index(x["severity"]) for x in rows]
    assert severities == sorted(severities)


def test_alias_of_a_drug_resolves():
    assert run("interactions", "coumadin", "-f", "json").json() == run("interactions", "warfarin", "-f", "json").json()


def test_interactions_among_several_names_lists_each_recorded_pair():
    rows = run("interactions", "warfarin", "ginkgo", "fish oil", "-f", "json").json()
    pairs = {(r["ingredient"]["id"], r["with"]["id"]) for r in rows}
    assert ("ginkgo", "anticoagulants") in pairs and ("omega-3", "anticoagulants") in pairs
    order = {"major": 0, "moderate": 1, "minor": 2}
    assert [order[r["severity"]] for r in rows] == sorted(order[r["severity"]] for r in rows)
    assert all(r["ingredient"]["id"] in ("ginkgo", "omega-3") for r in rows)


def test_unquoted_multi_word_names_among_several():
    quoted = run("interactions", "warfarin", "ginkgo", "fish oil", "-f", "json").json()
    assert run("interactions", "warfarin", "ginkgo", "fish", "oil", "-f", "json").json() == quoted


def test_an_unknown_name_among_several_stops_with_its_name_and_prints_nothing_else():
    r = run("interactions", "warfarin", "xyzzy", "ginkgo")
    assert r.code == 1 and "'xyzzy'" in r.err and r.out == ""


def test_the_among_list_says_what_it_checked():
    out = run("interactions", "warfarin", "ginkgo", "-f", "plain").out
    assert "Pairs of medicines are not checked" in out and "Ginkgo" in out
