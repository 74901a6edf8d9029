from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from journal.core.services import retag_journal
from journal.tagging import RULES_VERSION


class Command(BaseCommand):
    help = "Recompute every session's intensity and tags (after a change to the rules)."

    def add_arguments(self, parser):
        parser.add_argument("--user", help="only this username (default: everyone)")

    def handle(self, *args, user, **options):
        people = User.objects.order_by("pk")
        if user:
            people = people.filter(username=user)
            if not people.exists():
                raise CommandError(f"No user named {user!r}.")
        total = 0
        for person in people.iterator():
            changed = retag_journal(person)
            total += changed
            if changed or user:
                self.stdout.write(f"{person.username}: {changed} tags changed")
        self.stdout.write(f"Rules version {RULES_VERSION}: {total} tags changed in all.")
