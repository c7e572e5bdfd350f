"""Interactions among several things a person takes: the pairs written in the data, the nutrients
their drugs lower, and the pairs implied by shared effect tags (data/effects.toml). `interactions
A B C` and `stack` both ask this module; written pairs always win over inferred ones."""

from __future__ import annotations

from itertools import combinations
from typing import Iterable, Sequence

from evidence_cli.model import INTERACTION_KINDS, SEVERITIES, Interaction, Ref
from evidence_cli.store.queries import Store

Item = tuple[str, str]  # ("ingredient" | "drug", id)


def _item(ref: Ref) -> Item:
    return ("ingredient", ref.id) if ref.kind == "ingredient" else ("drug", ref.id)


def ordered(rows: Iterable[Interaction]) -> list[Interaction]:
    """Most severe first; at one severity, written before depletion before inferred."""
    return sorted(rows, key=lambda x: (SEVERITIES.index(x.severity), INTERACTION_KINDS.index(x.kind),
                                       x.ingredient.name.casefold(), x.other.name.casefold()))


def among(store: Store, refs: Sequence[Ref]) -> list[Interaction]:
    """Every interaction among the named things that involves at least one supplement. Pairs of
    medicines are not checked (the data holds no drug-drug interactions)."""
    refs = list({(r.kind, r.id): r for r in refs}.values())
    ingredients = [r for r in refs if r.kind == "ingredient"]
    drugs = [r for r in refs if r.kind != "ingredient"]
    related = {d.id: store.related_drugs(d.id) for d in drugs}
    rows: list[Interaction] = []
    covered: set[frozenset[Item]] = set()  # pairs with a written row: no inferred row for them
    seen: set[tuple[str, str, str]] = set()
    candidates: list[tuple[Interaction, list[Ref]]] = []
    for ing in ingredients:
        for x in store.interactions_of(ing.id):
            if x.kind == "depletion":
                continue  # listed once per drug below
            if x.other.kind == "ingredient":
                partners = [r for r in ingredients if r.id == x.other.id and r.id != ing.id]
            else:
                partners = [d for d in drugs if x.other.id in related[d.id]]
            if partners:
                candidates.append((x, partners))
    # a pair of supplements written in both files: the more severe row stands (on a tie, the one
    # whose ingredient comes first by id), whichever order the names were given in
    candidates.sort(key=lambda c: (SEVERITIES.index(c[0].severity), c[0].ingredient.id))
    for x, partners in candidates:
        pair_key = ("written", *sorted((x.ingredient.id, x.other.id)))
        if pair_key in seen:
            continue
        seen.add(pair_key)
        rows.append(x)
        for p in partners:
            covered.add(frozenset({("ingredient", x.ingredient.id), _item(p)}))
    for d in drugs:
        for x in store.interactions_with(d.id):
            key = ("depletion", x.ingredient.id, x.other.id)
            if x.kind == "depletion" and key not in seen:
                seen.add(key)
                rows.append(x)
    rows += inferred(store, refs, covered)
    return ordered(rows)


def inferred(store: Store, refs: Sequence[Ref], covered: set[frozenset[Item]] = frozenset(),
             anchor: Ref | None = None) -> list[Interaction]:
    """Rows implied by effect tags for each pair of `refs` with at least one supplement and no
    written row: both raise bleeding risk, a CYP3A4 inducer with a substrate, and so on. Each says
    it is inferred, is graded D, and is no more severe than its pair allows (effects.toml). With
    an `anchor`, only the pairs that include it."""
    tags = store.effects_of(_item(r) for r in refs)
    pairs = store.effect_pairs()
    names = store.effect_names()
    out = []
    for one, two in combinations(refs, 2):
        if one.kind != "ingredient" and two.kind != "ingredient":
            continue
        if anchor is not None and anchor not in (one, two):
            continue
        if frozenset({_item(one), _item(two)}) in covered:
            continue
        if one.kind != "ingredient":
            one, two = two, one
        t1, t2 = tags[_item(one)], tags[_item(two)]
        for a, b, severity, mechanism, effect, advice in pairs:
            if (a in t1 and b in t2) or (b in t1 and a in t2):
                basis = (a, b) if a in t1 and b in t2 else (b, a)
                said = names[basis[0]] if basis[0] == basis[1] else f"{names[basis[0]]} / {names[basis[1]]}"
                text = f"Inferred from shared effects ({said}), not a documented interaction: {effect}"
                out.append(Interaction(one, two, "inferred", severity, "D", mechanism, text, advice, (), basis))
    return out


def inferred_for_drug(store: Store, drug: Ref, written: Sequence[Interaction]) -> list[Interaction]:
    """For one drug: the supplements whose effect tags pair with the drug's, where nothing is written."""
    mine = store.effects_of([("drug", drug.id)])[("drug", drug.id)]
    if not mine:
        return []
    pairs = store.effect_pairs()
    partners = {b for a, b, *_ in pairs if a in mine} | {a for a, b, *_ in pairs if b in mine}
    candidates = store.ingredients_with_effects(partners)
    covered = {frozenset({("ingredient", x.ingredient.id), ("drug", drug.id)}) for x in written}
    return inferred(store, [drug, *candidates], covered, anchor=drug)
