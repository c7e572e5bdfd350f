"""show, ingredients, conditions, systems, search: reading the evidence."""

from __future__ import annotations

from collections import namedtuple
from typing import Optional, Sequence

from evidence_cli import present
from evidence_cli.commands.context import Context
from evidence_cli.errors import NotFound, UsageError
from evidence_cli.model import Ranked
from evidence_cli.render.doc import Output
from evidence_cli.text import printable


class ListFilter(namedtuple("ListFilter", "min_rating validity top", defaults=(None, None, None))):
    """--min-rating, --validity and --top of the ranked lists. Fields: min_rating: Optional[int];
    validity: Optional[str]; top: Optional[int] (a collections.namedtuple: cheap at import)."""

    __slots__ = ()

    @classmethod
    def of(cls, min_rating: Optional[int], validity: Optional[str], top: Optional[int]) -> "ListFilter":
        if validity is not None:
            validity = validity.strip().lower()
            if validity not in ("scientific", "traditional"):
                raise UsageError(f"--validity must be scientific or traditional, not {printable(validity, 30)!r}")
        return cls(min_rating, validity, top)

    def apply(self, rows: Sequence[Ranked], ranked: bool = True) -> list[Ranked]:
        if self.validity and not ranked:
            raise UsageError("--validity applies to a ranked list", hint="name a condition, ingredient or body system")
        out = [r for r in rows if (self.min_rating is None or (r.rating is not None and r.rating >= self.min_rating))
               and (self.validity is None or r.validity == self.validity)]
        return out[: self.top] if self.top else out


NO_FILTER = ListFilter()
FILTERED_OUT = "no rows match --min-rating, --validity and --top"


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
    if card is None and (below := store.cards_below(ing.id, cond.id)):
        return present.cards_below(ing, cond, below)
    if card is None:
        raise NotFound(f"no evidence card for {ing.name} and {cond.name}",
                       hint=f"see `evidence conditions {ing.id}` and `evidence ingredients {cond.id}`")
    return present.card(card)


def show_words(ctx: Context, words: Sequence[str]) -> Output:
    """`show` with its words as typed: `show magnesium "autoimmune disorders"`, `show fish oil heart
    disease`, `show vitamin d`. The reading that resolves is used: the words as one name, or a split
    into an ingredient and a condition (either order); several readings ask for quotes."""
    words = [w for w in words if w.strip()] or list(words)
    if len(words) == 1:
        return show(ctx, words[0], None)
    if len(words) == 2 and _resolves(ctx, words[0], ["ingredient"]) and _resolves(ctx, words[1], ["condition"]):
        return show(ctx, words[0], words[1])  # the documented form: show INGREDIENT CONDITION
    readings: list[tuple[str, Optional[str]]] = []
    whole = " ".join(words)
    if _resolves(ctx, whole, ["ingredient", "condition", "system"]):
        readings.append((whole, None))
    for i in range(1, len(words)):
        first, rest = " ".join(words[:i]), " ".join(words[i:])
        for ing, cond in ((first, rest), (rest, first)):
            if _resolves(ctx, ing, ["ingredient"]) and _resolves(ctx, cond, ["condition"]):
                readings.append((first, rest))
                break
    if len(readings) == 1:
        return show(ctx, *readings[0])
    if len(readings) > 1:
        raise UsageError(f"{printable(whole, 60)!r} can be read more than one way",
                         hint='quote the names, e.g. evidence show "fish oil" "heart disease"')
    # nothing resolves: report on the plainest reading, with its suggestions
    return show(ctx, words[0], " ".join(words[1:])) if len(words) == 2 else show(ctx, whole, None)


def _resolves(ctx: Context, text: str, kinds: list[str]) -> bool:
    from evidence_cli.resolve import find

    return find(ctx.store, text, kinds) is not None


def ingredients(ctx: Context, condition: Optional[str], only: ListFilter = NO_FILTER) -> Output:
    if condition is None:
        return present.ingredient_list(only.apply(ctx.store.ingredients(), ranked=False))
    cond = ctx.resolve(condition, ["condition"])
    every = ctx.store.ingredients_for(cond.id)
    rows = only.apply(every)
    return present.ranked_output(rows, "Ingredient", f"Ingredients for {cond.name}, ranked by evidence",
                                 FILTERED_OUT if every else f"no ingredient has a card for {cond.name} yet")


def conditions(ctx: Context, ingredient: Optional[str], only: ListFilter = NO_FILTER) -> Output:
    if ingredient is None:
        return present.condition_list(only.apply(ctx.store.conditions(), ranked=False))
    ing = ctx.resolve(ingredient, ["ingredient"])
    every = ctx.store.conditions_for(ing.id)
    rows = only.apply(every)
    return present.ranked_output(rows, "Condition", f"{ing.name}: conditions ranked by evidence",
                                 FILTERED_OUT if every else f"{ing.name} has no evidence cards yet")


def systems(ctx: Context, system: Optional[str], as_map: bool = False, only: ListFilter = NO_FILTER) -> Output:
    if as_map:
        if system is None:
            raise UsageError("--map needs a body system", hint="e.g. evidence systems nervous --map")
        return evidence_map(ctx, system)
    if system is None:
        if only.min_rating is not None or only.validity:
            raise UsageError("--min-rating and --validity apply to a body system's conditions", hint="e.g. evidence systems nervous --min-rating 3")
        return present.system_list(only.apply(ctx.store.systems(), ranked=False))
    ref = ctx.resolve(system, ["system"])
    found = ctx.store.system(ref.id)
    return present.system(found._replace(conditions=tuple(only.apply(found.conditions))))


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
    store = ctx.store
    hits = store.search(query, limit, any_word=False)
    if hits:
        return present.search(hits)
    respelled = store.respell(query)  # a typo: `migrane`
    if respelled is not None:
        hits = store.search(respelled, limit, any_word=False)
        if hits:
            return present.search(hits, note=f"nothing matched {printable(query, 60)!r}; showing matches for {respelled!r}")
    return present.search(store.search(query, limit))
