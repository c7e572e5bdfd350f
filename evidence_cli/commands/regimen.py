"""stack: everything a person takes, summed per nutrient against the upper limits, then every
interaction among the items and the medicines they take. The dose engine is `dose`, as for `check`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple, Optional, Sequence

from evidence_cli import dose
from evidence_cli import intake as dri
from evidence_cli import present, regimen
from evidence_cli.commands.context import Context
from evidence_cli.errors import EvidenceError, NotFound, UsageError
from evidence_cli.model import Ingredient, Ref
from evidence_cli.render.doc import NOT_ADVICE, Block, Doc, Output, Table
from evidence_cli.text import printable

class Part(NamedTuple):
    """One nutrient of one item: `item` is what the person named ("Multivitamin", "vitamin d 2000 IU")."""

    item: str
    ingredient: Ingredient
    written: str           # the amount as given, times the servings ("2000 IU", "6 x 13.3 mg")
    amount: dri.Amount
    servings: float
    typed: bool = True     # named on the command line, not a product of the --file


class ProductFileError(EvidenceError):
    """A --file that cannot be read as products: usage (exit 2), with file and line."""


def stack(ctx: Context, items: Sequence[str], person: dri.Person, file: Optional[str], drugs: Sequence[str]) -> Output:
    parts: list[Part] = []
    others: list[Ref] = []  # things taken without a reference intake (or without an amount): interactions only
    for text in items:
        if text.strip():
            _item(ctx, text, parts, others)
    if file is not None:
        _products(ctx, file, parts)
    if not parts and not others:
        raise UsageError("stack needs at least one item", hint='e.g. evidence stack "vitamin d 2000 IU" "calcium 600 mg"')
    drug_refs = [ctx.store.drug(ctx.resolve(d, ["drug"]).id) for d in drugs if d.strip()]
    by_nutrient: dict[str, list[Part]] = {}
    for p in parts:
        by_nutrient.setdefault(p.ingredient.id, []).append(p)
    nutrients = [_nutrient_row(ps, person) for ps in by_nutrient.values()]
    taken = list({r.id: r for r in [*(Ref("ingredient", p.ingredient.id, p.ingredient.name) for p in parts), *others]}.values())
    rows = regimen.among(ctx.store, [*taken, *drug_refs]) if len(taken) + len(drug_refs) > 1 else []
    return _output(nutrients, rows, person, taken, drug_refs)


def _item(ctx: Context, text: str, parts: list[Part], others: list[Ref]) -> None:
    words = text.split()
    at = next((i for i, w in enumerate(words) if i and (w[0].isdigit() or w[0] == ".")), None)
    name = " ".join(words[:at]) if at is not None else text.strip()
    try:
        ref = ctx.resolve(name, ["ingredient"])
    except NotFound:
        from evidence_cli.resolve import find

        medicine = find(ctx.store, name, ["drug"])
        if medicine is None:
            raise
        raise NotFound(f"{printable(name, 60)!r} is a medicine, not a supplement",
                       hint=f"give medicines with --drug, e.g. --drug {_quoted(name)}") from None
    ing = ctx.store.ingredient(ref.id)
    if ing.composition:
        _typical_product(ctx, ing, " ".join(words[at:]) if at is not None else "", parts, others)
        others.append(ref)
        return
    if at is None or not ing.intake:
        others.append(ref)
        return
    rest = " ".join(words[at:])
    dose.require_elemental(ing.forms, ing.intake, name, ing.name, rest, mineral=ing.kind == "mineral")
    salt = _salt_after_amount(ing, rest)
    if salt is not None:  # "iron 325 mg ferrous sulfate": the salt's weight, as check --form takes it
        amount_text, named = salt
        amount = dose.of_salt(dri.parse_amount(amount_text, ing.name, ing.intake), named, ing.name)
        parts.append(Part(printable(text.strip(), 80), ing, f"{amount_text} of {named[0].lower()}", amount, 1))
        return
    amount_text, form = dri.split_form(rest, ing.name, ing.intake, dose.salt_names(ing.forms))
    parts.append(Part(printable(text.strip(), 80), ing, amount_text, dri.parse_amount(amount_text, ing.name, ing.intake, form), 1))


def _salt_after_amount(ing: Ingredient, rest: str) -> Optional[tuple[str, tuple[str, float]]]:
    """The amount and the salt when the words after the amount name one of the ingredient's salts
    whose share is recorded ("325 mg ferrous sulfate", "325 mg as ferrous sulfate")."""
    m = dri.AMOUNT_AND_REST.match(rest)
    if not m or not m.group(2):
        return None
    name, percent = dose.salt_named(ing.forms, re.sub(r"^(?:as|of)\s+", "", m.group(2), flags=re.IGNORECASE)) or ("", None)
    return (m.group(1), (name, percent)) if percent is not None else None


def _quoted(name: str) -> str:
    return name if re.fullmatch(r"[\w.-]+", name) else f'"{name}"'


SERVINGS = re.compile(r"(\d+(?:\.\d+)?|\.\d+)(?:\s*(?:x|servings?|a day|daily))?", re.IGNORECASE)


def _typical_product(ctx: Context, ing: Ingredient, rest: str, parts: list[Part], others: list[Ref]) -> None:
    """A product named alone ("areds2", "multivitamin 2") adds its typical composition, per serving."""
    servings = 1.0
    if rest:
        m = SERVINGS.fullmatch(rest.strip())
        if not m or not 0 < float(m.group(1)) <= 100:
            raise UsageError(f"{ing.name} is a product: give the number of servings a day ({printable(rest, 40)!r} is not one)",
                             hint=f'e.g. "{ing.name} 2", or list your label\'s amounts in a --file')
        servings = float(m.group(1))
    for row in ing.composition["amounts"]:
        nutrient, value = ctx.store.ingredient(row["id"]), row["amount"]
        if not nutrient.intake:
            others.append(Ref("ingredient", nutrient.id, nutrient.name))
            continue
        amount_text, form = dri.split_form(value, nutrient.name, nutrient.intake)
        amount = dri.parse_amount(amount_text, nutrient.name, nutrient.intake, form)
        parts.append(_scaled(f"{ing.name} (typical)", nutrient, amount_text, amount, servings))


def _scaled(item: str, ing: Ingredient, amount_text: str, amount: dri.Amount, servings: float) -> Part:
    scaled = amount._replace(converted=amount.converted * servings, toward_ul=amount.toward_ul * servings)
    written = amount_text if servings == 1 else f"{servings:g} x {amount_text}"
    return Part(item, ing, written, scaled, servings, typed=False)


def _products(ctx: Context, file: str, parts: list[Part]) -> None:
    """[[product]] tables with a name, optional servings a day, and [product.amounts] of label amounts."""
    import tomli

    from evidence_cli.dataset.source import SourceFile

    path = Path(file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProductFileError(f"{printable(file, 80)}: cannot read it ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or 1
        msg = getattr(exc, "msg", None) or re.sub(r"\s*\(at line.*\)$", "", str(exc))
        raise ProductFileError(f"{printable(file, 80)}:{line}: not valid TOML: {msg}",
                               hint="see the README, 'Stack: the products file', for the format") from None
    source = SourceFile(path, file, data, text)

    def fail(at: tuple[Any, ...], message: str, hint: str | None = None) -> ProductFileError:
        return ProductFileError(f"{printable(file, 80)}:{source.line(at)}: {message}", hint=hint)

    products = data.get("product")
    extra = [k for k in data if k != "product"]
    if extra:
        raise fail((extra[0],), f"unexpected key {printable(extra[0], 40)!r}: the file holds [[product]] tables")
    if not isinstance(products, list) or not products or not all(isinstance(p, dict) for p in products):
        raise fail(("product",), "no [[product]] tables", hint='start each product with [[product]], then name = "..." and [product.amounts]')
    for n, product in enumerate(products):
        at = ("product", n)
        name = product.get("name")
        if not isinstance(name, str) or not name.strip():
            raise fail(at, f"product {n + 1} needs a name", hint='name = "Multivitamin"')
        unknown = [k for k in product if k not in ("name", "servings", "amounts")]
        if unknown:
            raise fail(at + (unknown[0],), f"{printable(name, 40)}: unknown key {printable(unknown[0], 40)!r}",
                       hint="a product has name, servings (a day, default 1) and [product.amounts]")
        servings = product.get("servings", 1)
        if isinstance(servings, bool) or not isinstance(servings, (int, float)) or not 0 < servings <= 100:
            raise fail(at + ("servings",), f"{printable(name, 40)}: servings must be a number of servings a day, such as 2")
        amounts = product.get("amounts")
        if not isinstance(amounts, dict) or not amounts:
            raise fail(at, f"{printable(name, 40)}: no [product.amounts]", hint='[product.amounts] then lines such as "vitamin d" = "1000 IU"')
        for key, value in amounts.items():
            where = at + ("amounts", key)
            try:
                ref = ctx.resolve(key, ["ingredient"])
            except NotFound as exc:
                raise fail(where, f"{printable(name, 40)}: {exc.message}", hint=exc.hint) from None
            ing = ctx.store.ingredient(ref.id)
            if not ing.intake:
                raise fail(where, f"{printable(name, 40)}: {ing.name} has no reference intake to add up",
                           hint="list vitamins and minerals here; name herbs and other supplements as items")
            if not isinstance(value, str):
                raise fail(where, f"{printable(name, 40)}: the amount of {ing.name} must be a string with its unit, such as \"{_example(ing)}\"")
            try:
                dose.require_elemental(ing.forms, ing.intake, key, ing.name, value, mineral=ing.kind == "mineral")
                amount_text, form = dri.split_form(value, ing.name, ing.intake)
                amount = dri.parse_amount(amount_text, ing.name, ing.intake, form)
            except UsageError as exc:
                raise fail(where, f"{printable(name, 40)}: {exc.message}", hint=exc.hint) from None
            parts.append(_scaled(printable(name.strip(), 80), ing, amount_text, amount, servings))


def _example(ing: Ingredient) -> str:
    return dri.safe_example(ing.intake or {}).split(" ")[0]


def _nutrient_row(parts: list[Part], person: dri.Person) -> dict[str, Any]:
    ing = parts[0].ingredient
    assert ing.intake is not None
    total = sum(p.amount.converted for p in parts)
    toward = sum(p.amount.toward_ul for p in parts)
    target = dose.target_for(ing.intake, person)
    unit = dri.unit_label(ing.intake)
    verdict = dose.assess(ing.intake, target, total, toward, ing.name, written=f"{dose.fmt_amount(total)} {unit}")
    personal = present.personal_intake(ing, target, person)
    return {
        "nutrient": ing.id, "name": ing.name, "total": round(total, 6), "toward_ul": round(toward, 6), "unit": unit,
        "ul_unit": dose.ul_label(ing.intake),
        "from": [{"item": p.item, "amount": p.written, "converted": round(p.amount.converted, 6), "typed": p.typed} for p in parts],
        "group": target.group, "rda": target.rda, "ai": target.ai, "ul": target.ul,
        "ul_applies_to": ing.intake.get("ul_applies_to"), "verdict": verdict.code, "message": verdict.sentence,
        "notes": [*personal["notes"], *(p.amount.note for p in parts if p.amount.note)],
    }


def _output(nutrients: list[dict[str, Any]], rows: list[Any], person: dri.Person, taken: list[Ref], drugs: list[Ref]) -> Output:
    verdict_words = {"above-ul": "ABOVE UL", "at-ul": "AT UL: no more", "within-ul": "within UL", "no-ul": "no UL set"}
    table = Table(
        columns=["Nutrient", "Total a day", "From", "RDA/AI", "UL", "UL covers", "Verdict"],
        rows=[[n["name"], f"{dose.fmt_amount(n['total'])} {n['unit']}",
               " + ".join(f["amount"] if f["typed"] else f"{f['item']} ({f['amount']})" for f in n["from"]),
               _need(n), "-" if n["ul"] is None else f"{dose.fmt_amount(n['ul'])} {n['ul_unit']}",
               n["ul_applies_to"] or "-", verdict_words[n["verdict"]]] for n in nutrients],
        title="Your daily total, per nutrient")
    above = [n["nutrient"] for n in nutrients if n["verdict"] in ("above-ul",)]
    at = [n["nutrient"] for n in nutrients if n["verdict"] == "at-ul"]
    blocks = []
    warnings = [n["message"] for n in nutrients if n["verdict"] in ("above-ul", "at-ul")]
    if warnings:
        blocks.append(Block(text=" ".join(warnings), style="warning"))
    elif nutrients:
        blocks.append(Block(text="No nutrient is above its upper limit."))
    if nutrients:
        blocks.append(Block(table=table))
    else:
        blocks.append(Block(text='No amounts to add up: give vitamins and minerals as "NAME AMOUNT" ("zinc 25 mg"), '
                                 "or products with --file."))
    notes = sorted({note[0].upper() + note[1:] for n in nutrients for note in n["notes"]})
    if nutrients:
        notes.insert(0, "Totals are from supplements; food adds to them, and where the UL counts total intake "
                        "(see UL covers), food counts too. The RDA/AI is a target for food and supplements together.")
    if notes:
        blocks.append(Block(bullets=notes))
    if len(taken) + len(drugs) == 1:
        blocks.append(Block(text="Name two or more items, or your medicines with --drug, to check interactions."))
    if len(taken) + len(drugs) > 1:
        heading = "Interactions among these" + (" and your medicines" if drugs else "")
        if rows:
            blocks.append(Block(heading, text=f"{len(rows)} found, most severe first."))
            blocks += present.interaction_blocks(rows, by="pair")
            blocks.append(Block(bullets=[present.EVIDENCE_NOTE]))
        else:
            blocks.append(Block(heading, text="None is recorded among these items"
                                + (" and your medicines." if drugs else ".")))
    data = {
        "person": {"age_months": person.months, "sex": person.sex, "pregnant": person.pregnant, "lactating": person.lactating},
        "nutrients": [{k: v for k, v in n.items() if k != "notes"} | {"notes": n["notes"]} for n in nutrients],
        "above_ul": above, "at_ul": at,
        "items": [{"kind": "ingredient", "id": r.id, "name": r.name} for r in taken],
        "drugs": [{"kind": r.kind, "id": r.id, "name": r.name} for r in drugs],
        "interactions": [x.as_json() for x in rows],
    }
    title = "Your supplements" + (f" with {', '.join(d.name for d in drugs)}" if drugs else "")
    return Output(data=data, doc=Doc(title, blocks, note=NOT_ADVICE), table=table)


def _need(n: dict[str, Any]) -> str:
    for key, label in (("rda", "RDA"), ("ai", "AI")):
        if n[key] is not None:
            return f"{dose.fmt_amount(n[key])} {n['unit']} ({label})"
    return "-"
