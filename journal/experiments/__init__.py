"""Experiments (experiments.md), not built yet: their models (a stored random schedule), the
pure analysis over the journal (conditions read intensity from journal.tagging), the
services that start and stop one, and the tasks. Their pages go in journal/views/, the
`experiment` command in journal/management/commands/. See journal/README.md for the rules."""
