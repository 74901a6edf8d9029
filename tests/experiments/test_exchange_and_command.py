"""Experiments in the export and import, the account's deletion, and manage.py experiment."""

import io
import itertools
import json
import math
import statistics
from datetime import timedelta

import pytest
import scipy.stats
from django.core.management import CommandError, call_command
from django.urls import reverse

from journal.core.services import profile_for
from journal.experiments import services
from journal.experiments.models import Experiment
from journal.imports import exchange
from tests.conftest import PASSWORD, make_user
from tests.factories import make_checkin, make_session

pytestmark = pytest.mark.django_db


def started(user, design="steady-vs-rest-mood", offset=-25, pairs=10):
    today = profile_for(user).today()
    first = today + timedelta(days=offset)
    if "regular" in design:
        first -= timedelta(days=first.weekday())
    experiment, _ = services.start_experiment(user, design, first, pairs, today, past=True)
    return experiment


def test_export_then_import_restores_experiments_exactly(alice):
    finished = started(alice, offset=-40, pairs=5)
    services.stop_experiment(started(alice, offset=-20, pairs=10), profile_for(alice).today())
    running = started(alice, "regular-vs-light-stress", offset=-8, pairs=4)
    first = exchange.export_journal(alice)
    assert [row["status"] for row in first["experiments"]] == ["finished", "stopped", "running"]
    assert first["experiments"][0]["schedule"] == finished.schedule
    assert first["experiments"][2]["start"] == running.start.isoformat()
    fresh = make_user("fresh")
    report = exchange.import_journal(fresh, exchange.export_json(alice))
    assert report.imported_experiments == 3
    assert "3 experiments" in report.summary()
    second = exchange.export_journal(fresh)
    assert second["experiments"] == first["experiments"]
    again = exchange.import_journal(fresh, exchange.export_json(alice))
    assert again.imported_experiments == 0
    assert Experiment.objects.filter(owner=fresh).count() == 3


def test_an_import_that_would_overlap_the_running_experiment_is_skipped(alice, bob):
    started(alice, offset=-3)
    started(bob, offset=-5)
    report = exchange.import_journal(alice, exchange.export_json(bob))
    assert report.imported_experiments == 0
    assert any("overlap the experiment under way" in s for s in report.skipped)
    assert Experiment.objects.filter(owner=alice).count() == 1


def test_older_files_without_experiments_still_import(alice):
    document = {"format": "movement-journal", "version": 1, "sessions": [], "checkins": []}
    report = exchange.import_journal(alice, json.dumps(document).encode())
    assert report.rejected == []
    assert report.imported_experiments == 0


ROW = {
    "design": "steady-vs-rest-mood",
    "start": "2026-01-05",
    "pairs": 4,
    "schedule": ["A", "B", "B", "A", "A", "B", "B", "A"],
    "status": "finished",
    "created": "2026-01-04",
    "stopped": None,
}


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"design": "run-more"}, "design must be one of"),
        ({"pairs": 2}, "pairs must be a whole number from 4 to 20"),
        ({"pairs": True}, "pairs must be a whole number"),
        ({"schedule": ["A", "B"]}, "schedule must list 8 arms"),
        ({"schedule": ["A", "A", "B", "A", "A", "B", "B", "A"]}, "schedule pair 0 must be one A"),
        ({"start": "yesterday"}, "start 'yesterday' is not a date"),
        ({"status": "paused"}, "status must be one of"),
        ({"status": "stopped"}, "stopped must be a date exactly when"),
        ({"design": "regular-vs-light-mood", "start": "2026-01-06"}, "must start on a Monday"),
        ({"created": "2999-01-01"}, "cannot be in the future"),
    ],
)
def test_each_bad_experiment_row_is_rejected_with_its_reason(alice, change, reason):
    document = {
        "format": "movement-journal",
        "version": 1,
        "sessions": [],
        "checkins": [],
        "experiments": [{**ROW, **change}],
    }
    report = exchange.import_journal(alice, json.dumps(document).encode())
    assert len(report.rejected) == 1
    assert report.rejected[0].startswith("experiment 0: ")
    assert reason in report.rejected[0]
    assert not Experiment.objects.exists()


def test_a_non_list_of_experiments_refuses_the_file(alice):
    document = {"format": "movement-journal", "version": 1, "experiments": {"a": 1}}
    with pytest.raises(exchange.ImportRefused, match='"experiments" must be a list'):
        exchange.import_journal(alice, json.dumps(document).encode())


def test_deleting_the_account_deletes_its_experiments(client, alice):
    started(alice)
    client.force_login(alice)
    client.post(reverse("journal:account_delete"), {"password": PASSWORD})
    assert not Experiment.objects.exists()


def run(*args) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("experiment", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_the_command_starts_and_prints_section_6(alice):
    today = profile_for(alice).today()
    start = today - timedelta(days=22)
    printed = json.loads(
        run(
            "--user",
            "alice",
            "start",
            "steady-vs-rest-mood",
            "--start",
            start.isoformat(),
            "--pairs",
            "10",
        )
    )
    (created,) = printed["experiments"]
    experiment = Experiment.objects.get(owner=alice)
    for i, arm in enumerate(experiment.schedule):
        day = start + timedelta(days=i)
        if (arm == "A") != (i == 4):  # unit 4 breaks the plan, whichever arm it drew
            make_session(alice, date=day, activity="aerobic", minutes=45, effort=4)
        if i != 7:
            make_checkin(alice, date=day + timedelta(days=1), mood=4 if arm == "A" else 3 - i % 2)
    (shown,) = json.loads(run("--user", "alice", "--id", str(experiment.pk), "--format", "json"))[
        "experiments"
    ]
    assert created["id"] == shown["id"] == experiment.pk
    assert shown["schedule"] == experiment.schedule
    assert shown["status"] == "finished"
    assert (shown["unit"], shown["direction"], shown["outcome"]) == ("day", "up", "mood")
    assert len(shown["units"]) == 20
    assert shown["units"][0] == {
        "date": start.isoformat(),
        "arm": experiment.schedule[0],
        "followed": True,
        "outcome": 4.0 if experiment.schedule[0] == "A" else 3.0,
    }
    itt = shown["itt"]
    assert itt["n_pairs"] == 9
    assert itt["missing_pairs"] == 1
    # The figures, computed here another way: statistics, scipy and every sign vector.
    d = [4.0 - (3 - b % 2) for a, b in _pairs(experiment.schedule) if 7 not in (a, b)]
    mean, sd = statistics.mean(d), statistics.stdev(d)
    half = scipy.stats.t.ppf(0.975, len(d) - 1) * sd / math.sqrt(len(d))
    assert itt["mean"] == pytest.approx(mean, abs=1e-12)
    assert itt["sd"] == pytest.approx(sd, abs=1e-12)
    assert itt["ci_low"] == pytest.approx(mean - half, abs=1e-12)
    assert itt["ci_high"] == pytest.approx(mean + half, abs=1e-12)
    assert itt["dz"] == pytest.approx(mean / sd, abs=1e-12)
    signs = itertools.product((1, -1), repeat=len(d))
    extreme = sum(
        abs(sum(s * x for s, x in zip(v, d, strict=True))) >= abs(sum(d)) - 1e-9 for v in signs
    )
    assert itt["p_value"] == extreme / 2 ** len(d)
    assert itt["verdict"] == ("consistent" if mean - half > 0 else "unclear")
    assert shown["as_followed"]["n_pairs"] == 8  # pair 3 has no outcome, pair 2 broke the plan
    assert [u["followed"] for u in shown["units"]].count(False) == 1
    assert shown["adherence"] == 19 / 20
    text = run("--user", "alice", "--format", "text")
    make_user("carol")
    with pytest.raises(CommandError, match="carol has no experiment"):
        run("--user", "carol", "--id", str(experiment.pk))
    assert f"Experiment {experiment.pk}: steady-vs-rest-mood (finished)" in text


def _pairs(schedule):
    """(A index, B index) of each pair."""
    for i in range(0, len(schedule), 2):
        yield (i, i + 1) if schedule[i] == "A" else (i + 1, i)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--user", "nobody"), "No user named 'nobody'"),
        (("--user", "alice", "start", "run-more"), "No design 'run-more'"),
        (("--user", "alice", "start", "steady-vs-rest-mood", "--pairs", "30"), "Choose between 4"),
        (("--user", "alice", "start", "steady-vs-rest-mood", "--start", "soon"), "--start must"),
        (("--user", "alice", "--id", "999"), "has no experiment 999"),
        (("--user", "alice", "stop"), "Say `start DESIGN`"),
    ],
)
def test_the_command_refuses_bad_input_clearly(alice, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_the_web_import_previews_and_reports_experiments(alice_client, alice, bob):
    from tests.imports.flow import confirm, job_of, upload

    started(bob, offset=-40, pairs=5)
    body = exchange.export_json(bob)
    document = json.loads(body)
    document["experiments"].append({**ROW, "design": "run-more"})
    job = job_of(upload(alice_client, "movement-journal.json", json.dumps(document).encode()))
    page = alice_client.get(reverse("journal:import_job", args=[job.pk])).content.decode()
    assert "1 experiment," in page
    assert "experiment 1: design must be one of" in page
    confirm(alice_client, job)
    report = alice_client.get(reverse("journal:import_job", args=[job.pk])).content.decode()
    assert "Experiments imported: 1." in report
    assert (
        Experiment.objects.get(owner=alice).schedule == Experiment.objects.get(owner=bob).schedule
    )


def test_the_csv_zip_adds_experiments_only_when_there_are_some(alice, bob):
    import zipfile

    assert (
        "experiments.csv"
        not in zipfile.ZipFile(io.BytesIO(exchange.export_csv_zip(alice))).namelist()
    )
    experiment = started(alice)
    archive = zipfile.ZipFile(io.BytesIO(exchange.export_csv_zip(alice)))
    lines = archive.read("experiments.csv").decode().splitlines()
    assert lines[0] == "design,start,pairs,schedule,status,created,stopped"
    assert lines[1].startswith(
        f"steady-vs-rest-mood,{experiment.start},10,{''.join(experiment.schedule)},"
    )
