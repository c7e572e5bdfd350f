"""The compiled store: TOML data compiled into SQLite, cached, and queried."""
