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
    drugs = {x["drug"]["id"] for x in data["interactions"]}
    assert {"bisphosphonates", "tetracyclines", "quinolones", "proton-pump-inhibitors"} <= drugs
    out = run("safety", "magnesium").out
    assert "Side effects" in out and "Interactions" in out and "Not medical advice" in out


def test_a_drug_class_collects_its_members_and_a_drug_its_classes():
    by_class = run("interactions", "antibiotics", "-f", "json").json()
    assert any(x["ingredient"]["id"] == "magnesium" and x["drug"]["id"] == "tetracyclines" for x in by_class)
    by_drug = run("interactions", "doxycycline", "-f", "json").json()
    assert any(x["ingredient"]["id"] == "magnesium" and x["drug"]["id"] == "tetracyclines" for x in by_drug)
    for x in by_class:
        assert {"ingredient", "drug", "severity", "effect", "advice"} == set(x)
        assert x["severity"] in ("minor", "moderate", "major")


def test_warfarin_lists_vitamin_k_as_major():
    rows = run("interactions", "warfarin", "-f", "json").json()
    vk = [x for x in rows if x["ingredient"]["id"] == "vitamin-k"]
    assert vk and vk[0]["severity"] == "major"
    severities = [("major", "moderate", "minor").index(x["severity"]) for x in rows]
    assert severities == sorted(severities)


def test_alias_of_a_drug_resolves():
    assert run("interactions", "coumadin", "-f", "json").json() == run("interactions", "warfarin", "-f", "json").json()
