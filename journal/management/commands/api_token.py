from django.core.management.base import BaseCommand, CommandError

from journal.api import tokens
from journal.management.arguments import person


class Command(BaseCommand):
    help = (
        "Make a personal access token for the API and print it (once: the journal keeps "
        "only its fingerprint). Revoke it on the Account page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="username")
        parser.add_argument("--name", default="command line", help="a label to recognise it")

    def handle(self, *args, user, name, **options):
        try:
            _row, token = tokens.create_token(person(user), name)
        except tokens.TokenRefused as refusal:
            raise CommandError(str(refusal)) from None
        self.stdout.write(token)
