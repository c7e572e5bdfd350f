"""One module per command: its Typer declaration (arguments, options, help, examples), which only
wires the arguments to evidence_cli.commands. The app loads the one being run (app.LazyGroup)."""
