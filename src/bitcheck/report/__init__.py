"""The output models (the source of `schemas/output-*.json`) and the one place that counts."""
