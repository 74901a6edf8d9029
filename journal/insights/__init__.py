"""Insights: the article's claims tested on a person's journal (insights.md).

The public names below are what the rest of the house uses (views, commands, the
template tag); the modules behind them are this package's own:
- analysis: PURE (no Django): the claims, Welch's test, the verdicts;
- cards: PURE: a result in the person's words and figures;
- holds_cache: the chronic rules' holds, cached per person in chunks of days;
- queries: the ORM side, one read per input, the report cached per journal version.
"""

from journal.insights.analysis import as_json, warm_up
from journal.insights.cards import KIND_HEADINGS, signed
from journal.insights.queries import (
    INSIGHT_DEFAULT_RANGE,
    INSIGHT_RANGES,
    RANGE_LABELS,
    InsightReport,
    claims,
    claims_about,
    insight_range,
    insight_report,
)

__all__ = [
    "INSIGHT_DEFAULT_RANGE",
    "INSIGHT_RANGES",
    "KIND_HEADINGS",
    "RANGE_LABELS",
    "InsightReport",
    "as_json",
    "claims",
    "claims_about",
    "insight_range",
    "insight_report",
    "signed",
    "warm_up",
]
