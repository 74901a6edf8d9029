from django.core.management.base import BaseCommand, CommandError

from journal.imports import exchange
from journal.management.arguments import existing_file, person


class Command(BaseCommand):
    help = "Read a Movement Journal JSON export into a person's journal."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="username")
        parser.add_argument("file", help="the JSON file to import")

    def handle(self, *args, user, file, **options):
        owner = person(user)
        path = existing_file(file)
        try:
            exchange.refuse_if_too_large(path.stat().st_size)  # before reading it whole
            report = exchange.import_journal(owner, path.read_bytes())
        except exchange.ImportRefused as refusal:
            raise CommandError(f"{refusal} Nothing was imported.") from None
        for line in report.rejected:
            self.stderr.write(f"rejected {line}")
        for line in report.skipped:
            self.stdout.write(f"skipped {line}")
        self.stdout.write(report.summary())
