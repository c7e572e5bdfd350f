"""stack and interactions among several names: written pairs, inferred pairs, classes, brand names,
depletion, and the products file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run

FORMATS = ["rich", "plain", "json", "markdown", "csv"]


def _tag(data: Path, rel: str, effects: list[str], anchor: str = 'systems = [') -> None:
    """Give the ingredient or drug file's first table `effects` (for a controlled data copy)."""
    path = data / rel
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^effects = \[.*\]\n", "", text, flags=re.M)
    assert anchor in text, rel
    path.write_text(text.replace(anchor, f"effects = {effects!r}\n{anchor}".replace("'", '"'), 1), encoding="utf-8")


# -- interactions among several names --------------------------------------------------------------


def test_a_pair_nobody_wrote_is_inferred_from_shared_tags_and_says_so(data_copy: Path):
    # valerian and melatonin: no written pair between them; both tagged sedative here
    _tag(data_copy, "ingredients/valerian.toml", ["sedative"])
    _tag(data_copy, "ingredients/melatonin.toml", ["sedative"])
    rows = run("interactions", "valerian", "melatonin", "--data-dir", str(data_copy), "-f", "json").json()
    inferred = [r for r in rows if r["kind"] == "inferred"]
    assert len(inferred) == 1, rows
    row = inferred[0]
    assert row["inferred"] is True and row["evidence"] == "D" and row["basis"] == ["sedative", "sedative"]
    assert "Inferred from shared effects" in row["effect"] and row["sources"] == []
    assert {row["ingredient"]["id"], row["with"]["id"]} == {"valerian", "melatonin"}


def test_without_the_tags_nothing_is_inferred(data_copy: Path):
    for rel in ("ingredients/valerian.toml", "ingredients/melatonin.toml"):
        path = data_copy / rel
        path.write_text(re.sub(r"^effects = \[.*\]\n", "", path.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    rows = run("interactions", "valerian", "melatonin", "--data-dir", str(data_copy), "-f", "json").json()
    assert [r for r in rows if r["kind"] == "inferred"] == []


def _qt_pair(data: Path, written: str | None) -> list[dict]:
    """l-theanine and lavender both tagged QT-prolonging (no other ingredient is), with one written
    pair of that kind of the given severity (l-theanine with a QT-prolonging test class)."""
    for path in (data / "ingredients").rglob("*.toml"):
        text = path.read_text(encoding="utf-8")
        if "qt-prolonging" in text:
            path.write_text(re.sub(r'"qt-prolonging",? ?', "", text), encoding="utf-8")
    (data / "drugs" / "zz-test.toml").write_text(
        '[[drug]]\nid = "test-qt-drugs"\nname = "Test QT drugs"\nkind = "class"\neffects = ["qt-prolonging"]\n', encoding="utf-8")
    _tag(data, "ingredients/l-theanine.toml", ["qt-prolonging"])
    _tag(data, "ingredients/lavender.toml", ["qt-prolonging"])
    if written:
        p = data / "ingredients/l-theanine.toml"
        p.write_text(p.read_text(encoding="utf-8").replace("\n[[cards]]", f'\n[[interactions]]\nwith = "test-qt-drugs"\nseverity = "{written}"\n'
                     'evidence = "C"\nmechanism = "m"\neffect = "e"\nadvice = "a"\n\n[[interactions.sources]]\ncitation = "c"\n'
                     'url = "https://example.org/"\n\n[[cards]]', 1), encoding="utf-8")
    rows = run("interactions", "l-theanine", "lavender", "--data-dir", str(data), "-f", "json").json()
    return [r for r in rows if r["kind"] == "inferred" and r["basis"] == ["qt-prolonging", "qt-prolonging"]]


def test_an_inferred_row_takes_its_pairs_severity_where_nothing_of_its_kind_is_written(data_copy: Path):
    inferred = _qt_pair(data_copy, written=None)
    assert [r["severity"] for r in inferred] == ["major"]  # effects.toml: qt-prolonging + qt-prolonging is major


def test_an_inferred_row_is_never_more_severe_than_the_written_pairs_of_its_kind(data_copy: Path):
    inferred = _qt_pair(data_copy, written="minor")
    assert [r["severity"] for r in inferred] == ["minor"]


def test_a_written_pair_wins_over_an_inferred_one(data_copy: Path):
    # warfarin (anticoagulants) and ginkgo are written; tag both as raising bleeding risk
    _tag(data_copy, "ingredients/ginkgo.toml", ["raises-bleeding-risk"])
    _tag(data_copy, "drugs/common.toml", ["raises-bleeding-risk"], anchor='id = "anticoagulants"')
    rows = run("interactions", "warfarin", "ginkgo", "--data-dir", str(data_copy), "-f", "json").json()
    assert [r["kind"] for r in rows if r["ingredient"]["id"] == "ginkgo"] == ["written"]


def test_a_supplement_pair_written_in_one_file_is_found_from_either_name():
    ab = run("interactions", "zinc", "copper", "-f", "json").json()
    ba = run("interactions", "copper", "zinc", "-f", "json").json()
    assert ab == ba
    written = [r for r in ab if r["kind"] == "written"]
    assert len(written) == 1 and {written[0]["ingredient"]["id"], written[0]["with"]["id"]} == {"zinc", "copper"}
    assert written[0]["with"]["kind"] == "ingredient" and "drug" not in written[0]


def test_a_class_named_among_several_covers_its_drugs():
    rows = run("interactions", "magnesium", "antibiotics", "-f", "json").json()
    assert any(r["with"]["id"] == "tetracyclines" and r["with"]["kind"] == "class" for r in rows)


def test_medicines_alone_say_that_drug_pairs_are_not_checked():
    r = run("interactions", "warfarin", "aspirin")
    assert r.code == 0 and "evidence: no interactions are recorded among Warfarin, Aspirin" in r.err


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_kind_of_row_prints_in_every_format(fmt):
    kinds = {  # a pair of every kind: written, supplement pair, depletion, class, brand name, inferred
        "written": ["interactions", "warfarin", "ginkgo", "fish oil"], "pair": ["interactions", "zinc", "copper"],
        "depletion": ["interactions", "metformin"], "class": ["interactions", "magnesium", "antibiotics"],
        "brand": ["interactions", "eliquis"], "inferred": ["interactions", "st johns wort", "5-htp"],
    }
    for kind, args in kinds.items():
        r = run(*args, "-f", fmt)
        assert r.code == 0 and r.out.strip(), (args, r.err)
        if fmt == "json":
            rows = r.json()
            want = {"written": "written", "pair": "written", "depletion": "depletion", "class": "written",
                    "brand": "written", "inferred": "inferred"}[kind]
            assert any(x["kind"] == want for x in rows), (kind, rows)


def test_a_brand_name_answers_as_its_generic():
    assert run("interactions", "eliquis", "-f", "json").json() == run("interactions", "apixaban", "-f", "json").json()
    rows = run("interactions", "eliquis", "-f", "json").json()
    assert any(x["ingredient"]["id"] == "st-johns-wort" and x["severity"] == "major" for x in rows)


@pytest.mark.parametrize("fmt", ["rich", "plain", "markdown"])
def test_the_notes_under_interactions_are_printed_once(fmt):
    for args in (["ginkgo"], ["warfarin", "ginkgo"]):
        out = run("interactions", *args, "-f", fmt, "--no-pager").out
        assert out.count("Evidence: A") == 1, out
        assert out.count("Jiang X") <= 1 and out.count("Not medical advice") == 1, out


def test_caffeine_and_yohimbe_are_flagged_as_stacked_stimulants():
    rows = run("interactions", "caffeine", "yohimbe", "-f", "json").json()
    assert [r["basis"] for r in rows if r["kind"] == "inferred"] == [["stimulant", "stimulant"]], rows
    rows = run("interactions", "yohimbe", "methylphenidate", "-f", "json").json()
    assert any(r["kind"] == "inferred" and r["severity"] == "moderate" for r in rows), rows


def test_calcium_iron_and_magnesium_are_flagged_with_hiv_integrase_inhibitors_by_brand():
    for mineral in ("calcium", "iron", "magnesium"):
        rows = run("interactions", "biktarvy", mineral, "-f", "json").json()
        assert [(r["severity"], r["evidence"]) for r in rows if r["kind"] != "inferred"] == [("moderate", "A")], rows


def test_st_johns_wort_and_5_htp_are_flagged_as_a_serotonergic_pair():
    rows = run("interactions", "st johns wort", "5-htp", "-f", "json").json()
    assert any(set(x["basis"] or ()) == {"serotonergic"} and x["severity"] == "major" for x in rows if x["kind"] == "inferred"), rows
    assert "serotonin syndrome" in run("interactions", "st johns wort", "5-htp", "-f", "plain").out


def test_every_written_interaction_and_depletion_has_a_source_and_a_grade():
    data = run("export").json()
    for ing in data["ingredients"]:
        for x in ing["interactions"]:
            assert x["sources"] and x["evidence"] in "ABCD" and x["mechanism"], (ing["id"], x["with"])
    for d in data["depletions"]:
        assert d["sources"] and d["evidence"] in "ABCD", d


# -- depletion ------------------------------------------------------------------------------------


def test_metformin_lists_the_vitamin_b12_it_lowers_with_a_source():
    rows = run("interactions", "metformin", "-f", "json").json()
    b12 = [r for r in rows if r["kind"] == "depletion" and r["ingredient"]["id"] == "vitamin-b12"]
    assert b12 and b12[0]["sources"] and b12[0]["evidence"] in "ABCD"
    assert "B12" in run("interactions", "metformin", "-f", "plain").out


def test_a_depletion_shows_from_the_nutrient_too():
    rows = run("interactions", "vitamin-b12", "-f", "json").json()
    assert any(r["kind"] == "depletion" and r["with"]["id"] == "metformin" for r in rows)


# -- stack ------------------------------------------------------------------------------------------


def test_stack_flags_vitamin_d_above_the_ul_and_not_calcium():
    r = run("stack", "vitamin d 2000 IU", "calcium 600 mg", "vitamin d 3000 IU", "--age", "70", "--sex", "female", "-f", "json")
    assert r.code == 0, r.err
    data = r.json()
    assert data["above_ul"] == ["vitamin-d"]
    d = next(n for n in data["nutrients"] if n["nutrient"] == "vitamin-d")
    assert d["total"] == pytest.approx(125) and d["unit"] == "mcg" and len(d["from"]) == 2
    ca = next(n for n in data["nutrients"] if n["nutrient"] == "calcium")
    assert ca["verdict"] == "within-ul" and ca["ul"] == 2000
    assert set(data) >= {"person", "nutrients", "above_ul", "interactions"}
    assert data["person"]["sex"] == "female" and data["person"]["age_months"] == 840


def test_stack_uses_the_same_dose_engine_as_check():
    alone = run("check", "vitamin d 5000 IU", "--age", "70", "--sex", "female", "-f", "json").json()
    stacked = run("stack", "vitamin d 2000 IU", "vitamin d 3000 IU", "--age", "70", "--sex", "female", "-f", "json").json()
    n = stacked["nutrients"][0]
    assert (n["verdict"], n["ul"], n["rda"]) == (alone["verdict"], alone["ul"], alone["rda"])


MULTI = """
[[product]]
name = "Multivitamin"
[product.amounts]
"vitamin d" = "25 mcg"
zinc = "11 mg"
"vitamin k" = "120 mcg"
folate = "680 mcg DFE"
"vitamin e" = "22 IU natural"

[[product]]
name = "Zinc lozenges"
servings = 6
[product.amounts]
zinc = "13.3 mg"
"""


def test_a_multivitamin_file_plus_zinc_lozenges_flags_zinc(tmp_path: Path):
    f = tmp_path / "mine.toml"
    f.write_text(MULTI, encoding="utf-8")
    data = run("stack", "--file", str(f), "--age", "40", "--sex", "male", "-f", "json").json()
    assert data["above_ul"] == ["zinc"]
    zinc = next(n for n in data["nutrients"] if n["nutrient"] == "zinc")
    assert zinc["total"] == pytest.approx(11 + 6 * 13.3)
    assert [f["item"] for f in zinc["from"]] == ["Multivitamin", "Zinc lozenges"]


def test_stack_with_a_drug_lists_the_interactions_of_the_products_nutrients(tmp_path: Path):
    f = tmp_path / "mine.toml"
    f.write_text(MULTI, encoding="utf-8")
    data = run("stack", "--file", str(f), "--drug", "warfarin", "--age", "40", "--sex", "male", "-f", "json").json()
    assert any(x["ingredient"]["id"] == "vitamin-k" and x["severity"] == "major" for x in data["interactions"])
    assert data["drugs"][0]["id"] == "warfarin"


@pytest.mark.parametrize("fmt", FORMATS)
def test_stack_prints_in_every_format(fmt, tmp_path: Path):
    f = tmp_path / "mine.toml"
    f.write_text(MULTI, encoding="utf-8")
    r = run("stack", "ginkgo", "--file", str(f), "--drug", "warfarin", "--age", "40", "--sex", "female", "-f", fmt)
    assert r.code == 0 and "Zinc" in r.out, r.err


@pytest.mark.parametrize("text,message", [
    ("[[product]\nname = 1", "mine.toml:1: not valid TOML"),
    ('[[product]]\nname = "M"\n[product.amounts]\nunobtainium = "5 mg"\n', "mine.toml:4: M: no ingredient called 'unobtainium'"),
    ('[[product]]\nname = "M"\n[product.amounts]\nzinc = "lots"\n', "mine.toml:4: M: cannot read the amount 'lots'"),
    ('[[product]]\nname = "M"\n[product.amounts]\nzinc = "11"\n', "mine.toml:4: M: the amount '11' has no unit"),
    ('[[product]]\nname = "M"\n[product.amounts]\nzinc = 11\n', "mine.toml:4: M: the amount of Zinc must be a string"),
    ('[[product]]\nname = "M"\nservings = "two"\n[product.amounts]\nzinc = "11 mg"\n', "mine.toml:3: M: servings must be a number"),
    ('[[product]]\nname = "M"\n', "mine.toml:1: M: no [product.amounts]"),
    ('name = "M"\n', "mine.toml:1: unexpected key 'name'"),
    ('[[product]]\nname = "M"\n[product.amounts]\nginkgo = "120 mg"\n', "mine.toml:4: M: Ginkgo has no reference intake"),
])
def test_a_bad_products_file_is_a_usage_error_with_file_and_line(tmp_path: Path, text: str, message: str):
    f = tmp_path / "mine.toml"
    f.write_text(text, encoding="utf-8")
    r = run("stack", "--file", str(f))
    assert r.code == 2 and message in r.err and r.out == "", r.err
    assert "Traceback" not in r.err


def test_markup_and_escapes_in_product_names_print_literally(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # one line per cell, so the name can be found whole
    f = tmp_path / "mine.toml"
    f.write_text('[[product]]\nname = "[bold]Evil[/bold] \\u001b[31mred"\n[product.amounts]\nzinc = "50 mg"\n', encoding="utf-8")
    for fmt in ("rich", "plain", "markdown"):
        out = run("stack", "--file", str(f), "-f", fmt, "--color", "always").out
        assert "[bold]Evil[/bold] \ufffd[31mred" in out, out
        assert "\x1b[31m" not in out


def test_an_unknown_name_among_the_items_stops_with_its_name():
    r = run("stack", "vitamin d 2000 IU", "xyzzy 5 mg")
    assert r.code == 1 and "'xyzzy'" in r.err and r.out == ""
    r = run("stack", "vitamin d 2000 IU", "--drug", "notadrug")
    assert r.code == 1 and "'notadrug'" in r.err and r.out == ""


def test_a_medicine_given_as_an_item_is_pointed_to_the_drug_option():
    r = run("stack", "yohimbe", "methylphenidate")
    assert r.code == 1 and r.out == ""
    assert "'methylphenidate' is a medicine" in r.err and "--drug methylphenidate" in r.err
    assert '--drug "adderall xr"' in run("stack", "adderall xr").err


def test_an_item_without_a_unit_gets_a_safe_hint():
    r = run("stack", "vitamin d 2000")
    assert r.code == 2 and "has no unit" in r.err
    hint = re.search(r"as in (\d+)", r.err)
    assert hint and float(hint.group(1)) <= 100  # never a dose above the UL (100 mcg)


def test_stack_without_items_is_a_usage_error():
    r = run("stack")
    assert r.code == 2 and "at least one item" in r.err


def test_warfarin_ginkgo_and_fish_oil_list_every_pair_among_the_three_with_severity_and_evidence():
    rows = run("interactions", "warfarin", "ginkgo", "fish oil", "-f", "json").json()
    pairs = {frozenset((r["ingredient"]["id"], "warfarin" if r["with"]["kind"] != "ingredient" else r["with"]["id"])) for r in rows}
    assert pairs >= {frozenset(("ginkgo", "warfarin")), frozenset(("omega-3", "warfarin")), frozenset(("ginkgo", "omega-3"))}
    assert all(r["severity"] in ("major", "moderate", "minor") and r["evidence"] in "ABCD" for r in rows)
