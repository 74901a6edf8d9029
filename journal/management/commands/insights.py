import json

from django.core.management.base import BaseCommand

from journal import insights
from journal.core.services import profile_for
from journal.management.arguments import person


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
        profile = profile_for(account)
        if fmt == "json":
            document = insights.insights_document(account, range_key, profile)
            self.stdout.write(json.dumps(document, allow_nan=False))
        else:
            report = insights.insight_report(account, profile, range_key)
            self.stdout.write(insights.text_table(report))
