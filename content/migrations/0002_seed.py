"""Seed the Learn content (written in our own words) from the data frozen beside this
migration: seed_0002/<model>.json, one file per model. The files belong to this migration
and never change; later content changes are migrations of their own (0003 onwards).
"""

import json
from pathlib import Path

from django.db import migrations

from content.markdown import render_markdown

DATA = Path(__file__).resolve().parent / "seed_0002"


def frozen(name: str) -> list[dict]:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def seed(apps, schema_editor):
    Reference = apps.get_model("content", "Reference")
    Section = apps.get_model("content", "Section")
    Effect = apps.get_model("content", "Effect")
    ChartPlacement = apps.get_model("content", "ChartPlacement")

    references = {row["key"]: Reference.objects.create(**row) for row in frozen("references")}
    sections = {}
    for position, row in enumerate(frozen("sections"), start=1):
        refs = row.pop("references")
        section = Section.objects.create(
            **row,
            # Historical models have no custom save(): render here, as Section.save() does.
            body_html=render_markdown(row["body"]),
            position=position * 10,
            published=True,
        )
        section.references.set(references[key] for key in refs)
        sections[section.slug] = section
    for position, row in enumerate(frozen("effects"), start=1):
        refs = row.pop("references")
        row["section"] = sections[row["section"]]
        effect = Effect.objects.create(**row, position=position * 10)
        effect.references.set(references[key] for key in refs)
    for row in frozen("chart_placements"):
        ChartPlacement.objects.create(chart_key=row["chart_key"], section=sections[row["section"]])


def unseed(apps, schema_editor):
    for model in ["ChartPlacement", "Effect", "Section", "Reference"]:
        apps.get_model("content", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
