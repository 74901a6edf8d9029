"""Insights: the article's claims tested on a person's journal (insights.md).

The modules:
- analysis: PURE (no Django): the claims, Welch's test, the verdicts;
- cards: PURE: a result in the person's words and figures;
- holds_cache: the chronic rules' holds, cached per person in chunks of days;
- queries: the ORM side, one read per input, the report cached per journal version.

Public names, for the pages, the commands and the template tag (loaded on first use, see
journal.core.lazy): below.
"""

from journal.core.lazy import public_names

__getattr__, __all__ = public_names(
    __name__,
    {
        "journal.insights.queries": [
            "claims",
            "claims_about",
            "insight_report",
            "insight_range",
            "InsightReport",
            "INSIGHT_RANGES",
            "INSIGHT_DEFAULT_RANGE",
            "RANGE_LABELS",
        ],
        "journal.insights.cards": ["KIND_HEADINGS", "signed"],
        "journal.insights.analysis": ["as_json", "warm_up"],
    },
)
