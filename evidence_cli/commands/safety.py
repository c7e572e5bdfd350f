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


AMONG_NOTE = ("Checked: each supplement against each medicine, class and supplement named (a class includes its "
              "drugs), the nutrients those medicines lower, and pairs implied by shared effects. Pairs of medicines "
              "are not checked: ask a pharmacist.")


def interactions(ctx: Context, words: Sequence[str]) -> Output:
    """One name: everything it interacts with. Several: every interaction among them."""
    from evidence_cli import regimen

    words = [w for w in words if w.strip()] or list(words)
    names = _names(ctx, words)
    if len(names) == 1:
        return _one(ctx, names[0])
    refs = [ctx.resolve(n, ["drug", "ingredient"]) for n in names]  # an unknown name stops here, named
    refs = [ctx.store.drug(r.id) if r.kind == "drug" else r for r in refs]
    rows = regimen.among(ctx.store, refs)
    listed = ", ".join(r.name for r in dict.fromkeys(refs))
    note = AMONG_NOTE if any(r.kind == "ingredient" for r in refs) else \
        "Name at least one supplement: the data holds interactions of supplements, not of medicines with each other."
    out = present.interactions(f"Interactions among {listed}", rows, by="pair", notes=[note])
    return out._replace(empty_message=None if rows else f"no interactions are recorded among {listed}")


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
    from evidence_cli import regimen

    ref = ctx.resolve(name, ["drug", "ingredient"])
    store = ctx.store
    if ref.kind == "ingredient":
        rows = store.interactions_of(ref.id)
        tags = sorted(store.effects_of([("ingredient", ref.id)])[("ingredient", ref.id)])
        notes = []
        if tags:
            said = ", ".join(store.effect_names()[t] for t in tags)
            notes.append(f"{ref.name} {said}: other medicines and supplements with a matching effect may add to it; "
                         f"name them to check, e.g. evidence interactions {ref.id} warfarin.")
        return present.interactions(f"{ref.name}: interactions", rows, by="drug", notes=notes)
    drug = store.drug(ref.id)
    what = "drug class" if drug.kind == "class" else "drug"
    written = store.interactions_with(ref.id)
    rows = regimen.ordered([*written, *regimen.inferred_for_drug(store, drug, written)])
    return present.interactions(f"Supplements that interact with {drug.name} ({what})", rows, by="ingredient")
