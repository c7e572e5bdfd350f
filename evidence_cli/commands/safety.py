"""safety, interactions: what can go wrong."""

from __future__ import annotations

from typing import Sequence

from evidence_cli import present
from evidence_cli.commands.context import Context
from evidence_cli.model import SEVERITIES
from evidence_cli.render.doc import Output


def safety(ctx: Context, name: str) -> Output:
    ref = ctx.resolve(name, ["ingredient"])
    return present.safety(ctx.store.ingredient(ref.id))


AMONG_NOTE = ("Checked: each supplement against each medicine or class named (a class includes its drugs). "
              "Supplement-with-supplement and medicine-with-medicine pairs are not in the data yet.")


def interactions(ctx: Context, words: Sequence[str]) -> Output:
    """One name: everything it interacts with. Several: every recorded pair among them."""
    words = [w for w in words if w.strip()] or list(words)
    names = _names(ctx, words)
    if len(names) == 1:
        return _one(ctx, names[0])
    refs = [ctx.resolve(n, ["drug", "ingredient"]) for n in names]  # an unknown name stops here, named
    ingredients = list(dict.fromkeys(r.id for r in refs if r.kind == "ingredient"))
    drugs = list(dict.fromkeys(r.id for r in refs if r.kind == "drug"))
    store = ctx.store
    rows, seen = [], set()
    for d in drugs:
        for x in store.interactions_with(d):
            key = (x.ingredient.id, x.drug.id)
            if x.ingredient.id in ingredients and key not in seen:
                seen.add(key)
                rows.append(x)
    rows.sort(key=lambda x: (SEVERITIES.index(x.severity), x.ingredient.name.casefold(), x.drug.name.casefold()))
    listed = ", ".join(r.name for r in refs)
    out = present.interactions(f"Interactions among {listed}", rows, by="ingredient")
    note = AMONG_NOTE if ingredients and drugs else \
        "Name at least one supplement and one medicine: only supplement-medicine pairs are in the data yet."
    return out._replace(footer=f"{note}\n{out.footer}",
                        empty_message=None if rows else f"no interactions are recorded among {listed}")


def _names(ctx: Context, words: Sequence[str]) -> list[str]:
    """The names in the words as typed: each argument, or (unquoted) the longest run of words that
    names a drug or an ingredient, left to right (`warfarin fish oil` is warfarin and fish oil)."""
    from evidence_cli.resolve import find

    if len(words) == 1 or all(find(ctx.store, w, ["drug", "ingredient"]) for w in words):
        return list(words)
    out, i = [], 0
    while i < len(words):
        for j in range(min(len(words), i + 5), i, -1):
            if j == i + 1 or find(ctx.store, " ".join(words[i:j]), ["drug", "ingredient"]):
                out.append(" ".join(words[i:j]))
                i = j
                break
    return out


def _one(ctx: Context, name: str) -> Output:
    ref = ctx.resolve(name, ["drug", "ingredient"])
    store = ctx.store
    if ref.kind == "ingredient":
        rows = store.interactions_of(ref.id)
        return present.interactions(f"{ref.name}: interactions with medicines", rows, by="drug")
    drug = store.drug(ref.id)
    what = "drug class" if drug.kind == "class" else "drug"
    rows = store.interactions_with(ref.id)
    return present.interactions(f"Ingredients that interact with {drug.name} ({what})", rows, by="ingredient")
