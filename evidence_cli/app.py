"""The Typer app: commands, options, help and examples. Each command body only wires its arguments
to a function in evidence_cli.commands and hands the result to the chosen formatter. The process
entry (exit codes, encodings, the Environment) is evidence_cli.main."""


import os
import sys
import warnings
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Callable, List, Optional

import typer
from typer import _click as click  # Typer 0.28 carries its own Click
from typer.core import TyperGroup

from evidence_cli import __version__
from evidence_cli.errors import EvidenceError, OutputClosed
from evidence_cli.render import FORMATS

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


# -- completion ------------------------------------------------------------------------------------

# Typer warns that it forwards `shell_complete` to Click unfiltered; that is what _completer needs
# (the pinned typer<0.29 forwards it, and tests/test_terminal.py fails if it stops doing so).
warnings.filterwarnings("ignore", message=".*support for 'shell_complete' is deprecated", category=DeprecationWarning)


def _completer(*kinds: str) -> Callable[[typer.Context, object, str], List[str]]:
    """Names of things for a positional argument, one per thing as the data spells it ("St John's
    Wort" for `st`). Given to Click as `shell_complete`, since Typer's `autocompletion` keeps only
    the candidates that start with the typed text in its case."""
    def complete(ctx: typer.Context, param: object, incomplete: str) -> List[str]:
        try:
            from evidence_cli.commands.context import Context

            data_dir = (ctx.params or {}).get("data_dir")
            names = Context("plain", data_dir).store.completions(kinds, incomplete)
        except Exception:  # completion must never print a traceback into the shell
            if os.environ.get("EVIDENCE_DEBUG"):
                raise
            return []
        if os.environ.get("_EVIDENCE_COMPLETE", "").endswith("bash") and not _bash_word_is_quoted():
            # bash inserts a completion as it is: escape spaces and quotes so a name stays one word
            # (inside an opening quote readline does the quoting itself)
            import re

            return [re.sub(r"([\s'\"()&;<>|$`\\*?\[\]!#~{}])", r"\\\1", n) for n in names]
        return names
    return complete


def _bash_word_is_quoted() -> bool:
    """Whether the word bash is completing opens with a quote (`"fish<Tab>`): COMP_WORDS holds
    the words as typed, one per line."""
    words = os.environ.get("COMP_WORDS", "").split("\n")
    cword = os.environ.get("COMP_CWORD", "")
    return cword.isdigit() and int(cword) < len(words) and words[int(cword)][:1] in ("'", '"')


# -- shared options --------------------------------------------------------------------------------

def _choices(*values: str) -> Callable[[str], List[str]]:
    return lambda incomplete: [v for v in values if v.startswith(incomplete.lower())]


# --format: one home for the formats (render.FORMATS), as a Choice that Click validates and completes
OutputFormat = Enum("OutputFormat", {f: f for f in FORMATS}, type=str)  # type: ignore[misc]


class ColorWhen(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    sqlite = "sqlite"


Format = Annotated[Optional[OutputFormat], typer.Option("--format", "-f", case_sensitive=False, show_default=False,
                                                        help="The output format [default: rich on a terminal, plain in a pipe].")]
DataDir = Annotated[Optional[str], typer.Option("--data-dir", envvar="EVIDENCE_DATA_DIR", metavar="DIR",
                                                help="Use the data in DIR instead of the bundled data.")]
NoColor = Annotated[bool, typer.Option("--no-color", help="No colour (also NO_COLOR=1 or TERM=dumb).")]
NoPager = Annotated[bool, typer.Option("--no-pager", help="Never page long output (else EVIDENCE_PAGER, PAGER or less).")]
ColorChoice = Annotated[Optional[ColorWhen], typer.Option("--color", case_sensitive=False, show_default=False,
                                                          help="Colour: auto (on a terminal), always or never.")]
Age = Annotated[Optional[str], typer.Option("--age", metavar="AGE", help="Age in years, or months for infants (6m).")]
def _complete_food_groups(ctx: typer.Context, incomplete: str) -> List[str]:
    try:
        from evidence_cli.commands.context import Context

        groups = Context("plain", (ctx.params or {}).get("data_dir")).store.food_groups()
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [g for g in groups if g.lower().startswith(incomplete.lower())]


Sex = Annotated[Optional[str], typer.Option("--sex", metavar="female|male", help="Sex (the intakes differ from 9 years).",
                                            autocompletion=_choices("female", "male"))]
Pregnant = Annotated[bool, typer.Option("--pregnant", help="Use the pregnancy row.")]
Lactating = Annotated[bool, typer.Option("--lactating", help="Use the lactation row.")]
Smoker = Annotated[bool, typer.Option("--smoker", help="Smokers need more vitamin C.")]


MinRating = Annotated[Optional[int], typer.Option("--min-rating", min=0, max=5, metavar="N",
                                                  help="Only rows rated N or more.", show_default=False)]
Validity = Annotated[Optional[str], typer.Option("--validity", metavar="SOURCE",
                                                 help="Only scientific or only traditional cards.", show_default=False)]
Top = Annotated[Optional[int], typer.Option("--top", "-n", min=1, metavar="N", help="Only the first N rows.",
                                            show_default=False)]

def _context(fmt: Optional[str], data_dir: Optional[str], no_color: bool, no_pager: bool = False,
             color: Optional[str] = None):
    """The command's Context: its own options, else those given before the command
    (`evidence --no-color show ...`)."""
    from typer._click.globals import get_current_context  # Typer 0.28 carries its own Click

    from evidence_cli.commands.context import Context

    current = get_current_context(silent=True)
    top = current.find_root().params if current is not None else {}
    color = ColorWhen(color or top.get("color") or ColorWhen.auto)
    no_color = no_color or bool(top.get("no_color")) or color is ColorWhen.never
    env = current.find_root().obj if current is not None else None  # main()'s Environment
    chosen = fmt or top.get("fmt")  # the root's ctx.params hold Click's plain string, not the Enum
    return Context(OutputFormat(chosen).value if chosen is not None else None, data_dir or top.get("data_dir"), no_color,
                   no_pager or bool(top.get("no_pager")), force_color=color is ColorWhen.always, env=env)


def _words(words: Optional[List[str]]) -> Optional[str]:
    """A name typed as several words without quotes (`intake vitamin d`) is one name."""
    return " ".join(words) if words else None


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


# -- commands --------------------------------------------------------------------------------------

def show(
    words: Annotated[List[str], typer.Argument(metavar="NAME [CONDITION]", help="An ingredient and a condition (their rating card), or one ingredient, condition or body system; quotes are optional.",
                                               shell_complete=_completer("ingredient", "condition", "system"), show_default=False)],
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """A rating card for INGREDIENT and CONDITION, or an overview of one name."""
    from evidence_cli.commands import lookup

    c = _context(fmt, data_dir, no_color, no_pager, color)
    c.emit(lookup.show_words(c, words))


def ingredients(
    condition: Annotated[Optional[List[str]], typer.Argument(metavar="CONDITION", help="A condition: its ingredients ranked by rating.",
                                                       shell_complete=_completer("condition"), show_default=False)] = None,
    min_rating: MinRating = None, validity: Validity = None, top: Top = None,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """All ingredients; with a condition, the ingredients for it ranked by rating."""
    from evidence_cli.commands import lookup

    c = _context(fmt, data_dir, no_color, no_pager, color)
    c.emit(lookup.ingredients(c, _words(condition), lookup.ListFilter.of(min_rating, validity, top)))


def conditions(
    ingredient: Annotated[Optional[List[str]], typer.Argument(metavar="INGREDIENT", help="An ingredient: its conditions ranked by rating.",
                                                        shell_complete=_completer("ingredient"), show_default=False)] = None,
    min_rating: MinRating = None, validity: Validity = None, top: Top = None,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """All conditions; with an ingredient, its ingredient-to-condition list ranked by rating."""
    from evidence_cli.commands import lookup

    c = _context(fmt, data_dir, no_color, no_pager, color)
    c.emit(lookup.conditions(c, _words(ingredient), lookup.ListFilter.of(min_rating, validity, top)))


def systems(
    system: Annotated[Optional[str], typer.Argument(metavar="SYSTEM", help="A body system: its conditions and their best-rated ingredients.",
                                                    shell_complete=_completer("system"), show_default=False)] = None,
    as_map: Annotated[bool, typer.Option("--map", help="Draw the evidence map of the system (as `evidence map`).")] = False,
    min_rating: MinRating = None, validity: Validity = None, top: Top = None,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """The body systems; with one, its conditions and their best-rated ingredients."""
    from evidence_cli.commands import lookup

    c = _context(fmt, data_dir, no_color, no_pager, color)
    c.emit(lookup.systems(c, system, as_map, lookup.ListFilter.of(min_rating, validity, top)))


def map_(
    system: Annotated[str, typer.Argument(metavar="SYSTEM", help="A body system.", shell_complete=_completer("system"),
                                          show_default=False)],
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """An evidence map: a body system's best-covered ingredients against its conditions, coloured by rating."""
    from evidence_cli.commands import lookup

    c = _context(fmt, data_dir, no_color, no_pager, color)
    c.emit(lookup.evidence_map(c, system))


def rubric(
    fmt: Format = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """The rating scale: what 0 to 5 and scientific or traditional mean."""
    from evidence_cli.commands import lookup

    c = _context(fmt, None, no_color, no_pager, color)
    c.emit(lookup.rubric())


def intake(
    nutrient: Annotated[List[str], typer.Argument(metavar="NUTRIENT", help="A vitamin or mineral.", shell_complete=_completer("ingredient"), show_default=False)],
    age: Age = None, sex: Sex = None, pregnant: Pregnant = False, lactating: Lactating = False, smoker: Smoker = False,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """The reference intake table (RDA or AI, and UL); with a person's details, their row."""
    from evidence_cli.commands import nutrients

    c = _context(fmt, data_dir, no_color, no_pager, color)
    c.emit(nutrients.intake(c, _words(nutrient), nutrients.person(age, sex, pregnant, lactating, smoker)))


def check(
    words: Annotated[List[str], typer.Argument(metavar="NUTRIENT AMOUNT", help="A vitamin or mineral and a daily amount with its unit: 500mg, 400 mg, 50mcg, 2000IU, 1.5g.", shell_complete=_completer("ingredient"), show_default=False)],
    age: Age = None, sex: Sex = None, pregnant: Pregnant = False, lactating: Lactating = False, smoker: Smoker = False,
    form: Annotated[Optional[str], typer.Option("--form", help="The form, where units convert differently (vitamin E: natural or synthetic; folate: folic acid taken with food).")] = None,
    total: Annotated[bool, typer.Option("--total", help="The amount is the whole day's intake, food included (default: from supplements).")] = False,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """A daily amount against the upper limit, with the RDA/AI as context."""
    from evidence_cli.commands import nutrients

    c = _context(fmt, data_dir, no_color, no_pager, color)
    c.emit(nutrients.check(c, words, nutrients.person(age, sex, pregnant, lactating, smoker), form, total))


def stack(
    items: Annotated[Optional[List[str]], typer.Argument(metavar="ITEM...", help='What you take, each as "NAME AMOUNT" in quotes ("vitamin d 2000 IU", "calcium 600 mg"); a name alone (ginkgo) is checked for interactions only, and a product alone (areds2) adds its typical composition.',
                                                  shell_complete=_completer("ingredient"), show_default=False)] = None,
    file: Annotated[Optional[str], typer.Option("--file", metavar="FILE", help="A TOML file of products with their label amounts (README: the products file).")] = None,
    drug: Annotated[Optional[List[str]], typer.Option("--drug", metavar="NAME", help="A medicine you take (generic or brand name, or a class); repeatable.",
                                                      shell_complete=_completer("drug"))] = None,
    age: Age = None, sex: Sex = None, pregnant: Pregnant = False, lactating: Lactating = False, smoker: Smoker = False,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """Everything you take, summed per nutrient against the upper limits, and every interaction among the items and your medicines."""
    from evidence_cli.commands import nutrients, regimen

    c = _context(fmt, data_dir, no_color, no_pager, color)
    c.emit(regimen.stack(c, items or [], nutrients.person(age, sex, pregnant, lactating, smoker), file, drug or []))


def foods(
    nutrient: Annotated[List[str], typer.Argument(metavar="NUTRIENT", help="A vitamin or mineral.", shell_complete=_completer("ingredient"), show_default=False)],
    top: Annotated[int, typer.Option("--top", "-n", help="How many foods.")] = 15,
    per: Annotated[str, typer.Option("--per", help="Rank per serving or per 100g.", autocompletion=_choices("serving", "100g"))] = "serving",
    group: Annotated[Optional[str], typer.Option("--group", "-g", help="Only this USDA food group (a prefix will do).",
                                                 autocompletion=_complete_food_groups)] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Every food, including dry, raw and concentrated forms, brand items, fortified products and baby foods.")] = False,
    vegetarian: Annotated[bool, typer.Option("--vegetarian", help="Only foods without meat or fish.")] = False,
    vegan: Annotated[bool, typer.Option("--vegan", help="Only foods without any animal product.")] = False,
    exclude: Annotated[Optional[List[str]], typer.Option("--exclude", "-x", help="Leave out a USDA food group (a prefix will do); repeatable.",
                                                             autocompletion=_complete_food_groups)] = None,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """Food sources from USDA SR28, as eaten, with serving, amount and % of the adult Daily Value."""
    from evidence_cli.commands import nutrients

    c = _context(fmt, data_dir, no_color, no_pager, color)
    c.emit(nutrients.foods(c, _words(nutrient), top, per, group, show_all, vegetarian, vegan, exclude or ()))


def safety(
    ingredient: Annotated[List[str], typer.Argument(metavar="INGREDIENT", help="An ingredient.", shell_complete=_completer("ingredient"), show_default=False)],
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """Side effects, who should avoid it, pregnancy, too much, and drug interactions."""
    from evidence_cli.commands import safety as mod

    c = _context(fmt, data_dir, no_color, no_pager, color)
    c.emit(mod.safety(c, _words(ingredient)))


def interactions(
    names: Annotated[List[str], typer.Argument(metavar="NAME...", help="Drugs, drug classes or ingredients; with several, every interaction among them.",
                                               shell_complete=_completer("drug", "ingredient"), show_default=False)],
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """For a drug or class: every ingredient that interacts with it; for an ingredient: its interactions; for several names: the interactions among them."""
    from evidence_cli.commands import safety as mod

    c = _context(fmt, data_dir, no_color, no_pager, color)
    c.emit(mod.interactions(c, names))


def search(
    query: Annotated[List[str], typer.Argument(metavar="QUERY...", help="Words to look for.", show_default=False)],
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many results.")] = 20,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """Full-text search over ingredients, conditions, body systems and cards, ranked."""
    from evidence_cli.commands import lookup

    c = _context(fmt, data_dir, no_color, no_pager, color)
    c.emit(lookup.search(c, query, limit))


def validate(
    directory: Annotated[Optional[str], typer.Argument(metavar="DIR", help="A data directory [default: the bundled data].", show_default=False)] = None,
    fmt: Format = None, data_dir: DataDir = None, no_color: NoColor = False, no_pager: NoPager = False,
    color: ColorChoice = None,
) -> None:
    """Check a data directory and report every problem with file and line (exit 3 if any)."""
    from evidence_cli.commands import data

    c = _context(fmt, data_dir, no_color, no_pager, color)
    c.emit(data.validate(c, directory))


def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", case_sensitive=False, help="json, csv (the cards) or sqlite.")] = ExportFormat.json,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.")] = None,
    data_dir: DataDir = None, no_color: NoColor = False,
) -> None:
    """The whole dataset as JSON, CSV (one row per card) or an SQLite file."""
    from evidence_cli.commands import data

    c = _context(OutputFormat.json if fmt is ExportFormat.sqlite else OutputFormat(fmt.value), data_dir, no_color)
    c.emit(data.export(c, fmt.value, output))


# -- the app: a lazy group, so that only the command being run is built (README, Performance) ------

COMMANDS: dict[str, tuple[Callable[..., None], str]] = {
    "show": (show, "Examples:\n\n\b\n  evidence show magnesium \"autoimmune disorders\"\n  evidence show mg\n  evidence show MS\n  evidence show immune"),
    "ingredients": (ingredients, "Examples:\n\n\b\n  evidence ingredients\n  evidence ingredients migraine --format json"),
    "conditions": (conditions, "Examples:\n\n\b\n  evidence conditions magnesium\n  evidence conditions magnesium --format json | jq '.[0]'"),
    "systems": (systems, "Examples:\n\n\b\n  evidence systems\n  evidence systems nervous"),
    "map": (map_, "Examples:\n\n\b\n  evidence map nervous\n  evidence systems cardiovascular --map\n  evidence map immune --format csv"),
    "rubric": (rubric, "Examples:\n\n\b\n  evidence rubric\n  evidence rubric --format json"),
    "intake": (intake, "Examples:\n\n\b\n  evidence intake magnesium\n  evidence intake iron --age 30 --sex female --pregnant\n  evidence intake vitamin-d --age 6m"),
    "check": (check, "Examples:\n\n\b\n  evidence check magnesium 500mg --age 40 --sex male\n  evidence check vitamin d 2000 IU\n  evidence check calcium 1200mg --total --age 70 --sex female"),
    "stack": (stack, "Examples:\n\n\b\n  evidence stack \"vitamin d 2000 IU\" \"calcium 600 mg\" --age 70 --sex female\n  evidence stack --file my-supplements.toml --drug warfarin\n  evidence stack \"zinc 50 mg\" ginkgo --drug eliquis --format json"),
    "foods": (foods, "Examples:\n\n\b\n  evidence foods magnesium\n  evidence foods magnesium --per 100g --top 20\n  evidence foods iron --group vegetables"),
    "safety": (safety, "Examples:\n\n\b\n  evidence safety magnesium\n  evidence safety vitamin-a --format markdown"),
    "interactions": (interactions, "Examples:\n\n\b\n  evidence interactions warfarin\n  evidence interactions eliquis\n  evidence interactions magnesium\n  evidence interactions warfarin ginkgo \"fish oil\""),
    "search": (search, "Examples:\n\n\b\n  evidence search sleep\n  evidence search \"muscle cramps\" --format json"),
    "validate": (validate, "Examples:\n\n\b\n  evidence validate\n  evidence validate ./my-data --format json"),
    "export": (export, "Examples:\n\n\b\n  evidence export > evidence.json\n  evidence export -f csv -o cards.csv\n  evidence export -f sqlite -o evidence.sqlite"),
}


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
    """The commands of COMMANDS, each turned into a Click command only when it is looked up:
    Click's documented lazy loading ("LazyGroup"). A lookup converts the root and one command;
    `--help` and the docs convert them all."""

    def list_commands(self, ctx: click.Context) -> List[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> Optional[click.Command]:
        if cmd_name not in COMMANDS:
            return None
        function, epilog = COMMANDS[cmd_name]
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
