"""Rules version 2 (effect-rules.md 0.5, December 2026): serotonin's acute rule is moderate
intensity only, and a data migration retags every stored journal."""

import importlib

import pytest
from django.apps import apps

from journal import tagging
from journal.models import Profile, SessionTag
from tests.factories import make_session

pytestmark = pytest.mark.django_db


def _as_version_1(session):
    """Store the tags rules version 1 gave: a steady vigorous run was tagged serotonin."""
    SessionTag.objects.filter(session=session).update(rule_version=1)
    serotonin = SessionTag.objects.filter(session=session, rule="catecholamines.acute").get()
    serotonin.pk = None
    serotonin.effect, serotonin.rule = "serotonin", "serotonin.acute"
    serotonin.save()


def test_a_steady_vigorous_run_is_no_longer_tagged_serotonin(alice):
    vigorous = make_session(alice, activity="aerobic", minutes=40, effort=6)
    moderate = make_session(alice, activity="aerobic", minutes=40, effort=4)
    assert not vigorous.tags.filter(rule="serotonin.acute").exists()
    assert moderate.tags.filter(rule="serotonin.acute").exists()
    assert tagging.RULES_VERSION == 2


def test_the_data_migration_retags_stored_journals_and_moves_their_version(alice, bob):
    migration = importlib.import_module("journal.migrations.0009_retag_rules_v2")
    run = make_session(alice, activity="aerobic", minutes=40, effort=6)
    other = make_session(bob, activity="walking", minutes=30, effort=3)
    _as_version_1(run)
    SessionTag.objects.filter(session=other).update(rule_version=1)
    before = dict(Profile.objects.values_list("user_id", "journal_version"))

    migration.retag_everyone(apps, None)

    assert not run.tags.filter(rule="serotonin.acute").exists()
    assert set(SessionTag.objects.values_list("rule_version", flat=True)) == {2}
    # Bob's brisk walk keeps its (moderate) serotonin tag; only the version moved.
    assert other.tags.filter(rule="serotonin.acute").exists()
    after = dict(Profile.objects.values_list("user_id", "journal_version"))
    assert after[alice.pk] == before[alice.pk] + 1
    assert after[bob.pk] == before[bob.pk] + 1
    # Run twice, it finds nothing left to change.
    migration.retag_everyone(apps, None)
    assert not run.tags.filter(rule="serotonin.acute").exists()
