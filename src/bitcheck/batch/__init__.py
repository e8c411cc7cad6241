"""Scheduled batch runs: jobs from a TOML file, dated reports, run history, finding lifecycle."""
