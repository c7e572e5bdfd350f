"""safety, interactions: what can go wrong."""

from __future__ import annotations

from evidence_cli import present
from evidence_cli.commands.context import Context
from evidence_cli.render.doc import Output


def safety(ctx: Context, name: str) -> Output:
    ref = ctx.resolve(name, ["ingredient"])
    return present.safety(ctx.store.ingredient(ref.id))


def interactions(ctx: Context, name: str) -> Output:
    ref = ctx.resolve(name, ["drug", "ingredient"])
    store = ctx.store
    if ref.kind == "ingredient":
        rows = store.interactions_of(ref.id)
        return present.interactions(f"{ref.name}: interactions with medicines", rows, by="drug")
    drug = store.drug(ref.id)
    what = "drug class" if drug.kind == "class" else "drug"
    rows = store.interactions_with(ref.id)
    return present.interactions(f"Ingredients that interact with {drug.name} ({what})", rows, by="ingredient")
