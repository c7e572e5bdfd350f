"""`evidence validate` catches every rule of data/README.md, naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run

WORDS = ("Testium was studied in a small trial of adults with the condition. It changed nothing that the "
         "investigators measured over twelve weeks of follow-up. A second group looked at blood levels and "
         "found no link with symptoms at all. Reviewers judged the work to be of low quality and at high "
         "risk of bias. People who want to try it should talk to a pharmacist first because it has side "
         "effects. The bottom line is that there is no good reason to take it for this purpose today.")


def card(condition: str = "insomnia", **over: str) -> str:
    fields = {
        "condition": f'"{condition}"', "validity": '"scientific"', "rating": "1", "rubric_step": '"G"',
        "verdict": '"Not shown to help."', "synopsis": f'"""{WORDS}"""', "study_types": '["rct"]',
        "reviewed": "2026-11-21",
    }
    fields.update(over)
    body = "\n".join(f"{k} = {v}" for k, v in fields.items() if v is not None)
    ref = '\n[[cards.references]]\ncitation = "Doe J. A trial of testium. J Test. 2020;1:1-2."\n'
    return f"\n[[cards]]\n{body}\n" + (ref if "noref" not in over else "")


def ingredient(cards: str = "", head: str = "", intake: str = "") -> str:
    return (f'id = "testium"\nname = "Testium"\nkind = "supplement"\naliases = ["testo"]\n'
            f'summary = "A made-up ingredient for tests."\n{head}\n{intake}\n{cards or card()}')


def problems_for(data: Path, text: str, name: str = "testium.toml") -> list[dict]:
    (data / "ingredients" / name).write_text(text, encoding="utf-8")
    r = run("validate", str(data), "-f", "json")
    report = r.json()
    assert (r.code == 3) == bool(report["problems"]), r.err
    return report["problems"]


def test_a_valid_new_ingredient_passes(data_copy: Path):
    assert problems_for(data_copy, ingredient()) == []


@pytest.mark.parametrize("text,message,anchor", [
    (ingredient(card("no-such-condition")), "unknown condition 'no-such-condition'", 'condition = "no-such-condition"'),
    (ingredient(card(rating="7")), "7 is outside 0-5", "rating = 7"),
    (ingredient(card(rating="-1")), "-1 is outside 0-5", "rating = -1"),
    (ingredient(card(validity='"traditional"', rating="3")), "a traditional card is rated 0 or 1", "rating = 3"),
    (ingredient(card(noref="1")), "needs at least one reference", 'validity = "scientific"'),
    (ingredient(card(synopsis='"Too short to be a synopsis."')), "synopsis has 6 words", "synopsis = "),
    (ingredient(card(synopsis='"""' + (WORDS + " ") * 5 + '"""')), "it must have 80 to 250", "synopsis = "),
    (ingredient(card(study_types='["vibes"]')), "unknown study type 'vibes'", "study_types = "),
    (ingredient(card(reviewed='"2026-11-21"')), "must be a TOML date", "reviewed = "),
    (ingredient(card(verdict='"' + "x" * 200 + '"')), "at most 140 characters", "verdict = "),
    (ingredient(head='systems = ["nowhere"]'), "unknown body system 'nowhere'", "systems = "),
    (ingredient(head='kind = "potion"').replace('kind = "supplement"\n', ""), "must be one of", 'kind = "potion"'),
    (ingredient(head='ratng = 3'), "unknown key 'ratng'", "ratng = 3"),
    (ingredient(head='[[interactions]]\nwith = "no-such-drug"\nseverity = "major"\neffect = "x"\nadvice = "y"'),
     "unknown drug, drug class or ingredient 'no-such-drug'", 'with = "no-such-drug"'),
    (ingredient(head='[[interactions]]\nwith = "warfarin"\nseverity = "major"\nevidence = "E"\nmechanism = "m"\neffect = "x"\nadvice = "y"\nsources = []'),
     "evidence must be one of A, B, C, D", 'evidence = "E"'),
    (ingredient(head='[[interactions]]\nwith = "warfarin"\nseverity = "major"\nevidence = "B"\nmechanism = "m"\neffect = "x"\nadvice = "y"\nsources = []'),
     "interaction testium/warfarin: needs at least one source", "sources = []"),
    (ingredient(head='[[interactions]]\nwith = "warfarin"\nseverity = "major"\neffect = "x"\nadvice = "y"'),
     "interaction: missing required key 'evidence'", "[[interactions]]"),
    (ingredient(head='toxicity = "\\u001b[31mred"'), "control or escape character U+001B", "toxicity = "),
])
def test_each_rule_is_reported_with_file_and_line(data_copy: Path, text: str, message: str, anchor: str):
    problems = problems_for(data_copy, text)
    assert problems, "the problem was not reported"
    hit = [p for p in problems if message in p["message"]]
    assert hit, problems
    assert hit[0]["file"] == "ingredients/testium.toml"
    line = next(i for i, t in enumerate(text.splitlines(), start=1) if t.startswith(anchor))
    assert hit[0]["line"] == line, (hit[0], text.splitlines()[hit[0]["line"] - 1])


@pytest.mark.parametrize("ref,message", [
    ('pmid = "12345"', "malformed PMID"), ("pmid = 1234567890", "malformed PMID"),
    ('doi = "doi:10.1000/x"', "malformed DOI"), ('doi = "10.1/x"', "malformed DOI"), ('url = "ftp//x"', "malformed URL"),
])
def test_malformed_identifiers(data_copy: Path, ref: str, message: str):
    text = ingredient().replace('citation = "Doe J.', f'{ref}\ncitation = "Doe J.')
    problems = problems_for(data_copy, text)
    assert any(message in p["message"] for p in problems), problems


def test_duplicate_ids_and_aliases(data_copy: Path):
    problems = problems_for(data_copy, ingredient().replace('id = "testium"', 'id = "magnesium"'), "magnesium2.toml")
    assert any("duplicate ingredient id 'magnesium'" in p["message"] for p in problems)
    assert any("does not match its file name" in p["message"] for p in problems)
    (data_copy / "ingredients" / "magnesium2.toml").unlink()
    problems = problems_for(data_copy, ingredient().replace('aliases = ["testo"]', 'aliases = ["mg"]'))
    assert any("the name 'mg' resolves to more than one" in p["message"] for p in problems)


def test_a_sentence_repeated_across_synopses(data_copy: Path):
    text = ingredient(card("insomnia") + card("anxiety"))
    problems = problems_for(data_copy, text)
    assert any("repeats a sentence of card testium/insomnia" in p["message"] for p in problems)


def test_a_second_card_for_the_same_pair(data_copy: Path):
    other = WORDS.replace("Testium", "Testium again")
    problems = problems_for(data_copy, ingredient(card("insomnia") + card("insomnia", synopsis=f'"""{other}"""')))
    assert any("second card for testium/insomnia" in p["message"] for p in problems)


def intake_table(ul_scope: str = "total", drop: str | None = None, extra: str = "", ul: int = 100, need: int = 50) -> str:
    rows = []
    for stage in ("0-6m", "7-12m", "1-3y", "4-8y"):
        rows.append((stage, "any", ""))
    for stage in ("9-13y", "14-18y", "19-30y", "31-50y", "51-70y", "71+y"):
        rows += [(stage, "male", ""), (stage, "female", "")]
    for status in ("pregnant", "lactating"):
        rows += [(s, "female", status) for s in ("14-18y", "19-30y", "31-50y")]
    out = [f'[intake]\nunit = "mg"\nsource = "Test"\nul_scope = "{ul_scope}"']
    for stage, sex, status in rows:
        if drop == f"{stage} {sex} {status}".strip():
            continue
        out.append(f'[[intake.rows]]\nstage = "{stage}"\nsex = "{sex}"' + (f'\nstatus = "{status}"' if status else "")
                   + f"\nrda = {need}\nul = {ul}")
    return "\n".join(out) + extra


def test_intake_tables(data_copy: Path):
    assert problems_for(data_copy, ingredient(intake=intake_table())) == []
    missing = problems_for(data_copy, ingredient(intake=intake_table(drop="31-50y female")))
    assert any("missing life-stage groups: 31-50y female" in p["message"] for p in missing)
    overlap = problems_for(data_copy, ingredient(intake=intake_table(extra='\n[[intake.rows]]\nstage = "1-3y"\nsex = "male"\nrda = 5')))
    assert any("overlaps row" in p["message"] for p in overlap)
    low_ul = problems_for(data_copy, ingredient(intake=intake_table(ul=40, need=50)))
    assert any("UL 40 is below the RDA 50" in p["message"] for p in low_ul)
    # a UL that covers supplements only may rightly be lower than the RDA (magnesium's is)
    assert problems_for(data_copy, ingredient(intake=intake_table("supplemental", ul=40, need=50))) == []


def test_ingredient_card_in_a_folder_needs_a_profile(data_copy: Path):
    folder = data_copy / "ingredients" / "orphan"
    folder.mkdir()
    (folder / "cards.toml").write_text(card(), encoding="utf-8")
    r = run("validate", str(data_copy), "-f", "json")
    assert r.code == 3
    assert any("needs a profile.toml" in p["message"] for p in r.json()["problems"])


@pytest.mark.parametrize("over, message", [
    ({"rubric_step": '"C"', "rating": "3"}, "rubric step C gives 4, not 3"),
    ({"rubric_step": '"G"', "study_types": '["meta-analysis"]'}, "rated 1 (untested) but lists a meta-analysis"),
    ({"rubric_step": '"C"', "rating": "4", "study_types": '["approved-indication"]'}, "approved-indication goes with rubric step B"),
    ({"rubric_step": None}, "no rubric_step: record the step"),
    ({"rubric_step": '"H"'}, "rubric_step must be one of A, B, C, D, E, F, G"),
    ({"synopsis": '"""' + WORDS + ' So this is step F, rating 2."""'}, "says 'step F, rating 2' but the card is step G, rating 1"),
])
def test_rubric_v2_rules_every_card_records_its_step(data_copy, over, message):
    found = problems_for(data_copy, ingredient(card(**over)))
    assert any(message in p["message"] for p in found), found


def test_a_rated_1_card_listing_trials_without_saying_why_they_were_inadequate_is_a_warning(data_copy):
    words = WORDS.replace("small trial", "trial").replace("low quality", "unclear value")
    text = ingredient(card(rubric_step='"G"', synopsis=f'"""{words}"""'))
    assert problems_for(data_copy, text) == []
    report = run("validate", str(data_copy), "-f", "json").json()
    assert any("rated 1 but lists rct" in w["message"] and w["file"] == "ingredients/testium.toml" for w in report["warnings"])
