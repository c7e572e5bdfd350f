"""Model objects -> Output (a document or table plus the JSON payload). No formatting here: the
formatters in render/ decide how a Doc or Table looks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Sequence

from evidence_cli.render.doc import NOT_ADVICE, Block, Doc, Output, Table

if TYPE_CHECKING:
    from evidence_cli.dose import Assessment, Target
    from evidence_cli.intake import Person
    from evidence_cli.model import Card, Condition, Food, Ingredient, Interaction, Ranked, Ref, SearchHit, System

SR28 = "Food figures: USDA National Nutrient Database for Standard Reference, Release 28 (SR28), 2016."


def _ref_line(r: dict[str, Any]) -> str:
    ids = []
    if r.get("pmid"):
        ids.append(f"PMID {r['pmid']}")
    if r.get("doi"):
        ids.append(f"doi:{r['doi']}")
    if r.get("url"):
        ids.append(r["url"])
    return r["citation"] + (f" ({'; '.join(ids)})" if ids else "")


def ranked_table(rows: Sequence[Ranked], name_column: str, title: Optional[str] = None) -> Table:
    if any(r.extra and "condition" in r.extra for r in rows):  # a broad condition: say which card each row is
        return Table(
            columns=["Rating", name_column, "Condition", "Source", "Verdict"],
            rows=[[r.rating, r.name, r.extra["condition"]["name"], r.validity, r.verdict] for r in rows],
            title=title, rating_column=0,
        )
    return Table(
        columns=["Rating", name_column, "Source", "Verdict"],
        rows=[[r.rating, r.name, r.validity, r.verdict] for r in rows],
        title=title, rating_column=0,
    )


def ranked_output(rows: Sequence[Ranked], name_column: str, title: Optional[str], empty: str) -> Output:
    return Output(data=[r.as_json() for r in rows], table=ranked_table(rows, name_column, title),
                  empty_message=empty if not rows else None)


# -- cards and overviews -------------------------------------------------------------------------

def card(c: Card) -> Output:
    data = c.as_json()
    refs = [_ref_line(r) for r in data["references"]]
    blocks = [
        Block("Synopsis", text=c.synopsis),
        Block("Evidence", fields=[("Study types", ", ".join(c.study_types)), ("Reviewed", c.reviewed)]),
    ]
    if refs:
        blocks.append(Block("References", bullets=refs))
    if c.other_conditions:
        shown = c.other_conditions[:12]
        more = len(c.other_conditions) - len(shown)
        items = [f"{r.name} ({r.rating}/5)" for r in shown]
        text = "; ".join(items) + (f"; and {more} more (evidence conditions {c.ingredient.id})" if more else "")
        blocks.append(Block(f"Other conditions for {c.ingredient.name}", text=text))
    from evidence_cli.rubric import NAMES, STEP_SHORT

    step = f", step {c.rubric_step}: {STEP_SHORT[c.rubric_step]}" if c.rubric_step else ""
    doc = Doc(
        title=f"{c.ingredient.name} for {c.condition.name}", rating=(c.rating, c.validity), verdict=c.verdict,
        blocks=blocks, note=NOT_ADVICE,
        subtitle=f"Evidence rating: {c.rating}/5, {NAMES[c.rating]}{step} (evidence rubric explains the scale)",
    )
    return Output(data=data, doc=doc, table=card_table([data]))


CARD_COLUMNS = ["ingredient_id", "ingredient", "condition_id", "condition", "validity", "rating", "rubric_step", "verdict",
                "synopsis", "study_types", "references", "reviewed"]


def card_table(cards: Sequence[dict[str, Any]]) -> Table:
    """Cards (as their JSON) one per row: the table CSV shows for a card and for `export`."""
    return Table(columns=CARD_COLUMNS, rows=[
        [c["ingredient"]["id"], c["ingredient"]["name"], c["condition"]["id"], c["condition"]["name"], c["validity"],
         c["rating"], c.get("rubric_step"), c["verdict"], c["synopsis"], "; ".join(c["study_types"]),
         " | ".join(_ref_line(r) for r in c["references"]), c["reviewed"]] for c in cards])


def cards_below(ingredient: "Ref", condition: "Ref", cards: Sequence[Card]) -> Output:
    """`show ginger nausea`: a broad condition, answered with the ingredient's cards on the
    conditions it covers, best first."""
    from evidence_cli.rubric import NAMES

    blocks = []
    for c in cards:
        step = f", step {c.rubric_step}" if c.rubric_step else ""
        blocks.append(Block(f"{c.condition.name}: {c.rating}/5, {NAMES[c.rating]}{step}",
                            fields=[("Verdict", c.verdict), ("Source", c.validity.capitalize()),
                                    ("Full card", f"evidence show {c.ingredient.id} {c.condition.id}")]))
    n = len(cards)
    doc = Doc(title=f"{ingredient.name} for {condition.name}", blocks=blocks, note=NOT_ADVICE,
              subtitle=f"{condition.name} covers several conditions; {ingredient.name} has "
                       f"{'a card' if n == 1 else f'{n} cards'} among them, best first")
    data = {"ingredient": {"id": ingredient.id, "name": ingredient.name},
            "condition": {"id": condition.id, "name": condition.name}, "cards": [c.as_json() for c in cards]}
    return Output(data=data, doc=doc, table=card_table(data["cards"]))


def intake_summary(ing: Ingredient) -> Optional[str]:
    from evidence_cli.intake import unit_label

    intake = ing.intake
    if not intake:
        return None
    unit = unit_label(intake)
    adults = [r for r in intake["rows"] if r["stage"] == "31-50y" and not r.get("status")]
    parts = []
    for r in adults:
        need = r.get("rda", r.get("ai"))
        if need is None:
            continue
        label = "RDA" if "rda" in r else "AI"
        who = {"female": "women", "male": "men"}.get(r["sex"], "adults")
        parts.append(f"{who} 31-50: {label} {need:g} {unit}")
    uls = {r.get("ul") for r in adults}
    ul = next(iter(uls)) if len(uls) == 1 else None
    if not parts:
        parts.append("no RDA or AI is set")
    text = "; ".join(parts)
    if ul is not None:
        text += f"; UL {ul:g} {unit}" + (f" ({intake['ul_applies_to']})" if intake.get("ul_applies_to") else "")
    return text + f". Full table: evidence intake {ing.id}"


def ingredient(ing: Ingredient) -> Output:
    p = ing.profile
    facts = [("Kind", ing.kind)]
    if ing.latin_name:
        facts.append(("Latin name", ing.latin_name))
    if ing.aliases:
        facts.append(("Also called", ", ".join(ing.aliases)))
    if ing.systems:
        facts.append(("Body systems", ", ".join(s.name for s in ing.systems)))
    blocks = [Block(text=ing.summary), Block(fields=facts)]
    for key, heading in (("functions", "What it does"), ("deficiency", "Deficiency"), ("doses_studied", "Doses studied")):
        if p.get(key):
            blocks.append(Block(heading, text=p[key]))
    if p.get("at_risk"):
        blocks.append(Block("Who is at risk of deficiency", bullets=list(p["at_risk"])))
    if ing.forms:
        blocks.append(Block("Forms", bullets=[_form_line(f) for f in ing.forms]))
    comp = ing.composition
    if comp:
        blocks.append(Block(f"Typical composition, per {comp['serving']}",
                            fields=[(row["name"], row["amount"]) for row in comp["amounts"]]))
        blocks.append(Block(text=f"Source: {comp['source']}" + (f" {comp['source_url']}" if comp.get("source_url") else "")
                            + f'. To add it to the rest of what you take: evidence stack "{ing.id}" ...'))
    summary = intake_summary(ing)
    if summary:
        blocks.append(Block("Reference intake", text=summary))
    if ing.cards:
        blocks.append(Block(f"Top-rated conditions ({len(ing.cards)} in all: evidence conditions {ing.id})",
                            table=ranked_table(ing.cards[:10], "Condition")))
    safety = ing.safety
    notes = [safety["summary"]] if safety.get("summary") else []
    notes += [f"Interacts with {x.other.name} ({x.severity}): {x.effect}" for x in ing.interactions if x.severity == "major"]
    if notes or ing.interactions:
        notes.append(f"Full safety and interactions: evidence safety {ing.id}")
        blocks.append(Block("Key safety notes", bullets=notes))
    data = {
        "kind": "ingredient", "id": ing.id, "name": ing.name, "type": ing.kind, "latin_name": ing.latin_name or None,
        "aliases": ing.aliases, "systems": [{"id": s.id, "name": s.name} for s in ing.systems], "summary": ing.summary,
        **{k: p.get(k) for k in ("functions", "deficiency", "at_risk", "toxicity", "doses_studied")},
        "forms": ing.forms, "composition": comp or None, "intake_summary": summary, "conditions": [r.as_json() for r in ing.cards],
        "safety": safety, "interactions": [x.as_json() for x in ing.interactions],
    }
    return Output(data=data, doc=Doc(ing.name, blocks, subtitle=f"Ingredient · {ing.kind}", note=NOT_ADVICE),
                  table=ranked_table(ing.cards, "Condition"))


def _form_line(f: dict[str, Any]) -> str:
    line = f["name"]
    if f.get("elemental_percent") is not None:
        line += f" (about {f['elemental_percent']:g}% elemental)"
    return line + (f": {f['note']}" if f.get("note") else "")


URGENCY_HEADINGS = (
    ("emergency", "Emergency: call 911, 999 or 112 now if"),
    ("urgent", "Urgent: see a doctor today if"),
    ("soon", "See a doctor soon if"),
)


def profile_blocks(profile: dict[str, Any]) -> list[Block]:
    """A condition's profile as a health page gives it: what it is, symptoms, when to get help
    (most urgent first, emergencies styled as warnings), conventional care, sources."""
    blocks = [Block("What it is", text=" ".join(profile["what_it_is"].split())),
              Block("Symptoms", bullets=list(profile["symptoms"]))]
    for urgency, heading in URGENCY_HEADINGS:
        signs = [s["sign"] for s in profile["see_a_doctor"] if s["urgency"] == urgency]
        if signs:
            blocks.append(Block(heading, bullets=signs, style="warning" if urgency == "emergency" else ""))
    blocks.append(Block("Conventional care (what a doctor may offer first)", bullets=list(profile["conventional_care"])))
    blocks.append(Block("Sources", bullets=[_ref_line(r) for r in profile["sources"]],
                        fields=[("Reviewed", str(profile["reviewed"]))]))
    return blocks


def condition(c: Condition) -> Output:
    fields = [("Body systems", ", ".join(s.name for s in c.systems))]
    if c.aliases:
        fields.append(("Also called", ", ".join(c.aliases)))
    if c.broader:
        fields.append(("Part of", ", ".join(b.name for b in c.broader)))
    if c.narrower:
        fields.append(("Covers", ", ".join(n.name for n in c.narrower)))
    blocks = [Block(text=c.summary), Block(fields=fields)]
    if c.profile:
        if c.profile_of:
            blocks.append(Block(text=f"About {c.profile_of.name}, which this condition is part of:"))
        blocks += profile_blocks(c.profile)
        blocks.append(Block(text="Supplements do not replace the care above. The evidence for each one:"))
    if c.ingredients:
        heading = "Ingredients, ranked by evidence" + (" (the cards on every condition it covers)" if c.narrower else "")
        blocks.append(Block(heading, table=ranked_table(c.ingredients, "Ingredient")))
    else:
        blocks.append(Block(text="No ingredient has a card for this condition yet."))
    data = {"kind": "condition", "id": c.id, "name": c.name, "aliases": c.aliases,
            "systems": [{"id": s.id, "name": s.name} for s in c.systems], "summary": c.summary,
            "profile": c.profile, "profile_of": {"id": c.profile_of.id, "name": c.profile_of.name} if c.profile_of else None,
            "broader": [{"id": b.id, "name": b.name} for b in c.broader],
            "narrower": [{"id": n.id, "name": n.name} for n in c.narrower], "ingredients": [r.as_json() for r in c.ingredients]}
    return Output(data=data, doc=Doc(c.name, blocks, subtitle="Health condition", note=NOT_ADVICE),
                  table=ranked_table(c.ingredients, "Ingredient"))


def system_table(rows: Sequence[Ranked]) -> Table:
    """A system's conditions with the best card of each: its verdict goes with its rating, so that
    a 4 is never read against the wrong question (melatonin helps sleep in autism, not autism)."""
    return Table(
        columns=["Best rating", "Condition", "Best-rated ingredient", "Cards", "Verdict of the best card"],
        rows=[[r.rating, r.name, (r.extra.get("best_ingredient") or {}).get("name"), r.extra.get("cards", 0), r.verdict]
              for r in rows],
        rating_column=0,
    )


def system(s: System) -> Output:
    blocks = [Block(text=s.summary)]
    if s.conditions:
        blocks.append(Block(f"Conditions ({len(s.conditions)})", table=system_table(s.conditions)))
    data = {"kind": "system", "id": s.id, "name": s.name, "aliases": s.aliases, "summary": s.summary,
            "conditions": [r.as_json() for r in s.conditions]}
    return Output(data=data, doc=Doc(s.name, blocks, subtitle="Body system", note=NOT_ADVICE), table=system_table(s.conditions))


# -- lists -----------------------------------------------------------------------------------------

def ingredient_list(rows: Sequence[Ranked]) -> Output:
    table = Table(columns=["Ingredient", "Kind", "Cards", "Best rating"],
                  rows=[[r.name, r.extra["kind"], r.extra["cards"], r.rating] for r in rows], rating_column=3)
    return Output(data=[{"id": r.id, "name": r.name, "rating": r.rating, "validity": None, **r.extra} for r in rows], table=table)


def condition_list(rows: Sequence[Ranked]) -> Output:
    table = Table(columns=["Condition", "Body systems", "Cards", "Best rating"],
                  rows=[[r.name, ", ".join(r.extra["systems"]), r.extra["cards"], r.rating] for r in rows], rating_column=3)
    return Output(data=[{"id": r.id, "name": r.name, "rating": r.rating, "validity": None, **r.extra} for r in rows], table=table)


def system_list(rows: Sequence[Ranked]) -> Output:
    table = Table(columns=["Body system", "Conditions", "Summary"],
                  rows=[[r.name, r.extra["conditions"], r.extra["summary"]] for r in rows])
    return Output(data=[{"id": r.id, "name": r.name, "rating": None, "validity": None, **r.extra} for r in rows], table=table)


# -- intake ------------------------------------------------------------------------------------------

def _fmt(v: Optional[float]) -> str:
    return "not determined" if v is None else f"{v:g}"


def intake_table(ing: Ingredient, highlight: Optional[dict[str, Any]] = None) -> Output:
    from evidence_cli.intake import stage_label, unit_label

    intake = ing.intake or {}
    unit = unit_label(intake)
    has_cdrr = any("cdrr" in r for r in intake["rows"])  # sodium's chronic-disease risk reduction intake
    keys = ["group", "stage", "sex", "status", "rda", "ai", "ul"] + (["cdrr"] if has_cdrr else [])
    rows, data_rows, marked = [], [], None
    for i, r in enumerate(intake["rows"]):
        label = stage_label(r["stage"], r["sex"], r.get("status", ""))
        kind = "RDA" if "rda" in r else "AI" if "ai" in r else "-"
        row = [label, kind, _fmt(r.get("rda", r.get("ai"))), _fmt(r.get("ul"))]
        if has_cdrr:
            row.append(_fmt(r.get("cdrr")))
        rows.append(row)
        if r is highlight:
            marked = i
        record = {"group": label, "stage": r["stage"], "sex": r["sex"], "status": r.get("status"),
                  "rda": r.get("rda"), "ai": r.get("ai"), "ul": r.get("ul")}
        if "cdrr" in r:
            record["cdrr"] = r["cdrr"]
        data_rows.append(record)
    columns = ["Group", "Type", f"RDA/AI ({unit})", f"UL ({unit})"] + ([f"CDRR ({unit})"] if has_cdrr else [])
    table = Table(columns=columns, rows=rows, highlight=marked)
    notes = [f"UL applies to: {intake['ul_applies_to']}"] if intake.get("ul_applies_to") else []
    if intake.get("smoker"):
        notes.append(f"Smokers need {intake['smoker']['rda_add']:g} {unit} a day more than the RDA.")
    notes += list(intake.get("notes", []))
    for u in intake.get("units", []):
        notes.append(f"1 {u['unit']}{' (' + u['form'] + ')' if u.get('form') else ''} = {u['per_unit']:g} {unit}")
    notes.append("Source: " + intake["source"] + (f" ({intake['source_url']})" if intake.get("source_url") else ""))
    blocks = [Block(table=table), Block("Notes", bullets=notes)]
    data = {"nutrient": ing.id, "name": ing.name, "unit": unit, "ul_applies_to": intake.get("ul_applies_to"),
            "ul_scope": intake.get("ul_scope"), "source": intake["source"], "source_url": intake.get("source_url"),
            "rows": data_rows}
    doc = Doc(f"{ing.name}: reference intakes", blocks,
              subtitle="RDA: Recommended Dietary Allowance · AI: Adequate Intake · UL: Tolerable Upper Intake Level")
    csv_table = Table(columns=keys, rows=[[d.get(k) for k in keys] for d in data_rows])
    return Output(data=data, doc=doc, table=csv_table)


def personal_intake(ing: Ingredient, target: Target, person: Person) -> dict[str, Any]:
    from evidence_cli.intake import unit_label

    intake = ing.intake or {}
    out = {
        "nutrient": ing.id, "name": ing.name, "unit": unit_label(intake), "group": target.group,
        "rda": target.rda, "ai": target.ai, "ul": target.ul, "ul_applies_to": intake.get("ul_applies_to"),
        "source": intake.get("source"),
    }
    if target.rda_range:
        out["rda_range"] = list(target.rda_range)
    if target.ai_range:
        out["ai_range"] = list(target.ai_range)
    if target.cdrr is not None:
        out["cdrr"] = target.cdrr
    notes = list(target.notes)
    if person.smoker and intake.get("smoker"):
        notes.append(f"includes {intake['smoker']['rda_add']:g} {unit_label(intake)} more for smokers")
    out["notes"] = notes
    return out


def person_intake(ing: Ingredient, personal: dict[str, Any], row: dict[str, Any]) -> Output:
    full = intake_table(ing, highlight=row)
    unit = personal["unit"]
    fields = [("Group", personal["group"]), *_need_fields(personal),
              ("UL", "not determined" if personal["ul"] is None else f"{personal['ul']:g} {unit} a day")]
    if personal.get("cdrr") is not None:
        fields.append(("CDRR", f"reduce intake if above {personal['cdrr']:g} {unit} a day"))
    if personal.get("ul_applies_to") and personal["ul"] is not None:
        fields.append(("UL applies to", personal["ul_applies_to"]))
    blocks = [Block("Your reference intake", fields=fields)]
    if personal["notes"]:
        blocks.append(Block(bullets=[n[0].upper() + n[1:] for n in personal["notes"]]))
    assert full.doc is not None
    blocks += full.doc.blocks
    doc = Doc(f"{ing.name}: reference intake for {personal['group'].lower()}", blocks, subtitle=full.doc.subtitle)
    table = Table(columns=list(k for k in personal if k != "notes"), rows=[[personal[k] for k in personal if k != "notes"]])
    return Output(data=personal, doc=doc, table=table)


def _need_fields(personal: dict[str, Any]) -> list[tuple[str, str]]:
    unit, fields = personal["unit"], []
    for key, label in (("rda", "RDA"), ("ai", "AI")):
        if personal[key] is not None:
            fields.append((label, f"{personal[key]:g} {unit} a day"))
        elif personal.get(key + "_range"):
            low, high = personal[key + "_range"]
            fields.append((label, f"{low:g} to {high:g} {unit} a day, by age and sex"))
    return fields


VERDICT_TITLES = {"above-ul": "Above the upper limit", "at-ul": "At the upper limit: do not take more",
                  "within-ul": "Within the upper limit", "no-ul": "No upper limit is set"}


def check(personal: dict[str, Any], amount: dict[str, Any], verdict: Assessment) -> Output:
    data = {**personal, "amount": amount["converted"], "amount_toward_ul": amount["toward_ul"], "unit": personal["unit"],
            "input": amount["input"], "basis": "total intake" if amount["total"] else "supplements",
            "verdict": verdict.code, "message": verdict.sentence, "context": verdict.context}
    as_given = amount["input_unit"] == personal["unit"].split()[0] and amount["input_value"] == amount["converted"]
    converted = "" if as_given and amount["converted"] == amount["toward_ul"] else f" = {amount['converted']:g} {personal['unit']}"
    fields = [("Amount", amount["input"] + converted + (" in all (food included)" if amount["total"] else " from supplements")),
              ("Group", personal["group"]), *_need_fields(personal),
              ("UL", "not determined" if personal["ul"] is None else f"{personal['ul']:g} {personal['unit']} a day")]
    if personal.get("ul_applies_to") and personal["ul"] is not None:
        fields.append(("UL applies to", personal["ul_applies_to"]))
    blocks = [Block(text=verdict.sentence, style="warning" if verdict.code in ("above-ul", "at-ul") else ""),
              Block(fields=fields)]
    extra = list(verdict.context) + list(personal["notes"]) + ([amount["note"]] if amount.get("note") else [])
    if extra:
        blocks.append(Block(bullets=[n[0].upper() + n[1:] for n in extra]))
    doc = Doc(f"{personal['name']}: {amount['input']} a day", blocks, note=NOT_ADVICE, verdict=VERDICT_TITLES[verdict.code])
    cols = [k for k in data if k not in ("notes", "context")]
    return Output(data=data, doc=doc, table=Table(columns=cols, rows=[[data[k] for k in cols]]))


# -- foods, safety, interactions, search ---------------------------------------------------------------

def foods(nutrient_name: str, rows: Sequence[Food], per: str, label: str, dv: Optional[float], common_only: bool,
          notes: Sequence[str] = ()) -> Output:
    amount_col = f"{label} per {'serving' if per == 'serving' else '100 g'} ({rows[0].unit if rows else ''})".replace(" ()", "")
    columns = ["Food", "Group"] + (["Serving", "g"] if per == "serving" else []) + [amount_col, "% DV"]
    table_rows = []
    for f in rows:
        row: list[Any] = [f.name, f.group]
        if per == "serving":
            row += [f.serving, f.grams]
        row += [f.amount, f.dv_percent]
        table_rows.append(row)
    dv_note = f" % DV: of the FDA adult Daily Value ({dv:g} {rows[0].unit if rows else ''})." if dv else " No FDA Daily Value is set for this nutrient."
    scope = (" Foods as eaten (cooked or ready to eat), one row for salted and unsalted copies; --all for every"
             " food, including dry, raw and concentrated forms." if common_only else "")
    footer = " ".join([SR28 + dv_note + scope, *notes])
    table = Table(columns=columns, rows=table_rows, bars=len(columns) - 2,
                  title=f"Food sources of {nutrient_name}, ranked per {'serving' if per == 'serving' else '100 g'}")
    csv_table = table._replace(columns=[*columns, "Source"], rows=[[*r, "USDA SR28"] for r in table_rows])
    return Output(data=[f.as_json() for f in rows], table=table, footer=footer,
                  empty_message=f"no foods with {nutrient_name} match" if not rows else None, csv_table=csv_table)


def safety(ing: Ingredient) -> Output:
    s = ing.safety
    blocks = []
    if s.get("summary"):
        blocks.append(Block(text=s["summary"]))
    if s.get("side_effects"):
        blocks.append(Block("Side effects", bullets=list(s["side_effects"])))
    if s.get("avoid"):
        blocks.append(Block("Who should avoid it or take care", bullets=list(s["avoid"])))
    if s.get("pregnancy"):
        blocks.append(Block("Pregnancy and breastfeeding", text=s["pregnancy"]))
    if ing.profile.get("toxicity") or s.get("overdose"):
        blocks.append(Block("Too much", text=" ".join(x for x in (ing.profile.get("toxicity"), s.get("overdose")) if x)))
    if ing.intake and any("ul" in r for r in ing.intake["rows"]):
        blocks.append(Block("Upper limit", text=intake_summary(ing) or ""))
    if ing.interactions:
        blocks.append(Block("Interactions", table=interaction_table(ing.interactions, by="drug")))
    else:
        blocks.append(Block("Interactions", text="No interactions are recorded for this ingredient."))
    data = {"id": ing.id, "name": ing.name, **{k: s.get(k) for k in ("summary", "side_effects", "avoid", "pregnancy", "overdose")},
            "toxicity": ing.profile.get("toxicity"), "interactions": [x.as_json() for x in ing.interactions]}
    return Output(data=data, doc=Doc(f"{ing.name}: safety", blocks, note=NOT_ADVICE),
                  table=interaction_table(ing.interactions, by="drug"))


def _numbered_sources(rows: Sequence[Interaction]) -> tuple[list[str], list[str]]:
    """Per row the numbers of its sources ("1, 2"; "inferred" for an inferred row), and the
    numbered list of every source once, for the footer."""
    from evidence_cli.render.common import reference_url

    numbers: dict[tuple[str, str], int] = {}
    cells = []
    for x in rows:
        if x.kind == "inferred":
            cells.append("inferred")
            continue
        mine = []
        for r in x.sources:
            key = (r.citation, reference_url(r.pmid, r.doi, r.url))
            numbers.setdefault(key, len(numbers) + 1)
            mine.append(str(numbers[key]))
        cells.append(", ".join(mine) or "-")
    listed = [f"[{n}] {citation} {link}".strip() for (citation, link), n in numbers.items()]
    return cells, listed


def interaction_table(rows: Sequence[Interaction], by: str, cells: Optional[Sequence[str]] = None) -> Table:
    """`by` names the column that varies: "drug" (one ingredient's interactions), "ingredient"
    (one drug's) or "pair" (among several names); `cells`: the rows' source numbers, if known."""
    if cells is None:
        cells, _ = _numbered_sources(rows)
    tail = [["Severity", "Evidence", "Effect", "What to do", "Source"],
            lambda x, n: [x.severity, x.evidence or "-", x.effect, x.advice, cells[n]]]
    if by == "drug":
        head, first = ["With"], lambda x: [x.other.name]
    elif by == "ingredient":
        head, first = ["Ingredient"], lambda x: [x.ingredient.name]
    else:
        head, first = ["Ingredient", "With"], lambda x: [x.ingredient.name, x.other.name]
    return Table(columns=head + tail[0], rows=[first(x) + tail[1](x, n) for n, x in enumerate(rows)])


EVIDENCE_NOTE = ("Evidence: A well-designed human studies; B limited human studies or documented cases; C isolated cases "
                 "or conflicting data; D theoretical (evidence rubric).")


def interaction_blocks(rows: Sequence[Interaction], by: str,
                       numbered: Optional[tuple[list[str], list[str]]] = None) -> list[Block]:
    """One short section per interaction (a table of seven columns is unreadable in a terminal),
    then the sources once, numbered."""
    cells, listed = numbered or _numbered_sources(rows)
    blocks = []
    for x, cell in zip(rows, cells):
        who = x.other.name if by == "drug" else x.ingredient.name if by == "ingredient" else f"{x.ingredient.name} with {x.other.name}"
        grade = f"evidence {x.evidence}" if x.evidence else "evidence not graded"
        where = "" if cell in ("inferred", "-") else f" [{cell}]"
        blocks.append(Block(f"{who} · {x.severity} · {grade}", text=f"{x.effect} What to do: {x.advice}{where}",
                            style="warning" if x.severity == "major" else ""))
    if listed:
        blocks.append(Block("Sources", bullets=listed))
    return blocks


def interactions(title: str, rows: Sequence[Interaction], by: str, notes: Sequence[str] = ()) -> Output:
    numbered = _numbered_sources(rows)
    cells, listed = numbered
    table = interaction_table(rows, by, cells)._replace(title=title)
    footer = "\n".join([*notes, *(["Sources:", *listed] if listed else []), EVIDENCE_NOTE, NOT_ADVICE])
    blocks = interaction_blocks(rows, by, numbered)
    blocks += [Block(bullets=[*notes, EVIDENCE_NOTE])]
    doc = Doc(title, blocks, note=NOT_ADVICE)
    return Output(data=[x.as_json() for x in rows], doc=doc if rows else None, table=table, footer=footer,
                  empty_message="no interactions are recorded" if not rows else None)


def search(rows: Sequence[SearchHit], note: Optional[str] = None) -> Output:
    table = Table(columns=["Kind", "Title", "Rating", "Match"],
                  rows=[[h.kind, h.title, h.rating, h.snippet] for h in rows], marks=(3, [list(h.matches) for h in rows]))
    return Output(data=[h.as_json() for h in rows], table=table, footer=note,
                  empty_message="nothing found" if not rows else None)


# -- the rating scale and the evidence map ---------------------------------------------------------

def rubric() -> Output:
    from evidence_cli.model import EVIDENCE_GRADES, SEVERITIES
    from evidence_cli.rubric import RATINGS, RULES, SEVERITY_MEANING, STEPS, VALIDITY

    table = Table(columns=["Rating", "Name", "What it takes"], rows=[[n, name, text] for n, name, text in RATINGS],
                  rating_column=0)
    procedure = Table(columns=["Step", "Rating", "If"], rows=[[step, rating, text] for step, rating, text in STEPS],
                      title="The procedure: take the first step that fits the best evidence")
    blocks = [Block(table=table), Block("How a rating is reached", table=procedure),
              Block("Source of validity", fields=[(v.capitalize(), t) for v, t in VALIDITY]),
              Block("Rules", bullets=list(RULES)),
              Block("Interactions: how sure (evidence)", fields=list(EVIDENCE_GRADES.items())),
              Block("Interactions: how serious (severity)", fields=[(s.capitalize(), SEVERITY_MEANING[s]) for s in SEVERITIES]),
              Block(text="An interaction inferred from shared effects (both raise bleeding risk, a CYP3A4 inducer with a "
                         "drug it breaks down, ...) says so, is graded D, and is never rated more severe than the written "
                         "interactions of that kind.")]
    data = {"ratings": [{"rating": n, "name": name, "meaning": text} for n, name, text in RATINGS],
            "procedure": [{"step": step, "rating": rating, "if": text} for step, rating, text in STEPS],
            "validity": [{"validity": v, "meaning": t} for v, t in VALIDITY], "rules": list(RULES),
            "interaction_evidence": [{"grade": g, "meaning": t} for g, t in EVIDENCE_GRADES.items()],
            "interaction_severity": [{"severity": s, "meaning": SEVERITY_MEANING[s]} for s in SEVERITIES]}
    return Output(data=data, doc=Doc("How evidence is rated", blocks, subtitle="Every card: a source of validity and a rating from 0 to 5"),
                  table=table)


def evidence_map(system: System, ingredients: Sequence[Ranked], conditions: Sequence[Ranked],
                 cells: dict[tuple[str, str], tuple[int, str]]) -> Output:
    numbers = [str(n) for n in range(1, len(ingredients) + 1)]
    rows = [[c.name] + [cells.get((i.id, c.id), (None, None))[0] for i in ingredients] for c in conditions]
    table = Table(columns=["Condition"] + numbers, rows=rows, heat=True,
                  title=f"Evidence map: {system.name}. Ratings 0-5 of the best-covered ingredients; blank: no card")
    legend = "Ingredients: " + "; ".join(f"{n} {i.name}" for n, i in zip(numbers, ingredients))
    data = {"system": {"id": system.id, "name": system.name},
            "ingredients": [{"id": i.id, "name": i.name} for i in ingredients],
            "conditions": [{"id": c.id, "name": c.name} for c in conditions],
            "cells": [{"ingredient": i, "condition": c, "rating": r, "validity": v} for (i, c), (r, v) in sorted(cells.items())]}
    return Output(data=data, table=table, footer=legend if ingredients else None,
                  empty_message=f"no cards yet for the conditions of {system.name}" if not conditions else None)
