"""The Experiments pages, the dashboard's line, the Insights link, and two people apart."""

from datetime import timedelta

import pytest
from django.urls import reverse

from journal.core.services import profile_for
from journal.experiments import services
from journal.experiments.models import Experiment
from tests.concurrency import at_once, needs_postgres
from tests.factories import make_checkin, make_session

pytestmark = pytest.mark.django_db


def start(user, design="steady-vs-rest-mood", offset=0, pairs=None, past=False):
    today = profile_for(user).today()
    design_pairs = pairs or (10 if "regular" not in design else 4)
    first = today + timedelta(days=offset)
    if "regular" in design:
        first -= timedelta(days=first.weekday())
    experiment, _ = services.start_experiment(
        user, design, first, design_pairs, today, past=past or offset < 0
    )
    return experiment


def test_the_navigation_and_the_list_offer_every_design(alice_client):
    page = alice_client.get(reverse("journal:experiment_list")).content.decode()
    assert 'href="/experiments/"' in page
    for key in ("steady-vs-rest-mood", "yoga-vs-rest-anxiety", "regular-vs-light-stress"):
        assert f"?design={key}" in page
    assert "Insights claim" in page


def test_choose_read_the_plan_then_start(alice_client, alice):
    new = reverse("journal:experiment_new")
    assert alice_client.get(new + "?design=yoga-vs-rest-anxiety").status_code == 200
    plan = alice_client.post(new, {"design": "yoga-vs-rest-anxiety", "pairs": "6"})
    text = plan.content.decode()
    assert "Start this experiment" in text
    assert "ask a clinician" in text or "asking a clinician" in text
    assert "Anxiety is not in your check-in yet" in text
    assert not Experiment.objects.exists()  # reading the plan starts nothing
    tomorrow = profile_for(alice).today() + timedelta(days=1)
    done = alice_client.post(
        new,
        {
            "design": "yoga-vs-rest-anxiety",
            "pairs": "6",
            "start": tomorrow.isoformat(),
            "confirm": "1",
        },
    )
    experiment = Experiment.objects.get(owner=alice)
    assert done.status_code == 302
    assert (experiment.pairs, experiment.start, experiment.status) == (6, tomorrow, "planned")
    assert sorted(experiment.schedule[:2]) == ["A", "B"]
    assert len(experiment.schedule) == 12
    assert "anxiety" in profile_for(alice).checkin_items
    detail = alice_client.get(done["Location"]).content.decode()
    assert "Anxiety is now part of your daily check-in" in detail
    assert detail.count('class="experiment-unit ') == 12


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"design": "nope"}, "Select a valid choice"),
        ({"design": "steady-vs-rest-mood", "pairs": "25"}, "Ensure this value is less than"),
        ({"design": "steady-vs-rest-mood", "pairs": "3"}, "Choose from 4 to 20 pairs"),
        ({"design": "regular-vs-light-mood", "pairs": "9"}, "Choose from 3 to 8 pairs"),
        ({"design": "steady-vs-rest-mood", "start": "2020-01-01"}, "Choose today or a later day"),
        ({"design": "steady-vs-rest-mood", "start": "soon"}, "Enter a valid date"),
    ],
)
def test_a_bad_plan_is_refused_next_to_its_field(alice_client, fields, message):
    response = alice_client.post(reverse("journal:experiment_new"), {**fields, "confirm": "1"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Experiment.objects.exists()


def test_a_week_plan_starts_on_a_monday(alice_client, alice):
    today = profile_for(alice).today()
    tuesday = today + timedelta(days=(1 - today.weekday()) % 7 or 7)
    response = alice_client.post(
        reverse("journal:experiment_new"),
        {"design": "regular-vs-light-stress", "start": tuesday.isoformat(), "confirm": "1"},
    )
    assert "starts on a Monday" in response.content.decode()


def test_one_experiment_at_a_time(alice_client, alice):
    start(alice)
    with pytest.raises(services.ExperimentRefused):
        start(alice, "steady-vs-rest-sleep")
    page = alice_client.get(reverse("journal:experiment_new")).content.decode()
    assert "already have an experiment under way" in page
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Experiment.objects.create(
            owner=alice,
            design="steady-vs-rest-sleep",
            start=profile_for(alice).today(),
            pairs=4,
            schedule=["A", "B"] * 4,
            status="running",
            created=profile_for(alice).today(),
        )


def test_the_dashboard_shows_todays_unit_and_whether_the_log_kept_it(alice_client, alice):
    experiment = start(alice, offset=0)
    today = profile_for(alice).today()
    kind = "a steady day" if experiment.schedule[0] == "A" else "a rest day"
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    assert f"Experiment day 1 of 20: today is {kind}." in page
    make_session(alice, date=today, activity="aerobic", minutes=40, effort=4)
    line = alice_client.get(reverse("journal:experiment_today")).content.decode()
    if kind == "a steady day":
        assert "What you logged keeps the plan." in line
    else:
        assert "What you logged does not match the plan" in line
    calendar = alice_client.get(reverse("journal:experiment_detail", args=[experiment.pk]))
    assert "under way" in calendar.content.decode()


def test_stopping_keeps_the_data_and_frees_the_way(alice_client, alice):
    experiment = start(alice, offset=-12, past=True)
    stop = reverse("journal:experiment_stop", args=[experiment.pk])
    assert "Stop this experiment?" in alice_client.get(stop).content.decode()
    alice_client.post(stop)
    experiment.refresh_from_db()
    assert experiment.status == "stopped"
    assert experiment.stopped == profile_for(alice).today()
    page = alice_client.get(reverse("journal:experiment_detail", args=[experiment.pk]))
    assert "Stopped early" in page.content.decode()
    start(alice, "steady-vs-rest-sleep", offset=1)  # a new one may start now


def test_a_finished_experiment_shows_its_result_chart_and_insights_link(alice_client, alice):
    experiment = start(alice, offset=-30, pairs=5)
    for i, arm in enumerate(experiment.schedule):
        day = experiment.start + timedelta(days=i)
        if arm == "A":
            make_session(alice, date=day, activity="aerobic", minutes=40, effort=4)
        make_checkin(alice, date=day + timedelta(days=1), mood=4 if arm == "A" else 2 + i % 2)
    page = alice_client.get(reverse("journal:experiment_detail", args=[experiment.pk]))
    text = page.content.decode()
    assert "Finished" in text
    assert "by re-drawing the schedule" in text
    assert 'id="experiment-chart-data"' in text
    assert "data-experiment-chart" in text
    assert "<script>" not in text.replace('<script id="experiment-chart-data"', "")
    assert "As followed" in text
    assert "You kept the plan on 100%" in text
    insights = alice_client.get(reverse("journal:insights")).content.decode()
    assert f'href="/experiments/{experiment.pk}/"' in insights
    assert "Test it with an experiment" in insights  # the other testable claims


def test_two_people_never_see_stop_or_export_each_others(alice_client, alice, bob):
    bobs = start(bob, offset=-3, past=True)
    for name in ("experiment_detail", "experiment_stop"):
        assert alice_client.get(reverse(f"journal:{name}", args=[bobs.pk])).status_code == 404
    assert alice_client.post(reverse("journal:experiment_stop", args=[bobs.pk])).status_code == 404
    bobs.refresh_from_db()
    assert bobs.status == "running"
    for url in ("experiment_list", "dashboard", "experiment_today"):
        page = alice_client.get(reverse(f"journal:{url}")).content.decode()
        assert f"/experiments/{bobs.pk}/" not in page
        assert "Experiment day" not in page
    export = alice_client.get(reverse("journal:export_json")).json()
    assert export["experiments"] == []
    start(alice)  # bob's running experiment does not block alice's


def test_an_experiment_whose_plan_ended_is_settled_and_blocks_nothing(alice_client, alice):
    today = profile_for(alice).today()
    old = Experiment.objects.create(
        owner=alice,
        design="steady-vs-rest-mood",
        start=today - timedelta(days=40),
        pairs=4,
        schedule=["A", "B"] * 4,
        status="running",  # as stored when it began; the calendar has moved on
        created=today - timedelta(days=41),
    )
    assert "Experiment day" not in alice_client.get(reverse("journal:dashboard")).content.decode()
    start(alice, offset=1)
    old.refresh_from_db()
    assert old.status == "finished"


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_starts_at_once_leave_one_experiment(alice):
    today = profile_for(alice).today()

    def attempt(design):
        try:
            services.start_experiment(alice, design, today + timedelta(days=1), 10, today)
        except services.ExperimentRefused:
            return "refused"
        return "started"

    results = at_once(
        *(lambda d=d: attempt(d) for d in ("steady-vs-rest-mood", "yoga-vs-rest-anxiety"))
    )
    assert sorted(results) == ["refused", "started"]
    assert Experiment.objects.filter(owner=alice).count() == 1
