from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from journal.core.demo import build_history
from journal.core.services import clear_journal, profile_for, save_imported
from journal.experiments import demo as demo_experiments
from journal.experiments.models import Experiment
from journal.models import CheckIn, Session

DEMO_PASSWORD = "move-and-feel-2026"  # noqa: S105 - a local demo account, printed on purpose


class Command(BaseCommand):
    help = (
        "Create a demo account with a deterministic, realistic history. Refuses to touch a "
        "user who already has data unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", default="demo")
        parser.add_argument("--years", type=int, default=1, help="years of history (1-20)")
        parser.add_argument(
            "--replace", action="store_true", help="delete the user's journal and seed it anew"
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="leave a user who already has data as they are (for `make run`)",
        )

    def handle(self, *args, user, years, replace, if_empty, **options):
        if not 1 <= years <= 20:
            raise CommandError("--years must be between 1 and 20.")
        account, created = User.objects.get_or_create(username=user)
        if created:
            account.set_password(DEMO_PASSWORD)
            account.save()
        if account.check_password(DEMO_PASSWORD):
            login = f"Demo login: username {user!r}, password {DEMO_PASSWORD!r}"
        else:
            login = f"Demo user {user!r} (its password was changed; not shown)"
        has_data = (
            Session.objects.for_user(account).exists() or CheckIn.objects.for_user(account).exists()
        )
        if has_data and not replace:
            if if_empty:
                self.stdout.write(f"{login}; it already has a journal, left as it is.")
                return
            raise CommandError(
                f"{user!r} already has a journal; give --replace to delete it and seed anew."
            )
        with transaction.atomic():
            clear_journal(account)
            profile = profile_for(account)
            profile.birth_year = 1988
            profile.resting_hr = 58
            profile.sex = "female"
            profile.checkin_items = ["anxiety", "energy", "motivation", "stress"]
            history = build_history(account, profile.today(), years)
            planned = demo_experiments.shape(
                account, history.sessions, history.checkins, profile.today()
            )
            save_imported(profile, history.sessions, history.checkins)
            Experiment.objects.bulk_create(planned)
        self.stdout.write(
            f"{login}. Seeded {len(history.sessions)} sessions and "
            f"{len(history.checkins)} check-ins over {years} year(s)."
        )
