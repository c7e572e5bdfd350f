"""Reference intakes: life-stage selection, amounts with units, and dose verdicts. Pure functions."""

from __future__ import annotations

import re
from typing import Any, NamedTuple, Optional, Sequence

from evidence_cli.errors import UsageError
from evidence_cli.text import printable

STAGES = ("0-6m", "7-12m", "1-3y", "4-8y", "9-13y", "14-18y", "19-30y", "31-50y", "51-70y", "71+y")
ADULT_STAGES = STAGES[6:]
PREGNANCY_STAGES = ("14-18y", "19-30y", "31-50y")
# upper bound of each stage in months (exclusive), in order
_STAGE_END_MONTHS = (7, 12, 48, 108, 168, 228, 372, 612, 852, None)  # "0-6 months" includes a 6-month-old
MASS_IN_MG = {"g": 1000.0, "mg": 1.0, "mcg": 0.001}
UNIT_ALIASES = {
    "g": "g", "gram": "g", "grams": "g",
    "mg": "mg", "milligram": "mg", "milligrams": "mg",
    "mcg": "mcg", "µg": "mcg", "μg": "mcg", "ug": "mcg", "microgram": "mcg", "micrograms": "mcg",
    "iu": "IU", "ie": "IU",
}


class Person(NamedTuple):
    months: Optional[float] = None
    sex: Optional[str] = None
    pregnant: bool = False
    lactating: bool = False
    smoker: bool = False

    @property
    def given(self) -> bool:
        return self.months is not None or self.sex is not None or self.pregnant or self.lactating


def parse_age(text: str) -> float:
    """An age in months from "34", "34y", "6m", "6 months", "1.5 years"."""
    s = text.strip().lower()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(y|yr|yrs|year|years|m|mo|mos|month|months)?", s)
    if not m:
        raise UsageError(f"cannot read the age {printable(text, 40)!r}", hint="give years (34) or months for infants (6m)")
    value = float(m.group(1))
    months = value if (m.group(2) or "y").startswith("m") else value * 12
    if months > 130 * 12:
        raise UsageError(f"an age of {printable(text, 40)} is out of range", hint="give years (34) or months for infants (6m)")
    return months


def stage_of(months: float) -> str:
    for stage, end in zip(STAGES, _STAGE_END_MONTHS):
        if end is None or months < end:
            return stage
    return STAGES[-1]


def stage_label(stage: str, sex: str, status: str = "") -> str:
    low, _, high = stage.rstrip("my").partition("-")
    unit = "months" if stage.endswith("m") else "years"
    span = f"{stage[:-2]} years and over" if stage.endswith("+y") else f"{low}-{high} {unit}"
    if status:
        return f"{'Pregnancy' if status == 'pregnant' else 'Lactation'}, {span}"
    if stage in ("0-6m", "7-12m"):
        return f"Infants {span}"
    if sex == "any":
        return f"{'Adults' if stage in ADULT_STAGES else 'Teenagers' if stage == '14-18y' else 'Children'} {span}"
    return f"{'Females' if sex == 'female' else 'Males'} {span}"


def unit_label(intake: dict[str, Any]) -> str:
    measure = intake.get("measure")
    return f"{intake['unit']} {measure}".strip() if measure else intake["unit"]


def row_for(intake: dict[str, Any], person: Person) -> tuple[dict[str, Any], list[str]]:
    """The table row that applies to `person`, and notes on how it was chosen."""
    notes: list[str] = []
    if person.months is None:
        raise UsageError("give --age to pick a row of the table", hint="e.g. --age 34 --sex female, or --age 6m")
    stage = stage_of(person.months)
    status = "pregnant" if person.pregnant else "lactating" if person.lactating else ""
    if person.pregnant and person.lactating:
        raise UsageError("choose one of --pregnant and --lactating")
    if status:
        if person.sex == "male":
            raise UsageError(f"--{status} applies to females", hint="leave out --sex or give --sex female")
        if stage not in ("14-18y", "19-30y", "31-50y"):
            if person.months >= 51 * 12 or person.months < 9 * 12:
                raise UsageError(f"the reference intakes give {status} values for ages 14 to 50 only")
            notes.append(f"the reference intakes start {status} values at 14 years; showing the 14-18 years row")
            stage = "14-18y"
    sexes = ["female"] if status else ([person.sex] if person.sex else [])
    candidates = [r for r in intake["rows"] if r["stage"] == stage and r.get("status", "") == status]
    if not candidates:
        raise UsageError(f"no reference intake row for {stage_label(stage, 'any', status)}")
    for row in candidates:
        if row["sex"] == "any" or row["sex"] in sexes:
            return row, notes
    values = {tuple(r.get(k) for k in ("rda", "ai", "ul", "cdrr")) for r in candidates}
    if not sexes and len(values) == 1:
        return candidates[0], notes  # female and male rows agree: no need to ask
    raise UsageError(f"the reference intake for {stage_label(stage, 'any')} differs by sex", hint="add --sex female or --sex male")


class Amount(NamedTuple):
    value: float
    unit: str
    converted: float  # in the intake table's unit, to compare with the RDA or AI
    toward_ul: float  # the part that counts against the UL, in the UL's unit
    note: str = ""


AMOUNT_AND_REST = re.compile(r"^\s*((?:\d[\d,]*(?:\.\d+)?|\.\d+)\s*[A-Za-zµμ]+)\s*(.*?)\s*$")


def split_form(text: str, nutrient: str, intake: dict[str, Any], salts: Sequence[str] = ()) -> tuple[str, Optional[str]]:
    """"400 IU synthetic" -> ("400 IU", "synthetic"); a form may be the start of its name
    ("folic acid" for "folic acid taken with food") where that is unambiguous. `salts` are the
    other forms the caller accepts (a mineral's salts), named in the error's hint."""
    m = AMOUNT_AND_REST.match(text)
    if not m or not m.group(2):
        return text.strip(), None
    measure = str(intake.get("measure") or "")
    if measure and m.group(2).casefold() == measure.casefold():
        return m.group(1), None  # "400 mcg DFE", "900 mcg RAE": the table's own measure
    forms = sorted({u["form"] for u in intake.get("units", []) if u.get("form")})
    want = m.group(2).casefold()
    exact = [f for f in forms if f.casefold() == want]
    matches = exact or [f for f in forms if f.casefold().startswith(want)]
    if len(matches) != 1:
        listed = "; ".join([*forms, *salts]) or "none"
        raise UsageError(f"{nutrient}: no single form matches {printable(m.group(2), 40)!r}", hint=f"forms: {listed}")
    return m.group(1), matches[0]


def parse_labelled(text: str, nutrient: str, intake: dict[str, Any]) -> Amount:
    """An amount as a label or a product file writes it, a form after it: "400 IU synthetic"."""
    amount_text, form = split_form(text, nutrient, intake)
    return parse_amount(amount_text, nutrient, intake, form)


def parse_amount(text: str, nutrient: str, intake: dict[str, Any], form: Optional[str] = None,
                 salts: Sequence[str] = ()) -> Amount:
    """"500mg", "50 mcg", "50µg", "2000IU", "1.5g", "1,000 mg" -> the amount in the table's unit.

    A form (--form) picks a conversion from the table's `units`: IU of natural or synthetic
    vitamin E, micrograms of folic acid (1.7 mcg DFE each, but counted as folic acid against the
    UL), IU of beta-carotene (vitamin A activity that does not count against the preformed UL)."""
    s = text.strip().replace(",", "").replace("_", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?|\.\d+)\s*([A-Za-zµμ]+)?", s)
    if not m:
        raise UsageError(f"cannot read the amount {printable(text, 40)!r}", hint="e.g. 500mg, 50mcg, 2000IU or 1.5g")
    value = float(m.group(1))
    raw_unit = (m.group(2) or "").lower()
    if not raw_unit:
        raise UsageError(f"the amount {printable(text, 40)!r} has no unit",
                         hint=f"add one, as in {safe_example(intake)} (mg, mcg, g or IU)")
    unit = UNIT_ALIASES.get(raw_unit)
    if unit is None:
        raise UsageError(f"unknown unit {printable(m.group(2), 20)!r}", hint="use g, mg, mcg (µg) or IU")
    table_unit = intake["unit"]
    units = intake.get("units", [])
    forms = [u for u in units if u.get("form")]
    if form is not None and not any(u["form"].lower() == form.strip().lower() for u in forms):
        listed = "; ".join([*sorted({u["form"] for u in forms}), *salts]) or "none"
        raise UsageError(f"{nutrient} has no form {printable(form, 40)!r}", hint=f"forms: {listed}")
    if unit in MASS_IN_MG:
        # a mass is first read in the table's mass unit; a form's factor then applies to it
        # (0.3 mg of folic acid is 300 mcg of folic acid, whichever way it is written)
        value_in_table = value * MASS_IN_MG[unit] / MASS_IN_MG[table_unit]
        chosen = [u for u in units if u["unit"] in MASS_IN_MG and form is not None
                  and u.get("form", "").lower() == form.strip().lower()]
        if not chosen:
            by_form = [u for u in units if u["unit"] in MASS_IN_MG and u.get("form")]
            note = (f"read as {unit_label(intake)}, as labels print it, and counted in full against the UL, the "
                    f"cautious reading; if the label gives {by_form[0]['unit']} of {by_form[0]['form'].split(' taken')[0]}, "
                    f"add --form {by_form[0]['form']!r}") if by_form else ""
            return Amount(value, unit, value_in_table, value_in_table, note)
        u = chosen[0]
        scale = MASS_IN_MG[table_unit] / MASS_IN_MG[u["unit"]]
        return _converted(value, unit, value_in_table * scale, u, intake)
    options = [u for u in units if u["unit"].lower() == unit.lower()
               and (form is None or u.get("form", "").lower() == form.strip().lower())]
    if not options:
        raise UsageError(f"{unit} does not apply to {nutrient}", hint=f"give the amount in {table_unit} (or g, mg, mcg)")
    if len(options) > 1:
        listed = " or ".join(f"--form {u.get('form', '')!r}" for u in options)
        raise UsageError(f"{unit} of {nutrient} converts differently by form", hint=f"add {listed}")
    return _converted(value, unit, value, options[0], intake)


def _converted(value: float, unit: str, count: float, u: dict[str, Any], intake: dict[str, Any]) -> Amount:
    """`count` units `u` (IU, or micrograms of a form) as table units and as what counts to the UL."""
    label = f"1 {u['unit']}{' of ' + u['form'] if u.get('form') else ''} = {u['per_unit']:g} {unit_label(intake)}"
    if "ul_per_unit" in u:
        label += ("; it does not count against the UL" if u["ul_per_unit"] == 0
                  else f"; {u['ul_per_unit']:g} {intake['unit']} of it counts against the UL")
    return Amount(value, unit, count * u["per_unit"], count * u.get("ul_per_unit", u["per_unit"]), label)


def safe_example(intake: dict[str, Any]) -> str:
    """An everyday amount to show how to write a unit: the lowest adult RDA or AI, and never
    more than the lowest adult UL. Used in hints, so it must never suggest a dose above the UL."""
    adults = [r for r in intake["rows"] if r["stage"] in ADULT_STAGES and not r.get("status")]
    needs = [r.get("rda", r.get("ai")) for r in adults if r.get("rda", r.get("ai")) is not None]
    uls = [r["ul"] for r in adults if "ul" in r]
    value = min(needs) if needs else None
    if uls:
        # Where only upper limits exist (boron), a tenth of the lowest is an everyday amount.
        value = min(uls) / 10 if value is None else min(value, min(uls))
    if value is None:
        return f"100{intake['unit']}"
    examples = [f"{value:g}{intake['unit']}"]
    for u in intake.get("units", []):
        if not u.get("form") and u["unit"] == "IU":
            examples.append(f"{value / u['per_unit']:g}IU")
    return " or ".join(examples)
