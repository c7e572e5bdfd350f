"""Condition profiles: the model is validated with file and line, compiled, searchable and shown
first in every format of `evidence show CONDITION`."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run

PROFILE = '''condition = "insomnia"
reviewed = 2026-12-02
what_it_is = """
Trouble falling or staying asleep that leaves a person tired in the day. It is common and often
passes, but it can last for months."""
symptoms = ["Lying awake for a long time at night", "Waking early and not getting back to sleep"]
conventional_care = ["Cognitive behavioural therapy for insomnia (CBT-I)", "A regular sleep routine"]

[[see_a_doctor]]
urgency = "soon"
sign = "Poor sleep for more than three months that affects daily life"

[[see_a_doctor]]
urgency = "emergency"
sign = "Thoughts of harming yourself"

[[sources]]
citation = "NHS. Insomnia."
url = "https://www.nhs.uk/conditions/insomnia/"
'''


def write(data: Path, text: str, name: str = "insomnia.toml") -> None:
    folder = data / "profiles"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.toml"):
        old.unlink()
    (folder / name).write_text(text, encoding="utf-8")


def problems(data: Path, text: str, name: str = "insomnia.toml") -> list[dict]:
    write(data, text, name)
    r = run("validate", str(data), "-f", "json")
    report = r.json()
    assert (r.code == 3) == bool(report["problems"]), r.err
    return report["problems"]


def test_a_complete_profile_validates(data_copy: Path) -> None:
    assert problems(data_copy, PROFILE) == []


@pytest.mark.parametrize("change, message, line", [
    (('urgency = "soon"', 'urgency = "whenever"'), "must be one of emergency, urgent, soon", 10),
    (('symptoms = ["Lying awake for a long time at night", "Waking early and not getting back to sleep"]', "symptoms = []"),
     "symptoms must not be empty", 6),
    (('sign = "Thoughts of harming yourself"', 'sign = "Poor sleep for more than three months that affects daily life"'),
     "repeats sign 1", 15),
    (('[[sources]]\ncitation = "NHS. Insomnia."\nurl = "https://www.nhs.uk/conditions/insomnia/"\n', ""),
     "missing required key 'sources'", 1),
    (('url = "https://www.nhs.uk/conditions/insomnia/"', ""), "needs a url, pmid or doi", 18),
    (('condition = "insomnia"', 'condition = "no-such-condition"'), "unknown condition 'no-such-condition'", 1),
    (('Trouble falling or staying asleep that leaves a person tired in the day. ', ""), "what_it_is has 1 sentences", 3),
    (("reviewed = 2026-12-02", 'reviewed = "2026-12-02"'), "must be a TOML date", 2),
])
def test_validate_names_the_broken_rule_with_file_and_line(data_copy: Path, change: tuple[str, str], message: str, line: int) -> None:
    old, new = change
    assert old in PROFILE
    found = problems(data_copy, PROFILE.replace(old, new))
    assert any(message in p["message"] and p["file"] == "profiles/insomnia.toml" and p["line"] == line for p in found), found


def test_profile_file_must_be_named_after_its_condition(data_copy: Path) -> None:
    found = problems(data_copy, PROFILE, name="sleep.toml")
    assert any("name it insomnia.toml" in p["message"] for p in found), found


def test_json_overview_carries_the_profile(data_copy: Path) -> None:
    write(data_copy, PROFILE)
    data = run("show", "insomnia", "--data-dir", str(data_copy), "-f", "json").json()
    assert data["profile"]["symptoms"][0] == "Lying awake for a long time at night"
    assert data["profile"]["see_a_doctor"][1] == {"urgency": "emergency", "sign": "Thoughts of harming yourself"}
    assert data["ingredients"], "the ranked ingredients still follow"


def test_plain_shows_profile_before_ingredients_with_emergencies_first(data_copy: Path) -> None:
    write(data_copy, PROFILE)
    out = run("show", "insomnia", "--data-dir", str(data_copy), "-f", "plain").out
    order = [out.index(s) for s in ("What it is", "Symptoms", "Emergency:", "See a doctor soon", "Conventional care",
                                    "Sources", "Ingredients, ranked by evidence", "Not medical advice")]
    assert order == sorted(order), out
    assert "! Thoughts of harming yourself" in out


def test_markdown_is_a_printable_page_with_emergencies_in_bold(data_copy: Path) -> None:
    write(data_copy, PROFILE)
    out = run("show", "insomnia", "--data-dir", str(data_copy), "-f", "markdown").out
    assert "## What it is" in out and "## Conventional care" in out
    assert "- **Thoughts of harming yourself**" in out


def test_rich_styles_emergency_signs_as_warnings() -> None:
    from evidence_cli.present import profile_blocks
    from evidence_cli.render.doc import Doc
    from evidence_cli.render.panel import render_doc

    import tomli

    doc = Doc("Insomnia", profile_blocks(tomli.loads(PROFILE)))
    out = render_doc(doc, 80, False, lambda text, style: f"<{style}>{text}</>")
    emergency = next(line for line in out.splitlines() if "Thoughts of harming yourself" in line)
    soon = next(line for line in out.splitlines() if "Poor sleep for more than" in line)
    assert "<bold red>" in emergency and "<bold red>" not in soon


def test_profiles_are_searchable(data_copy: Path) -> None:
    write(data_copy, PROFILE.replace("Waking early", "Waking at dawn"))
    hits = run("search", "waking at dawn", "--data-dir", str(data_copy), "-f", "json").json()
    assert hits and hits[0]["kind"] == "condition" and hits[0]["id"] == "insomnia"


@pytest.mark.parametrize("fmt, expected", [
    ("plain", "Emergency: call 911, 999 or 112 now if"), ("markdown", "## What it is"), ("rich", "What it is"),
])
def test_multiple_sclerosis_opens_with_its_profile_in_every_format(fmt: str, expected: str) -> None:
    out = run("show", "multiple sclerosis", "-f", fmt, "--no-pager").out
    assert expected in out and "Conventional care" in out
    assert out.index("Conventional care") < out.index("Ingredients, ranked by evidence")


def test_multiple_sclerosis_profile_in_json_has_every_part() -> None:
    profile = run("show", "ms", "-f", "json").json()["profile"]
    assert profile["what_it_is"] and profile["symptoms"] and profile["conventional_care"] and profile["sources"]
    assert {s["urgency"] for s in profile["see_a_doctor"]} <= {"emergency", "urgent", "soon"}


BROAD = PROFILE.replace('condition = "insomnia"', 'condition = "sleep-problems"\ncovers = ["insomnia"]')


def test_a_condition_without_a_profile_shows_the_broad_one_that_covers_it(data_copy: Path) -> None:
    write(data_copy, BROAD, name="sleep-problems.toml")
    data = run("show", "insomnia", "--data-dir", str(data_copy), "-f", "json").json()
    assert data["profile_of"] == {"id": "sleep-problems", "name": "Sleep Problems"}
    assert data["profile"]["symptoms"][0] == "Lying awake for a long time at night"
    plain = run("show", "insomnia", "--data-dir", str(data_copy), "-f", "plain").out
    assert "About Sleep Problems, which this condition is part of:" in plain
    assert plain.index("About Sleep Problems") < plain.index("What it is")
    own = run("show", "sleep problems", "--data-dir", str(data_copy), "-f", "json").json()
    assert own["profile_of"] is None and own["profile"]


@pytest.mark.parametrize("covers, message", [
    ('["multiple-sclerosis"]', "covers 'multiple-sclerosis', which is not a condition below sleep-problems"),
    ('["insomnia"]', "covers insomnia, which has a profile of its own"),
])
def test_validate_checks_what_a_profile_covers(data_copy: Path, covers: str, message: str) -> None:
    write(data_copy, PROFILE)  # insomnia's own profile
    (data_copy / "profiles" / "sleep-problems.toml").write_text(
        PROFILE.replace('condition = "insomnia"', f'condition = "sleep-problems"\ncovers = {covers}'), encoding="utf-8")
    if "multiple" in covers:
        (data_copy / "profiles" / "insomnia.toml").unlink()
    found = run("validate", str(data_copy), "-f", "json").json()["problems"]
    assert any(message in p["message"] and p["file"] == "profiles/sleep-problems.toml" for p in found), found


def test_thrush_and_bacterial_vaginosis_show_the_vaginal_infections_profile() -> None:
    for typed, expected in (("thrush", "vaginal-yeast-infection"), ("bacterial vaginosis", "bacterial-vaginosis")):
        data = run("show", typed, "-f", "json").json()
        assert data["id"] == expected and data["profile_of"]["id"] == "vaginal-infections"
        assert "Thrush and bacterial vaginosis (BV)" in data["profile"]["what_it_is"]
