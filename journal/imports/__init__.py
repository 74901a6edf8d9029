"""Imports: uploads, import jobs and their background tasks, the parsers of other apps'
exports (parsers/, PURE: no Django), and our own exchange format (export and import of a
whole journal).

Public names, for the pages, the commands and the coming API (loaded on first use, see
journal.core.lazy): start, confirm and cancel an import job, and what a file is.
"""

from journal.core.lazy import public_names

__getattr__, __all__ = public_names(
    __name__,
    {
        "journal.imports.jobs": ["start", "confirm", "cancel", "sniff_source"],
        "journal.imports.ingest": ["ingest_health_auto_export", "PayloadRefused"],
        # A person's experiments as the exchange file writes them (the API reads them too).
        "journal.imports.experiment_rows": ["experiments_of"],
        # A session's tags as the exchange file writes them (the API's sessions carry them).
        "journal.imports.exchange": ["tag_rows"],
    },
)
