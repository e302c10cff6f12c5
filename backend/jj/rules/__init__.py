"""The compliance engine: pure checks that turn facts into explainable, cited Decisions.

Nothing in this package touches the database or reads the clock (enforced by ruff's banned-api rule):
services load facts, call `evaluate`, and persist what comes back."""
