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

_QUERIES = "journal.insights.queries"
_PUBLIC = {
    "claims": _QUERIES,
    "claims_about": _QUERIES,
    "insight_report": _QUERIES,
    "insight_range": _QUERIES,
    "InsightReport": _QUERIES,
    "INSIGHT_RANGES": _QUERIES,
    "INSIGHT_DEFAULT_RANGE": _QUERIES,
    "RANGE_LABELS": _QUERIES,
    "KIND_HEADINGS": "journal.insights.cards",
    "signed": "journal.insights.cards",
    "as_json": "journal.insights.analysis",
    "warm_up": "journal.insights.analysis",
}

__all__ = sorted(_PUBLIC)
__getattr__ = public_names(__name__, _PUBLIC)
