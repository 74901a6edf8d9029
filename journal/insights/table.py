"""The text table of `manage.py insights --format text`: a legend of the verdicts, one row
per claim with its units, and the caveats as a footer. Pure (no Django): a report in, text
out (`report`: range_key, sessions, checkins and the results of journal.insights.analysis).
"""

from journal.insights import words as insight_words
from journal.insights.analysis import NOT_ENOUGH_DATA, SESSION

COLUMNS = (
    "claim",
    "with",
    "without",
    "difference",
    "95% interval",
    "in",
    "k",
    "q",
    "verdict",
)
RIGHT = {1, 2, 3, 6, 7}  # numbers line up on the right

LEGEND = (
    "Verdicts (from the 95% interval, widened for neighbouring days):",
    "  consistent       your ratings moved the way the article (or, for next-day and",
    "                   long-term claims, our reading of it) predicts: the interval lies",
    "                   wholly on the predicted side of 0",
    "  opposite         your ratings moved the other way: wholly on the other side of 0",
    "  unclear          no clear difference yet: the interval includes 0",
    "  not_enough_data  fewer than 3 sessions or days on a side; nothing is computed",
    "  firm             consistent or opposite with q <= 0.05 and at least 10 on each",
    "                   side; without it a verdict is tentative, and a next-day or",
    "                   long-term one is a lead to watch",
)


def _number(value, places=2) -> str:
    return "–" if value is None else insight_words.signed(value, places)


def _unit(kind: str) -> tuple[str, str]:
    return ("session", "sessions") if kind == SESSION else ("day", "days")


def text_table(report) -> str:
    rows = []
    for r in report.results:
        f, (one, many) = r.figures, _unit(r.claim.kind)
        interval = "–" if f is None else f"{_number(f.ci_low)} to {_number(f.ci_high)}"
        said = r.verdict
        if r.verdict != NOT_ENOUGH_DATA and r.verdict != "unclear":
            said += ", firm" if r.firm else (", lead" if r.claim.kind != SESSION else "")
        rows.append(
            (
                r.claim.key,
                insight_words.plural(r.n_with, one, many),
                insight_words.plural(r.n_without, one, many),
                _number(f and f.difference),
                interval,
                insight_words.OUTCOMES[r.claim.outcome].scale,
                "–" if f is None else f"{f.design_factor:.2f}",
                "–" if r.q_value is None else f"{r.q_value:.3f}",
                said,
            )
        )
    widths = [max(len(row[i]) for row in [COLUMNS, *rows]) for i in range(len(COLUMNS))]

    def line(cells):
        return "  ".join(
            cell.rjust(w) if i in RIGHT else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    tested = sum(r.figures is not None for r in report.results)
    return "\n".join(
        [
            f"Insights for range {report.range_key}: {report.sessions} sessions, "
            f"{report.checkins} check-ins; {tested} of 16 claims computed together.",
            "",
            *LEGEND,
            "",
            line(COLUMNS),
            line("-" * w for w in widths),
            *(line(row) for row in rows),
            "",
            "difference: mean with the effect minus mean without it, in the units of its row",
            '("in"); k: the share of days that count as independent (1 for sessions);',
            "q: the Benjamini-Hochberg q-value among the claims computed.",
            "",
            "Caveats:",
            "- " + insight_words.CAVEAT_MANY_TESTS.format(m=tested),
            "- " + insight_words.CAVEAT_NEIGHBOURS,
            "- Ratings, not chemicals: no verdict measures a hormone or a neurotransmitter.",
            "- An association in one person's journal, not proof of cause, and not medical advice.",
        ]
    )
