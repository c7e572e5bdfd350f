"""What every command shares: the global options (format, data, colour, pager), the person's
options, list filters, name completion, and the Context a command runs in. The commands' own
declarations are in evidence_cli.cli, one module each."""

import os
import warnings
from enum import Enum
from typing import Annotated, Callable, List, Optional

import typer

from evidence_cli.render import FORMATS


# -- completion ------------------------------------------------------------------------------------

# Typer warns that it forwards `shell_complete` to Click unfiltered; that is what completer needs
# (the pinned typer<0.29 forwards it, and tests/test_terminal.py fails if it stops doing so).
warnings.filterwarnings("ignore", message=".*support for 'shell_complete' is deprecated", category=DeprecationWarning)


def completer(*kinds: str) -> Callable[[typer.Context, object, str], List[str]]:
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

def choices(*values: str) -> Callable[[str], List[str]]:
    return lambda incomplete: [v for v in values if v.startswith(incomplete.lower())]


# --format: one home for the formats (render.FORMATS), as a Choice that Click validates and completes
OutputFormat = Enum("OutputFormat", {f: f for f in FORMATS}, type=str)  # type: ignore[misc]


class ColorWhen(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


Format = Annotated[Optional[OutputFormat], typer.Option("--format", "-f", case_sensitive=False, show_default=False,
                                                        help="The output format [default: rich on a terminal, plain in a pipe].")]
DataDir = Annotated[Optional[str], typer.Option("--data-dir", envvar="EVIDENCE_DATA_DIR", metavar="DIR",
                                                help="Use the data in DIR instead of the bundled data.")]
NoColor = Annotated[bool, typer.Option("--no-color", help="No colour (also NO_COLOR=1 or TERM=dumb).")]
NoPager = Annotated[bool, typer.Option("--no-pager", help="Never page long output (else EVIDENCE_PAGER, PAGER or less).")]
ColorChoice = Annotated[Optional[ColorWhen], typer.Option("--color", case_sensitive=False, show_default=False,
                                                          help="Colour: auto (on a terminal), always or never.")]
Age = Annotated[Optional[str], typer.Option("--age", metavar="AGE", help="Age in years, or months for infants (6m).")]



Sex = Annotated[Optional[str], typer.Option("--sex", metavar="female|male", help="Sex (the intakes differ from 9 years).",
                                            autocompletion=choices("female", "male"))]
Pregnant = Annotated[bool, typer.Option("--pregnant", help="Use the pregnancy row.")]
Lactating = Annotated[bool, typer.Option("--lactating", help="Use the lactation row.")]
Smoker = Annotated[bool, typer.Option("--smoker", help="Smokers need more vitamin C.")]


MinRating = Annotated[Optional[int], typer.Option("--min-rating", min=0, max=5, metavar="N",
                                                  help="Only rows rated N or more.", show_default=False)]
Validity = Annotated[Optional[str], typer.Option("--validity", metavar="SOURCE",
                                                 help="Only scientific or only traditional cards.", show_default=False)]
Top = Annotated[Optional[int], typer.Option("--top", "-n", min=1, metavar="N", help="Only the first N rows.",
                                            show_default=False)]

def context_for(fmt: Optional[str], data_dir: Optional[str], no_color: bool, no_pager: bool = False,
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


def joined_words(words: Optional[List[str]]) -> Optional[str]:
    """A name typed as several words without quotes (`intake vitamin d`) is one name."""
    return " ".join(words) if words else None
