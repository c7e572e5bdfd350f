"""A checked dataset and the food table -> one SQLite database with FTS5, in one transaction."""

from __future__ import annotations

import csv
import datetime as _dt
import marshal
import sqlite3
from pathlib import Path
from typing import Any, Iterable

from evidence_cli.model import SEVERITIES
from evidence_cli.text import normalize
from evidence_cli.dataset.rules import Dataset, narrower_closure

SCHEMA = Path(__file__).with_name("schema.sql")


def _dump(value: Any) -> bytes:
    """Nested data as a marshal blob: the reading side needs no import at all to load it (json
    would cost every lookup its import). The store is keyed by the Python version as well."""
    return marshal.dumps(_plain(value))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


def _names(kind: str, item: dict[str, Any]) -> Iterable[tuple[str, str, str, str]]:
    """(normalised name, kind, id, as written) for the name, each alias and the id; a name with an
    apostrophe also without it, as people type it ("cant sleep", "crohns disease")."""
    seen: set[str] = set()
    for written in [item["name"], *item.get("aliases", []), item["id"]]:
        name = normalize(written)
        for form in (name, name.replace("'", "")):
            if form not in seen:
                seen.add(form)
                yield form, kind, item["id"], written


def _drug_relations(drugs: list[dict[str, Any]]) -> Iterable[tuple[str, str]]:
    """Each drug with itself, every class above it and everything below it."""
    parents = {d["id"]: list(d.get("classes", [])) for d in drugs}
    children: dict[str, list[str]] = {}
    for child, ps in parents.items():
        for p in ps:
            children.setdefault(p, []).append(child)

    def walk(start: str, edges: dict[str, list[str]]) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            node = todo.pop()
            for nxt in edges.get(node, []):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    for drug in parents:
        for related in {drug} | walk(drug, parents) | walk(drug, children):
            yield drug, related


def _drug_effects(drugs: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Each drug's effect tags: its own and those of every class above it."""
    by_id = {d["id"]: d for d in drugs}
    out: dict[str, set[str]] = {}
    for d in drugs:
        tags, seen, todo = set(d.get("effects", [])), {d["id"]}, list(d.get("classes", []))
        while todo:
            k = todo.pop()
            if k in seen or k not in by_id:
                continue
            seen.add(k)
            tags |= set(by_id[k].get("effects", []))
            todo += by_id[k].get("classes", [])
        out[d["id"]] = tags
    return out


def _pair_ceilings(ds: Dataset, tags: dict[tuple[str, str], set[str]]) -> Iterable[tuple[str, ...]]:
    """The effect pairs, each at most as severe as the written interactions of its kind (an
    ingredient with one tag and its partner with the other), and never above the pair's own."""
    written = [((("ingredient", i.data["id"]), ("drug" if ("drug", x["with"]) in tags else "ingredient", x["with"])), x["severity"])
               for i in ds.ingredients for x in i.data.get("interactions", [])]
    for loc in ds.effect_pairs:
        p = loc.data
        cap = SEVERITIES.index(p["severity"])
        seen = [SEVERITIES.index(sev) for (one, other), sev in written
                if (p["a"] in tags.get(one, ()) and p["b"] in tags.get(other, ()))
                or (p["b"] in tags.get(one, ()) and p["a"] in tags.get(other, ()))]
        severity = SEVERITIES[max(cap, min(seen))] if seen else p["severity"]
        yield p["a"], p["b"], severity, p["mechanism"], p["effect"], p["advice"]


def fill(con: sqlite3.Connection, ds: Dataset, content_key: str) -> None:
    con.execute("PRAGMA journal_mode = OFF")
    con.execute("PRAGMA synchronous = OFF")
    con.executescript(SCHEMA.read_text(encoding="utf-8"))
    with con:
        _fill(con, ds, content_key)
    con.execute("ANALYZE")


def _fill(con: sqlite3.Connection, ds: Dataset, content_key: str) -> None:
    names: list[tuple[str, str, str, str]] = []
    search: list[tuple[str, str, str, str, str]] = []
    con.execute("INSERT INTO meta VALUES ('content_key', ?)", (content_key,))

    for position, loc in enumerate(ds.systems):
        s = loc.data
        con.execute("INSERT INTO systems VALUES (?,?,?,?,?)", (s["id"], s["name"], s["summary"], _dump(s.get("aliases", [])), position))
        names += _names("system", s)
        search.append(("system", s["id"], s["name"], " ".join([s["name"], *s.get("aliases", [])]), s["summary"]))

    profiles = {loc.data["condition"]: loc.data for loc in ds.profiles}
    for condition_id, profile in profiles.items():
        con.execute("INSERT INTO profiles VALUES (?,?)",
                    (condition_id, _dump({k: v for k, v in profile.items() if k not in ("condition", "covers")})))
        con.executemany("INSERT INTO profile_covers VALUES (?,?)", [(c, condition_id) for c in profile.get("covers", [])])
    for loc in ds.conditions:
        c = loc.data
        con.execute("INSERT INTO conditions VALUES (?,?,?,?)", (c["id"], c["name"], c["summary"], _dump(c.get("aliases", []))))
        con.executemany("INSERT OR IGNORE INTO condition_systems VALUES (?,?)", [(s, c["id"]) for s in c["systems"]])
        names += _names("condition", c)
        body = [c["summary"]]
        if c["id"] in profiles:
            p = profiles[c["id"]]
            body += [p["what_it_is"], *p["symptoms"], *(s["sign"] for s in p["see_a_doctor"]), *p["conventional_care"]]
        search.append(("condition", c["id"], c["name"], " ".join([c["name"], *c.get("aliases", [])]), " ".join(body)))

    closure = narrower_closure([loc.data for loc in ds.conditions])
    con.executemany("INSERT INTO condition_narrower VALUES (?,?)", [(b, n) for b, ns in closure.items() for n in sorted(ns)])

    for loc in ds.drugs:
        d = loc.data
        con.execute("INSERT INTO drugs VALUES (?,?,?,?)", (d["id"], d["name"], d["kind"], _dump(d.get("aliases", []))))
        names += _names("drug", d)
    con.executemany("INSERT INTO drug_related VALUES (?,?)", _drug_relations([loc.data for loc in ds.drugs]))
    tags: dict[tuple[str, str], set[str]] = {("drug", k): v for k, v in _drug_effects([loc.data for loc in ds.drugs]).items()}
    tags.update({("ingredient", loc.data["id"]): set(loc.data.get("effects", [])) for loc in ds.ingredients})
    con.executemany("INSERT INTO item_effects VALUES (?,?,?)", [(*item, t) for item, ts in tags.items() for t in sorted(ts)])
    con.executemany("INSERT INTO effects VALUES (?,?,?)", [(e.data["id"], e.data["name"], e.data["description"]) for e in ds.effects])
    con.executemany("INSERT OR IGNORE INTO effect_pairs VALUES (?,?,?,?,?,?)", list(_pair_ceilings(ds, tags)))
    for n, loc in enumerate(ds.depletions):
        d = loc.data
        con.execute("INSERT INTO interactions VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (d["nutrient"], "drug", d["drug"], n, "depletion", d["severity"], d["evidence"], d["mechanism"],
                     d["effect"], d["advice"], _dump(d["sources"])))

    condition_names = {loc.data["id"]: loc.data["name"] for loc in ds.conditions}
    ingredient_names = {loc.data["id"]: loc.data["name"] for loc in ds.ingredients}
    profile_keys = ("functions", "deficiency", "at_risk", "toxicity", "doses_studied", "forms", "safety", "intake", "composition")
    for loc in ds.ingredients:
        i = loc.data
        profile = {k: i[k] for k in profile_keys if k in i}
        if "composition" in i:  # amounts as rows that carry each ingredient's name, in label order
            profile["composition"] = {**i["composition"], "amounts": [
                {"id": k, "name": ingredient_names[k], "amount": v} for k, v in i["composition"]["amounts"].items()]}
        con.execute(
            "INSERT INTO ingredients VALUES (?,?,?,?,?,?,?,?)",
            (i["id"], i["name"], i["kind"], i.get("latin_name", ""), i["summary"], _dump(i.get("aliases", [])),
             _dump(i.get("systems", [])), _dump(profile)),
        )
        names += _names("ingredient", i)
        body = [i["summary"]]
        body += [str(i.get(k, "")) for k in ("functions", "deficiency", "toxicity", "doses_studied")]
        body += [f.get("name", "") for f in i.get("forms", [])]
        search.append(("ingredient", i["id"], i["name"], " ".join([i["name"], *i.get("aliases", []), i.get("latin_name", "")]),
                       " ".join(body)))
        con.executemany(
            "INSERT INTO interactions VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(i["id"], "drug" if ("drug", x["with"]) in tags else "ingredient", x["with"], n, "written", x["severity"],
              x.get("evidence"), x.get("mechanism"), x["effect"], x["advice"], _dump(x.get("sources", [])))
             for n, x in enumerate(i.get("interactions", []))],
        )
        for card_loc in ds.cards.get(i["id"], []):
            c = card_loc.data
            con.execute(
                "INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?)",
                (i["id"], c["condition"], c["validity"], c["rating"], c["verdict"].strip(), " ".join(c["synopsis"].split()),
                 _dump(c["study_types"]), _dump(c.get("references", [])), c["reviewed"].isoformat(), c.get("rubric_step")),
            )
            title = f"{i['name']}: {condition_names.get(c['condition'], c['condition'])}"
            search.append(("card", f"{i['id']}/{c['condition']}", title, title, f"{c['verdict']} {c['synopsis']}"))

    con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", names)
    con.executemany("INSERT INTO search (rowid, kind, ref, label, title, body) VALUES (?,?,?,?,?,?)",
                    [(n, *row) for n, row in enumerate(search, start=1)])
    con.executemany("INSERT OR IGNORE INTO search_rows VALUES (?,?,?)", [(row[0], row[1], n) for n, row in enumerate(search, start=1)])
    _fill_foods(con, ds.root / "foods")


def _fill_foods(con: sqlite3.Connection, folder: Path) -> None:
    """One row per food, one column per nutrient (as in foods.tsv), an index per nutrient."""
    import re

    import tomli

    table = folder / "foods.tsv"
    spec = folder / "nutrients.toml"
    if not table.is_file() or not spec.is_file():
        con.execute("CREATE TABLE foods (ndb INTEGER PRIMARY KEY, name TEXT, food_group TEXT, common INTEGER, diet TEXT, "
                    "family TEXT, serving TEXT, grams REAL)")
        return
    nutrients = tomli.loads(spec.read_text(encoding="utf-8"))["nutrient"]
    with open(table, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        header = next(reader)
        rows = list(reader)
    fixed = ["ndb", "group", "common", "diet", "family", "name", "serving", "grams"]
    if header[:len(fixed)] != fixed:
        raise ValueError(f"{table}: the header must start with {', '.join(fixed)} (rebuild it with tools/build_foods.py)")
    columns = {n: "n_" + re.sub(r"[^a-z0-9]", "_", n) for n in header[len(fixed):]}
    con.execute("CREATE TABLE foods (ndb INTEGER PRIMARY KEY, name TEXT NOT NULL, food_group TEXT NOT NULL, "
                "common INTEGER NOT NULL, diet TEXT NOT NULL, family TEXT NOT NULL, serving TEXT, grams REAL"
                + "".join(f", {c} REAL" for c in columns.values()) + ")")
    con.executemany(
        f"INSERT INTO foods VALUES ({','.join('?' * (len(fixed) + len(columns)))})",
        [(int(r[0]), r[5], r[1], int(r[2]), r[3], r[4], r[6] or None, float(r[7]) if r[7] else None,
          *(float(v) if v else None for v in r[len(fixed):])) for r in rows],
    )
    for c in columns.values():
        con.execute(f"CREATE INDEX foods_{c} ON foods ({c} DESC) WHERE {c} > 0")
    con.executemany(
        "INSERT INTO food_values VALUES (?,?,?,?,?,?,?)",
        [(n["id"], ",".join(n["sr28"]), n["unit"], n["label"], n.get("dv"), columns[n["id"]], n.get("note"))
         for n in nutrients if n["id"] in columns],
    )

