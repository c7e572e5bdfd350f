"""The one dose engine: a daily amount against a person's upper limit, with the RDA or AI as
context. `check` uses it for one amount and `stack` for the sum of several. Pure functions.

The verdict is about the upper limit (UL) only. The RDA and AI are targets for the whole diet,
food and supplements together, so a supplement amount below them is never called too little.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Optional

from evidence_cli.errors import UsageError
from evidence_cli.intake import ADULT_STAGES, PREGNANCY_STAGES, Amount, Person, parse_amount, row_for, stage_label, unit_label

VERDICTS = ("above-ul", "at-ul", "within-ul", "no-ul")
# Conversion factors (IU, folic acid) carry three or four significant figures: 1,100 IU of
# synthetic vitamin E is the UL of 1,000 mg although 1,100 x 0.909 is 999.9, and 1,500 IU of
# natural vitamin E is the UL although 1,500 x 0.667 is 1,000.5. From half a per cent under the
# UL to a tenth of a per cent over it an amount is "at" the UL (do not take more); beyond, above.
AT_UL_BELOW, AT_UL_ABOVE = 0.005, 0.001


# The anions of mineral salts: a name with one of them ("zinc picolinate") names a salt, whose
# weight is not the weight of the mineral in it.
ANIONS = frozenset("""sulfate sulphate gluconate fumarate bisglycinate glycinate citrate malate oxide chloride
    carbonate lactate picolinate polynicotinate nicotinate histidinate acetate aspartate orotate taurate threonate
    hydroxide bicarbonate phosphate iodide iodate selenite selenate fluoride monofluorophosphate chelate""".split())


def _salt_key(text: str) -> str:
    return " ".join(text.casefold().replace("sulphate", "sulfate").replace("-", " ").split())


def _salt_keys(name: str) -> set[str]:
    """"Magnesium glycinate (bisglycinate)" -> {"magnesium glycinate", "magnesium bisglycinate"}."""
    base, _, rest = name.partition("(")
    keys = {_salt_key(base)}
    alternative = _salt_key(rest.rstrip(") "))
    if alternative and " " not in alternative and _salt_key(base):
        keys.add(_salt_key(base).split()[0] + " " + alternative)
    return keys


def _salts(forms: list[dict[str, Any]]) -> list[tuple[str, float, set[str]]]:
    """(name without its bracket, per cent of the nutrient, the keys it answers to) for each form
    whose share is recorded."""
    return [(f["name"].split("(")[0].strip(), float(f["elemental_percent"]), _salt_keys(f["name"])) for f in forms
            if f.get("elemental_percent") is not None]


def salt_named(forms: list[dict[str, Any]], typed: str, mineral: bool = False) -> Optional[tuple[str, Optional[float]]]:
    """The salt a name typed for a nutrient names ("ferrous sulfate" for iron) with its share of the
    nutrient in per cent, or None when the name is not a salt. The forms' names and shares come from
    the data; for a mineral, a name with a salt's anion ("zinc picolinate") is a salt of unknown share.
    A part of a salt's name picks it where only one fits ("citrate" for magnesium citrate)."""
    keys = _salt_keys(typed)
    salts = _salts(forms)
    exact = [s for s in salts if keys & s[2]]
    partial = [s for s in salts if any(k and (key.startswith(k) or key.endswith(" " + k)) for key in s[2] for k in keys)]
    found = exact or (partial if len(partial) == 1 else [])
    if found:
        return found[0][0], found[0][1]
    words = set(_salt_key(typed.split("(")[0]).split())
    if mineral and len(words) > 1 and ANIONS & words:
        return typed.strip(), None
    return None


def salt_names(forms: list[dict[str, Any]]) -> list[str]:
    """The salts of a nutrient whose share is recorded, as --form takes them."""
    return [name.lower() for name, _, _ in _salts(forms)]


def of_salt(amount: Amount, salt: tuple[str, float], nutrient: str) -> Amount:
    """An amount of a salt as the amount of the nutrient it holds."""
    form, percent = salt
    share = percent / 100
    return amount._replace(converted=amount.converted * share, toward_ul=amount.toward_ul * share,
                           note=f"{form} is about {percent:g}% {nutrient.lower()}")


def require_elemental(forms: list[dict[str, Any]], intake: dict[str, Any], typed: str, nutrient: str,
                      amount_text: str, salt_option: bool = False, mineral: bool = False) -> None:
    """An amount given after a salt's name could be the weight of the salt (a "ferrous sulfate 325 mg"
    tablet) or of the element (a label's "iron 65 mg (as ferrous sulfate)"); counting it either way
    could mislead by a factor of five, so ask for the element and say what the salt gives."""
    salt = salt_named(forms, typed, mineral)
    if salt is None:
        return
    form, percent, element = *salt, nutrient.lower()
    if percent is None:
        raise UsageError(f"{typed.strip() + ' ' + amount_text.strip()!r}: is that the weight of the salt or of the "
                         f"{element} in it? The weight of a salt is not the weight of the {element} it holds",
                         hint=f'give the {element} the label lists, as "{element} AMOUNT"')
    try:
        amount = parse_amount(amount_text, nutrient, intake)
        contains = float(f"{amount.converted * percent / 100:.2g}")
        gives = (f"; {fmt_amount(amount.value)} {amount.unit} of it holds about {fmt_amount(contains)} "
                 f"{unit_label(intake)} of {element}")
    except UsageError:
        gives = ""
    raise UsageError(f"{typed.strip() + ' ' + amount_text.strip()!r}: is that the weight of the salt or of the "
                     f"{element} in it? {form} is about {percent:g}% {element}{gives}",
                     hint=f'give the {element} the label lists, as "{element} AMOUNT"' +
                     (f', or the weight of the salt with --form "{form.lower()}"' if salt_option else ""))


class Target(NamedTuple):
    """What applies to a person: the group's RDA or AI (or their range, for adults as a whole),
    the UL, and the row of the table where one row applies."""

    group: str
    rda: Optional[float]
    ai: Optional[float]
    ul: Optional[float]
    row: Optional[dict[str, Any]]
    notes: list[str]
    rda_range: Optional[tuple[float, float]] = None
    ai_range: Optional[tuple[float, float]] = None
    cdrr: Optional[float] = None


class Assessment(NamedTuple):
    code: str           # one of VERDICTS
    sentence: str       # the verdict in plain words
    context: list[str]  # the RDA/AI and what it covers, what the UL counts


def _same(rows: list[dict[str, Any]], key: str) -> bool:
    return len({r.get(key) for r in rows}) == 1


def target_for(intake: dict[str, Any], person: Person) -> Target:
    """The person's reference values. Without an age, the adult rows answer where they all share
    one UL (the answer then says it is for adults); otherwise --age is needed."""
    smoker_add = (intake.get("smoker") or {}).get("rda_add") if person.smoker else None
    if person.months is not None:
        row, notes = row_for(intake, person)
        rda = row.get("rda")
        if smoker_add and rda is not None:
            rda += smoker_add
        sex = row["sex"] if person.sex or row["sex"] == "any" else "any"
        return Target(stage_label(row["stage"], sex, row.get("status", "")), rda, row.get("ai"), row.get("ul"), row,
                      notes, cdrr=row.get("cdrr"))
    if person.pregnant and person.lactating:
        raise UsageError("choose one of --pregnant and --lactating")
    status = "pregnant" if person.pregnant else "lactating" if person.lactating else ""
    if status and person.sex == "male":
        raise UsageError(f"--{status} applies to females", hint="leave out --sex or give --sex female")
    stages = PREGNANCY_STAGES[1:] if status else ADULT_STAGES
    sexes = {"female"} if status else {person.sex} if person.sex else {"female", "male"}
    rows = [r for r in intake["rows"] if r["stage"] in stages and r.get("status", "") == status
            and (r["sex"] == "any" or r["sex"] in sexes)]
    if not rows or not _same(rows, "ul"):
        raise UsageError("the upper limit differs by age here: give the person's --age (and --sex from 9 years)",
                         hint="e.g. --age 40 --sex female, or --age 6m for an infant")
    if status:
        group = f"{'Pregnancy' if status == 'pregnant' else 'Lactation'}, 19-50 years"
    else:
        group = {"female": "Women", "male": "Men"}.get(person.sex or "", "Adults") + " 19 years and over"

    def one_or_range(key: str) -> tuple[Optional[float], Optional[tuple[float, float]]]:
        values = sorted({r[key] + ((smoker_add or 0) if key == "rda" else 0) for r in rows if key in r})
        if not values:
            return None, None
        return (values[0], None) if len(values) == 1 else (None, (values[0], values[-1]))

    rda, rda_range = one_or_range("rda")
    ai, ai_range = one_or_range("ai")
    note = "no --age given: this is the answer for every adult from 19 years, who share one upper limit"
    return Target(group, rda, ai, rows[0].get("ul"), None, [note], rda_range, ai_range, rows[0].get("cdrr"))


def ul_label(intake: dict[str, Any]) -> str:
    """The unit the UL counts in: for folate the UL counts folic acid, not DFE."""
    measure = intake.get("ul_measure") or intake.get("measure") or ""
    return f"{intake['unit']} {measure}".strip()


def fmt_amount(x: float) -> str:
    """An amount as the verdicts print it: up to three decimals, thousands separated from 10,000."""
    return f"{round(x, 3):,.10g}" if x >= 10000 else f"{round(x, 3):g}"


def assess(intake: dict[str, Any], target: Target, amount: float, toward_ul: float, nutrient: str,
           total: bool = False, written: str = "") -> Assessment:
    """The verdict for `amount` (in the table's unit) of which `toward_ul` counts against the UL.
    `total` says the amount is the whole day's intake, food included, not supplements alone;
    `written` is the amount as the person gave it ("5000 IU"), shown first."""
    amount, toward_ul = round(amount, 6), round(toward_ul, 6)
    scope = intake.get("ul_scope", "total")
    ul = target.ul
    if total and ul is not None and scope == "supplemental":
        raise UsageError(f"--total does not fit {nutrient}: its UL counts {intake.get('ul_applies_to') or 'supplements only'}",
                         hint="give the amount from supplements, without --total")
    unit, counted = unit_label(intake), ul_label(intake)
    what = "a day in all" if total else "a day from supplements"
    differ = fmt_amount(toward_ul) != fmt_amount(amount)
    forms = [f"{fmt_amount(toward_ul)} {counted}" + (" against the UL" if differ else ""),
             f"{fmt_amount(amount)} {unit}" + (" toward the RDA" if differ else "")]
    first = written or forms[0]
    # the same number in another unit's words ("1200 mcg", "1200 mcg DFE") says nothing new
    seen = {first.split()[0]}
    others = []
    for f in forms:
        if f.split()[0] not in seen:
            seen.add(f.split()[0])
            others.append(f)
    shown = first + (f" ({', '.join(others)})" if others else "")
    applies = intake.get("ul_applies_to") or ""
    food_counts = scope in ("total", "preformed") and not total
    context = []
    if ul is None:
        has_ul = any("ul" in r for r in intake["rows"])
        code = "no-ul"
        sentence = (f"No upper limit (UL) is set for {nutrient}{' for this group' if has_ul else ''}. That does not "
                    f"mean any amount is safe: large doses can still cause side effects.")
        if applies and not has_ul:
            context.append(applies[0].upper() + applies[1:] + ".")
    elif toward_ul > ul * (1 + AT_UL_ABOVE):
        code = "above-ul"
        sentence = f"{shown} {what} is ABOVE the upper limit (UL) of {fmt_amount(ul)} {counted}"
        sentence += (f" for {applies}." if applies else ".") + " Taken regularly, this amount raises the risk of harm."
    elif toward_ul >= ul * (1 - AT_UL_BELOW):
        code = "at-ul"
        sentence = f"{shown} {what} is AT the upper limit (UL) of {fmt_amount(ul)} {counted}: do not take more."
        if food_counts:
            sentence += " The UL counts food too, so with your diet you are likely above it."
    else:
        code = "within-ul"
        sentence = f"{shown} {what} is within the upper limit (UL) of {fmt_amount(ul)} {counted}"
        sentence += f" for {applies}." if applies else "."
        if food_counts:
            sentence += " Food and drinks add to this amount, and the UL counts them too."
    context += _need_context(target, unit, amount, total)
    return Assessment(code, sentence, context)


def _need_context(target: Target, unit: str, amount: float, total: bool) -> list[str]:
    """The RDA or AI as context: a target for the whole diet, never a verdict on a supplement."""
    for label, value, spread in (("RDA", target.rda, target.rda_range), ("AI", target.ai, target.ai_range)):
        if value is None and spread is None:
            continue
        if value is not None:
            figure = f"{fmt_amount(value)} {unit} a day"
        else:
            figure = f"{fmt_amount(spread[0])} to {fmt_amount(spread[1])} {unit} a day, by age and sex (give --age and --sex for yours)"
        line = (f"For reference, the {label} for {target.group.lower()} is {figure}, from food and supplements "
                f"together: a target for the whole diet, not for a supplement.")
        if total and value is not None:
            line += (f" Your total of {fmt_amount(amount)} {unit} meets it." if amount >= value
                     else f" Your total of {fmt_amount(amount)} {unit} is under it: food sources can make up the difference.")
        return [line]
    return ["No RDA or AI is set for this group."]
