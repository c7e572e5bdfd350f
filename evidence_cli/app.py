"""The Typer app: the root (global options, the guide, --version) and a lazy group that loads
only the command being run, from its own module in evidence_cli.cli. The process entry (exit
codes, encodings, the Environment) is evidence_cli.main."""

import importlib
from typing import TYPE_CHECKING, Annotated, Callable, List, Optional, Tuple

import typer
from typer import _click as click  # Typer 0.28 carries its own Click
from typer.core import TyperGroup

from evidence_cli import __version__
from evidence_cli.errors import OutputClosed
from evidence_cli.options import ColorChoice, DataDir, Format, NoColor, NoPager

if TYPE_CHECKING:
    from evidence_cli.environment import Environment

GUIDE = """\
evidence {version}: what the evidence says about supplements, vitamins, minerals and herbs.

  evidence show magnesium "autoimmune disorders"   a rating card (0-5, with the reasons)
  evidence show magnesium                          an ingredient, condition or body system
  evidence conditions magnesium                    what magnesium is used for, ranked by evidence
  evidence ingredients migraine                    what is used for migraine, ranked by evidence
  evidence intake magnesium --age 34 --sex female  how much a person needs, and the upper limit
  evidence check magnesium 500mg --age 40 --sex male
  evidence foods magnesium --per 100g              food sources (USDA SR28)
  evidence safety magnesium                        side effects, who should avoid it, interactions
  evidence interactions warfarin                   supplements that interact with a drug or class
  evidence interactions warfarin ginkgo            every interaction among several names
  evidence stack "vitamin d 2000 IU" "zinc 50 mg"  daily totals against the upper limits
  evidence search "sleep"                          full-text search
  evidence map nervous                             an evidence map of a body system
  evidence rubric                                  what the ratings mean

Every command takes --format rich|plain|json|markdown|csv. `evidence COMMAND --help` for more.
Not medical advice: talk to a doctor or pharmacist before taking supplements for a health problem."""


def _print(text: str) -> None:
    try:
        print(text, flush=True)
    except BrokenPipeError:
        raise OutputClosed from None


def _version(value: bool) -> None:
    if value:
        _print(f"evidence {__version__}")
        raise typer.Exit()


def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    if ctx.invoked_subcommand is None:
        _print(_fit(GUIDE.format(version=__version__), ctx.find_root().obj))


def _fit(guide: str, env: "Optional[Environment]") -> str:
    """The guide wrapped to a terminal narrower than its lines: each example's description goes
    under its command. In a pipe, or on a wide terminal, it is printed as written."""
    if env is None or env.size is None:
        return guide
    width = max(20, env.size[0])
    if max(len(line) for line in guide.splitlines()) <= width:
        return guide
    import re
    import textwrap

    out = []
    for line in guide.splitlines():
        example = re.match(r"^  (evidence .+?)\s{2,}(\S.*)$", line)
        if example:
            out += textwrap.wrap(example.group(1), width, initial_indent="  ", subsequent_indent="      ")
            out += textwrap.wrap(example.group(2), width, initial_indent="      ", subsequent_indent="      ")
        else:
            out += textwrap.wrap(line, width) or [""]
    return "\n".join(out)


# -- the app: a lazy group, so that only the command being run is imported and built ---------------

# command -> its module in evidence_cli.cli (which defines a function of the same name and EPILOG)
COMMANDS = {
    "show": "show", "ingredients": "ingredients", "conditions": "conditions", "systems": "systems", "map": "evidence_map",
    "rubric": "rubric", "intake": "intake", "check": "check", "stack": "stack", "foods": "foods", "safety": "safety",
    "interactions": "interactions", "search": "search", "validate": "validate", "export": "export",
}


def declaration(name: str) -> Tuple[Callable[..., None], str]:
    """The command's function and its examples (the epilog of its --help)."""
    module = importlib.import_module(f"evidence_cli.cli.{COMMANDS[name]}")
    return getattr(module, name if name != "map" else "map_"), module.EPILOG


# One line each for `evidence --help` (Click cuts longer first lines at 45 characters with "...").
SHORT_HELP = {
    "show": "A rating card, or an overview of one name.",
    "ingredients": "Ingredients, or those for a condition, ranked.",
    "conditions": "Conditions, or those for an ingredient, ranked.",
    "systems": "Body systems, or one system's conditions.",
    "map": "The evidence map of a body system.",
    "rubric": "What the ratings 0-5 mean, and how they're set.",
    "intake": "Reference intakes (RDA or AI, and UL).",
    "check": "A daily amount against the upper limit.",
    "stack": "All you take: totals, upper limits, interactions.",
    "foods": "Food sources of a nutrient (USDA SR28).",
    "safety": "Side effects, who should avoid it, interactions.",
    "interactions": "What interacts with a drug, class or ingredient.",
    "search": "Full-text search over everything.",
    "validate": "Check a data directory (file and line).",
    "export": "The whole dataset as JSON, CSV or SQLite.",
}
MAIN_EPILOG = ("Examples:\n\n\b\n  evidence show magnesium \"autoimmune disorders\"\n  evidence conditions magnesium --top 10\n"
               "  evidence ingredients migraine\n  evidence check vitamin d 2000 IU\n  evidence foods iron --vegetarian\n"
               "  evidence interactions warfarin\n\nNot medical advice: talk to a doctor or pharmacist before taking "
               "supplements for a health problem.")


class LazyGroup(TyperGroup):
    """The commands of COMMANDS, each imported and turned into a Click command only when it is
    looked up: Click's documented lazy loading ("LazyGroup"). A lookup imports and converts the
    root and one command; `--help` and the docs convert them all."""

    def list_commands(self, ctx: click.Context) -> List[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> Optional[click.Command]:
        if cmd_name not in COMMANDS:
            return None
        function, epilog = declaration(cmd_name)
        one = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
        one.command(cmd_name, epilog=epilog, short_help=SHORT_HELP[cmd_name])(function)
        return typer.main.get_command(one)


app = typer.Typer(
    name="evidence",
    cls=LazyGroup,
    help="What the evidence says about supplements, vitamins, minerals and herbs: ratings, intakes, food sources and safety. Offline.",
    add_completion=True,
    pretty_exceptions_enable=False,
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    epilog=MAIN_EPILOG,
)
app.callback(invoke_without_command=True)(_root)
