"""The paragraph library: its model, keys, YAML form, cache, store, tags, ingest and the bundled
default library built from the seeds."""
