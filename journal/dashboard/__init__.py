"""The dashboard: its charts, summary and long-term card.

Public names (what other packages, Insights among them, may use): the ranges and the
check-in rows, so that Insights speaks of the same ranges. The modules:
- queries: the ORM side, one aggregate query per chart, scoped to its owner;
- charts, chart_payload, stats: PURE: rows in, chart payloads, rolling means and load out;
- patterns: PURE: which tags a session shows as chips, and the long-term card.
"""

from journal.dashboard.charts import RANGES, range_start
from journal.dashboard.queries import daily_checkins, since

__all__ = ["RANGES", "daily_checkins", "range_start", "since"]
