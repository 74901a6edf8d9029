"""The dashboard: its charts, summary and long-term card.

The modules:
- queries: the ORM side, one aggregate query per chart, scoped to its owner;
- charts, chart_join, chart_payload, stats: PURE: rows in; chart payloads, rolling means,
  load out;
- patterns: PURE: which tags a session shows as chips, and the long-term card.

Public names, for other packages (Insights reads the same ranges and check-in rows);
loaded on first use, see journal.core.lazy.
"""

from journal.core.lazy import public_names

__getattr__, __all__ = public_names(
    __name__,
    {
        "journal.dashboard.charts": ["RANGES", "range_start"],
        "journal.dashboard.queries": ["daily_checkins", "journal_start", "since"],
    },
)
