"""Renderers: formatting only, no numbers computed here."""
