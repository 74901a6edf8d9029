"""The chronic predicates of Insights, cached by what decides them, in chunks of dates.

tagging.chronic_holds_by_date costs a fraction of a millisecond per date and effect, so ten
years of check-ins take about a second. A write bumps the journal version, which empties the
per-person caches of journal.core.caching; recomputing ten years after every logged session would
make the Insights page (and the dashboard's card) slow exactly when a person looks at it.

But whether a predicate holds on date d depends only on the profile's facts and the
sessions dated d - 83 .. d (effect-rules.md 0.5). So the dates are cut into chunks of
CHUNK_DAYS, and each chunk's answer is cached under a digest of those inputs: the rules
version, the profile's facts, the sessions in the chunk's windows and the dates asked for.
A new session today changes the digest of the last chunk only; a back-filled one, of the
chunks its windows reach. Nothing here can serve a stale answer: a different input is a
different key. A cache that cannot be reached costs speed, never the answer.
"""

from __future__ import annotations

import hashlib
import logging
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from datetime import date

from django.core.cache import cache

from journal import tagging

CHUNK_DAYS = 91  # 40 entries for ten years; a write recomputes a quarter at most, usually
TIMEOUT = 7 * 24 * 60 * 60  # entries never go stale (inputs are in the key); this bounds memory
FORMAT = 2  # bump when the cached value's shape (or what the key digests) changes

logger = logging.getLogger(__name__)


def _fact(s: tagging.SessionFacts) -> tuple:
    """What the rules read from a session (not its id, which decides nothing)."""
    return (s.date.toordinal(), s.activity, s.minutes, s.effort, s.avg_hr, s.percent_1rm, s.style)


def chronic_holds(
    history: Sequence[tagging.SessionFacts],
    profile: tagging.ProfileFacts,
    dates_by_effect: Mapping[str, Sequence[date]],
) -> dict[str, dict[date, bool]]:
    """Equal to tagging.chronic_holds_by_date(history, profile, dates_by_effect)."""
    history = sorted(history, key=lambda s: s.date)
    days = [s.date.toordinal() for s in history]
    # Each session's facts written out once: a chunk's digest joins those of its windows.
    facts = [repr(_fact(s)) for s in history]
    chunks: dict[int, dict[str, list[date]]] = {}
    for effect, dates in dates_by_effect.items():
        for d in dates:
            chunks.setdefault(d.toordinal() // CHUNK_DAYS, {}).setdefault(effect, []).append(d)

    def span(chunk: int) -> tuple[int, int]:
        """Indexes of the sessions inside the windows of the chunk's dates."""
        first = chunk * CHUNK_DAYS - (tagging.WINDOW_DAYS - 1)
        last = chunk * CHUNK_DAYS + CHUNK_DAYS - 1
        return bisect_left(days, first), bisect_right(days, last)

    keys = {}
    for chunk, wanted in chunks.items():
        lo, hi = span(chunk)
        inputs = repr((tagging.RULES_VERSION, profile, sorted(wanted.items())))
        digest = hashlib.sha256("\n".join([inputs, *facts[lo:hi]]).encode()).hexdigest()
        keys[chunk] = f"mj-holds:{FORMAT}:{digest}"
    try:
        found = cache.get_many(list(keys.values()))
    except Exception:  # any backend's connection error
        logger.warning("cache unavailable; computing the chronic predicates", exc_info=True)
        found = {}

    out: dict[str, dict[date, bool]] = {effect: {} for effect in dates_by_effect}
    missing = [chunk for chunk, key in keys.items() if key not in found]
    if missing:
        lo = min(span(chunk)[0] for chunk in missing)
        hi = max(span(chunk)[1] for chunk in missing)
        wanted_now: dict[str, list[date]] = {}
        for chunk in missing:
            for effect, dates in chunks[chunk].items():
                wanted_now.setdefault(effect, []).extend(dates)
        computed = tagging.chronic_holds_by_date(history[lo:hi], profile, wanted_now)
        fresh = {
            keys[chunk]: {
                effect: {d: computed[effect][d] for d in dates}
                for effect, dates in chunks[chunk].items()
            }
            for chunk in missing
        }
        try:
            cache.set_many(fresh, TIMEOUT)
        except Exception:
            logger.warning("cache unavailable; not storing the chronic predicates", exc_info=True)
        found.update(fresh)
    for key in keys.values():
        for effect, holds in found[key].items():
            out[effect].update(holds)
    return out
