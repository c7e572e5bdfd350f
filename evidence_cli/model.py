"""Plain data objects that queries return and renderers format. No I/O here."""

from __future__ import annotations

from collections import namedtuple
from typing import Any, Optional

# Records are collections.namedtuple subclasses: typing.NamedTuple and dataclasses cost several
# times more to create at import, and every lookup pays that (README, Performance). The fields
# and their types are listed in each docstring.

# interaction severities, most severe first: the one home of their order
SEVERITIES = ("major", "moderate", "minor")

# the words accepted for --sex and --per, each with what it means (app.py makes them Click choices)
SEXES = {"female": "female", "f": "female", "woman": "female", "women": "female",
         "male": "male", "m": "male", "man": "male", "men": "male"}
PER_BASES = {"serving": "serving", "100g": "100g", "100": "100g", "100gram": "100g", "100grams": "100g"}


class Ref(namedtuple("Ref", "kind id name")):
    """A named thing: an ingredient, condition, system or drug. Fields: kind: str; id: str; name: str"""

    __slots__ = ()


class Reference(namedtuple("Reference", "citation pmid doi url", defaults=(None, None, None,))):
    """Fields: citation: str; pmid: Optional[int] = None; doi: Optional[str] = None; url: Optional[str]
    = None
    """

    __slots__ = ()

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.pmid is not None:
            out["pmid"] = self.pmid
        if self.doi:
            out["doi"] = self.doi
        if self.url:
            out["url"] = self.url
        out["citation"] = self.citation
        return out


class Card(namedtuple("Card", "ingredient condition validity rating verdict synopsis study_types references reviewed other_conditions rubric_step", defaults=((), None))):
    """Fields: ingredient: Ref; condition: Ref; validity: str; rating: int; verdict: str; synopsis:
    str; study_types: list[str]; references: list[Reference]; reviewed: str; other_conditions:
    tuple["Ranked", ...] = (); rubric_step: Optional[str] = None (A-G, RUBRIC.md version 2)
    """

    __slots__ = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "ingredient": {"id": self.ingredient.id, "name": self.ingredient.name},
            "condition": {"id": self.condition.id, "name": self.condition.name},
            "validity": self.validity,
            "rating": self.rating,
            "rubric_step": self.rubric_step,
            "verdict": self.verdict,
            "synopsis": self.synopsis,
            "study_types": list(self.study_types),
            "references": [r.as_json() for r in self.references],
            "reviewed": self.reviewed,
        }


class Ranked(namedtuple("Ranked", "id name rating validity verdict extra", defaults=("", None,))):
    """One row of a ranked list: an ingredient for a condition, or a condition for an ingredient.
    Fields: id: str; name: str; rating: Optional[int]; validity: Optional[str]; verdict: str = "";
    extra: Optional[dict[str, Any]] = None
    """

    __slots__ = ()

    def as_json(self) -> dict[str, Any]:
        out = {"id": self.id, "name": self.name, "rating": self.rating, "validity": self.validity}
        if self.verdict:
            out["verdict"] = self.verdict
        out.update(self.extra or {})
        return out


class Condition(namedtuple("Condition", "id name aliases systems summary ingredients profile narrower broader profile_of",
                           defaults=((), None, (), (), None))):
    """Fields: id: str; name: str; aliases: list[str]; systems: list[Ref]; summary: str; ingredients:
    tuple[Ranked, ...] = (); profile: Optional[dict[str, Any]] = None (what_it_is, symptoms,
    see_a_doctor, conventional_care, sources, reviewed as in data/profiles); narrower, broader:
    tuple[Ref, ...] = () (the conditions below and above it); profile_of: Optional[Ref] = None (the
    broad condition whose profile this is, when it has none of its own)
    """

    __slots__ = ()


class System(namedtuple("System", "id name aliases summary conditions", defaults=((),))):
    """Fields: id: str; name: str; aliases: list[str]; summary: str; conditions: tuple[Ranked, ...] =
    ()
    """

    __slots__ = ()


# what an interaction row is: written in the data, a drug lowering a nutrient, or inferred from effect tags
INTERACTION_KINDS = ("written", "depletion", "inferred")
EVIDENCE_GRADES = {
    "A": "well-designed human studies (controlled trials or pharmacokinetic studies) show it consistently",
    "B": "human studies with limitations, or well-documented case reports with supporting pharmacokinetic data",
    "C": "isolated case reports, or weak or conflicting human data",
    "D": "theoretical: from the mechanism, animal or laboratory studies, or shared effects",
}


class Interaction(namedtuple("Interaction", "ingredient other kind severity evidence mechanism effect advice sources basis",
                             defaults=(None, None, "", "", (), ()))):
    """A supplement and what it meets: a drug, a drug class or another ingredient. Fields:
    ingredient: Ref; other: Ref (kind drug, class or ingredient); kind: str (INTERACTION_KINDS);
    severity: str; evidence: Optional[str] (A-D); mechanism: Optional[str]; effect: str; advice:
    str; sources: tuple[Reference, ...] = (); basis: tuple[str, ...] = () (the effect tags an
    inferred row rests on)
    """

    __slots__ = ()

    @property
    def drug(self) -> Ref:
        return self.other

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ingredient": {"id": self.ingredient.id, "name": self.ingredient.name},
            "with": {"kind": self.other.kind, "id": self.other.id, "name": self.other.name},
        }
        if self.other.kind != "ingredient":
            out["drug"] = {"id": self.other.id, "name": self.other.name}  # version 1's key, kept as a synonym
        out.update({
            "kind": self.kind, "inferred": self.kind == "inferred", "severity": self.severity, "evidence": self.evidence,
            "mechanism": self.mechanism, "effect": self.effect, "advice": self.advice,
            "sources": [r.as_json() for r in self.sources],
        })
        if self.basis:
            out["basis"] = list(self.basis)
        return out


class Ingredient(namedtuple("Ingredient", "id name kind latin_name aliases systems summary profile cards interactions", defaults=((), (),))):
    """An ingredient; its profile holds functions, deficiency, at_risk, toxicity, doses_studied, forms,
    safety, intake and (for a product) composition as in the TOML. Fields: id: str; name: str; kind: str; latin_name: str;
    aliases: list[str]; systems: list[Ref]; summary: str; profile: dict[str, Any]; cards:
    tuple[Ranked, ...] = (); interactions: tuple[Interaction, ...] = ()
    """

    __slots__ = ()

    @property
    def intake(self) -> Optional[dict[str, Any]]:
        return self.profile.get("intake")

    @property
    def safety(self) -> dict[str, Any]:
        return self.profile.get("safety") or {}

    @property
    def forms(self) -> list[dict[str, Any]]:
        return self.profile.get("forms") or []

    @property
    def composition(self) -> dict[str, Any]:
        """A product's typical label: serving, source, source_url, and amounts [{id, name, amount}]."""
        return self.profile.get("composition") or {}


class Food(namedtuple("Food", "ndb name group serving grams amount unit per dv_percent")):
    """Fields: ndb: int; name: str; group: str; serving: Optional[str]; grams: Optional[float]; amount:
    Optional[float]; unit: str; per: str; dv_percent: Optional[float]
    """

    __slots__ = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "ndb": self.ndb,
            "name": self.name,
            "group": self.group,
            "serving": self.serving,
            "grams": self.grams,
            "amount": self.amount,
            "unit": self.unit,
            "per": self.per,
            "dv_percent": self.dv_percent,
            "source": "USDA SR28",
        }


class SearchHit(namedtuple("SearchHit", "kind id title snippet ingredient condition rating matches",
                           defaults=(None, None, None, ()))):
    """Fields: kind: str; id: str; title: str; snippet: str; ingredient: Optional[str] = None;
    condition: Optional[str] = None; rating: Optional[int] = None; matches: tuple[str, ...] = ()
    (the words of the snippet that matched, for highlighting)
    """

    __slots__ = ()

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "id": self.id, "title": self.title, "snippet": self.snippet,
                               "matches": list(self.matches)}
        if self.kind == "card":
            out.update(ingredient=self.ingredient, condition=self.condition, rating=self.rating)
        return out
