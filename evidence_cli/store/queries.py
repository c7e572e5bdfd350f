"""The questions commands ask of the compiled store, answered as model objects."""

from __future__ import annotations

import sqlite3
from marshal import loads as _load
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from evidence_cli.model import (
    SEVERITIES, Card, Condition, Food, Ingredient, Interaction, Ranked, Ref, Reference, SearchHit, System,
)

SEVERITY_ORDER = "CASE severity " + " ".join(f"WHEN '{s}' THEN {n}" for n, s in enumerate(SEVERITIES)) + " END"


class Store:
    """Read-only access to one compiled store."""

    def __init__(self, con: sqlite3.Connection, root: Path) -> None:
        self.con = con
        self.root = root

    # -- names ----------------------------------------------------------------------------------

    def exact(self, name: str, kinds: Iterable[str]) -> list[tuple[str, str]]:
        kinds = list(kinds)
        q = f"SELECT DISTINCT kind, id FROM names WHERE name = ? AND kind IN ({','.join('?' * len(kinds))})"
        return [tuple(r) for r in self.con.execute(q, [name, *kinds])]

    def prefixed(self, prefix: str, kinds: Iterable[str], limit: int = 50) -> list[tuple[str, str]]:
        kinds = list(kinds)
        q = (f"SELECT DISTINCT kind, id FROM names WHERE kind IN ({','.join('?' * len(kinds))}) "
             f"AND name >= ? AND name < ? ORDER BY name LIMIT ?")
        return [tuple(r) for r in self.con.execute(q, [*kinds, prefix, prefix + "\U0010ffff", limit])]

    def containing(self, text: str, kinds: Iterable[str], limit: int = 8) -> list[tuple[str, str]]:
        import re

        kinds = list(kinds)
        pattern = "%" + re.sub(r"([%_\\])", r"\\\1", text) + "%"
        q = (f"SELECT DISTINCT kind, id FROM names WHERE kind IN ({','.join('?' * len(kinds))}) "
             f"AND name LIKE ? ESCAPE '\\' ORDER BY length(name) LIMIT ?")
        return [tuple(r) for r in self.con.execute(q, [*kinds, pattern, limit])]

    def all_names(self, kinds: Iterable[str]) -> list[tuple[str, str, str]]:
        kinds = list(kinds)
        q = f"SELECT name, kind, id FROM names WHERE kind IN ({','.join('?' * len(kinds))})"
        return [tuple(r) for r in self.con.execute(q, kinds)]

    def display_name(self, kind: str, id: str) -> str:
        table = {"ingredient": "ingredients", "condition": "conditions", "system": "systems", "drug": "drugs"}[kind]
        row = self.con.execute(f"SELECT name FROM {table} WHERE id = ?", (id,)).fetchone()
        return row[0] if row else id

    def completions(self, kinds: Iterable[str], prefix: str, limit: int = 200) -> list[str]:
        """One candidate per thing, as the data spells it: the names that start with `prefix` in
        any case ("St John's Wort" for `st`); only where no name does, the aliases that do
        (`hypomag`). Mixing the two would leave a shell no common start to complete to."""
        from evidence_cli.text import normalize

        low = normalize(prefix) if prefix.strip() else ""
        kinds = list(kinds)
        q = (f"SELECT n.kind, n.id, n.display FROM names n WHERE n.kind IN ({','.join('?' * len(kinds))}) "
             f"AND n.name >= ? AND n.name < ? ORDER BY length(n.name), n.name LIMIT ?")
        matched: dict[tuple[str, str], str] = {}
        for kind, id, display in self.con.execute(q, [*kinds, low, low + "\U0010ffff", limit * 4]):
            if not (display == id and "-" in id):  # ids like autoimmune-disorders: the name says it better
                matched.setdefault((kind, id), display)
        names, aliases = set(), set()
        for (kind, id), alias in list(matched.items())[:limit]:
            name = self.display_name(kind, id)
            (names.add(name) if normalize(name).startswith(low) else aliases.add(alias))
        return sorted(names or aliases, key=str.casefold)

    # -- things ---------------------------------------------------------------------------------

    def _system_refs(self, ids: Iterable[str]) -> list[Ref]:
        return [Ref("system", i, self.display_name("system", i)) for i in ids]

    def ingredient(self, id: str) -> Ingredient:
        row = self.con.execute(
            "SELECT id, name, kind, latin_name, summary, aliases, systems, profile FROM ingredients WHERE id = ?", (id,)
        ).fetchone()
        return Ingredient(
            id=row[0], name=row[1], kind=row[2], latin_name=row[3], summary=row[4], aliases=_load(row[5]),
            systems=self._system_refs(_load(row[6])), profile=_load(row[7]),
            cards=self.conditions_for(id), interactions=self.interactions_of(id),
        )

    def condition(self, id: str) -> Condition:
        row = self.con.execute("SELECT id, name, summary, aliases FROM conditions WHERE id = ?", (id,)).fetchone()
        systems = [r[0] for r in self.con.execute(
            "SELECT s.id FROM condition_systems cs JOIN systems s ON s.id = cs.system_id WHERE cs.condition_id = ? ORDER BY s.position", (id,))]
        covered = self.con.execute("SELECT k.profile_of, c.name FROM profile_covers k JOIN conditions c ON c.id = k.profile_of "
                                   "WHERE k.condition_id = ?", (id,)).fetchone()
        profile = self.con.execute("SELECT profile FROM profiles WHERE condition_id = ?", (covered[0] if covered else id,)).fetchone()
        narrower = self.narrower(id)
        return Condition(row[0], row[1], _load(row[3]), self._system_refs(systems), row[2],
                         self.ingredients_for(id, broad=bool(narrower)), _load(profile[0]) if profile else None,
                         tuple(narrower), tuple(self.broader(id)),
                         Ref("condition", covered[0], covered[1]) if covered else None)

    def system(self, id: str) -> System:
        row = self.con.execute("SELECT id, name, summary, aliases FROM systems WHERE id = ?", (id,)).fetchone()
        return System(row[0], row[1], _load(row[3]), row[2], self.conditions_of_system(id))

    def card(self, ingredient_id: str, condition_id: str, others: bool = True) -> Optional[Card]:
        """The card, with the ingredient's other conditions unless `others` is False."""
        row = self.con.execute(
            "SELECT c.validity, c.rating, c.verdict, c.synopsis, c.study_types, c.refs, c.reviewed, i.name, k.name, "
            "c.rubric_step "
            "FROM cards c JOIN ingredients i ON i.id = c.ingredient_id JOIN conditions k ON k.id = c.condition_id "
            "WHERE c.ingredient_id = ? AND c.condition_id = ?", (ingredient_id, condition_id)).fetchone()
        if row is None:
            return None
        rest = [r for r in self.conditions_for(ingredient_id) if r.id != condition_id] if others else []
        return Card(
            ingredient=Ref("ingredient", ingredient_id, row[7]), condition=Ref("condition", condition_id, row[8]),
            validity=row[0], rating=row[1], verdict=row[2], synopsis=row[3], study_types=_load(row[4]),
            references=[Reference(**r) for r in _load(row[5])], reviewed=row[6], other_conditions=tuple(rest),
            rubric_step=row[9],
        )

    # -- lists ----------------------------------------------------------------------------------

    def ingredients(self) -> list[Ranked]:
        rows = self.con.execute(
            "SELECT i.id, i.name, i.kind, COUNT(c.condition_id), MAX(c.rating) FROM ingredients i "
            "LEFT JOIN cards c ON c.ingredient_id = i.id GROUP BY i.id ORDER BY i.name COLLATE NOCASE")
        return [Ranked(r[0], r[1], r[4], None, extra={"kind": r[2], "cards": r[3]}) for r in rows]

    def conditions(self) -> list[Ranked]:
        rows = self.con.execute(
            "SELECT k.id, k.name, COUNT(c.ingredient_id), MAX(c.rating) FROM conditions k "
            "LEFT JOIN cards c ON c.condition_id = k.id GROUP BY k.id ORDER BY k.name COLLATE NOCASE")
        return [Ranked(r[0], r[1], r[3], None, extra={"cards": r[2], "systems": self._condition_systems(r[0])}) for r in rows]

    def _condition_systems(self, condition_id: str) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT system_id FROM condition_systems WHERE condition_id = ?", (condition_id,))]

    def systems(self) -> list[Ranked]:
        rows = self.con.execute(
            "SELECT s.id, s.name, s.summary, (SELECT COUNT(*) FROM condition_systems cs WHERE cs.system_id = s.id) "
            "FROM systems s ORDER BY s.position")
        return [Ranked(r[0], r[1], None, None, extra={"conditions": r[3], "summary": r[2]}) for r in rows]

    def conditions_for(self, ingredient_id: str) -> list[Ranked]:
        rows = self.con.execute(
            "SELECT k.id, k.name, c.rating, c.validity, c.verdict FROM cards c JOIN conditions k ON k.id = c.condition_id "
            "WHERE c.ingredient_id = ? ORDER BY c.rating DESC, c.validity = 'traditional', k.name COLLATE NOCASE", (ingredient_id,))
        return [Ranked(*r) for r in rows]

    def ingredients_for(self, condition_id: str, broad: Optional[bool] = None) -> list[Ranked]:
        """The cards for a condition, best first. A broad condition (nausea) adds the cards of every
        condition below it, each row saying which condition its card is on."""
        if broad is None:
            broad = self.con.execute("SELECT 1 FROM condition_narrower WHERE broad_id = ? LIMIT 1", (condition_id,)).fetchone() is not None
        if not broad:
            rows = self.con.execute(
                "SELECT i.id, i.name, c.rating, c.validity, c.verdict FROM cards c JOIN ingredients i ON i.id = c.ingredient_id "
                "WHERE c.condition_id = ? ORDER BY c.rating DESC, c.validity = 'traditional', i.name COLLATE NOCASE", (condition_id,))
            return [Ranked(*r) for r in rows]
        rows = self.con.execute(
            "SELECT i.id, i.name, c.rating, c.validity, c.verdict, k.id, k.name FROM cards c "
            "JOIN ingredients i ON i.id = c.ingredient_id JOIN conditions k ON k.id = c.condition_id "
            "WHERE c.condition_id = ?1 OR c.condition_id IN (SELECT narrower_id FROM condition_narrower WHERE broad_id = ?1) "
            "ORDER BY c.rating DESC, c.validity = 'traditional', i.name COLLATE NOCASE, k.name COLLATE NOCASE", (condition_id,))
        return [Ranked(*r[:5], extra={"condition": {"id": r[5], "name": r[6]}}) for r in rows]

    def narrower(self, condition_id: str) -> list[Ref]:
        """Every condition below a broad one, by name."""
        return [Ref("condition", r[0], r[1]) for r in self.con.execute(
            "SELECT k.id, k.name FROM condition_narrower n JOIN conditions k ON k.id = n.narrower_id "
            "WHERE n.broad_id = ? ORDER BY k.name COLLATE NOCASE", (condition_id,))]

    def broader(self, condition_id: str) -> list[Ref]:
        """Every broad condition above this one, by name."""
        return [Ref("condition", r[0], r[1]) for r in self.con.execute(
            "SELECT k.id, k.name FROM condition_narrower n JOIN conditions k ON k.id = n.broad_id "
            "WHERE n.narrower_id = ? ORDER BY k.name COLLATE NOCASE", (condition_id,))]

    def cards_below(self, ingredient_id: str, condition_id: str) -> list[Card]:
        """An ingredient's cards on the conditions below a broad one, best first."""
        ids = [r[0] for r in self.con.execute(
            "SELECT c.condition_id FROM cards c JOIN condition_narrower n ON n.narrower_id = c.condition_id "
            "WHERE n.broad_id = ? AND c.ingredient_id = ? ORDER BY c.rating DESC, c.condition_id", (condition_id, ingredient_id))]
        return [card for card in (self.card(ingredient_id, i, others=False) for i in ids) if card is not None]

    def conditions_of_system(self, system_id: str) -> list[Ranked]:
        """The conditions of a body system, each with its best-rated ingredient."""
        rows = self.con.execute(
            "SELECT k.id, k.name, best.rating, best.validity, best.ingredient_id, i.name, "
            "  (SELECT COUNT(*) FROM cards c2 WHERE c2.condition_id = k.id), best.verdict "
            "FROM condition_systems cs JOIN conditions k ON k.id = cs.condition_id "
            "LEFT JOIN cards best ON best.rowid = (SELECT c.rowid FROM cards c WHERE c.condition_id = k.id "
            "  ORDER BY c.rating DESC, c.validity = 'traditional', c.ingredient_id LIMIT 1) "
            "LEFT JOIN ingredients i ON i.id = best.ingredient_id "
            "WHERE cs.system_id = ? ORDER BY best.rating IS NULL, best.rating DESC, k.name COLLATE NOCASE", (system_id,))
        return [Ranked(r[0], r[1], r[2], r[3], r[7] or "",
                       extra={"best_ingredient": {"id": r[4], "name": r[5]} if r[4] else None, "cards": r[6]})
                for r in rows]

    def evidence_map(self, system_id: str, ingredients: int = 12, conditions: int = 24) -> tuple[list[Ranked], list[Ranked], dict[tuple[str, str], tuple[int, str]]]:
        """The ingredients with most cards among a system's conditions, the conditions they cover
        most, and every rating between them."""
        top = self.con.execute(
            "SELECT i.id, i.name, COUNT(*) AS n, SUM(c.rating) FROM condition_systems cs "
            "JOIN cards c ON c.condition_id = cs.condition_id JOIN ingredients i ON i.id = c.ingredient_id "
            "WHERE cs.system_id = ? GROUP BY i.id ORDER BY n DESC, SUM(c.rating) DESC, i.name LIMIT ?",
            (system_id, ingredients)).fetchall()
        ings = [Ranked(r[0], r[1], None, None, extra={"cards": r[2]}) for r in top]
        if not ings:
            return [], [], {}
        marks = ",".join("?" * len(ings))
        rows = self.con.execute(
            f"SELECT k.id, k.name, COUNT(*) AS n, MAX(c.rating) FROM condition_systems cs "
            f"JOIN conditions k ON k.id = cs.condition_id JOIN cards c ON c.condition_id = k.id "
            f"WHERE cs.system_id = ? AND c.ingredient_id IN ({marks}) GROUP BY k.id "
            f"ORDER BY n DESC, MAX(c.rating) DESC, k.name LIMIT ?",
            [system_id, *[i.id for i in ings], conditions]).fetchall()
        conds = sorted((Ranked(r[0], r[1], r[3], None, extra={"cards": r[2]}) for r in rows), key=lambda c: c.name.casefold())
        cmarks = ",".join("?" * len(conds))
        cells = {(r[0], r[1]): (r[2], r[3]) for r in self.con.execute(
            f"SELECT ingredient_id, condition_id, rating, validity FROM cards WHERE condition_id IN ({cmarks}) "
            f"AND ingredient_id IN ({marks})", [*[c.id for c in conds], *[i.id for i in ings]])}
        return ings, conds, cells

    # -- interactions ---------------------------------------------------------------------------

    _INTERACTION = ("SELECT x.ingredient_id, i.name, x.with_kind, x.with_id, COALESCE(d.name, w.name), d.kind, x.kind, "
                    "x.severity, x.evidence, x.mechanism, x.effect, x.advice, x.sources FROM interactions x "
                    "JOIN ingredients i ON i.id = x.ingredient_id "
                    "LEFT JOIN drugs d ON x.with_kind = 'drug' AND d.id = x.with_id "
                    "LEFT JOIN ingredients w ON x.with_kind = 'ingredient' AND w.id = x.with_id ")

    @staticmethod
    def _interaction(r: Sequence[Any], reverse: bool = False) -> Interaction:
        one = Ref("ingredient", r[0], r[1])
        other = Ref(r[5] if r[2] == "drug" else "ingredient", r[3], r[4])
        if reverse:
            one, other = other, one
        return Interaction(one, other, r[6], r[7], r[8], r[9], r[10], r[11], tuple(Reference(**x) for x in _load(r[12])))

    def interactions_of(self, ingredient_id: str) -> list[Interaction]:
        """Everything written about the ingredient: with drugs, classes and other ingredients (in
        either ingredient's file), and the drugs that lower it."""
        order = f"ORDER BY {SEVERITY_ORDER}, x.kind DESC, x.position"
        rows = [self._interaction(r) for r in self.con.execute(self._INTERACTION + f"WHERE x.ingredient_id = ? {order}", (ingredient_id,))]
        rows += [self._interaction(r, reverse=True) for r in self.con.execute(
            self._INTERACTION + f"WHERE x.with_kind = 'ingredient' AND x.with_id = ? {order}", (ingredient_id,))]
        rows.sort(key=lambda x: SEVERITIES.index(x.severity))
        seen: set[str] = set()  # a pair of supplements written in both files: the more severe row
        rows = [x for x in rows if x.other.kind != "ingredient" or not (x.other.id in seen or seen.add(x.other.id))]
        return _one_per_depletion(rows)

    def interactions_with(self, drug_id: str) -> list[Interaction]:
        """Interactions with the drug, every class above it and everything below it, and the
        nutrients they lower."""
        rows = self.con.execute(
            self._INTERACTION + f"JOIN drug_related r ON r.related_id = x.with_id WHERE x.with_kind = 'drug' AND r.drug_id = ? "
            f"ORDER BY {SEVERITY_ORDER}, i.name COLLATE NOCASE, d.name", (drug_id,))
        return _one_per_depletion([self._interaction(r) for r in rows])

    def related_drugs(self, drug_id: str) -> set[str]:
        """The drug, every class above it and everything below it."""
        return {r[0] for r in self.con.execute("SELECT related_id FROM drug_related WHERE drug_id = ?", (drug_id,))}

    def effects_of(self, items: Iterable[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
        """The effect tags of (kind, id) items, kind ingredient or drug (a drug's include its classes')."""
        out: dict[tuple[str, str], set[str]] = {}
        for kind, id in items:
            out[(kind, id)] = {r[0] for r in self.con.execute(
                "SELECT effect_id FROM item_effects WHERE item_kind = ? AND item_id = ?", (kind, id))}
        return out

    def effect_names(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT id, name FROM effects").fetchall())

    def effect_pairs(self) -> list[tuple[str, str, str, str, str, str]]:
        """(a, b, severity, mechanism, effect, advice): tags that add up or interfere."""
        return [tuple(r) for r in self.con.execute("SELECT a, b, severity, mechanism, effect, advice FROM effect_pairs ORDER BY a, b")]

    def ingredients_with_effects(self, tags: Iterable[str]) -> list[Ref]:
        tags = list(tags)
        if not tags:
            return []
        q = (f"SELECT DISTINCT i.id, i.name FROM item_effects e JOIN ingredients i ON i.id = e.item_id "
             f"WHERE e.item_kind = 'ingredient' AND e.effect_id IN ({','.join('?' * len(tags))}) ORDER BY i.name COLLATE NOCASE")
        return [Ref("ingredient", r[0], r[1]) for r in self.con.execute(q, tags)]

    def drug(self, id: str) -> Ref:
        row = self.con.execute("SELECT name, kind FROM drugs WHERE id = ?", (id,)).fetchone()
        return Ref(row[1], id, row[0])

    # -- foods ----------------------------------------------------------------------------------

    def food_value(self, nutrient: str) -> Optional[dict[str, Any]]:
        row = self.con.execute("SELECT nutrient, sr28, unit, label, dv, column_name, note FROM food_values WHERE nutrient = ?",
                               (nutrient,)).fetchone()
        return None if row is None else dict(zip(("nutrient", "sr28", "unit", "label", "dv", "column", "note"), row))

    def food_groups(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT DISTINCT food_group FROM foods ORDER BY food_group")]

    def foods(self, nutrient: str, per: str, top: int, group: Optional[str], common_only: bool,
              diets: Sequence[str] = (), exclude: Sequence[str] = ()) -> list[Food]:
        """The richest foods, one row per family (salted and unsalted copies of a food are one),
        the unsalted copy where they tie. `diets` keeps foods of those diets (vegan, vegetarian)."""
        value = self.food_value(nutrient)
        if value is None:
            return []
        col = value["column"]  # a column name made by compile.py, never user input
        order = col if per == "100g" else f"{col} * grams"
        where = [f"{col} > 0"]
        args: list[Any] = []
        if per == "serving":
            where.append("grams IS NOT NULL")
        if group:
            where.append("food_group = ?")
            args.append(group)
        if exclude:
            where.append(f"food_group NOT IN ({','.join('?' * len(exclude))})")
            args += list(exclude)
        if diets:
            where.append(f"diet IN ({','.join('?' * len(diets))})")
            args += list(diets)
        if common_only:
            where.append("common = 1")
        rows = self.con.execute(
            f"SELECT ndb, name, food_group, serving, grams, {col}, family FROM foods WHERE {' AND '.join(where)} "
            f"ORDER BY {order} DESC{self._unsalted_first()}, name", args)
        out: list[Food] = []
        seen: set[str] = set()
        for ndb, name, grp, serving, grams, per100, fam in rows:
            if fam in seen:
                continue
            seen.add(fam)
            amount = per100 if per == "100g" else _round(per100 * grams / 100)  # per 100 g: SR28's own figure
            dv = round(amount / value["dv"] * 100) if value["dv"] else None
            out.append(Food(ndb, name, grp, serving, grams, amount, value["unit"], per, dv))
            if len(out) == top:
                break
        return out

    def _unsalted_first(self) -> str:
        columns = {r[1] for r in self.con.execute("PRAGMA table_info(foods)")}
        return ", coalesce(n_sodium, 0)" if "n_sodium" in columns else ""

    # -- search ---------------------------------------------------------------------------------

    def search(self, query: str, limit: int, any_word: bool = True) -> list[SearchHit]:
        """Full-text search; the query is taken as words, never as FTS5 syntax. Documents with every
        word come first; failing those, with `any_word`, documents with any of them."""
        import re

        words = re.findall(r"\w+", query)
        if not words:
            return []
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = self._search(match, limit)
        from evidence_cli.text import normalize

        named = self.exact(normalize(query), ["ingredient", "condition", "system"])
        if named:  # the query is a thing's name or alias: that thing first, whatever bm25 thinks
            first = {(kind, id) for kind, id in named}
            rows = self._search_refs(first) + [r for r in rows if (r[0], r[1]) not in first]
            rows = rows[:limit]
        if not rows and any_word and len(words) > 1:  # no document has every word: rank documents having any
            rows = self._search(" OR ".join('"' + w + '"' for w in words), limit)
        hits = []
        for kind, ref, title, marked in rows:
            marked = " ".join(marked.split())
            matches = tuple(dict.fromkeys(re.findall("\x02(.*?)\x03", marked)))
            snippet = marked.replace("\x02", "").replace("\x03", "")
            if kind != "card":
                hits.append(SearchHit(kind, ref, title, snippet, matches=matches))
                continue
            ing, cond = ref.split("/", 1)
            rating = self.con.execute("SELECT rating FROM cards WHERE ingredient_id = ? AND condition_id = ?", (ing, cond)).fetchone()
            hits.append(SearchHit(kind, ref, title, snippet, ing, cond, rating[0] if rating else None, matches))
        return hits

    def respell(self, query: str) -> Optional[str]:
        """The query with each word the index does not know replaced by the closest word it does
        (`migrane` -> `migrain`, the stem of migraine), or None when nothing changes."""
        import difflib
        import re

        words = [w.lower() for w in re.findall(r"\w+", query)]
        try:
            stems = [r[0] for r in self.con.execute("SELECT term FROM search_vocab WHERE length(term) > 2")]
        except sqlite3.Error:  # a store without the vocabulary table
            return None
        # the words of names and aliases first, as people spell them; then the index's own stems
        named = sorted({w for (n,) in self.con.execute("SELECT name FROM names") for w in re.findall(r"[a-z]{4,}", n)})
        known = set(stems) | set(named)
        changed, out = False, []
        for word in words:
            if word in known or len(word) < 4 or word.isdigit():
                out.append(word)
                continue
            close = (difflib.get_close_matches(word, named, n=1, cutoff=0.8)
                     or difflib.get_close_matches(word, stems, n=1, cutoff=0.8))
            out.append(close[0] if close else word)
            changed = changed or bool(close)
        return " ".join(out) if changed else None

    def _search_refs(self, refs: set[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
        """The index rows of these things, with the start of their prose as the snippet."""
        out = []
        for kind, ref in sorted(refs):
            row = self.con.execute("SELECT s.kind, s.ref, s.label, substr(s.body, 1, 100) FROM search_rows r "
                                   "JOIN search s ON s.rowid = r.row WHERE r.kind = ? AND r.ref = ?", (kind, ref)).fetchone()
            if row:
                body = row[3]
                out.append((row[0], row[1], row[2], body if len(body) < 100 else body.rsplit(" ", 1)[0] + " …"))
        return out

    def _search(self, match: str, limit: int) -> list[tuple[str, str, str, str]]:
        return self.con.execute(
            "SELECT kind, ref, label, snippet(search, 4, char(2), char(3), ' … ', 16) FROM search WHERE search MATCH ? "
            "ORDER BY bm25(search, 0, 0, 0, 10.0, 1.0) LIMIT ?", (match, limit)).fetchall()

    # -- everything -----------------------------------------------------------------------------

    def export(self) -> dict[str, Any]:
        ingredients = []
        for (id,) in self.con.execute("SELECT id FROM ingredients ORDER BY id").fetchall():
            ing = self.ingredient(id)
            ingredients.append({
                "id": ing.id, "name": ing.name, "kind": ing.kind, "latin_name": ing.latin_name, "aliases": ing.aliases,
                "systems": [s.id for s in ing.systems], "summary": ing.summary, **ing.profile,
                "interactions": [{"with": x.other.id, **{k: v for k, v in x.as_json().items() if k in ("severity", "evidence", "mechanism", "effect", "advice", "sources")}}
                                 for x in ing.interactions if x.kind == "written" and x.ingredient.id == ing.id],
            })
        cards = []
        for ing_id, cond_id in self.con.execute("SELECT ingredient_id, condition_id FROM cards ORDER BY ingredient_id, condition_id").fetchall():
            card = self.card(ing_id, cond_id)
            assert card is not None
            cards.append(card.as_json())
        profiles = {r[0]: _load(r[1]) for r in self.con.execute("SELECT condition_id, profile FROM profiles")}
        conditions = [
            {"id": r[0], "name": r[1], "aliases": _load(r[3]), "systems": self._condition_systems(r[0]), "summary": r[2],
             **({"profile": profiles[r[0]]} if r[0] in profiles else {})}
            for r in self.con.execute("SELECT id, name, summary, aliases FROM conditions ORDER BY id")
        ]
        systems = [{"id": r[0], "name": r[1], "aliases": _load(r[3]), "summary": r[2]}
                   for r in self.con.execute("SELECT id, name, summary, aliases FROM systems ORDER BY position")]
        tags = self.effects_of(("drug", r[0]) for r in self.con.execute("SELECT id FROM drugs"))
        drugs = [{"id": r[0], "name": r[1], "kind": r[2], "aliases": _load(r[3]), "effects": sorted(tags[("drug", r[0])])}
                 for r in self.con.execute("SELECT id, name, kind, aliases FROM drugs ORDER BY id")]
        for ing in ingredients:
            ing["effects"] = sorted(self.effects_of([("ingredient", ing["id"])])[("ingredient", ing["id"])])
        depletions = [{"drug": x.other.id, "nutrient": x.ingredient.id,
                       **{k: v for k, v in x.as_json().items() if k in ("severity", "evidence", "mechanism", "effect", "advice", "sources")}}
                      for r in self.con.execute(self._INTERACTION + "WHERE x.kind = 'depletion' ORDER BY x.with_id, x.ingredient_id")
                      for x in [self._interaction(r)]]
        effects = [{"id": r[0], "name": r[1], "description": r[2]} for r in self.con.execute("SELECT id, name, description FROM effects ORDER BY id")]
        pairs = [dict(zip(("a", "b", "severity", "mechanism", "effect", "advice"), p)) for p in self.effect_pairs()]
        return {"systems": systems, "conditions": conditions, "drugs": drugs, "ingredients": ingredients, "cards": cards,
                "depletions": depletions, "effects": effects, "effect_pairs": pairs}


def _one_per_depletion(rows: list[Interaction]) -> list[Interaction]:
    """Where a drug's depletion of a nutrient is recorded (drugs/depletions.toml) and the nutrient's
    own file also writes that pair, show the depletion row only: the same fact once."""
    depleted = {(x.ingredient.id, x.other.id) for x in rows if x.kind == "depletion"}
    return [x for x in rows if x.kind != "written" or (x.ingredient.id, x.other.id) not in depleted]


def _round(x: float) -> float:
    if x >= 100:
        return round(x)
    if x >= 10:
        return round(x, 1)
    return round(x, 2)
