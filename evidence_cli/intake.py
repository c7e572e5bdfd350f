"""Reference intakes: life-stage selection, amounts with units, and dose verdicts. Pure functions."""

from __future__ import annotations

import re
from typing import Any, NamedTuple, Optional

from evidence_cli.errors import UsageError
from evidence_cli.text import printable

STAGES = ("0-6m", "7-12m", "1-3y", "4-8y", "9-13y", "14-18y", "19-30y", "31-50y", "51-70y", "71+y")
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
    if stage in ("1-3y", "4-8y") and sex == "any":
        return f"Children {span}"
    return f"{'Females' if sex == 'female' else 'Males' if sex == 'male' else 'Everyone'} {span}"


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
    raise UsageError(f"the reference intake for {stage_label(stage, 'any')} differs by sex", hint="add --sex female or --sex male")


class Amount(NamedTuple):
    value: float
    unit: str
    converted: float  # in the intake table's unit, to compare with the RDA or AI
    toward_ul: float  # the part that counts against the UL, in the UL's unit
    note: str = ""


def parse_amount(text: str, nutrient: str, intake: dict[str, Any], form: Optional[str] = None) -> Amount:
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
        raise UsageError(f"the amount {printable(text, 40)!r} has no unit", hint=f"e.g. {text.strip()}{intake['unit']}")
    unit = UNIT_ALIASES.get(raw_unit)
    if unit is None:
        raise UsageError(f"unknown unit {printable(m.group(2), 20)!r}", hint="use g, mg, mcg (µg) or IU")
    table_unit = intake["unit"]
    units = intake.get("units", [])
    forms = [u for u in units if u.get("form")]
    if form is not None and not any(u["form"].lower() == form.strip().lower() for u in forms):
        listed = "; ".join(sorted({u["form"] for u in forms})) or "none"
        raise UsageError(f"{nutrient} has no form {printable(form, 40)!r}", hint=f"forms: {listed}")
    options = [u for u in units if u["unit"].lower() == unit.lower()
               and (form is None or u.get("form", "").lower() == form.strip().lower())]
    if unit in MASS_IN_MG and not (form and options):
        converted = value * MASS_IN_MG[unit] / MASS_IN_MG[table_unit]
        return Amount(value, unit, converted, converted)
    if not options:
        raise UsageError(f"{unit} does not apply to {nutrient}", hint=f"give the amount in {table_unit} (or g, mg, mcg)")
    if len(options) > 1:
        listed = " or ".join(f"--form {u.get('form', '')!r}" for u in options)
        raise UsageError(f"{unit} of {nutrient} converts differently by form", hint=f"add {listed}")
    u = options[0]
    per_unit = u["per_unit"] * (MASS_IN_MG[unit] / MASS_IN_MG[table_unit] if unit in MASS_IN_MG else 1)
    converted = value * per_unit
    toward_ul = value * u.get("ul_per_unit", u["per_unit"])
    label = f"1 {unit}{' of ' + u['form'] if u.get('form') else ''} = {u['per_unit']:g} {unit_label(intake)}"
    if "ul_per_unit" in u:
        label += ("; it does not count against the UL" if u["ul_per_unit"] == 0
                  else f"; {u['ul_per_unit']:g} {table_unit} of it counts against the UL")
    return Amount(value, unit, converted, toward_ul, label)


def needs(row: dict[str, Any], intake: dict[str, Any], person: Person) -> tuple[Optional[float], Optional[float]]:
    """(rda, ai) for the person, with the smoker's addition where the table has one."""
    rda, ai = row.get("rda"), row.get("ai")
    add = (intake.get("smoker") or {}).get("rda_add")
    if person.smoker and add and rda is not None:
        rda = rda + add
    return rda, ai


def verdict(amount: Amount | float, rda: Optional[float], ai: Optional[float], ul: Optional[float],
            intake: dict[str, Any], unit: str) -> tuple[str, str]:
    """(code, sentence): code is below, meets, above-ul or no-reference; the sentence says it plainly."""
    value = amount.converted if isinstance(amount, Amount) else amount
    toward_ul = amount.toward_ul if isinstance(amount, Amount) else amount
    value, toward_ul = round(value, 6), round(toward_ul, 6)
    target, label = (rda, "RDA") if rda is not None else (ai, "AI")
    applies = intake.get("ul_applies_to") or ""
    scope = intake.get("ul_scope", "total")
    base = intake["unit"]
    if ul is not None and toward_ul > ul:
        if scope == "total":
            return "above-ul", f"{toward_ul:g} {base} a day is ABOVE the upper limit (UL) of {ul:g} {base}: more raises the risk of harm."
        return "above-ul", (f"{toward_ul:g} {base} a day is ABOVE the upper limit (UL) of {ul:g} {base} for {applies or 'this form'}. "
                            f"Taken as a supplement, this amount raises the risk of side effects.")
    if target is None:
        return "no-reference", f"No RDA or AI is set for this group; {value:g} {unit} is within the UL." if ul else "No reference intake is set for this group."
    if value < target:
        return "below", f"{value:g} {unit} a day is below the {label} of {target:g} {unit}."
    tail = f" and is within the UL of {ul:g} {base}" if ul is not None else " (no UL is set)"
    return "meets", f"{value:g} {unit} a day meets the {label} of {target:g} {unit}{tail}."
