import json

from django.core.management.base import BaseCommand

from journal import insights
from journal.core.services import profile_for
from journal.management.arguments import person

COLUMNS = ("claim", "kind", "with", "without", "difference", "95% interval", "g", "verdict")


def _number(value, places=2) -> str:
    return "–" if value is None else insights.signed(value, places)


def text_table(report) -> str:
    rows = []
    for r in report.results:
        f = r.figures
        interval = "–" if f is None else f"{_number(f.ci_low)} to {_number(f.ci_high)}"
        rows.append(
            (
                r.claim.key,
                r.claim.kind,
                str(r.n_with),
                str(r.n_without),
                _number(f and f.difference),
                interval,
                _number(f and f.hedges_g),
                r.verdict,
            )
        )
    widths = [max(len(row[i]) for row in [COLUMNS, *rows]) for i in range(len(COLUMNS))]
    right = {2, 3, 4, 6}  # numbers line up on the right

    def line(cells):
        return "  ".join(
            cell.rjust(w) if i in right else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    lines = [
        f"Insights for range {report.range_key}: {report.sessions} sessions, "
        f"{report.checkins} check-ins",
        line(COLUMNS),
        line("-" * w for w in widths),
        *(line(row) for row in rows),
        "",
        "Difference = mean with the effect minus mean without it, in the outcome's units.",
        "An association in one person's journal, not proof of cause, and not medical advice.",
    ]
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Print how a person's journal compares with the article's testable claims."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="the username")
        parser.add_argument(
            "--range",
            default=insights.INSIGHT_DEFAULT_RANGE,
            choices=insights.INSIGHT_RANGES,
            dest="range_key",
        )
        parser.add_argument("--format", default="text", choices=["json", "text"], dest="fmt")

    def handle(self, *args, user, range_key, fmt, **options):
        account = person(user)
        report = insights.insight_report(account, profile_for(account), range_key)
        if fmt == "json":
            out = insights.as_json(report.range_key, report.results)
            self.stdout.write(json.dumps(out, allow_nan=False))
        else:
            self.stdout.write(text_table(report))
