"""What an Insights claim says of the experiment that tested it (services.claim_tests): the
verdict of a fresh analysis, analysed again only when a write reaches the plan's dates."""

from datetime import timedelta
from unittest import mock

import pytest

from journal.core import chartstamp
from journal.core.blocks import block_of
from journal.core.services import profile_for, save_checkin
from journal.experiments import services, words
from journal.models import CheckIn
from tests.factories import make_checkin, make_session

pytestmark = pytest.mark.django_db


def finished(user):
    today = profile_for(user).today()
    experiment, _ = services.start_experiment(
        user, "steady-vs-rest-mood", today - timedelta(days=60), 5, today, past=True
    )
    for i, arm in enumerate(experiment.schedule):
        day = experiment.start + timedelta(days=i)
        if arm == "A":
            make_session(user, date=day, activity="aerobic", minutes=40, effort=4)
        make_checkin(user, date=day + timedelta(days=1), mood=4 if arm == "A" else 2 + i % 2)
    return experiment


def fresh_words(experiment) -> str:
    result = services.analyse(experiment)
    return words.verdict_words(result.itt, experiment.spec).lower()


def test_a_verdict_is_analysed_again_only_when_a_write_reaches_its_dates(alice):
    experiment = finished(alice)
    before = fresh_words(experiment)
    assert services.claim_tests(alice) == {experiment.design: (experiment, before)}
    with mock.patch.object(services, "analyse", wraps=services.analyse) as analyse:
        make_session(alice, date=profile_for(alice).today(), activity="walking", minutes=20)
        services.claim_tests(alice)
        assert analyse.call_count == 0  # today is far from the plan's dates
        for checkin in CheckIn.objects.filter(owner=alice, date__gt=experiment.start):
            checkin.mood = 5 if checkin.mood < 4 else 1  # the arms change places
            save_checkin(checkin)
        found = services.claim_tests(alice)
        assert analyse.call_count == 1
    assert found == {experiment.design: (experiment, fresh_words(experiment))}
    assert fresh_words(experiment) != before


def test_an_experiment_under_way_tests_no_claim_yet(alice, bob):
    today = profile_for(alice).today()
    services.start_experiment(alice, "steady-vs-rest-mood", today, 5, today)
    assert services.claim_tests(alice) == {}
    assert services.claim_tests(bob) == {}


def test_stamps_read_at_this_version_spare_their_query(alice, django_assert_num_queries):
    experiment = finished(alice)
    profile = profile_for(alice)
    expected = services.claim_tests(alice, profile)
    blocks = range(block_of(experiment.start) - 1, block_of(profile.today()) + 1)
    read = chartstamp.stamps(alice, blocks)
    with django_assert_num_queries(1):  # the experiments; their verdicts from the cache
        assert services.claim_tests(alice, profile, read) == expected
    narrow = chartstamp.stamps(alice, range(blocks.stop - 1, blocks.stop))
    with django_assert_num_queries(2):  # stamps that do not cover them are read again
        assert services.claim_tests(alice, profile, narrow) == expected
