"""Per-person caching of derived pages, through Django's cache framework.

A value is cached under the person's journal version (Profile.journal_version), which
journal.core.services bumps in the same transaction as every write to their journal. A write
therefore never has to find and delete what it made stale: the next read asks for a key
that does not exist yet, and the old entries age out of the cache on their own. Nothing
here assumes one process: with CACHE_URL pointing at Redis or the database cache, every
app server sees the same entries and the same versions.

The name must carry every other input the value depends on (the date, the range, a
digest of content it reads), because only the journal version is added here.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")

# Bump when the shape of any cached value changes, so a deploy never reads old pickles.
FORMAT_VERSION = 3  # 2: Insights results of insights.md v2; 3: pages as bytes, cut in pieces
# Entries never go stale (the version changes instead), so this only bounds their memory.
TIMEOUT = 24 * 60 * 60

_MISSING = object()
logger = logging.getLogger(__name__)


def digest(value) -> str:
    """A short, stable fingerprint of a value's repr (dicts are compared sorted), for the
    parts of a name that are too long to spell out, such as content a page reads."""
    if isinstance(value, dict):
        value = sorted(value.items())
    return hashlib.blake2b(repr(value).encode(), digest_size=8).hexdigest()


def field_values(obj) -> tuple:
    """A model instance's stored fields (not its relations), for a digest of a row whose
    edits must show at once."""
    return tuple(getattr(obj, field.attname) for field in obj._meta.concrete_fields)


def person(user) -> str:
    """Who a cache entry belongs to: the account's id and its creation time, so that a
    database whose ids start again (a restored or flushed one, a test's rolled-back
    transaction) never hands one person's entries to another."""
    return f"{user.pk}.{user.date_joined.timestamp()}"


def journal_key(profile, name: str) -> str:
    """The cache key of `name` for this person at their current journal version (the
    profile's user is read once per request: journal.core.services.profile_for keeps it)."""
    return f"mj:{FORMAT_VERSION}:{person(profile.user)}:{profile.journal_version}:{name}"


def person_key(user, name: str) -> str:
    """The cache key of `name` for this person whatever their journal version, for a value
    whose name carries every input it shows (a form filled from one row)."""
    return f"mj:{FORMAT_VERSION}:{person(user)}:{name}"


def per_journal(profile, name: str, compute: Callable[[], T]) -> T:
    """`compute()`, cached for this person until their journal changes."""
    return cached(journal_key(profile, name), compute)


def per_person(user, name: str, compute: Callable[[], T]) -> T:
    """`compute()`, cached for this person under `name` alone (person_key)."""
    return cached(person_key(user, name), compute)


def cached(key: str, compute: Callable[[], T]) -> T:
    """`compute()`, cached under `key`.

    A cache that cannot be reached (Redis down) costs speed, never the page: the value is
    computed as if nothing were cached.
    """
    try:
        value = cache.get(key, _MISSING)
    except Exception:  # any backend's connection error
        logger.warning("cache unavailable; computing %s", key, exc_info=True)
        return compute()
    if value is not _MISSING:
        return value
    value = compute()
    try:
        cache.set(key, value, TIMEOUT)
    except Exception:
        logger.warning("cache unavailable; not storing %s", key, exc_info=True)
    return value


def cached_many(keys: list[str]) -> dict:
    """cache.get_many, where a cache that cannot be reached finds nothing (costs speed only)."""
    if not keys:
        return {}
    try:
        return cache.get_many(keys)
    except Exception:  # any backend's connection error
        logger.warning("cache unavailable; computing %d entries", len(keys), exc_info=True)
        return {}


def store_many(entries: dict, timeout: int) -> None:
    """cache.set_many, where a cache that cannot be reached keeps nothing."""
    try:
        cache.set_many(entries, timeout)
    except Exception:  # any backend's connection error
        logger.warning("cache unavailable; not storing %d entries", len(entries), exc_info=True)


class Kept:
    """The last `size` values this process used, as they are, in front of the cache: a key
    here never changes its value (the journal version, a stamp or a digest of the inputs is
    in it), so a value read back from the cache once need not be unpickled at every view.
    For values nobody mutates (the dashboard's rendered pieces, its settled charts)."""

    every: weakref.WeakSet[Kept] = weakref.WeakSet()

    def __init__(self, size: int):
        self.size, self.found, self.lock = size, OrderedDict(), threading.Lock()
        Kept.every.add(self)

    def get(self, key: str, compute: Callable[[], T]) -> T:
        """The value of `key`: kept here, else cached(key, compute)."""
        with self.lock:
            value = self.found.get(key, _MISSING)
            if value is not _MISSING:
                self.found.move_to_end(key)
                return value
        value = cached(key, compute)
        with self.lock:
            self.found[key] = value
            while len(self.found) > self.size:
                self.found.popitem(last=False)
        return value

    def peek(self, key: str):
        """The value of `key` if kept here, else None (neither the cache nor compute asked)."""
        with self.lock:
            return self.found.get(key)

    @classmethod
    def forget_all(cls) -> None:
        """Empty every Kept (with the cache, between tests)."""
        for kept in list(cls.every):
            with kept.lock:
                kept.found.clear()
