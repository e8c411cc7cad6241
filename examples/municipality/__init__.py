"""The synthetic municipality that examples/generate.py writes, one module per noun.

helpers (constants, small helpers), providers, cases (Case, Citizen, Planner), scenarios,
planning (the Municipality), entries (time-log entries), workbooks (case export, catalogue,
price list), timelogs (time-log files and the CSV), scenario_notes (scenarios.md).
"""
