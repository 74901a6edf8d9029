"""Workouts posted by an app on the phone (Health Auto Export) become sessions at once.

The same path as a file import (journal.imports.pipeline): the parser's rows, the
person's Apple Health mapping, each row validated as the forms would, then
journal.core.services writes the new ones in one transaction (skipping those whose
source id the journal holds) and retags once. A bad workout is named and left out; a
body that is not a payload at all stores nothing.
"""

import json

from django.core.exceptions import ValidationError

from journal.core.services import profile_for, save_imported_rows
from journal.imports.parsers import health_auto_export
from journal.imports.parsers.base import Rejected
from journal.imports.parsers.health_auto_export import PayloadRefused
from journal.imports.pipeline import _reason, make_options, to_session

__all__ = ["PayloadRefused", "ingest_health_auto_export"]


def _document(raw: bytes):
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PayloadRefused("The body is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise PayloadRefused(
            f"The body is not JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
    except (RecursionError, ValueError):
        raise PayloadRefused("The body nests too deeply or holds a number too long.") from None


def ingest_health_auto_export(owner, raw: bytes) -> dict:
    """{"received", "imported", "skipped", "rejected": [{"index", "reason"}]};
    PayloadRefused (nothing stored) when the body is not such a payload."""
    document = _document(raw)
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
