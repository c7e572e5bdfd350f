"""show, ingredients, conditions, systems, search: reading the evidence."""

from __future__ import annotations

from typing import Optional

from evidence_cli import present
from evidence_cli.commands.context import Context
from evidence_cli.errors import NotFound, UsageError
from evidence_cli.render.doc import Output
from evidence_cli.text import printable


def show(ctx: Context, name: str, condition: Optional[str]) -> Output:
    store = ctx.store
    if condition is None:
        ref = ctx.resolve(name, ["ingredient", "condition", "system"])
        if ref.kind == "ingredient":
            return present.ingredient(store.ingredient(ref.id))
        if ref.kind == "condition":
            return present.condition(store.condition(ref.id))
        return present.system(store.system(ref.id))
    try:
        ing = ctx.resolve(name, ["ingredient"])
    except NotFound as not_an_ingredient:
        try:  # the two names the other way round: `show migraine magnesium`
            ing = ctx.resolve(condition, ["ingredient"])
            ctx.resolve(name, ["condition"])
        except (NotFound, UsageError):
            raise not_an_ingredient from None
        name, condition = condition, name
    cond = ctx.resolve(condition, ["condition"])
    card = store.card(ing.id, cond.id)
    if card is None:
        raise NotFound(f"no evidence card for {ing.name} and {cond.name}",
                       hint=f"see `evidence conditions {ing.id}` and `evidence ingredients {cond.id}`")
    return present.card(card)


def ingredients(ctx: Context, condition: Optional[str]) -> Output:
    if condition is None:
        return present.ingredient_list(ctx.store.ingredients())
    cond = ctx.resolve(condition, ["condition"])
    rows = ctx.store.ingredients_for(cond.id)
    return present.ranked_output(rows, "Ingredient", f"Ingredients for {cond.name}, ranked by evidence",
                                 f"no ingredient has a card for {cond.name} yet")


def conditions(ctx: Context, ingredient: Optional[str]) -> Output:
    if ingredient is None:
        return present.condition_list(ctx.store.conditions())
    ing = ctx.resolve(ingredient, ["ingredient"])
    rows = ctx.store.conditions_for(ing.id)
    return present.ranked_output(rows, "Condition", f"{ing.name}: conditions ranked by evidence",
                                 f"{ing.name} has no evidence cards yet")


def systems(ctx: Context, system: Optional[str], as_map: bool = False) -> Output:
    if as_map:
        if system is None:
            raise UsageError("--map needs a body system", hint="e.g. evidence systems nervous --map")
        return evidence_map(ctx, system)
    if system is None:
        return present.system_list(ctx.store.systems())
    ref = ctx.resolve(system, ["system"])
    return present.system(ctx.store.system(ref.id))


def evidence_map(ctx: Context, system: str) -> Output:
    ref = ctx.resolve(system, ["system"])
    ings, conds, cells = ctx.store.evidence_map(ref.id)
    return present.evidence_map(ctx.store.system(ref.id), ings, conds, cells)


def rubric() -> Output:
    return present.rubric()


def search(ctx: Context, words: list[str], limit: int) -> Output:
    query = " ".join(words).strip()
    if not query:
        raise UsageError("empty search", hint="e.g. evidence search sleep")
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    if len(query) > 1000:
        raise UsageError(f"the search {printable(query, 30)!r} is too long (at most 1000 characters)")
    return present.search(ctx.store.search(query, limit))
