"""Workouts posted by an app on the phone (Health Auto Export) become sessions at once.

The same path as a file import (journal.imports.pipeline): the parser's rows, the
person's Apple Health mapping, each row validated as the forms would, then
journal.core.services writes the new ones in one transaction (skipping those whose
source id the journal holds) and retags once. A bad workout is named and left out; a
body that is not a payload at all stores nothing.
"""

from django.core.exceptions import ValidationError

from journal.core.services import profile_for, save_imported_rows
from journal.imports.exchange_rows import parse_json
from journal.imports.parsers import health_auto_export
from journal.imports.parsers.base import Rejected
from journal.imports.parsers.health_auto_export import PayloadRefused
from journal.imports.pipeline import _reason, make_options, to_session

__all__ = ["PayloadRefused", "ingest_health_auto_export"]


def ingest_health_auto_export(owner, raw: bytes) -> dict:
    """{"received", "imported", "skipped", "rejected": [{"index", "reason"}]};
    PayloadRefused (nothing stored) when the body is not such a payload."""
    document = parse_json(raw, "The body", PayloadRefused)
    profile = profile_for(owner)
    options = make_options(profile)
    today = profile.today()
    sessions, rejected = [], []
    items = health_auto_export.read(document, options)
    for item in items:
        if isinstance(item, Rejected):
            rejected.append({"index": item.line, "reason": item.reason})
            continue
        try:
            sessions.append(to_session(item, options, today))
        except ValidationError as error:
            rejected.append({"index": item.line, "reason": _reason(error)})
    written = save_imported_rows(owner, sessions, [])
    return {
        "received": len(items),
        "imported": len(written["sessions"]),
        "skipped": len(written["skipped"]),
        "rejected": rejected,
    }
