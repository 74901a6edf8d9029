"""Insights: the article's claims tested on a person's journal (insights.md).

The modules:
- analysis: PURE (no Django): the claims, their groups, the results of insights.md v2;
- units: PURE: each kind's units as rows; tally: PURE: rows added up into exact sums;
- stats: PURE: from those sums, Welch's test adjusted for neighbouring days, q-values,
  same evidence, firm;
- words: PURE: what each claim says, in the person's words;
- cards: PURE: a result as a card (words, figures, chart), grouped as the page shows them;
- table: PURE: the command's text table;
- holds_cache: the chronic rules' holds, cached per person in chunks of days;
- block_cache: each block of weeks' tally, cached under the blocks' stamps;
- queries: the report cached per journal version, the cards with the effects' names.

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
            "claims_page",
            "effects_with_sections",
            "insights_document",
            "insight_report",
            "insight_range",
            "InsightReport",
            "INSIGHT_RANGES",
            "INSIGHT_DEFAULT_RANGE",
            "RANGE_LABELS",
            "EFFECT_FIELDS",
            "SECTION_FIELDS",
        ],
        "journal.insights.cards": ["KIND_HEADINGS", "signed", "caveats"],
        "journal.insights.analysis": ["as_json", "warm_up", "NOT_ENOUGH_DATA"],
        "journal.insights.table": ["text_table"],
    },
)
