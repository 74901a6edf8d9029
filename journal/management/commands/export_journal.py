import sys

from django.core.management.base import BaseCommand, CommandError

from journal.imports import exchange
from journal.management.arguments import person


class Command(BaseCommand):
    help = "Write one person's whole journal in the exchange format (JSON, or a zip of CSVs)."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="username")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, *args, user, format, output, **options):
        owner = person(user)
        if format == "csv" and not output:
            raise CommandError("--format csv writes a zip: give a file with -o.")
        body = exchange.export_csv_zip(owner) if format == "csv" else exchange.export_json(owner)
        if output:
            with open(output, "wb") as handle:
                handle.write(body)
            self.stderr.write(f"Wrote {len(body):,} bytes to {output}.")
        else:
            sys.stdout.buffer.write(body)
