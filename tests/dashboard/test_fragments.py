"""The dashboard's sections but the charts (the forms, the summary, the experiment line, the
lists waiting for the person, the long-term card) are cached apart from the page (by what
they show, not by journal version): a write that changes them shows at once, one that does
not leaves them as rendered, and no one ever gets another person's."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from journal.core.services import (
    delete_session,
    dismiss_feelings,
    profile_for,
    save_checkin,
    save_profile,
    save_session,
)
from journal.experiments import services as experiments
from journal.models import CheckIn
from journal.views import dashboard, dashboard_reads, dashboard_shell
from journal.views.common import CSRF_PLACEHOLDER
from tests.factories import make_session

pytestmark = pytest.mark.django_db
URL = reverse("journal:dashboard")


def quick_log(response) -> str:
    content = response.content.decode()
    start = content.index('<details class="card sheet" id="quick-log"')
    return content[start : content.index("</details>", start)]


def checkin(response) -> str:
    content = response.content.decode()
    start = content.index('<details class="card sheet" id="checkin"')
    return content[start : content.index('<details class="card sheet pending"', start)]


def check_in_today(user, **fields) -> CheckIn:
    today = profile_for(user).today()
    return save_checkin(CheckIn(owner=user, date=today, mood=3, sleep_quality=6, **fields))


def test_the_quick_log_follows_the_last_activity(alice_client, alice):
    make_session(alice, activity="walking")
    assert '<option value="walking" selected>' in quick_log(alice_client.get(URL))
    make_session(alice, activity="resistance")
    form = quick_log(alice_client.get(URL))
    assert '<option value="resistance" selected>' in form
    assert '<option value="walking" selected>' not in form


def test_the_checkin_follows_todays_checkin_and_the_profile(alice_client, alice):
    assert "Today's check-in" not in checkin(alice_client.get(URL))
    saved = check_in_today(alice, note="slept in the garden")
    shown = checkin(alice_client.get(URL))
    assert "Today's check-in" in shown
    assert "slept in the garden" in shown
    saved.note = "slept indoors"
    save_checkin(saved)
    assert "slept indoors" in checkin(alice_client.get(URL))
    assert 'name="checkin-energy"' not in checkin(alice_client.get(URL))
    profile = profile_for(alice)
    profile.checkin_items = ["energy"]
    save_profile(profile)
    assert 'name="checkin-energy"' in checkin(alice_client.get(URL))


def test_a_write_that_changes_neither_form_renders_neither_again(alice_client, alice):
    make_session(alice, activity="walking")
    alice_client.get(URL)
    with (
        mock.patch.object(dashboard, "quick_form_for", wraps=dashboard.quick_form_for) as quick,
        mock.patch.object(dashboard, "checkin_form_for", wraps=dashboard.checkin_form_for) as day,
    ):
        make_session(alice, activity="walking", minutes=33)
        assert alice_client.get(URL).status_code == 200
        assert quick.call_count == 0
        assert day.call_count == 0
        make_session(alice, activity="resistance")
        alice_client.get(URL)
        assert quick.call_count == 1
        assert day.call_count == 0


def test_each_person_gets_their_own_forms(client, alice, bob):
    make_session(alice, activity="resistance")
    make_session(bob, activity="walking")
    check_in_today(alice, note="alice's own words")
    check_in_today(bob, note="bob's own words")
    for user, mine, theirs in [(alice, "alice", "bob"), (bob, "bob", "alice")]:
        client.force_login(user)
        response = client.get(URL)
        activity = "resistance" if user == alice else "walking"
        assert f'<option value="{activity}" selected>' in quick_log(response)
        assert f"{mine}&#x27;s own words" in checkin(response)
        assert f"{theirs}&#x27;s own words" not in response.content.decode()


def test_every_view_gets_a_real_csrf_token(alice_client, alice):
    first = alice_client.get(URL).content.decode()
    second = alice_client.get(URL).content.decode()
    for page in (first, second):
        assert CSRF_PLACEHOLDER not in page
        assert 'name="csrfmiddlewaretoken" value="' in page


def section(response, start: str, end: str) -> str:
    content = response.content.decode()
    begin = content.index(start)
    return content[begin : content.index(end, begin)]


def pending(response) -> str:
    return section(response, 'id="pending"', "</details>")


def feelings(response) -> str:
    return section(response, 'id="feelings-pending"', "</section>")


def summary(response) -> str:
    return section(response, 'id="summary"', "</section>")


def experiment_line(response) -> str:
    return section(response, 'id="experiment-today"', "</section>")


def rendered(render) -> list[str]:
    """The sections a wrapped render_to_string rendered, by template (and partial), but the
    charts (rendered with each new journal version)."""
    charts = f"{dashboard.PAGE}#charts"
    return [call.args[0] for call in render.call_args_list if call.args[0] != charts]


def test_the_pending_list_follows_every_write_to_it(alice_client, alice):
    first = make_session(alice, activity="walking", minutes=21, effort=None)
    assert "Walking on" in pending(alice_client.get(URL))
    second = make_session(alice, activity="resistance", minutes=22, effort=None)
    shown = pending(alice_client.get(URL))
    assert '<span class="count">2</span>' in shown
    assert f"/sessions/{second.pk}/effort/" in shown
    first.minutes = 23
    save_session(first)
    assert "23 min" in pending(alice_client.get(URL))
    first.effort = 5
    save_session(first)
    shown = pending(alice_client.get(URL))
    assert f"/sessions/{first.pk}/effort/" not in shown
    assert '<span class="count">1</span>' in shown
    delete_session(second)
    assert "Every session has an effort rating." in pending(alice_client.get(URL))


def test_the_feelings_list_follows_imports_ratings_and_stop_asking(alice_client, alice):
    assert " hidden>" in feelings(alice_client.get(URL))
    imported = make_session(alice, source="strava", feeling_before=None, feeling_after=None)
    shown = feelings(alice_client.get(URL))
    assert f"/sessions/{imported.pk}/feelings/" in shown
    assert " hidden>" not in shown.split("\n")[0]
    imported.feeling_before, imported.feeling_after = 1, 3
    save_session(imported)
    assert f"/sessions/{imported.pk}/feelings/" not in feelings(alice_client.get(URL))
    make_session(alice, source="strava", feeling_before=None, feeling_after=None)
    assert '<span class="count">1</span>' in feelings(alice_client.get(URL))
    dismiss_feelings(alice)
    assert " hidden>" in feelings(alice_client.get(URL)).split("\n")[0]


def test_the_summary_follows_the_week_and_todays_mood(alice_client, alice):
    today = profile_for(alice).today()
    make_session(alice, date=today, activity="aerobic", minutes=40, effort=4)
    assert '<strong class="summary-figure">40</strong>' in summary(alice_client.get(URL))
    make_session(alice, date=today, activity="aerobic", minutes=25, effort=4)
    assert '<strong class="summary-figure">65</strong>' in summary(alice_client.get(URL))
    assert "not yet" in summary(alice_client.get(URL))
    check_in_today(alice)
    assert "<dd>3 of 5</dd>" in summary(alice_client.get(URL))


def test_the_experiment_line_follows_the_experiment(alice_client, alice):
    today = profile_for(alice).today()
    assert " hidden " in experiment_line(alice_client.get(URL))
    experiment, _ = experiments.start_experiment(alice, "steady-vs-rest-mood", today, 5, today)
    shown = experiment_line(alice_client.get(URL))
    assert f"/experiments/{experiment.pk}/" in shown
    experiments.stop_experiment(experiment, today)
    assert f"/experiments/{experiment.pk}/" not in experiment_line(alice_client.get(URL))


def test_a_write_that_changes_no_section_renders_none_again(alice_client, alice):
    today = profile_for(alice).today()
    old = make_session(alice, date=today, activity="walking", minutes=30, note="first")
    make_session(alice, activity="walking", effort=None)
    make_session(alice, activity="walking", source="strava", feeling_after=None)
    alice_client.get(URL)
    render = dashboard_shell.render_to_string
    with mock.patch.object(dashboard_shell, "render_to_string", wraps=render) as r:
        old.note = "a note no section shows"
        save_session(old)
        assert alice_client.get(URL).status_code == 200
        assert rendered(r) == []
        old.minutes = 45
        save_session(old)
        alice_client.get(URL)
        again = rendered(r)  # the minutes show in the summary (and the long-term card)
        assert f"{dashboard.PAGE}#summary" in again
        assert f"{dashboard.PAGE}#pending" not in again
        assert dashboard.FEELINGS_PENDING not in again
        assert dashboard.EXPERIMENT_TODAY not in again


def test_each_person_gets_their_own_sections(client, alice, bob):
    today = profile_for(alice).today()
    for user, minutes in [(alice, 17), (bob, 71)]:
        # Strength counts for no cardio minutes: the summary shows the aerobic session's.
        make_session(user, date=today, activity="resistance", minutes=minutes, effort=None)
        make_session(
            user, activity="resistance", minutes=minutes + 1, source="strava", feeling_after=None
        )
        make_session(user, date=today, activity="aerobic", minutes=minutes + 2, effort=4)
    experiments.start_experiment(alice, "steady-vs-rest-mood", today, 5, today)
    for user, mine, theirs in [(alice, 17, 71), (bob, 71, 17)]:
        client.force_login(user)
        response = client.get(URL)
        assert f", {mine} min" in pending(response)
        assert f", {mine + 1} min" in feelings(response)
        assert f'<strong class="summary-figure">{mine + 2}</strong>' in summary(response)
        page = response.content.decode()
        for shown in (theirs, theirs + 1, theirs + 2):
            assert f">{shown}<" not in page
            assert f", {shown} min" not in page
        assert (" hidden " in experiment_line(response)) == (user == bob)


def test_long_lists_waiting_for_the_person_cost_no_query_per_row(alice_client, alice):
    def cold_view_queries() -> int:
        make_session(alice, note="a write")
        with CaptureQueriesContext(connection) as queries:
            content = alice_client.get(URL).content.decode()
        assert "Sessions to rate" in content
        return len(queries)

    make_session(alice, effort=None)
    make_session(alice, source="strava", feeling_after=None)
    alice_client.get(URL)  # the content's effects and placements, read once
    few = cold_view_queries()
    for _ in range(12):
        make_session(alice, effort=None)
        make_session(alice, source="strava", feeling_after=None)
    assert cold_view_queries() == few


def test_long_term_patterns_are_computed_again_only_when_what_the_rules_read_changes(
    alice_client, alice
):
    today = profile_for(alice).today()
    for days_ago in range(14):
        make_session(alice, date=today - timedelta(days=days_ago), activity="aerobic", minutes=45)
    alice_client.get(URL)
    with mock.patch.object(
        dashboard_reads.tagging, "chronic_progress", wraps=dashboard_reads.tagging.chronic_progress
    ) as computed:
        check_in_today(alice)
        alice_client.get(URL)
        assert computed.call_count == 0
        make_session(alice, date=today, activity="resistance", minutes=50)
        alice_client.get(URL)
        assert computed.call_count == 1
        profile = profile_for(alice)
        profile.sex = "male"
        save_profile(profile)
        alice_client.get(URL)
        assert computed.call_count == 2


def test_the_page_around_the_sections_is_rendered_once_per_person(client, alice, bob):
    make_session(alice)
    make_session(bob)
    client.force_login(alice)
    client.get(URL)
    render = dashboard_shell.render_to_string
    with mock.patch.object(dashboard_shell, "render_to_string", wraps=render) as r:
        make_session(alice, minutes=31)
        assert f'data-account="{alice.pk}"' in client.get(URL).content.decode()
        assert dashboard.PAGE not in rendered(r)  # the charts alone: f"{PAGE}#charts"
        client.force_login(bob)
        page = client.get(URL).content.decode()
        assert dashboard.PAGE in rendered(r)
    assert f'data-account="{bob.pk}"' in page
    assert f'data-account="{alice.pk}"' not in page


def test_the_import_card_leaves_with_the_first_entry(alice_client, alice):
    assert "Start with the history you already have" in alice_client.get(URL).content.decode()
    make_session(alice)
    assert "Start with the history you already have" not in alice_client.get(URL).content.decode()
