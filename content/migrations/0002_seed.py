"""Seed the Learn content from content/seed.py (written in our own words)."""

from django.db import migrations

from content.markdown import render_markdown


def seed(apps, schema_editor):
    from content import seed as data

    Reference = apps.get_model("content", "Reference")
    Section = apps.get_model("content", "Section")
    Effect = apps.get_model("content", "Effect")
    ChartPlacement = apps.get_model("content", "ChartPlacement")

    references = {
        key: Reference.objects.create(
            key=key, authors=authors, title=title, venue=venue, year=year, doi_or_url=link
        )
        for key, authors, title, venue, year, link in data.REFERENCES
    }
    sections = {}
    for position, (slug, title, summary, body, refs) in enumerate(data.SECTIONS, start=1):
        body = body.strip()
        section = Section.objects.create(
            slug=slug,
            title=title,
            summary=summary,
            body=body,
            # Historical models have no custom save(): render here, as Section.save() does.
            body_html=render_markdown(body),
            position=position * 10,
            published=True,
        )
        section.references.set(references[key] for key in refs)
        sections[slug] = section
    for position, row in enumerate(data.EFFECTS, start=1):
        slug, name, category, benefit, timescale, wording, grade, reason, section, refs = row
        effect = Effect.objects.create(
            slug=slug,
            name=name,
            category=category,
            benefit=benefit,
            timescale=timescale,
            article_wording=wording,
            evidence_grade=grade,
            grade_reason=reason,
            section=sections[section],
            position=position * 10,
        )
        effect.references.set(references[key] for key in refs)
    for chart_key, section in data.PLACEMENTS.items():
        ChartPlacement.objects.create(chart_key=chart_key, section=sections[section])


def unseed(apps, schema_editor):
    for model in ["ChartPlacement", "Effect", "Section", "Reference"]:
        apps.get_model("content", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
