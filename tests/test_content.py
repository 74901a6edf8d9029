import importlib
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import OperationalError, connection
from django.db.migrations.recorder import MigrationRecorder
from django.urls import reverse

from content import checks
from content.charts import CHART_KEYS
from content.markdown import ATTRIBUTES, TAGS, URL_SCHEMES, render_markdown
from content.models import ChartPlacement, Effect, Reference, Section
from journal.tagging import EFFECT_SLUGS, RULES

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "[x](data:text/html,<script>alert(1)</script>)",
    '<svg onload="alert(1)"><circle r="5"/></svg>',
    '<p onclick="alert(1)" style="color:red">para</p>',
    "<scr<script>ipt>alert(1)</script>",
    '<iframe src="https://evil.example"></iframe>',
    '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    '<a href="&#106;avascript:alert(1)">entity</a>',
    "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
    '<form action="https://evil.example"><input name="a"></form>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<style><img src=x onerror=alert(1)></style>",
    '<svg><a xlink:href="javascript:alert(1)"><text y="20">svg link</text></a></svg>',
    '<a href="java\tscript:alert(1)">tab split</a>',
    '<a href="java&#9;script:alert(1)">entity tab</a>',
    '<a href="&#x0A;javascript:alert(1)">entity newline</a>',
    '<a href=" &#14;javascript:alert(1)">control character</a>',
    "[vb](vbscript:msgbox(1))",
    '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<table><tr><td><a href="javascript:alert(1)">in a table</a></td></tr></table>',
    '> <a href="data:image/svg+xml,<svg onload=alert(1)>">in a quote</a>',
]
FORBIDDEN = [
    "<script",
    "onerror",
    "onload",
    "onclick",
    "javascript:",
    "data:",
    "<svg",
    "<iframe",
    "style=",
    "<form",
    "<object",
    "<embed",
    "<math",
    "xlink",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_script_handler_or_dangerous_link_survives_in_the_stored_html(payload):
    section = Section.objects.create(
        slug="attack", title="Attack", summary="s", body=f"Intro\n\n{payload}\n\nOutro"
    )
    stored = Section.objects.get(pk=section.pk).body_html.lower()
    for bad in FORBIDDEN:
        assert bad not in stored, (payload, stored)


class _Elements(HTMLParser):
    """Every element and attribute that an HTML parser finds in a fragment."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_whatever_survives_is_only_allow_listed_elements_attributes_and_link_schemes():
    parser = _Elements()
    parser.feed(render_markdown("\n\n".join(PAYLOADS)))
    assert parser.found, "the payloads' harmless text and links should survive"
    for tag, attrs in parser.found:
        assert tag in TAGS, tag
        assert set(attrs) <= ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
        if "href" in attrs:
            scheme = urlsplit(attrs["href"]).scheme.lower()
            assert scheme in URL_SCHEMES | {""}, attrs["href"]


def test_hostile_markup_never_reaches_the_learn_page(client):
    Section.objects.create(slug="attack", title="Attack", summary="s", body="\n\n".join(PAYLOADS))
    page = client.get(reverse("content:section", args=["attack"])).content.decode().lower()
    body = page[page.index('class="prose"') : page.index("last updated")]
    for bad in FORBIDDEN:
        assert bad not in body


def test_the_allowed_markdown_still_renders():
    html = render_markdown(
        "## Heading\n\n*em* **strong** `code`\n\n- a\n- b\n\n> quote\n\n"
        "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n"
        "[link](https://example.org) [mail](mailto:x@example.org)"
    )
    for tag in ["<h2>", "<em>", "<strong>", "<code>", "<ul>", "<blockquote>", "<table>", "<td>"]:
        assert tag in html
    assert 'href="https://example.org"' in html
    assert 'href="mailto:x@example.org"' in html
    assert 'rel="noopener noreferrer"' in html


def test_every_effect_of_the_rules_is_seeded_with_a_grade_and_a_reference():
    effects = Effect.objects.prefetch_related("references")
    assert sorted(e.slug for e in effects) == sorted(EFFECT_SLUGS)
    assert len(EFFECT_SLUGS) == 24
    for effect in effects:
        assert effect.evidence_grade in {"A", "B", "C"}
        assert effect.grade_reason
        assert effect.references.all(), effect.slug
        assert effect.rules, effect.slug


def test_every_section_is_published_and_every_chart_has_a_section():
    assert Section.objects.count() >= 9
    assert not Section.objects.filter(published=False).exists()
    assert sorted(ChartPlacement.objects.values_list("chart_key", flat=True)) == sorted(CHART_KEYS)
    assert Reference.objects.count() >= 40


def test_the_seeded_sections_have_rendered_bodies_and_references():
    for section in Section.objects.all():
        assert section.body_html.startswith("<")
        cited = section.references.exists() or section.threshold_references.exists()
        assert cited, section.slug


def test_the_learn_pages_need_no_login_and_show_grades_wording_rules_and_references(client):
    index = client.get(reverse("content:index"))
    assert index.status_code == 200
    assert b"Evidence C" in index.content
    effect = client.get(reverse("content:effect", args=["serotonin"]))
    content = effect.content.decode()
    assert "Evidence C" in content
    assert "The article states it as fact" in content
    assert "Half an hour or more of steady cardio or walking" in content
    assert "Young SN" in content
    assert "not medical advice" in content
    section = client.get(Section.objects.get(slug="neurotransmitters").get_absolute_url())
    assert b"Dopamine" in section.content
    assert b"Ferris LT" in section.content


def test_unknown_and_unpublished_pages_are_404_except_drafts_for_staff(client):
    assert client.get("/learn/no-such-section/").status_code == 404
    assert client.get("/learn/effects/no-such-effect/").status_code == 404
    Section.objects.filter(slug="receptors").update(published=False)
    assert client.get("/learn/receptors/").status_code == 404
    assert client.get("/learn/effects/rx_d2/").status_code == 404
    staff = User.objects.create_user("editor", password="x-long-password-1", is_staff=True)
    client.force_login(staff)
    assert b"Draft" in client.get("/learn/receptors/").content


@pytest.mark.parametrize("extra", [0, 30])
def test_the_learn_pages_run_a_fixed_number_of_queries(client, extra, django_assert_num_queries):
    section = Section.objects.get(slug="neurotransmitters")
    for i in range(extra):
        ref = Reference.objects.create(key=f"X{i}", authors="A", title="T", year=2020)
        section.references.add(ref)
        extra_section = Section.objects.create(
            slug=f"extra-{i}", title=f"Extra {i}", summary="s", body="b"
        )
        Effect.objects.create(
            slug=f"extra_{i}",
            name=f"Extra {i}",
            category="c",
            benefit="b",
            timescale="acute",
            article_wording="can",
            evidence_grade="C",
            grade_reason="r",
            section=extra_section,
        ).references.add(ref)
    with django_assert_num_queries(2):
        client.get(reverse("content:index"))
    with django_assert_num_queries(4):
        client.get(section.get_absolute_url())
    # The effect with its section, then its two reference lists (evidence, thresholds).
    with django_assert_num_queries(3):
        client.get(reverse("content:effect", args=["bdnf"]))


def test_a_staff_edit_in_the_admin_shows_on_the_learn_page(client):
    admin = User.objects.create_superuser("admin", "admin@example.org", "admin-pass-long-1")
    client.force_login(admin)
    section = Section.objects.get(slug="receptors")
    url = reverse("admin:content_section_change", args=[section.pk])
    assert client.get(url).status_code == 200
    data = {
        "title": "Receptors that adapt (revised)",
        "slug": section.slug,
        "summary": section.summary,
        "body": "A **new** paragraph written by staff.",
        "position": section.position,
        "published": "on",
        "references": [r.pk for r in section.references.all()],
        "effects-TOTAL_FORMS": "0",
        "effects-INITIAL_FORMS": "0",
        "placements-TOTAL_FORMS": "0",
        "placements-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(section.get_absolute_url()).content.decode()
    assert "Receptors that adapt (revised)" in page
    assert "A <strong>new</strong> paragraph written by staff." in page


def test_people_who_are_not_staff_cannot_reach_the_admin(client, alice):
    client.force_login(alice)
    response = client.get("/admin/content/section/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_system_check_fails_loudly_when_content_misses_an_effect_or_a_chart():
    call_command("check")
    Effect.objects.filter(slug="gaba").delete()
    ChartPlacement.objects.filter(chart_key="training-load").delete()
    with pytest.raises(SystemCheckError) as error:
        call_command("check")
    assert "content.E001" in str(error.value)
    assert "'gaba'" in str(error.value)
    assert "content.E002" in str(error.value)
    assert "'training-load'" in str(error.value)


def test_every_rule_names_an_effect_of_the_content():
    assert {rule.effect for rule in RULES} <= set(Effect.objects.values_list("slug", flat=True))


def test_the_system_check_stays_quiet_while_migrations_are_pending():
    # `migrate` runs the checks first: reporting content that a pending data migration is about
    # to add would stop `migrate` from ever adding it.
    Effect.objects.filter(slug="gaba").delete()
    recorder = MigrationRecorder(connection)
    recorder.record_unapplied("content", "0002_seed")
    assert checks.content_matches_rules_and_charts() == []
    recorder.record_applied("content", "0002_seed")
    assert [e.id for e in checks.content_matches_rules_and_charts()] == ["content.E001"]


def test_the_system_check_stays_quiet_when_the_database_cannot_answer(monkeypatch):
    def no_tables(alias):
        raise OperationalError("no such table: django_migrations")

    monkeypatch.setattr(checks, "_migrations_pending", no_tables)
    ChartPlacement.objects.all().delete()
    assert checks.content_matches_rules_and_charts() == []


def test_staff_can_set_an_effect_slug_when_adding_it_but_never_rename_it(admin_client):
    effect = Effect.objects.get(slug="gaba")
    change = admin_client.get(reverse("admin:content_effect_change", args=[effect.pk]))
    assert change.status_code == 200
    assert "slug" not in change.context["adminform"].form.fields
    add = admin_client.get(reverse("admin:content_effect_add"))
    assert "slug" in add.context["adminform"].form.fields


def test_sections_say_a_chart_is_beside_them_exactly_when_one_is_placed_there():
    placed = set(ChartPlacement.objects.values_list("section__slug", flat=True))
    saying = {
        s.slug
        for s in Section.objects.all()
        if "beside this section" in " ".join(s.body.lower().split())
    }
    assert saying == placed


def test_the_seed_correction_replaces_only_untouched_sentences_and_only_once():
    migration = importlib.import_module("content.migrations.0003_correct_seeded_sentences")
    # The correction that extends its seeded sentence is the one that could apply twice.
    slug, seeded, corrected = next(f for f in migration.FIXES if f[2].startswith(f[1]))
    section = Section.objects.get(slug=slug)
    section.body = section.body.replace(corrected, seeded)
    section.save()
    migration.correct(apps, None)
    migration.correct(apps, None)
    section.refresh_from_db()
    assert section.body.count(corrected) == 1
    assert "the app says so when there are too few observations" in section.body_html

    edited = Section.objects.get(slug="receptors")
    edited.body = "Rewritten by staff."
    edited.save()
    migration.correct(apps, None)
    edited.refresh_from_db()
    assert edited.body == "Rewritten by staff."
