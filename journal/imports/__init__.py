"""Imports: the uploads, the import jobs and their background tasks, the parsers of other apps'
exports (parsers/), and our own exchange format (export and import of a whole journal)."""
