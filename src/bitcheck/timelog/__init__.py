"""Time logs (døgnskemaer) -> entries -> one summary per citizen's log."""
