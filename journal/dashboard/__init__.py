"""The dashboard: its charts, summary and long-term card.

The modules:
- queries: the ORM side, one aggregate query per chart, scoped to its owner;
- charts, chart_payload, stats: PURE: rows in; chart payloads, rolling means, load out;
- patterns: PURE: which tags a session shows as chips, and the long-term card.

Public names, for other packages (Insights reads the same ranges and check-in rows);
loaded on first use, see journal.core.lazy.
"""

from journal.core.lazy import public_names

_PUBLIC = {
    "RANGES": "journal.dashboard.charts",
    "range_start": "journal.dashboard.charts",
    "daily_checkins": "journal.dashboard.queries",
    "since": "journal.dashboard.queries",
}

__all__ = sorted(_PUBLIC)
__getattr__ = public_names(__name__, _PUBLIC)
