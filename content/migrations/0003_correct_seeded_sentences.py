"""Correct sentences of the 0002 seed that described the dashboard or the rules wrongly.

The text is frozen here (the seed module keeps only the corrected version).
Each correction replaces the exact seeded sentence, so a section whose
sentence staff have already rewritten in the admin is left as it is.
"""

from django.db import migrations

from content.markdown import render_markdown

# (section slug, seeded text, corrected text)
FIXES = [
    (
        "hormonal-axes",
        "report a missed period, the ovarian-balance tag switches off and the app suggests talking\nto a clinician.",
        "report a missed period, the ovarian-balance tag switches off. Missed periods are a reason\nto see a clinician, not to train harder.",
    ),
    (
        "neurotransmitters",
        "Beside this section the dashboard shows your weekly moderate-equivalent minutes against\nthe 150-minute guideline, and how your mood and sleep look on the day after each kind of\nsession.",
        "Beside this section the dashboard shows your weekly moderate-equivalent minutes against\nthe 150-minute guideline, with each hard minute counted twice.",
    ),
    (
        "receptors",
        "All four carry grade C. The app tags them only after the weekly pattern has held for the\nlength of time the animal studies used (four to six weeks), and shows your anxiety and\nmotivation trends so you can see whether anything changes for you.",
        "All four carry grade C. A session that fits the pattern shows them as *building*; they\ncount as *sustained* only once the pattern has held in three of the last four weeks\n(GABA-A, CB1) or five of the last six (5-HT1A, D2). Beside this section, the dashboard\ncounts your predicted effects week by week, short-term and long-term.",
    ),
    (
        "reading-the-tags",
        "samples mislead; the app says so when there are too few observations.",
        "samples mislead; the app says so when there are too few observations. Beside this\nsection, the dashboard shows how your check-ins went on the day after each kind of\nactivity: read it with that caution in mind.",
    ),
    (
        "reading-the-tags",
        "which the app does not tag. At least one of its references cannot be found as cited.",
        'which the app does not tag. At least one of its references cannot be found as cited:\n  it lists "License to learn" (2009), and the nearest real paper by those authors is\n  "License to run" (2005).',
    ),
    (
        "reading-the-tags",
        "  fall at rest over months, and cortisol spikes while the stress response calms.",
        "  fall at rest over months, cortisol spikes while the stress response calms, and long-term\n  endurance training lowered resting endocannabinoids.",
    ),
]


def _swap(apps, backwards=False):
    Section = apps.get_model("content", "Section")
    for slug, seeded, corrected in FIXES:
        section = Section.objects.filter(slug=slug).first()
        if section is None:
            continue
        body = section.body
        if backwards and corrected in body:
            body = body.replace(corrected, seeded)
        # A fresh database already got the corrected text from 0002 (its frozen data has it),
        # and one correction extends its seeded sentence: never apply it twice.
        elif not backwards and seeded in body and corrected not in body:
            body = body.replace(seeded, corrected)
        else:
            continue
        section.body = body
        # Historical models have no custom save(): render here, as Section.save() does.
        section.body_html = render_markdown(body)
        section.save(update_fields=["body", "body_html", "updated"])


def correct(apps, schema_editor):
    _swap(apps)


def restore(apps, schema_editor):
    _swap(apps, backwards=True)


class Migration(migrations.Migration):
    dependencies = [("content", "0002_seed")]

    operations = [migrations.RunPython(correct, restore)]
