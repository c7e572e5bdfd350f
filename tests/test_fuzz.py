"""Property-based fuzzing of the real entry point: no argument vector may produce a traceback.

The normal run tries 150 vectors; `pytest tests/test_fuzz.py --fuzz-examples 10000` is the long run
(the count tried is printed at the end of the run)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run

COMMANDS = ["show", "ingredients", "conditions", "systems", "intake", "check", "stack", "foods", "safety", "interactions",
            "search", "validate", "export", "frobnicate", ""]
NAMES = ["magnesium", "mg", "MS", "autoimmune disorders", "vitamin d", "warfarin", "antibiotics", "immune", "fish oil",
         "iron", "zinc", "migraine", "cramps (leg)", "[bold]", "\x1b[2J", "'", '"', "NEAR(", "*", "OR", "-", "--help",
         "eliquis", "vitamin d 2000 IU", "zinc 50 mg", "st johns wort", "metformin", "/dev/null", "pyproject.toml"]
OPTIONS = ["-f", "--format", "--age", "--sex", "--pregnant", "--lactating", "--smoker", "--per", "--top", "--group",
           "--all", "--no-color", "--limit", "--form", "-n", "--version", "--help", "--drug", "--file"]
VALUES = ["json", "plain", "rich", "csv", "markdown", "yaml", "6m", "34", "-1", "200", "1e9", "female", "male", "x",
          "100g", "serving", "0", "500mg", "2000IU", "50 µg", "1.5g", "nan", "inf", "IU", "natural"]

token = st.one_of(
    st.sampled_from(NAMES), st.sampled_from(OPTIONS), st.sampled_from(VALUES),
    st.text(max_size=30), st.text(alphabet=st.characters(max_codepoint=0x7f), max_size=12),
)
argv = st.tuples(st.sampled_from(COMMANDS), st.lists(token, max_size=6)).map(
    lambda t: ([t[0]] if t[0] else []) + t[1])


def check(args: list[str]) -> None:
    if "export" in args:  # writing files where the fuzzer says is not what this test is about
        args = [a for a in args if a not in ("-o", "--output")]
    r = run(*args)
    assert "Traceback" not in r.err, (args, r.err)
    assert "internal error" not in r.err, (args, r.err)
    allowed = (0, 1, 2, 3) if "validate" in args else (0, 1, 2)  # validate DIR: a missing DIR is a data error
    assert r.code in allowed, (args, r.code, r.err)


TRIED = [0]


@given(argv)
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # max_examples: conftest's profile
def test_generated_argument_vectors_never_crash(args):
    TRIED[0] += 1
    check(args)
