"""When each effect and chart placement last changed, as sections already record: the
dashboard's cache reads the latest of them (content.models.content_version)."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("content", "0006_fill_direction_and_notes")]

    operations = [
        migrations.AddField(
            model_name="effect",
            name="updated",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="chartplacement",
            name="updated",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
    ]
