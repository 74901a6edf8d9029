"""Imports: uploads, import jobs and their background tasks, the parsers of other apps'
exports (parsers/), and our own exchange format (export and import of a whole journal).

Public names, for the pages and commands: `start`, `confirm`, `cancel` and `sniff_source`
(journal.imports.jobs). They are loaded on first use, because journal/models.py imports
this package's models while Django loads the models, before the tasks can be imported.
"""

from importlib import import_module

_PUBLIC = {
    "start": "journal.imports.jobs",
    "confirm": "journal.imports.jobs",
    "cancel": "journal.imports.jobs",
    "sniff_source": "journal.imports.jobs",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
