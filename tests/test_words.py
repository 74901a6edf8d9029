"""Issue 25, item 6: each item of the words list, one test each (journal/words.py is pure:
most of these need no database)."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.template import Context, Template
from django.urls import reverse

from journal.core import words
from journal.core.services import save_checkin
from journal.imports import exchange
from journal.imports import pipeline as imports
from journal.imports.forms import MappingForm
from journal.insights import cards as insight_cards
from journal.insights.analysis import CLAIMS, NOT_ENOUGH_DATA, Result
from journal.models import CheckIn, Session

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("n", "said"),
    [(0, "0 sessions"), (1, "1 session"), (2, "2 sessions"), (1500, "1,500 sessions")],
)
def test_counts_agree_with_their_noun(n, said):
    assert words.count(n, "session") == said


def test_an_import_of_one_session_says_one_session():
    report = {"sessions": 1, "checkins": 1, "skipped": 0, "rejected": [], "unknown": {"X": 1}}
    said = imports.summary(report)
    assert said.startswith("1 session and 1 check-in imported,")
    assert "1 session of a kind this app does not know was saved as mixed." in said
    assert "1 sessions" not in said


def test_a_journal_import_of_one_session_says_one_session():
    report = exchange.ImportReport(imported_sessions=1, imported_checkins=0)
    assert report.summary().startswith("1 session and 0 check-ins imported,")


@pytest.mark.parametrize(
    ("word", "article"),
    [
        ("Endorphins", "an"),
        ("endocannabinoid", "an"),
        ("Dopamine", "a"),
        ("Serotonin", "a"),
        ("Oxytocin", "an"),
        ("HIIT", "an"),
        ("hour", "an"),
        ("one-off", "a"),
        ("usual", "a"),
    ],
)
def test_the_article_follows_the_sound(word, article):
    assert words.article(word) == article


def test_an_endorphins_session_in_the_insight_cards():
    claim = next(c for c in CLAIMS if c.key == "mood-endorphins")
    result = Result(claim, 0, 0, None, NOT_ENOUGH_DATA)
    with_, _ = insight_cards.sides(result, "Endorphins")
    assert "a Endorphins" not in with_
    assert "a Endorphins" not in insight_cards.missing(result, "Endorphins")
    assert "without an Endorphins session" in insight_cards.missing(result, "Endorphins")


@pytest.mark.parametrize(
    ("with_verdict", "said"),
    [(0, "0 of 16 claims have"), (1, "1 of 16 claims has"), (2, "2 of 16 claims have")],
)
def test_claims_with_a_verdict_agree_with_their_verb(with_verdict, said):
    template = Path(__file__).resolve().parents[1] / "templates/journal/insights/insights.html"
    source = template.read_text(encoding="utf-8")
    line = next(row for row in source.splitlines() if "claims_total }} claims" in row)
    sentence = line[line.index("{{ with_verdict }}") : line.index(" enough data")]
    rendered = Template("{% load journal %}" + sentence).render(
        Context({"with_verdict": with_verdict, "claims_total": 16})
    )
    assert rendered == said


@pytest.mark.parametrize(
    ("day", "said"),
    [
        (date(2026, 12, 2), "Wed 2 Dec"),
        (date(2025, 12, 31), "Wed 31 Dec 2025"),
    ],
)
def test_dates_are_said_in_words(day, said):
    assert words.day(day, TODAY) == said


def test_yesterday_and_today_are_named_with_their_day():
    assert words.day_or_today(TODAY, TODAY, named=True) == "today, Sun 6 Dec"
    assert words.day_or_today(TODAY - timedelta(days=1), TODAY, named=True) == (
        "yesterday, Sat 5 Dec"
    )


@pytest.mark.django_db
def test_confirmations_never_show_an_iso_date(alice_client, alice):
    day = alice.profile.today() - timedelta(days=2)
    response = alice_client.post(
        reverse("journal:session_quick"),
        {
            "quick-activity": "walking",
            "quick-minutes": "30",
            "quick-feeling_before": "0",
            "quick-feeling_after": "2",
            "quick-date": day.isoformat(),
        },
        HTTP_HX_REQUEST="true",
    )
    text = response.content.decode()
    assert f"Walking on {words.day(day)}, 30 min" in text
    assert day.isoformat() not in text.split("Logged:")[1].split("</p>")[0]
    assert day.isoformat() not in str(Session.objects.get(owner=alice))
    assert day.isoformat() not in str(CheckIn(owner=alice, date=day, mood=3))


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("HKWorkoutActivityTypeTraditionalStrengthTraining", "Traditional strength training"),
        ("HKWorkoutActivityTypeHighIntensityIntervalTraining", "High intensity interval training"),
        ("HKWorkoutActivityTypeTaiChi", "Tai chi"),
        ("strength_training", "Strength training"),
        ("Strength Training", "Strength training"),
        ("cross_country_skiing", "Cross country skiing"),
        ("High Intensity Interval Training (HIIT)", "High intensity interval training (HIIT)"),
        ("Run", "Run"),
        ("", ""),
    ],
)
def test_app_types_are_shown_in_plain_words(raw, plain):
    assert words.plain_type(raw) == plain


def test_the_mapping_shows_plain_type_names_and_short_choices():
    preview = {
        "types": [
            {
                "name": "HKWorkoutActivityTypeFunctionalStrengthTraining",
                "count": 3,
                "known": True,
                "activity": "resistance",
                "style": "",
            }
        ]
    }
    field = MappingForm(preview=preview, kind="activities")["type_0"]
    assert field.label == "Functional strength training"
    labels = [label for _value, label in field.field.choices]
    assert "Aerobic" in labels
    assert all("(" not in label for label in labels)  # "Aerobic (run, ride, ..." was cut


@pytest.mark.django_db
def test_the_empty_dashboard_mentions_importing_a_history(alice_client, alice):
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    assert "Start with the history you already have" in page
    assert reverse("journal:import") in page
    save_checkin(CheckIn(owner=alice, date=alice.profile.today(), mood=3, sleep_quality=5))
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    assert "Start with the history you already have" not in page


@pytest.mark.django_db
def test_the_sessions_filter_is_folded_until_it_filters(alice_client):
    page = alice_client.get(reverse("journal:session_list")).content.decode()
    assert '<details class="card sheet filter-sheet">' in page
    filtered = alice_client.get(reverse("journal:session_list"), {"activity": "walking"})
    assert '<details class="card sheet filter-sheet" open>' in filtered.content.decode()


def test_the_eleven_point_scales_are_marked_for_two_even_rows():
    from journal.core.forms import SessionForm
    from journal.models import Profile

    form = SessionForm(profile=Profile())
    assert 'class="scale-options scale-11"' in str(form["feeling_before"])
    assert 'class="scale-options scale-12"' in str(form["effort"])
