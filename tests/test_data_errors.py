"""Bad data directories (exit 3, file and line named), validate, and the compiled cache."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from conftest import run


def test_bundled_data_validates():
    r = run("validate")
    assert r.code == 0, r.err + r.out
    assert "valid" in r.out
    data = run("validate", "-f", "json").json()
    assert data["valid"] is True and data["problems"] == []
    assert data["counts"]["cards"] >= 40


def test_toml_syntax_error_names_file_and_line(data_copy: Path):
    target = data_copy / "ingredients" / "zinc.toml"
    lines = target.read_text(encoding="utf-8").splitlines()
    lines.insert(4, "this is = = not toml")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for args in (["validate", str(data_copy)], ["show", "magnesium", "--data-dir", str(data_copy)],
                 ["conditions", "zinc", "--data-dir", str(data_copy)]):
        r = run(*args)
        assert r.code == 3, (args, r.err)
        assert "ingredients/zinc.toml:5" in r.err + r.out
        assert "Traceback" not in r.err


def test_schema_error_names_file_and_line(data_copy: Path):
    target = data_copy / "ingredients" / "zinc.toml"
    text = target.read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("rating = "))
    lines[number] = "rating = 9"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("show", "zinc", "--data-dir", str(data_copy))
    assert r.code == 3
    assert f"ingredients/zinc.toml:{number + 1}" in r.err and "outside 0-5" in r.err
    assert "evidence validate" in r.err
    v = run("validate", str(data_copy), "-f", "json")
    assert v.code == 3
    problems = v.json()["problems"]
    assert {"file": "ingredients/zinc.toml", "line": number + 1} == {k: problems[0][k] for k in ("file", "line")}


def test_env_var_points_at_other_data(data_copy: Path, monkeypatch):
    (data_copy / "ingredients" / "maca.toml").unlink()  # an ingredient no other file refers to
    monkeypatch.setenv("EVIDENCE_DATA_DIR", str(data_copy))
    r = run("conditions", "maca")
    assert r.code == 1 and "no ingredient called 'maca'" in r.err
    monkeypatch.delenv("EVIDENCE_DATA_DIR")
    assert run("conditions", "maca").code == 0


def test_missing_data_dir_is_a_data_error(tmp_path: Path):
    r = run("show", "magnesium", "--data-dir", str(tmp_path / "nowhere"))
    assert r.code == 3
    assert "not found" in r.err


def test_cache_is_rebuilt_when_the_data_changes(data_copy: Path):
    assert run("show", "magnesium", "multiple sclerosis", "--data-dir", str(data_copy), "-f", "json").json()["rating"] is not None
    target = next((data_copy / "ingredients" / "magnesium").glob("cards-*.toml"))
    text = target.read_text(encoding="utf-8")
    marker = 'verdict = "'
    assert marker in text
    target.write_text(text.replace(marker, 'verdict = "CHANGED ', 1), encoding="utf-8")
    cards = run("conditions", "magnesium", "--data-dir", str(data_copy), "-f", "json").json()
    assert any(c["verdict"].startswith("CHANGED ") for c in cards)


def test_cache_is_keyed_by_content_and_reused(data_copy: Path):
    cache = Path(os.environ["EVIDENCE_CACHE_DIR"])
    run("systems", "--data-dir", str(data_copy))
    stores = list(cache.glob("store-*.sqlite"))
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in stores}
    os.utime(data_copy / "systems.toml")  # touched, not changed: same content, same store, not rebuilt
    run("systems", "--data-dir", str(data_copy))
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.glob("store-*.sqlite")} == before


def test_corrupt_cache_is_rebuilt(data_copy: Path):
    cache = Path(os.environ["EVIDENCE_CACHE_DIR"])
    (data_copy / "systems.toml").write_text((data_copy / "systems.toml").read_text(encoding="utf-8") + "\n# x\n", encoding="utf-8")
    run("systems", "--data-dir", str(data_copy))
    newest = max(cache.glob("store-*.sqlite"), key=lambda p: p.stat().st_mtime)
    newest.write_bytes(b"this is not a database" * 100)
    r = run("systems", "--data-dir", str(data_copy), "-f", "json")
    assert r.code == 0 and len(r.json()) == 15
    sqlite3.connect(newest).execute("SELECT count(*) FROM systems").fetchone()


def test_export_json_csv_and_sqlite(tmp_path: Path):
    data = run("export").json()
    assert {"systems", "conditions", "drugs", "ingredients", "cards", "depletions", "effects", "effect_pairs"} == set(data)
    assert any(d["drug"] == "metformin" and d["nutrient"] == "vitamin-b12" and d["sources"] for d in data["depletions"])
    assert {"a", "b", "severity", "mechanism", "effect", "advice"} == set(data["effect_pairs"][0])
    assert len(data["cards"]) == run("validate", "-f", "json").json()["counts"]["cards"]
    csv_out = run("export", "-f", "csv")
    assert csv_out.code == 0 and csv_out.out.startswith("ingredient_id,")
    target = tmp_path / "e.sqlite"
    r = run("export", "-f", "sqlite", "-o", str(target))
    assert r.code == 0
    n = sqlite3.connect(target).execute("SELECT count(*) FROM cards").fetchone()[0]
    assert n == len(data["cards"])


def test_the_exported_sqlite_file_holds_nested_values_as_json_text(tmp_path: Path):
    import json

    target = tmp_path / "e.sqlite"
    assert run("export", "-f", "sqlite", "-o", str(target)).code == 0
    con = sqlite3.connect(target)
    aliases = con.execute("SELECT aliases FROM conditions WHERE id = 'migraine'").fetchone()[0]
    assert isinstance(aliases, str) and "migraines" in json.loads(aliases)
    refs, types = con.execute("SELECT refs, study_types FROM cards WHERE ingredient_id = 'magnesium' "
                              "AND condition_id = 'migraine'").fetchone()
    assert json.loads(refs)[0]["citation"] and "rct" in json.loads(types)
    assert "intake" in json.loads(con.execute("SELECT profile FROM ingredients WHERE id = 'zinc'").fetchone()[0])
    sources = con.execute("SELECT sources FROM interactions WHERE kind = 'depletion' AND with_id = 'metformin'").fetchone()[0]
    # real foreign keys, which Datasette follows, and no row breaks them
    assert {r[2] for r in con.execute("PRAGMA foreign_key_list(cards)")} == {"ingredients", "conditions"}
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert json.loads(sources)[0]["citation"]
