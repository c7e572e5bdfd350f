"""Products (kind "product"): a typical composition that validate checks, `show` lists and `stack`
adds up when the product is named alone."""

from __future__ import annotations

from pathlib import Path

from conftest import run
from test_validate import card, problems_for

COMPOSITION = '''
[composition]
serving = "2 tablets"
source = "A made-up formula for tests."
[composition.amounts]
vitamin-d = "50 mcg"
zinc = "25 mg"
lutein-zeaxanthin = "10 mg"
'''


def product(composition: str = COMPOSITION, kind: str = "product") -> str:
    return (f'id = "testivite"\nname = "Testivite"\nkind = "{kind}"\nsummary = "A made-up product for tests."\n'
            f'{composition}\n{card()}')


def _messages(problems: list[dict]) -> list[str]:
    return [p["message"] for p in problems]


def test_a_products_composition_validates(data_copy: Path):
    assert problems_for(data_copy, product(), "testivite.toml") == []


def test_only_a_product_may_have_a_composition(data_copy: Path):
    messages = _messages(problems_for(data_copy, product(kind="supplement"), "testivite.toml"))
    assert any("only a product" in m for m in messages), messages


def test_a_composition_names_real_ingredients_with_readable_amounts(data_copy: Path):
    bad = COMPOSITION.replace('zinc = "25 mg"', 'zinc = "25"').replace('vitamin-d = "50 mcg"', 'unobtainium = "5 mg"')
    bad = bad.replace('lutein-zeaxanthin = "10 mg"', 'lutein-zeaxanthin = "ten"')
    problems = problems_for(data_copy, product(bad), "testivite.toml")
    messages = _messages(problems)
    assert any("'unobtainium' is not an ingredient id" in m for m in messages), messages
    assert any("zinc" in m and "no unit" in m for m in messages), messages
    assert any("cannot read the amount 'ten'" in m for m in messages), messages
    assert all(p["file"].endswith("testivite.toml") and p["line"] > 1 for p in problems), problems


def test_show_lists_the_typical_composition(data_copy: Path):
    (data_copy / "ingredients" / "testivite.toml").write_text(product(), encoding="utf-8")
    data = run("show", "testivite", "--data-dir", str(data_copy), "-f", "json").json()
    assert data["type"] == "product"
    assert data["composition"]["serving"] == "2 tablets"
    assert [(r["id"], r["amount"]) for r in data["composition"]["amounts"]] == [
        ("vitamin-d", "50 mcg"), ("zinc", "25 mg"), ("lutein-zeaxanthin", "10 mg")]
    plain = run("show", "testivite", "--data-dir", str(data_copy), "-f", "plain").out
    assert "Typical composition, per 2 tablets" in plain and "Vitamin D" in plain and "50 mcg" in plain


def test_stack_adds_a_product_named_alone_by_its_typical_composition(data_copy: Path):
    (data_copy / "ingredients" / "testivite.toml").write_text(product(), encoding="utf-8")
    out = run("stack", "testivite", "vitamin d 2000 IU", "--age", "40", "--sex", "female",
              "--data-dir", str(data_copy), "-f", "json").json()
    by_id = {n["nutrient"]: n for n in out["nutrients"]}
    assert by_id["vitamin-d"]["total"] == 100 and by_id["zinc"]["total"] == 25  # 50 mcg + 2000 IU (50 mcg)
    assert out["at_ul"] == ["vitamin-d"] and out["above_ul"] == []
    assert [f["item"] for f in by_id["vitamin-d"]["from"]] == ["Testivite (typical)", "vitamin d 2000 IU"]
    taken = {i["id"] for i in out["items"]}
    assert {"testivite", "lutein-zeaxanthin"} <= taken  # no reference intake: checked for interactions


def test_a_number_after_a_product_is_its_servings_a_day(data_copy: Path):
    (data_copy / "ingredients" / "testivite.toml").write_text(product(), encoding="utf-8")
    out = run("stack", "testivite 2", "--data-dir", str(data_copy), "-f", "json").json()
    zinc = next(n for n in out["nutrients"] if n["nutrient"] == "zinc")
    assert zinc["total"] == 50 and zinc["from"][0]["amount"] == "2 x 25 mg" and out["above_ul"] == ["zinc"]


def test_anything_else_after_a_product_is_a_usage_error(data_copy: Path):
    (data_copy / "ingredients" / "testivite.toml").write_text(product(), encoding="utf-8")
    r = run("stack", "testivite 2 bananas", "--data-dir", str(data_copy))
    assert r.code == 2 and "Testivite is a product" in r.err and "Traceback" not in r.err


def test_cod_liver_oil_counts_its_vitamin_a_in_a_stack():
    # two teaspoons (USDA SR28: 1,350 mcg each) and a multivitamin's 900 mcg pass the 3,000 mcg UL
    r = run("stack", "multivitamin", "cod liver oil 2", "--age", "40", "--sex", "female", "-f", "json")
    assert r.code == 0, r.err
    data = r.json()
    vitamin_a = next(n for n in data["nutrients"] if n["nutrient"] == "vitamin-a")
    assert vitamin_a["total"] == 3600 and "vitamin-a" in data["above_ul"]
