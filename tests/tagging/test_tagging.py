"""journal.tagging over whole histories: each session tagged as if alone. No database."""

import datetime
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.tagging import (
    EFFECT_SLUGS,
    RULES,
    ProfileFacts,
    SessionFacts,
    affected_until,
    chronic_states,
    explain,
    tag_history,
    tag_session,
    yoga60,
)
from tests.tagging.builders import (
    DAY,
    NOBODY,
    WOMAN,
    rules,
    session,
    tag_of,
    the_last,
    weekly,
    window,
)

# --- whole histories ------------------------------------------------------------------------


def mixed_history(seed=7, n=150, span=200):
    rng = random.Random(seed)
    out = []
    for key in range(n):
        activity = rng.choice(["aerobic", "hiit", "resistance", "mixed", "mobility", "walking"])
        out.append(
            SessionFacts(
                key,
                DAY - datetime.timedelta(days=rng.randrange(span)),
                activity,
                rng.choice([10, 20, 29, 30, 45, 60, 120]),
                effort=rng.choice([None, 0, 2, 3, 4, 5, 7, 9]),
                avg_hr=rng.choice([None, None, 120, 150, 180]),
                style="yoga" if activity == "mobility" and rng.random() < 0.7 else "",
            )
        )
    return out


def test_tag_history_equals_tag_session_for_every_session():
    history = mixed_history()
    profile = ProfileFacts(birth_year=1980, resting_hr=55, sex="female")
    everything = tag_history(history, profile)
    assert set(everything) == {s.key for s in history}
    for s in history:
        assert everything[s.key] == tag_session(s, history, profile)


def test_tag_session_uses_the_given_version_of_a_session_found_in_history():
    old = session(minutes=10, effort=3)
    new = SessionFacts(old.key, old.date, "aerobic", 60, effort=3)
    assert "il6.acute" in rules(new, [old])


def test_two_different_sessions_with_one_key_are_refused():
    a = session()
    with pytest.raises(ValueError, match="share the key"):
        tag_history([a, SessionFacts(a.key, a.date, "walking", 30)], NOBODY)


def test_affected_until_covers_every_window_that_includes_the_date():
    assert affected_until(DAY) == DAY + datetime.timedelta(days=83)
    for ago, counted in ((83, 1), (84, 0)):
        yoga = session("mobility", 60, ago=ago, style="yoga")
        assert window([yoga], 12).day_count(yoga60) == counted


sessions_strategy = st.lists(
    st.tuples(
        st.integers(0, 100),
        st.sampled_from(["aerobic", "hiit", "resistance", "mixed", "mobility", "walking"]),
        st.sampled_from([10, 20, 30, 60, 120]),
        st.one_of(st.none(), st.integers(0, 10)),
        st.one_of(st.none(), st.integers(60, 200)),
        st.booleans(),
    ),
    max_size=40,
)
profiles = st.builds(
    ProfileFacts,
    birth_year=st.one_of(st.none(), st.integers(1950, 2000)),
    max_hr=st.one_of(st.none(), st.integers(170, 210)),
    resting_hr=st.one_of(st.none(), st.integers(45, 70)),
    sex=st.sampled_from([None, "", "female", "male"]),
    missed_period=st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(rows=sessions_strategy, profile=profiles, seed=st.randoms(use_true_random=False))
def test_tags_do_not_depend_on_the_order_sessions_arrive_in(rows, profile, seed):
    history = [
        SessionFacts(
            key,
            DAY - datetime.timedelta(days=day),
            activity,
            minutes,
            effort=effort,
            avg_hr=hr,
            style="yoga" if yoga and activity == "mobility" else "",
        )
        for key, (day, activity, minutes, effort, hr, yoga) in enumerate(rows)
    ]
    shuffled = list(history)
    seed.shuffle(shuffled)
    in_order = tag_history(sorted(history, key=lambda s: s.date), profile)
    assert tag_history(shuffled, profile) == in_order
    assert {s.key: tag_session(s, shuffled, profile) for s in history} == in_order


# --- dashboard states -----------------------------------------------------------------------


def test_chronic_states_sustained_building_and_absent():
    history = weekly(4) + weekly(1, per_week=1, activity="resistance", minutes=40)
    states = chronic_states(history, WOMAN, DAY)
    assert states["hpa_recalibration"] == "sustained"
    assert states["ovarian_balance"] == "sustained"
    assert states["dopamine"] == "building"
    assert "testosterone" not in states  # not for this profile
    assert "rx_d2" not in states  # no vigorous session at all


def test_chronic_states_lapse_after_sustained_and_build_again_after_a_new_session():
    history = weekly(4)
    later = DAY + datetime.timedelta(days=10)
    assert chronic_states(history, NOBODY, later)["hpa_recalibration"] == "lapsed"
    restart = SessionFacts("restart", later, "aerobic", 60, effort=3)
    assert chronic_states([*history, restart], NOBODY, later)["hpa_recalibration"] == "building"


def test_chronic_states_never_lapse_without_having_been_sustained():
    history = weekly(2)
    later = DAY + datetime.timedelta(days=40)
    assert "hpa_recalibration" not in chronic_states(history, NOBODY, later)
    assert chronic_states(history, NOBODY, DAY)["hpa_recalibration"] == "building"


def test_chronic_states_ignore_sessions_after_today():
    history = weekly(4)
    assert chronic_states(history, NOBODY, DAY - datetime.timedelta(days=30)) == {}


def test_yoga_building_reaches_back_84_days_on_the_dashboard():
    yoga = [session("mobility", 60, ago=80, style="yoga")]
    assert chronic_states(yoga, NOBODY, DAY) == {"gaba": "building"}
    assert chronic_states(yoga, NOBODY, DAY + datetime.timedelta(days=4)) == {}


# --- catalogue and explanations -------------------------------------------------------------


def test_effect_slugs_are_the_24_of_the_spec():
    assert len(EFFECT_SLUGS) == len(set(EFFECT_SLUGS)) == 24
    assert {"catecholamines", "cortisol_acute", "rx_5ht1a", "bdnf_methylation"} <= set(EFFECT_SLUGS)


def test_every_effect_has_a_rule_and_every_rule_an_effect():
    assert len(RULES) == 29
    assert len({r.id for r in RULES}) == 29
    assert {r.effect for r in RULES} == set(EFFECT_SLUGS)
    for r in RULES:
        assert r.id == f"{r.effect}.{r.timescale}"
        assert r.timescale in ("acute", "chronic")
        assert len(r.description) > 20


def test_explain_says_why_in_plain_words():
    history = weekly(4, minutes=45, effort=6)
    tag = tag_of(the_last(history), "rx_d2.chronic", history)
    assert explain(tag) == (
        "vigorous from effort 6, 45 minutes of cardio; 4 of 5 weeks with 3+ hard days"
    )
    walk = tag_of(session("walking", 30), "il6.acute")
    assert explain(walk) == (
        "moderate from the typical 3.5 METs for walking, 30 minutes of walking; graded small"
    )


def test_explain_names_heart_rate_sources_and_the_interval_floor():
    profile = ProfileFacts(birth_year=1984)
    tag = tag_of(session(avg_hr=150), "catecholamines.acute", profile=profile)
    assert explain(tag).startswith("vigorous from 83.3% of max heart rate (estimated from age)")
    hiit = tag_of(session("hiit", 20, effort=3), "dopamine.acute")
    assert "intervals count as at least vigorous" in explain(hiit)
