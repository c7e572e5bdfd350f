"""The dataset layer: the TOML files of a data directory (`files`), parsed with line numbers
(`source`), checked against the schema and the rules into a Dataset (`rules`). The store only
consumes what this layer gives; nothing here imports the store."""
