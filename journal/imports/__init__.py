"""Imports: uploads, import jobs and their background tasks, the parsers of other apps'
exports (parsers/, PURE: no Django), and our own exchange format (export and import of a
whole journal).

Public names, for the pages, the commands and the coming API (loaded on first use, see
journal.core.lazy): start, confirm and cancel an import job, and what a file is.
"""

from journal.core.lazy import public_names

_JOBS = "journal.imports.jobs"
_PUBLIC = {"start": _JOBS, "confirm": _JOBS, "cancel": _JOBS, "sniff_source": _JOBS}

__all__ = sorted(_PUBLIC)
__getattr__ = public_names(__name__, _PUBLIC)
