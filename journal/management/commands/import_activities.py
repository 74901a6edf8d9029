from django.core.management.base import BaseCommand, CommandError

from journal.core.services import profile_for
from journal.imports import parsers as importers
from journal.imports import pipeline as imports
from journal.imports.parsers import UnreadableFile
from journal.management.arguments import existing_file, person


def _pairs(values: list[str], what: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        name, sep, target = value.rpartition("=")
        if not sep or not name:
            raise CommandError(f"{what} {value!r} should look like NAME=VALUE.")
        pairs[name] = target
    return pairs


class Command(BaseCommand):
    help = (
        "Import another app's export (Strava, Garmin, Apple Health, FIT, GPX, TCX, Daylio) "
        "into a person's journal, and print the report."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="username")
        parser.add_argument("file", help="the export to import")
        parser.add_argument("--source", choices=list(importers.SOURCES), help="default: detected")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="TYPE=ACTIVITY",
            help="save a type as one of ours, e.g. Crossfit=hiit or Barre=mobility:pilates",
        )
        parser.add_argument(
            "--mood-map", action="append", default=[], metavar="LABEL=N", help="mood 1..5"
        )
        parser.add_argument("--distance-unit", choices=["km", "mi"])
        parser.add_argument("--dry-run", action="store_true", help="report, write nothing")

    def handle(self, *args, user, file, source, map, mood_map, distance_unit, dry_run, **opts):
        owner = person(user)
        path = existing_file(file)
        chosen = {"activity_map": {}, "mood_map": {}, "distance_unit": distance_unit}
        for name, target in _pairs(map, "--map").items():
            parsed = imports.parse_target(target)
            if parsed is None:
                known = ", ".join(value for value, _label in imports.activity_choices())
                raise CommandError(f"--map {name}={target}: choose one of {known}.")
            chosen["activity_map"][name] = parsed
        for label, mood in _pairs(mood_map, "--mood-map").items():
            if mood not in {"1", "2", "3", "4", "5"}:
                raise CommandError(f"--mood-map {label}={mood}: the mood must be 1 to 5.")
            chosen["mood_map"][label] = int(mood)
        options = imports.make_options(profile_for(owner), chosen)
        try:
            source = source or importers.detect(path, path.name)
            if source is None:
                raise CommandError(
                    f"{file} is not an export this app can read; name it with --source. "
                    "Nothing was imported."
                )
            if source == "daylio":
                unmapped = importers.preview(path, source, options, limit=0).unmapped_labels
                if unmapped:
                    raise CommandError(
                        "Map these mood labels first, with --mood-map LABEL=N: "
                        + ", ".join(unmapped)
                        + ". Nothing was imported."
                    )
            report = imports.import_file(owner, path, source, options, dry_run=dry_run)
        except UnreadableFile as refusal:
            raise CommandError(f"{refusal} Nothing was imported.") from None
        for row in report["rejected"]:
            self.stderr.write(f"rejected line {row['line']}: {row['reason']}")
        for row in report.get("skipped_rows", []):
            self.stdout.write(f"skipped line {row['line']}: {row['reason']}")
        for row in report["warnings"]:
            self.stdout.write(f"warning, line {row['line']}: {row['warning']}")
        for name, count in report["unknown"].items():
            self.stdout.write(f"unknown type {name!r} ({count}) {imports.saved_as_mixed(report)}")
        if not importers.SOURCES[source].STATES_UNIT:
            profile_unit = profile_for(owner).distance_unit
            self.stdout.write(
                imports.unit_sentence(options.distance_unit, profile_unit, command=True)
            )
        self.stdout.write(imports.summary(report))
