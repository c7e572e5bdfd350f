"""The data linter: every rule of data/README.md, each problem with file and line.

`check(root)` parses a data directory and returns the dataset it describes together with every
problem found. The store compiles only a dataset without problems, so a lookup never runs on data
that `evidence validate` would reject.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from evidence_cli.errors import UsageError
from evidence_cli.intake import PREGNANCY_STAGES, STAGES, parse_labelled
from evidence_cli.model import EVIDENCE_GRADES, SEVERITIES
from evidence_cli.dataset.source import KeyPath, Problem, Source, SourceFile, parse
from evidence_cli.text import UNSAFE, normalize

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
CONTROL_RE = re.compile(UNSAFE)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")

AMOUNT = re.compile(r"(\d+(?:\.\d+)?|\.\d+)\s*(g|mg|mcg|µg|IU|CFU|billion CFU)")
KINDS = ("vitamin", "mineral", "herb", "fatty-acid", "amino-acid", "hormone", "probiotic", "nutrient", "supplement", "product")
VALIDITIES = ("scientific", "traditional")
STUDY_TYPES = (
    "guideline", "approved-indication", "meta-analysis", "systematic-review", "rct", "controlled-trial", "cohort",
    "case-control", "cross-sectional", "case-series", "case-report", "animal", "in-vitro",
    "traditional", "expert-opinion",
)
MASS_UNITS = ("mg", "mcg", "g")
UL_SCOPES = ("total", "supplemental", "preformed")
SYNOPSIS_WORDS = (80, 250)
VERDICT_MAX = 140
SHARED_SENTENCE_MIN_WORDS = 6
# words by which a rated-1 synopsis explains why its randomised trials were not adequate
INADEQUATE = re.compile(r"\b(too small|small|tiny|pilot|uncontrolled|unblinded|open-label|not blinded|poor(?:ly)?|"
                        r"low[- ]quality|a different (?:use|question|condition)|inadequate|underpowered|few)\b", re.I)

# "step F, rating 2" in a card's words: they must name the card's own step and rating.
NAMED_STEP = re.compile(r"\bstep ([A-G]),? (?:and )?rating (\d)\b")

# --- field specifications -------------------------------------------------------------------------

Check = Callable[[Any], "str | None"]


def _str(v: Any) -> str | None:
    return None if isinstance(v, str) else "must be a string"


def _nonempty_str(v: Any) -> str | None:
    if not isinstance(v, str):
        return "must be a string"
    return None if v.strip() else "must not be empty"


def _str_list(v: Any) -> str | None:
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        return "must be a list of strings"
    return None


def _number(v: Any) -> str | None:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return "must be a number"
    return None if v >= 0 else "must not be negative"


def _one_of(*values: str) -> Check:
    def check(v: Any) -> str | None:
        return None if v in values else f"must be one of {', '.join(values)} (got {v!r})"
    return check


def _table(v: Any) -> str | None:
    return None if isinstance(v, dict) else "must be a table"


def _tables(v: Any) -> str | None:
    return None if isinstance(v, list) and all(isinstance(x, dict) for x in v) else "must be an array of tables ([[...]])"


def _id(v: Any) -> str | None:
    if not isinstance(v, str):
        return "must be a string"
    return None if ID_RE.match(v) else f"{v!r} is not a valid id (lowercase letters, digits, single hyphens)"


def _rating(v: Any) -> str | None:
    if isinstance(v, bool) or not isinstance(v, int):
        return "must be a whole number from 0 to 5"
    return None if 0 <= v <= 5 else f"{v} is outside 0-5"


def _date(v: Any) -> str | None:
    if isinstance(v, _dt.datetime) or not isinstance(v, _dt.date):
        return "must be a TOML date such as 2026-11-21 (no quotes)"
    return None


def _pmid(v: Any) -> str | None:
    if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 99_999_999:
        return f"malformed PMID {v!r}: a whole number of 1 to 8 digits"
    return None


def _doi(v: Any) -> str | None:
    return None if isinstance(v, str) and DOI_RE.match(v) else f"malformed DOI {v!r}: expected 10.NNNN/suffix"


def _url(v: Any) -> str | None:
    return None if isinstance(v, str) and re.match(r"^https?://\S+$", v) else f"malformed URL {v!r}"


Spec = dict[str, tuple[Check, bool]]  # key -> (check, required)

SYSTEM: Spec = {"id": (_id, True), "name": (_nonempty_str, True), "aliases": (_str_list, False), "summary": (_nonempty_str, True)}
CONDITION: Spec = {**SYSTEM, "systems": (_str_list, True), "broader": (_str_list, False)}
DRUG: Spec = {
    "id": (_id, True), "name": (_nonempty_str, True), "kind": (_one_of("class", "drug"), True),
    "classes": (_str_list, False), "aliases": (_str_list, False), "effects": (_str_list, False),
}
INGREDIENT: Spec = {
    "id": (_id, True), "name": (_nonempty_str, True), "kind": (_one_of(*KINDS), True), "latin_name": (_str, False),
    "aliases": (_str_list, False), "systems": (_str_list, False), "summary": (_nonempty_str, True),
    "functions": (_str, False), "deficiency": (_str, False), "at_risk": (_str_list, False), "toxicity": (_str, False),
    "doses_studied": (_str, False), "forms": (_tables, False), "intake": (_table, False), "safety": (_table, False),
    "interactions": (_tables, False), "cards": (_tables, False), "effects": (_str_list, False),
    "composition": (_table, False),
}
# a product's typical label: what one serving is, where the formula comes from, and its amounts
COMPOSITION: Spec = {"serving": (_nonempty_str, True), "source": (_nonempty_str, True), "source_url": (_url, False),
                     "amounts": (_table, True)}
FORM: Spec = {"name": (_nonempty_str, True), "elemental_percent": (_number, False), "note": (_str, False)}
INTAKE: Spec = {
    "unit": (_one_of(*MASS_UNITS), True), "measure": (_str, False), "source": (_nonempty_str, True),
    "source_url": (_url, False), "ul_scope": (_one_of(*UL_SCOPES), False), "ul_applies_to": (_str, False),
    "ul_measure": (_str, False),
    "notes": (_str_list, False), "units": (_tables, False), "smoker": (_table, False), "rows": (_tables, True),
}
UNIT: Spec = {"unit": (_nonempty_str, True), "per_unit": (_number, True), "ul_per_unit": (_number, False),
              "form": (_str, False)}
SMOKER: Spec = {"rda_add": (_number, True)}
ROW: Spec = {
    "stage": (_one_of(*STAGES), True), "sex": (_one_of("any", "female", "male"), True),
    "status": (_one_of("pregnant", "lactating"), False),
    "rda": (_number, False), "ai": (_number, False), "ul": (_number, False), "cdrr": (_number, False),
}
SAFETY: Spec = {
    "summary": (_str, False), "side_effects": (_str_list, False), "avoid": (_str_list, False),
    "pregnancy": (_str, False), "overdose": (_str, False),
}
INTERACTION: Spec = {
    "with": (_id, True), "severity": (_one_of(*SEVERITIES), True), "effect": (_nonempty_str, True),
    "advice": (_nonempty_str, True), "evidence": (_one_of(*EVIDENCE_GRADES), True),
    "mechanism": (_nonempty_str, True), "sources": (_tables, True),
}
DEPLETION: Spec = {
    "drug": (_id, True), "nutrient": (_id, True), "severity": (_one_of(*SEVERITIES), True),
    "evidence": (_one_of(*EVIDENCE_GRADES), True), "mechanism": (_nonempty_str, True),
    "effect": (_nonempty_str, True), "advice": (_nonempty_str, True), "sources": (_tables, True),
}
EFFECT: Spec = {"id": (_id, True), "name": (_nonempty_str, True), "description": (_nonempty_str, True)}
EFFECT_PAIR: Spec = {
    "a": (_id, True), "b": (_id, True), "severity": (_one_of(*SEVERITIES), True),
    "mechanism": (_nonempty_str, True), "effect": (_nonempty_str, True), "advice": (_nonempty_str, True),
}
CARD: Spec = {
    "condition": (_id, True), "validity": (_one_of(*VALIDITIES), True), "rating": (_rating, True),
    "verdict": (_nonempty_str, True), "synopsis": (_nonempty_str, True), "study_types": (_str_list, True),
    "references": (_tables, False), "reviewed": (_date, True), "rubric_step": (_one_of(*"ABCDEFG"), False),
}
REFERENCE: Spec = {"citation": (_nonempty_str, True), "pmid": (_pmid, False), "doi": (_doi, False), "url": (_url, False)}
URGENCIES = ("emergency", "urgent", "soon")
PROFILE: Spec = {
    "condition": (_id, True), "reviewed": (_date, True), "what_it_is": (_nonempty_str, True),
    "symptoms": (_str_list, True), "conventional_care": (_str_list, True), "see_a_doctor": (_tables, True),
    "sources": (_tables, True), "covers": (_str_list, False),
}
SIGN: Spec = {"urgency": (_one_of(*URGENCIES), True), "sign": (_nonempty_str, True)}
PROFILE_SENTENCES = (2, 4)
PROFILE_ITEM_MAX = 200


# --- the dataset -----------------------------------------------------------------------------------


@dataclass
class Located:
    """A table from the data and where it is."""

    data: dict[str, Any]
    doc: SourceFile
    path: KeyPath

    def where(self, *key: str | int) -> tuple[str, int]:
        return self.doc.rel, self.doc.line(self.path + key)


@dataclass
class Dataset:
    root: Path
    systems: list[Located] = field(default_factory=list)
    conditions: list[Located] = field(default_factory=list)
    drugs: list[Located] = field(default_factory=list)
    depletions: list[Located] = field(default_factory=list)  # a drug lowers a nutrient (data/drugs/*: [[depletion]])
    effects: list[Located] = field(default_factory=list)  # the effect-tag vocabulary (effects.toml)
    effect_pairs: list[Located] = field(default_factory=list)  # tags that add up or interfere
    ingredients: list[Located] = field(default_factory=list)
    cards: dict[str, list[Located]] = field(default_factory=dict)  # ingredient id -> its cards
    profiles: list[Located] = field(default_factory=list)  # condition profiles, one file each
    warnings: list[Problem] = field(default_factory=list)  # worth a look, but the data still compiles


class _Checker:
    def __init__(self, source: Source) -> None:
        self.problems: list[Problem] = list(source.problems)
        self.warnings: list[Problem] = []
        self.source = source
        self.ds = Dataset(source.root)

    def report(self, item: Located, key: tuple[str | int, ...], message: str) -> None:
        rel, line = item.where(*key)
        self.problems.append(Problem(rel, line, message))

    def fields(self, item: Located, spec: Spec, what: str) -> bool:
        """Check keys and types of one table; False if it is unusable."""
        ok = True
        for key, value in item.data.items():
            if key not in spec:
                self.report(item, (key,), f"{what}: unknown key {key!r}")
                continue
            error = spec[key][0](value)
            if error:
                self.report(item, (key,), f"{what}: {key} {error}")
                ok = False
        for key, (_, required) in spec.items():
            if required and key not in item.data:
                self.report(item, (), f"{what}: missing required key {key!r}")
                ok = False
        return ok

    def tables(self, doc: SourceFile, key: str, within: Located | None = None) -> list[Located]:
        """The array of tables `key` of a document, or of the table `within` it."""
        data, prefix = (within.data, within.path) if within else (doc.data, ())
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
            self.problems.append(Problem(doc.rel, doc.line(prefix + (key,)), f"{key} must be an array of tables ([[{key}]])"))
            return []
        return [Located(x, doc, prefix + (key, i)) for i, x in enumerate(value)]

    def only_keys(self, doc: SourceFile, allowed: Iterable[str]) -> None:
        for key in doc.data:
            if key not in allowed:
                self.problems.append(Problem(doc.rel, doc.line((key,)), f"unexpected top-level key {key!r} in this file"))

    # -- loading ------------------------------------------------------------------------------------

    def load(self) -> None:
        for doc in self.source.docs:
            if doc.rel == "systems.toml":
                self.only_keys(doc, ["system"])
                self.ds.systems += [t for t in self.tables(doc, "system") if self.fields(t, SYSTEM, "system")]
            elif doc.rel.startswith("conditions/"):
                self.only_keys(doc, ["condition"])
                self.ds.conditions += [t for t in self.tables(doc, "condition") if self.fields(t, CONDITION, "condition")]
            elif doc.rel.startswith("drugs/"):
                self.only_keys(doc, ["drug", "depletion"])
                self.ds.drugs += [t for t in self.tables(doc, "drug") if self.fields(t, DRUG, "drug")]
                self.ds.depletions += [t for t in self.tables(doc, "depletion") if self.fields(t, DEPLETION, "depletion")]
            elif doc.rel == "effects.toml":
                self.only_keys(doc, ["effect", "pair"])
                self.ds.effects += [t for t in self.tables(doc, "effect") if self.fields(t, EFFECT, "effect")]
                self.ds.effect_pairs += [t for t in self.tables(doc, "pair") if self.fields(t, EFFECT_PAIR, "effect pair")]
            elif doc.rel.startswith("profiles/"):
                self.profile(Located(doc.data, doc, ()))
        by_folder: dict[str, list[SourceFile]] = defaultdict(list)
        for doc in self.source.docs_under("ingredients/"):
            parts = doc.rel.split("/")
            if len(parts) == 2 and "ingredient" in doc.data:
                # a bundle: several complete ingredients as [[ingredient]] (large generated datasets)
                self.only_keys(doc, ["ingredient"])
                for item in self.tables(doc, "ingredient"):
                    self.ingredient(item, self.tables(doc, "cards", within=item), expected_id=None)
            elif len(parts) == 2:
                self.ingredient(Located(doc.data, doc, ()), self.tables(doc, "cards"), expected_id=Path(parts[1]).stem)
            else:
                by_folder[parts[1]].append(doc)
        for folder, docs in by_folder.items():
            profile = next((d for d in docs if d.rel.endswith("/profile.toml")), None)
            if profile is None:
                self.problems.append(Problem(f"ingredients/{folder}/", 0, "an ingredient folder needs a profile.toml"))
                continue
            cards: list[Located] = []
            for doc in docs:
                if doc is not profile:
                    self.only_keys(doc, ["cards"])
                cards += self.tables(doc, "cards")
            self.ingredient(Located(profile.data, profile, ()), cards, expected_id=folder)

    def ingredient(self, item: Located, cards: list[Located], expected_id: str | None) -> None:
        if not self.fields(item, INGREDIENT, "ingredient"):
            return
        if expected_id is not None and item.data["id"] != expected_id:
            self.report(item, ("id",), f"ingredient id {item.data['id']!r} does not match its file name {expected_id!r}")
        self.ds.ingredients.append(item)
        self.ds.cards.setdefault(item.data["id"], [])
        self.ds.cards[item.data["id"]] += [c for c in cards if self.fields(c, CARD, "card")]
        at = item.path
        for i, form in enumerate(item.data.get("forms", [])):
            self.fields(Located(form, item.doc, at + ("forms", i)), FORM, "form")
        if "safety" in item.data:
            self.fields(Located(item.data["safety"], item.doc, at + ("safety",)), SAFETY, "safety")
        for i, x in enumerate(item.data.get("interactions", [])):
            loc = Located(x, item.doc, at + ("interactions", i))
            if self.fields(loc, INTERACTION, "interaction"):
                what = f"interaction {item.data['id']}/{x['with']}"
                if not x["sources"]:
                    self.report(loc, ("sources",), f"{what}: needs at least one source ([[interactions.sources]])")
                self.sources(loc, what)
        if "intake" in item.data:
            self.intake(Located(item.data["intake"], item.doc, at + ("intake",)))
        if "composition" in item.data:
            if item.data["kind"] != "product":
                self.report(item, ("composition",), f"ingredient {item.data['id']}: only a product (kind = \"product\") has a composition")
            self.fields(Located(item.data["composition"], item.doc, at + ("composition",)), COMPOSITION, "composition")

    def profile(self, item: Located) -> None:
        if not self.fields(item, PROFILE, "profile"):
            return
        data = item.data
        what = f"profile {data['condition']}"
        stem = Path(item.doc.rel).stem
        if stem != data["condition"]:
            self.report(item, ("condition",), f"{what}: the file is named {stem!r}; name it {data['condition']}.toml")
        sentences = [x for x in SENTENCE_SPLIT.split(data["what_it_is"].strip()) if x]
        lo, hi = PROFILE_SENTENCES
        if not lo <= len(sentences) <= hi:
            self.report(item, ("what_it_is",), f"{what}: what_it_is has {len(sentences)} sentences; it must have {lo} to {hi}")
        for key in ("symptoms", "conventional_care"):
            self.items(item, key, data[key], what)
        signs: dict[str, int] = {}
        for i, sign in enumerate(data["see_a_doctor"]):
            loc = Located(sign, item.doc, item.path + ("see_a_doctor", i))
            if self.fields(loc, SIGN, f"{what} see_a_doctor {i + 1}"):
                key = normalize(sign["sign"])
                if key in signs:
                    self.report(loc, ("sign",), f"{what}: see_a_doctor {i + 1} repeats sign {signs[key] + 1}")
                signs.setdefault(key, i)
        if not data["see_a_doctor"]:
            self.report(item, ("see_a_doctor",), f"{what}: see_a_doctor needs at least one sign")
        for i, ref in enumerate(data["sources"]):
            loc = Located(ref, item.doc, item.path + ("sources", i))
            if self.fields(loc, REFERENCE, f"{what} source {i + 1}") and not any(k in ref for k in ("url", "pmid", "doi")):
                self.report(loc, ("citation",), f"{what}: source {i + 1} needs a url, pmid or doi")
        if not data["sources"]:
            self.report(item, ("sources",), f"{what}: a profile needs at least one source")
        self.ds.profiles.append(item)

    def sources(self, item: Located, what: str) -> None:
        """An interaction's or depletion's sources: each a reference with a url, pmid or doi."""
        for i, ref in enumerate(item.data.get("sources", [])):
            loc = Located(ref, item.doc, item.path + ("sources", i))
            if self.fields(loc, REFERENCE, f"{what} source {i + 1}") and not any(k in ref for k in ("url", "pmid", "doi")):
                self.report(loc, ("citation",), f"{what}: source {i + 1} needs a url, pmid or doi")

    def items(self, item: Located, key: str, values: list[str], what: str) -> None:
        if not values:
            self.report(item, (key,), f"{what}: {key} must not be empty")
        seen: set[str] = set()
        for value in values:
            if not value.strip() or "\n" in value.strip() or len(value) > PROFILE_ITEM_MAX:
                self.report(item, (key,), f"{what}: each of {key} is one line of at most {PROFILE_ITEM_MAX} characters")
            elif normalize(value) in seen:
                self.report(item, (key,), f"{what}: {key} lists {value!r} twice")
            seen.add(normalize(value))

    # -- rules --------------------------------------------------------------------------------------

    def intake(self, item: Located) -> None:
        if not self.fields(item, INTAKE, "intake"):
            return
        data = item.data
        for i, unit in enumerate(data.get("units", [])):
            self.fields(Located(unit, item.doc, item.path + ("units", i)), UNIT, "intake unit")
        if "smoker" in data:
            self.fields(Located(data["smoker"], item.doc, item.path + ("smoker",)), SMOKER, "intake smoker")
        seen: dict[tuple[str, str, str], int] = {}
        has_ul = False
        # Some nutrients (boron) have only upper limits: no RDA or AI in any row, and rows
        # without a UL say "not determined".
        ul_only = not any(isinstance(r, dict) and ("rda" in r or "ai" in r) for r in data["rows"])
        if ul_only and not any(isinstance(r, dict) and "ul" in r for r in data["rows"]):
            self.report(item, ("rows",), "intake: no row has an rda, an ai or a ul")
        for i, row in enumerate(data["rows"]):
            loc = Located(row, item.doc, item.path + ("rows", i))
            if not self.fields(loc, ROW, "intake row"):
                continue
            if "rda" in row and "ai" in row:
                self.report(loc, ("ai",), "intake row: give an RDA or an AI, not both")
            if "rda" not in row and "ai" not in row and not ul_only:
                self.report(loc, (), "intake row: needs an rda or an ai")
            status = row.get("status", "")
            if status and (row["stage"] not in PREGNANCY_STAGES or row["sex"] != "female"):
                self.report(loc, ("status",), "intake row: pregnancy and lactation rows are female, at 14-18y, 19-30y or 31-50y")
            sexes = ("female", "male") if row["sex"] == "any" else (row["sex"],)
            for sex in sexes:
                key = (row["stage"], sex, status)
                if key in seen:
                    self.report(loc, ("stage",), f"intake row: overlaps row {seen[key] + 1} ({row['stage']}, {sex}{', ' + status if status else ''})")
                seen.setdefault(key, i)
            if "ul" in row:
                has_ul = True
                need = row.get("rda", row.get("ai"))
                if data.get("ul_scope", "total") == "total" and need is not None and row["ul"] < need:
                    self.report(loc, ("ul",), f"intake row: UL {row['ul']} is below the {'RDA' if 'rda' in row else 'AI'} {need}, and the UL covers total intake")
        if has_ul and "ul_scope" not in data:
            self.report(item, (), "intake: a table with a UL needs ul_scope (total, supplemental or preformed)")
        expected = [(s, x, "") for s in STAGES for x in ("female", "male")]
        expected += [(s, "female", st) for st in ("pregnant", "lactating") for s in PREGNANCY_STAGES]
        missing = [k for k in expected if k not in seen]
        if missing and len(missing) < len(expected):
            names = ", ".join(f"{s} {x}{' ' + st if st else ''}" for s, x, st in missing[:6])
            more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
            self.report(item, ("rows",), f"intake: missing life-stage groups: {names}{more}")
        elif missing:
            self.report(item, ("rows",), "intake: no life-stage rows")

    def card(self, ingredient_id: str, card: Located, conditions: set[str]) -> None:
        data = card.data
        what = f"card {ingredient_id}/{data['condition']}"
        if data["condition"] not in conditions:
            self.report(card, ("condition",), f"{what}: unknown condition {data['condition']!r}")
        if data["validity"] == "traditional" and data["rating"] > 1:
            self.report(card, ("rating",), f"{what}: a traditional card is rated 0 or 1, not {data['rating']}")
        refs = data.get("references", [])
        if data["validity"] == "scientific" and not refs:
            self.report(card, ("validity",), f"{what}: a scientific card needs at least one reference")
        for i, ref in enumerate(refs):
            self.fields(Located(ref, card.doc, card.path + ("references", i)), REFERENCE, f"{what} reference {i + 1}")
        words = len(data["synopsis"].split())
        lo, hi = SYNOPSIS_WORDS
        if not lo <= words <= hi:
            self.report(card, ("synopsis",), f"{what}: synopsis has {words} words; it must have {lo} to {hi}")
        if len(data["verdict"]) > VERDICT_MAX or "\n" in data["verdict"].strip():
            self.report(card, ("verdict",), f"{what}: the verdict is one line of at most {VERDICT_MAX} characters")
        for st in data["study_types"]:
            if st not in STUDY_TYPES:
                self.report(card, ("study_types",), f"{what}: unknown study type {st!r}")
        if not data["study_types"]:
            self.report(card, ("study_types",), f"{what}: study_types must name at least one kind of evidence")
        self.rubric_step(card, what)

    def rubric_step(self, card: Located, what: str) -> None:
        """Rubric v2's rules that a machine can check: every card records the step that gave its rating."""
        from evidence_cli.rubric import STEP_RATING

        data = card.data
        step = data.get("rubric_step")
        if step is None:
            self.report(card, ("rating",), f"{what}: no rubric_step: record the step of RUBRIC.md's procedure (A-G) "
                                           f"that gave this rating")
            return
        if STEP_RATING[step] != data["rating"]:
            self.report(card, ("rating",), f"{what}: rubric step {step} gives {STEP_RATING[step]}, not {data['rating']}")
        if "approved-indication" in data["study_types"] and step not in ("A", "B"):
            self.report(card, ("study_types",), f"{what}: approved-indication goes with rubric step B (or A), not {step}")
        for field in ("verdict", "synopsis"):
            for m in NAMED_STEP.finditer(data[field]):
                if (m.group(1), int(m.group(2))) != (step, data["rating"]):
                    self.report(card, (field,), f"{what}: the {field} says {m.group(0)!r} but the card is step {step}, "
                                                f"rating {data['rating']}: make the words agree with the number")
        if data["rating"] == 1 and "meta-analysis" in data["study_types"]:
            self.report(card, ("study_types",), f"{what}: rated 1 (untested) but lists a meta-analysis: "
                                                f"tested and negative is 0 (step D), positive is 2 or more")
        if data["rating"] == 1 and "rct" in data["study_types"] and not INADEQUATE.search(data["synopsis"]):
            self.warnings.append(Problem(*card.where("study_types"), f"{what}: rated 1 but lists rct; say in the synopsis "
                                                                     f"why the trials were inadequate (too small, uncontrolled, a different use)"))

    def broader(self, condition_ids: set[str]) -> None:
        """`broader` names existing conditions, never the condition itself, and never forms a cycle."""
        parents = {c.data["id"]: c.data.get("broader", []) for c in self.ds.conditions}
        for c in self.ds.conditions:
            cid = c.data["id"]
            for b in c.data.get("broader", []):
                if b == cid:
                    self.report(c, ("broader",), f"condition {cid}: names itself as broader")
                elif b not in condition_ids:
                    self.report(c, ("broader",), f"condition {cid}: unknown broader condition {b!r}")
            seen, todo = set(), list(parents.get(cid, []))
            while todo:
                b = todo.pop()
                if b == cid:
                    self.report(c, ("broader",), f"condition {cid}: broader links form a cycle back to itself")
                    break
                if b not in seen:
                    seen.add(b)
                    todo += parents.get(b, [])

    def broad_cards(self, below: dict[str, set[str]]) -> None:
        """A card on a broad condition summarises: it may not outrate the ingredient's best narrower card."""
        for ing, cards in self.ds.cards.items():
            rating = {c.data["condition"]: c.data["rating"] for c in cards if isinstance(c.data.get("rating"), int)}
            for card in cards:
                cid = card.data["condition"]
                under = [rating[n] for n in below.get(cid, ()) if n in rating]
                if under and cid in rating and rating[cid] > max(under):
                    self.report(card, ("rating",), f"card {ing}/{cid}: rated {rating[cid]} on a broad condition, above the "
                                                   f"best card on its narrower conditions ({max(under)})")

    def cross_check(self) -> None:
        ds = self.ds
        ids: dict[str, set[str]] = {}
        for kind, items in (("system", ds.systems), ("condition", ds.conditions), ("drug", ds.drugs), ("ingredient", ds.ingredients)):
            seen: dict[str, Located] = {}
            for item in items:
                i = item.data["id"]
                if i in seen:
                    rel, line = seen[i].where("id")
                    self.report(item, ("id",), f"duplicate {kind} id {i!r} (first defined at {rel}:{line})")
                seen.setdefault(i, item)
            ids[kind] = set(seen)
        for c in ds.conditions:
            for s in c.data["systems"]:
                if s not in ids["system"]:
                    self.report(c, ("systems",), f"condition {c.data['id']}: unknown body system {s!r}")
            if not c.data["systems"]:
                self.report(c, ("systems",), f"condition {c.data['id']}: belongs to no body system")
        self.broader(ids["condition"])
        for d in ds.drugs:
            for k in d.data.get("classes", []):
                if k not in ids["drug"]:
                    self.report(d, ("classes",), f"drug {d.data['id']}: unknown drug class {k!r}")
        for ing in ds.ingredients:
            for s in ing.data.get("systems", []):
                if s not in ids["system"]:
                    self.report(ing, ("systems",), f"ingredient {ing.data['id']}: unknown body system {s!r}")
            partners: set[str] = set()
            for i, x in enumerate(ing.data.get("interactions", [])):
                other = x.get("with") if isinstance(x, dict) else None
                if other == ing.data["id"]:
                    self.report(ing, ("interactions", i, "with"), "interaction: an ingredient cannot interact with itself")
                elif other not in ids["drug"] and other not in ids["ingredient"]:
                    self.report(ing, ("interactions", i, "with"), f"interaction: unknown drug, drug class or ingredient {other!r}")
                elif other in partners:
                    self.report(ing, ("interactions", i, "with"), f"interaction: a second interaction with {other!r}")
                partners.add(other)
            seen_cards: dict[str, Located] = {}
            for card in ds.cards.get(ing.data["id"], []):
                self.card(ing.data["id"], card, ids["condition"])
                cond = card.data["condition"]
                if cond in seen_cards:
                    rel, line = seen_cards[cond].where()
                    self.report(card, ("condition",), f"second card for {ing.data['id']}/{cond} (first at {rel}:{line})")
                seen_cards.setdefault(cond, card)
        self.compositions()
        below = narrower_closure([c.data for c in ds.conditions])
        self.broad_cards(below)
        self.effects(ids)
        profiled: dict[str, Located] = {}
        for p in ds.profiles:
            cond = p.data["condition"]
            if cond not in ids["condition"]:
                self.report(p, ("condition",), f"profile: unknown condition {cond!r}")
            elif cond in profiled:
                self.report(p, ("condition",), f"a second profile for {cond} (first in {profiled[cond].doc.rel})")
            profiled.setdefault(cond, p)
        self.covered(profiled, below)
        self.names()
        self.shared_sentences()
        self.text()

    def covered(self, profiled: dict[str, "Located"], below: dict[str, set[str]]) -> None:
        """A profile's `covers`: conditions below its own, without a profile of their own, each
        shown this one; no condition covered twice."""
        covered: dict[str, str] = {}
        for p in self.ds.profiles:
            owner = p.data["condition"]
            for cond in p.data.get("covers", []):
                if cond not in below.get(owner, set()):
                    self.report(p, ("covers",), f"profile {owner}: covers {cond!r}, which is not a condition below {owner}")
                elif cond in profiled:
                    self.report(p, ("covers",), f"profile {owner}: covers {cond}, which has a profile of its own")
                elif cond in covered:
                    self.report(p, ("covers",), f"profile {owner}: {cond} is covered already by the profile of {covered[cond]}")
                covered.setdefault(cond, owner)

    def effects(self, ids: dict[str, set[str]]) -> None:
        """Effect tags come from effects.toml; depletions name a known drug and nutrient and cite a source."""
        ds = self.ds
        vocabulary = {e.data["id"] for e in ds.effects}
        for p in ds.effect_pairs:
            for side in ("a", "b"):
                if p.data[side] not in vocabulary:
                    self.report(p, (side,), f"effect pair: unknown effect tag {p.data[side]!r}")
        for item in [*ds.drugs, *ds.ingredients]:
            for tag in item.data.get("effects", []):
                if tag not in vocabulary:
                    self.report(item, ("effects",), f"{item.data['id']}: unknown effect tag {tag!r} (see effects.toml)")
        seen: set[tuple[str, str]] = set()
        for d in ds.depletions:
            drug, nutrient = d.data["drug"], d.data["nutrient"]
            what = f"depletion {drug}/{nutrient}"
            if drug not in ids["drug"]:
                self.report(d, ("drug",), f"{what}: unknown drug or drug class {drug!r}")
            if nutrient not in ids["ingredient"]:
                self.report(d, ("nutrient",), f"{what}: unknown ingredient {nutrient!r}")
            if (drug, nutrient) in seen:
                self.report(d, ("drug",), f"{what}: recorded twice")
            seen.add((drug, nutrient))
            if not d.data["sources"]:
                self.report(d, ("sources",), f"{what}: needs at least one source")
            self.sources(d, what)

    def compositions(self) -> None:
        """A product's amounts name ingredients, and read as amounts of them (with their units and forms)."""
        by_id = {ing.data["id"]: ing.data for ing in self.ds.ingredients}
        for ing in self.ds.ingredients:
            amounts = ing.data.get("composition", {}).get("amounts")
            if not isinstance(amounts, dict):
                continue
            for key, value in amounts.items():
                where = ("composition", "amounts", key)
                what = f"{ing.data['id']} composition"
                target = by_id.get(key)
                if target is None or target.get("kind") == "product":
                    self.report(ing, where, f"{what}: {key!r} is not an ingredient id (a vitamin, mineral or other single ingredient)")
                elif not isinstance(value, str) or not value.strip():
                    self.report(ing, where, f"{what}: the amount of {key} must be a string with its unit, such as \"500 mg\"")
                elif target.get("intake"):
                    try:
                        parse_labelled(value, target["name"], target["intake"])
                    except UsageError as exc:
                        self.report(ing, where, f"{what}: {key}: {exc.message}" + (f" ({exc.hint})" if exc.hint else ""))
                elif not AMOUNT.fullmatch(value.strip()):
                    self.report(ing, where, f"{what}: cannot read the amount {value!r} of {key} (a number and a unit, such as \"10 mg\")")

    def names(self) -> None:
        """An id, name or alias may name only one thing among those a lookup searches together."""
        groups = (
            ("ingredient, condition or system", (("ingredient", self.ds.ingredients), ("condition", self.ds.conditions), ("system", self.ds.systems))),
            ("drug or ingredient", (("drug", self.ds.drugs), ("ingredient", self.ds.ingredients))),
        )
        for label, members in groups:
            owners: dict[str, dict[tuple[str, str], Located]] = defaultdict(dict)
            for kind, items in members:
                for item in items:
                    for name in [item.data["id"], item.data["name"], *item.data.get("aliases", [])]:
                        owners[normalize(name)][(kind, item.data["id"])] = item
            for name, things in owners.items():
                if label.startswith("drug") and all(k != "drug" for k, _ in things):
                    continue  # already reported among ingredients
                if len(things) > 1:
                    listed = ", ".join(f"{k} {i}" for k, i in things)
                    item = list(things.values())[-1]
                    self.report(item, ("aliases",), f"the name {name!r} resolves to more than one {label}: {listed}")

    def shared_sentences(self) -> None:
        where: dict[str, list[tuple[str, Located]]] = defaultdict(list)
        for ing_id, cards in self.ds.cards.items():
            for card in cards:
                for sentence in set(SENTENCE_SPLIT.split(card.data["synopsis"])):
                    if len(sentence.split()) >= SHARED_SENTENCE_MIN_WORDS:
                        where[" ".join(sentence.lower().split())].append((f"{ing_id}/{card.data['condition']}", card))
        for sentence, uses in where.items():
            if len(uses) > 1:
                first = uses[0][0]
                for name, card in uses[1:]:
                    self.report(card, ("synopsis",), f"card {name}: synopsis repeats a sentence of card {first}: {sentence[:70]!r}")

    def text(self) -> None:
        for doc in self.source.docs:
            for path, value in _strings(doc.data, ()):
                bad = CONTROL_RE.search(value)
                if bad:
                    self.problems.append(Problem(doc.rel, doc.line(path), f"text holds a control or escape character U+{ord(bad.group()):04X}"))


def _strings(value: Any, path: KeyPath) -> Iterable[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, path + (i,))


def narrower_closure(conditions: list[dict[str, Any]]) -> dict[str, set[str]]:
    """For each broad condition, every condition below it at any depth (the store keeps this as
    condition_narrower); a cycle, which validate reports, cannot loop it."""
    children: dict[str, list[str]] = {}
    for c in conditions:
        for b in c.get("broader", []):
            children.setdefault(b, []).append(c["id"])
    closure = {}
    for broad in children:
        seen: set[str] = set()
        todo = list(children[broad])
        while todo:
            n = todo.pop()
            if n not in seen:
                seen.add(n)
                todo += children.get(n, [])
        closure[broad] = seen
    return closure


def check_data(root: Path) -> tuple[Dataset, list[Problem]]:
    checker = _Checker(parse(root))
    checker.load()
    checker.cross_check()
    parse_errors = len(checker.source.problems)  # a file that cannot be read comes first: later problems may follow from it
    checker.problems = (sorted(checker.problems[:parse_errors], key=lambda p: (p.file, p.line))
                        + sorted(checker.problems[parse_errors:], key=lambda p: (p.file, p.line)))
    checker.ds.warnings = sorted(checker.warnings, key=lambda p: (p.file, p.line))
    return checker.ds, checker.problems
