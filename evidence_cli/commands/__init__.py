"""One module per group of commands; each function takes parsed options and returns an Output."""
