from django.core.management.base import BaseCommand

from journal.imports import lease as import_lease


class Command(BaseCommand):
    help = (
        "Settle imports whose worker died (failed, nothing imported, file deleted) and "
        "remove uploads that no import holds. Every db_worker also does this as it runs."
    )

    def handle(self, *args, **options):
        settled, removed = import_lease.tidy()
        self.stdout.write(
            f"{settled} stopped import{'s' * (settled != 1)} settled, "
            f"{removed} upload{'s' * (removed != 1)} with no import removed."
        )
