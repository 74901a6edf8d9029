"""Rules version 2 (effect-rules.md 0.5, December 2026): serotonin's acute rule is moderate
intensity only. Every stored tag is recomputed with the same code the app and
`manage.py retag` use (journal.core.services.retag_rows), on the historical models, and each
retagged journal's version moves on so that no cached dashboard keeps the old tags.

Going back leaves the tags as they are: the code that made version 1 tags is gone, and
`manage.py retag` recomputes them from whatever rules the code holds.
"""

from django.db import migrations, transaction
from django.db.models import F


def retag_everyone(apps, schema_editor):
    from journal import tagging
    from journal.core.services import retag_rows

    Session = apps.get_model("journal", "Session")
    SessionTag = apps.get_model("journal", "SessionTag")
    Profile = apps.get_model("journal", "Profile")
    owners = Session.objects.order_by().values_list("owner_id", flat=True).distinct()
    for owner_id in list(owners):
        profile = Profile.objects.filter(user_id=owner_id).first()
        person = tagging.ProfileFacts(
            birth_year=profile.birth_year,
            max_hr=profile.max_hr,
            resting_hr=profile.resting_hr,
            sex=profile.sex or None,
            missed_period=profile.missed_period,
        ) if profile else tagging.ProfileFacts()
        with transaction.atomic():
            Profile.objects.filter(user_id=owner_id).update(
                journal_version=F("journal_version") + 1
            )
            retag_rows(Session, SessionTag, owner_id, person)


class Migration(migrations.Migration):
    dependencies = [("journal", "0008_api_tokens")]

    operations = [migrations.RunPython(retag_everyone, migrations.RunPython.noop)]
