"""`manage.py experiment`: start an experiment, or print a person's experiments
(experiments.md section 6)."""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from journal.core.services import profile_for
from journal.experiments import analysis, services
from journal.experiments.designs import DESIGNS
from journal.experiments.schedule import default_start
from journal.management.arguments import person


def _number(value, places=2) -> str:
    return "–" if value is None else f"{value:+.{places}f}"


def text(reports: list[dict]) -> str:
    if not reports:
        return "No experiments."
    lines = []
    for r in reports:
        itt, followed = r["itt"], r["as_followed"]
        adherence = "–" if r["adherence"] is None else f"{r['adherence']:.0%}"
        lines += [
            f"Experiment {r['id']}: {r['design']} ({r['status']}), from {r['start']}, "
            f"{r['pairs']} pairs of {r['unit']}s",
            "  schedule: " + " ".join(r["schedule"]),
            f"  units so far: {len(r['units'])}, followed: "
            f"{sum(u['followed'] for u in r['units'])}, adherence: {adherence}",
            f"  by the draw: {itt['n_pairs']} complete pairs, {itt['missing_pairs']} missing, "
            f"difference {_number(itt['mean'])} "
            f"(95% interval {_number(itt['ci_low'])} to {_number(itt['ci_high'])}), "
            f"p = {'–' if itt['p_value'] is None else format(itt['p_value'], '.3g')}, "
            f"verdict {itt['verdict']}",
            f"  as followed: {followed['n_pairs']} pairs, difference "
            f"{_number(followed['mean'])}, verdict {followed['verdict']}",
            "",
        ]
    lines.append("Outcome differences are arm A minus arm B, in the outcome's own units.")
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Print a person's experiments (--format json|text, --id N), or start one: "
        "experiment --user NAME start DESIGN [--start DATE] [--pairs P]."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="the username")
        parser.add_argument("action", nargs="*", help="start DESIGN")
        parser.add_argument("--start", dest="start_date", help="first day, YYYY-MM-DD")
        parser.add_argument("--pairs", type=int)
        parser.add_argument("--id", type=int, dest="identity")
        parser.add_argument("--format", default="json", choices=["json", "text"], dest="fmt")

    def handle(self, *args, user, action, start_date, pairs, identity, fmt, **options):
        account = person(user)
        profile = profile_for(account)
        today = profile.today()
        if action:
            experiments = [self.start(account, action, start_date, pairs, today)]
        else:
            if start_date or pairs:
                raise CommandError("--start and --pairs go with: start DESIGN.")
            experiments = services.owned(account).order_by("id")
            if identity is not None:
                experiments = experiments.filter(pk=identity)
                if not experiments.exists():
                    raise CommandError(f"{user} has no experiment {identity}.")
        reports = [analysis.as_json(services.analyse(e, profile, today), e.pk) for e in experiments]
        if fmt == "json":
            self.stdout.write(json.dumps({"experiments": reports}, allow_nan=False))
        else:
            self.stdout.write(text(reports))

    def start(self, account, action, start_date, pairs, today):
        if len(action) != 2 or action[0] != "start":
            raise CommandError("Say `start DESIGN`, or nothing to print the experiments.")
        design = DESIGNS.get(action[1])
        if design is None:
            raise CommandError(f"No design {action[1]!r}; choose one of: {', '.join(DESIGNS)}.")
        try:
            start = date.fromisoformat(start_date) if start_date else default_start(design, today)
        except ValueError as error:
            raise CommandError(f"--start must be a date YYYY-MM-DD, not {start_date!r}.") from error
        pairs = design.pairs_range[2] if pairs is None else pairs
        try:
            experiment, added = services.start_experiment(
                account, design.key, start, pairs, today, past=True
            )
        except services.ExperimentRefused as error:
            raise CommandError(str(error)) from error
        if start < today:
            self.stderr.write(
                "The start is in the past: the days before today were not chosen by the draw."
            )
        if added:
            self.stderr.write(f"Added {added} to the check-in items.")
        return experiment
