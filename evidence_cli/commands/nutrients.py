"""intake, check, foods: how much, too much, and where it is in food."""

from __future__ import annotations

from typing import Optional, Sequence

from evidence_cli import dose
from evidence_cli import intake as dri
from evidence_cli import present
from evidence_cli.commands.context import Context
from evidence_cli.errors import NotFound, UsageError
from evidence_cli.model import PER_BASES, SEXES, Ingredient
from evidence_cli.render.doc import Output


def person(age: Optional[str], sex: Optional[str], pregnant: bool, lactating: bool, smoker: bool) -> dri.Person:
    months = dri.parse_age(age) if age is not None else None
    chosen = None
    if sex is not None:
        chosen = SEXES.get(sex.strip().lower())
        if chosen is None:
            raise UsageError("--sex must be female or male", hint="the reference intakes are set by sex from age 9")
    return dri.Person(months, chosen, pregnant, lactating, smoker)


def _nutrient(ctx: Context, name: str) -> Ingredient:
    ref = ctx.resolve(name, ["ingredient"])
    ing = ctx.store.ingredient(ref.id)
    if not ing.intake:
        raise NotFound(f"{ing.name} has no reference intake (no U.S. Dietary Reference Intake is set for it)",
                       hint="reference intakes exist for vitamins and minerals, e.g. evidence intake magnesium")
    return ing


def intake(ctx: Context, name: str, p: dri.Person) -> Output:
    ing = _nutrient(ctx, name)
    if not p.given:
        return present.intake_table(ing)
    target = dose.target_for(ing.intake, p)
    return present.person_intake(ing, present.personal_intake(ing, target, p), target.row)


def check(ctx: Context, words: list[str], p: dri.Person, form: Optional[str], total: bool = False) -> Output:
    name, amount_text = split_amount(words)
    ing = _nutrient(ctx, name)
    assert ing.intake is not None
    salt = dose.salt_named(ing.forms, form) if form else None
    if salt is None:
        dose.require_elemental(ing.forms, ing.intake, name, ing.name, amount_text, salt_option=True,
                              mineral=ing.kind == "mineral")
        amount = dri.parse_amount(amount_text, ing.name, ing.intake, form, dose.salt_names(ing.forms))
    else:  # --form names a salt: the amount is the salt's weight ("iron 325 mg --form 'ferrous sulfate'")
        amount = dose.of_salt(dri.parse_amount(amount_text, ing.name, ing.intake), salt, ing.name)
    target = dose.target_for(ing.intake, p)
    shown = f"{amount.value:g} {amount.unit}"
    if salt is not None:
        shown = written = f"{shown} of {salt[0].lower()}"
    else:
        written = shown + (f" of {form.strip()}" if form and amount.unit != "IU" else "")
    verdict = dose.assess(ing.intake, target, amount.converted, amount.toward_ul, ing.name, total=total, written=written)
    personal = present.personal_intake(ing, target, p)
    return present.check(personal, {"converted": round(amount.converted, 6), "toward_ul": round(amount.toward_ul, 6),
                                    "input": shown, "input_value": amount.value, "input_unit": amount.unit, "note": amount.note,
                                    "total": total},
                         verdict)


def split_amount(words: list[str]) -> tuple[str, str]:
    """NUTRIENT AMOUNT as typed, in one or several words: `vitamin d 2000 IU`, `magnesium 400mg`,
    `"vitamin d" "2000 IU"`. The amount starts at the first word that starts with a digit."""
    words = " ".join(words).split()  # "magnesium 400mg" quoted as one argument reads the same
    for i, word in enumerate(words):
        if i and (word[0].isdigit() or word[0] == "."):
            return " ".join(words[:i]), " ".join(words[i:])
    if len(words) >= 2:
        return " ".join(words[:-1]), words[-1]
    raise UsageError("check needs a nutrient and a daily amount", hint="e.g. evidence check magnesium 200mg")


def foods(ctx: Context, name: str, top: int, per: str, group: Optional[str], show_all: bool,
          vegetarian: bool = False, vegan: bool = False, exclude: Sequence[str] = ()) -> Output:
    if top < 1:
        raise UsageError("--top must be at least 1")
    per = PER_BASES.get(per.lower().replace(" ", ""), "")
    if not per:
        raise UsageError("--per must be serving or 100g")
    ref = ctx.resolve(name, ["ingredient"])
    store = ctx.store
    value = store.food_value(ref.id)
    if value is None:
        raise NotFound(f"USDA SR28 has no food figures for {ref.name}", hint="food sources exist for most vitamins and minerals, e.g. evidence foods magnesium")
    groups = store.food_groups()
    chosen_group = _food_group(group, groups, "--group") if group else None
    excluded = [_food_group(g, groups, "--exclude") for g in exclude]
    diets = ["vegan"] if vegan else ["vegan", "vegetarian"] if vegetarian else []
    rows = store.foods(ref.id, per, top, chosen_group, common_only=not show_all, diets=diets, exclude=excluded)
    notes = [value["note"]] if value.get("note") else []
    if diets:
        notes.append(f"{'Vegan' if vegan else 'Vegetarian'} foods as judged from the USDA food group and description.")
    return present.foods(ref.name, rows, per, value["label"], value["dv"], common_only=not show_all, notes=notes)


def _food_group(typed: str, groups: list[str], option: str) -> str:
    from evidence_cli.text import printable

    want = typed.strip().lower()
    matches = [g for g in groups if g.lower().startswith(want)] or [g for g in groups if want and want in g.lower()]
    if len(matches) != 1:
        listed = "; ".join(matches or groups)
        raise UsageError(f"{option}: no single food group matches {printable(typed, 40)!r}", hint=f"groups: {listed}")
    return matches[0]
