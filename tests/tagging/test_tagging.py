"""Unit tests of journal.tagging: plain functions, no database, no Django."""

import datetime
import itertools
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.tagging import (
    EFFECT_SLUGS,
    RULES,
    RULES_VERSION,
    Intensity,
    ProfileFacts,
    SessionFacts,
    Timeline,
    Window,
    aerobic30,
    affected_until,
    chronic_states,
    classify,
    explain,
    tag_history,
    tag_session,
    yoga60,
)
from journal.tagging.intensity import rate

DAY = datetime.date(2024, 6, 30)
NOBODY = ProfileFacts()
MAN = ProfileFacts(sex="male")
WOMAN = ProfileFacts(sex="female")
_keys = itertools.count()


def session(activity="aerobic", minutes=30, effort=None, ago=0, **extra) -> SessionFacts:
    """A session `ago` days before DAY (effort left unset means default METs)."""
    return SessionFacts(
        key=next(_keys),
        date=DAY - datetime.timedelta(days=ago),
        activity=activity,
        minutes=minutes,
        effort=effort,
        **extra,
    )


def weekly(weeks, per_week=3, activity="aerobic", minutes=60, effort=3, **extra):
    """`per_week` sessions in each of the newest `weeks` 7-day blocks ending on DAY, every
    other day from the block's last date (offsets 0, 2, 4 ...)."""
    return [
        session(activity, minutes, effort, ago=7 * block + 2 * i, **extra)
        for block in range(weeks)
        for i in range(per_week)
    ]


def window(history, weeks: int) -> Window:
    """The window of `weeks` blocks ending on DAY over a history, rated as the engine does."""
    return Window(Timeline(rate(s, NOBODY) for s in history), DAY, weeks)


def rules(s, history=(), profile=NOBODY) -> set[str]:
    return {t.rule for t in tag_session(s, history, profile)}


def acute(s, profile=NOBODY) -> set[str]:
    return {r.split(".")[0] for r in rules(s, (), profile) if r.endswith(".acute")}


def tag_of(s, rule, history=(), profile=NOBODY):
    return next(t for t in tag_session(s, history, profile) if t.rule == rule)


def the_last(history):
    """The newest session of a history (on DAY)."""
    return max(history, key=lambda s: s.date)


# --- intensity ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("effort", "expected"),
    [
        (0, Intensity.LIGHT),
        (1, Intensity.LIGHT),
        (2, Intensity.LIGHT),
        (3, Intensity.MODERATE),
        (4, Intensity.MODERATE),
        (5, Intensity.VIGOROUS),
        (7, Intensity.VIGOROUS),
        (8, Intensity.NEAR_MAX),
        (10, Intensity.NEAR_MAX),
    ],
)
def test_effort_maps_onto_cr10_bands(effort, expected):
    assert classify(session(effort=effort), NOBODY) == (expected, "srpe")


def test_effort_0_counts_as_light_not_as_missing():
    # Aerobic without effort would default to 7 METs (vigorous).
    assert classify(session(effort=0), NOBODY) == (Intensity.LIGHT, "srpe")


def test_intensity_slugs_are_ordered():
    assert [i.slug for i in sorted(Intensity)] == ["light", "moderate", "vigorous", "near_max"]


@pytest.mark.parametrize(
    ("activity", "expected"),
    [
        ("aerobic", Intensity.VIGOROUS),  # 7.0 METs
        ("hiit", Intensity.VIGOROUS),  # 8.0
        ("resistance", Intensity.MODERATE),  # 3.5
        ("mixed", Intensity.VIGOROUS),  # 7.0
        ("walking", Intensity.MODERATE),  # 3.5
        ("mobility", Intensity.LIGHT),  # 2.5
    ],
)
def test_default_mets_when_nothing_is_given(activity, expected):
    assert classify(session(activity), NOBODY) == (expected, "met")


def test_hiit_is_floored_at_vigorous_whatever_the_effort():
    assert classify(session("hiit", effort=1), NOBODY) == (Intensity.VIGOROUS, "srpe")
    assert classify(session("hiit", effort=9), NOBODY) == (Intensity.NEAR_MAX, "srpe")


def test_heart_rate_reserve_beats_max_heart_rate_beats_effort():
    s = session(effort=1, avg_hr=150, percent_1rm=90)
    with_reserve = ProfileFacts(max_hr=200, resting_hr=60)  # (150-60)/140 = 64% HRR
    assert classify(s, with_reserve) == (Intensity.VIGOROUS, "hrr")
    assert classify(s, ProfileFacts(max_hr=200)) == (Intensity.MODERATE, "hr")  # 75% HRmax
    assert classify(s, NOBODY) == (Intensity.LIGHT, "srpe")


def test_effort_beats_1rm_beats_mets_for_resistance():
    assert classify(session("resistance", effort=8, percent_1rm=40), NOBODY)[1] == "srpe"
    assert classify(session("resistance", percent_1rm=40), NOBODY) == (Intensity.LIGHT, "1rm")
    assert classify(session("resistance"), NOBODY) == (Intensity.MODERATE, "met")


def test_1rm_is_ignored_outside_resistance():
    assert classify(session("aerobic", percent_1rm=20), NOBODY) == (Intensity.VIGOROUS, "met")


@pytest.mark.parametrize(
    ("percent", "expected"),
    [(20, "light"), (49, "light"), (50, "moderate"), (69, "moderate"), (70, "vigorous")]
    + [(84, "vigorous"), (85, "near_max"), (100, "near_max")],
)
def test_1rm_bands(percent, expected):
    assert classify(session("resistance", percent_1rm=percent), NOBODY)[0].slug == expected


@pytest.mark.parametrize(
    ("avg_hr", "expected"),
    [
        (80, "light"),  # 40% HRmax, below the light band: still light
        (127, "light"),  # 63.5%: in the gap between light and moderate, the lower class
        (128, "moderate"),  # 64%
        (153, "moderate"),  # 76.5%, in the gap
        (154, "vigorous"),  # 77%
        (191, "vigorous"),  # 95.5%, in the gap
        (192, "near_max"),  # 96%
    ],
)
def test_max_heart_rate_bands_and_gaps(avg_hr, expected):
    s = session(effort=10, avg_hr=avg_hr)
    assert classify(s, ProfileFacts(max_hr=200)) == (Intensity[expected.upper()], "hr")


@pytest.mark.parametrize(
    ("avg_hr", "expected"),
    [(60, "light"), (115, "light"), (116, "moderate"), (143, "moderate")]
    + [(144, "vigorous"), (185, "vigorous"), (186, "near_max")],
)
def test_heart_rate_reserve_bands(avg_hr, expected):
    profile = ProfileFacts(max_hr=200, resting_hr=60)  # reserve 140 beats
    assert classify(session(avg_hr=avg_hr), profile) == (Intensity[expected.upper()], "hrr")


def test_age_predicted_max_heart_rate_when_none_is_measured():
    # Age 40 in 2024: 208 - 0.7 x 40 = 180; 64% of it is 115.2 beats.
    profile = ProfileFacts(birth_year=1984)
    assert classify(session(avg_hr=115), profile) == (Intensity.LIGHT, "hr")
    assert classify(session(avg_hr=116), profile) == (Intensity.MODERATE, "hr")
    with_rest = ProfileFacts(birth_year=1984, resting_hr=60)  # reserve 120: 40% at 108
    assert classify(session(avg_hr=108), with_rest) == (Intensity.MODERATE, "hrr")


def test_heart_rate_is_skipped_without_a_max_or_a_birth_year():
    s = session(effort=3, avg_hr=190)
    assert classify(s, ProfileFacts(resting_hr=50)) == (Intensity.MODERATE, "srpe")


def test_unknown_activity_is_refused():
    with pytest.raises(ValueError, match="unknown activity"):
        classify(session("skydiving"), NOBODY)


# --- acute rules ----------------------------------------------------------------------------


def test_walking_30_minutes_moderate_fires_serotonin():
    assert "serotonin.acute" in rules(session("walking", 30, effort=3))


def test_walking_29_minutes_does_not_fire_serotonin():
    assert "serotonin.acute" not in rules(session("walking", 29, effort=3))


def test_brisk_walk_fires_exactly_the_four_effects_the_spec_lists():
    tags = tag_session(s := session("walking", 30, effort=4), [s], NOBODY)
    fired = {t.effect: t.magnitude for t in tags if t.timescale == "acute"}
    assert fired == {
        "catecholamines": "",
        "serotonin": "",
        "insulin_sensitivity": "",
        "il6": "small",
    }
    assert {t.status for t in tags if t.timescale == "chronic"} == {"building"}


def test_serotonin_fires_for_moderate_aerobic_only_not_vigorous_near_max_or_other_activities():
    # effect-rules.md 0.5 (December 2026): "sustained moderate" means moderate only.
    assert "serotonin" in acute(session("aerobic", 30, effort=3))
    assert "serotonin" in acute(session("aerobic", 30, effort=4))
    assert "serotonin" not in acute(session("aerobic", 30, effort=5))
    assert "serotonin" not in acute(session("aerobic", 30, effort=7))
    assert "serotonin" not in acute(session("aerobic", 30, effort=8))
    assert "serotonin" not in acute(session("mixed", 30, effort=3))


def test_endocannabinoids_need_aerobic_or_mixed_for_30_minutes_below_near_max():
    assert "endocannabinoids" in acute(session("aerobic", 30, effort=3))
    assert "endocannabinoids" in acute(session("mixed", 30, effort=6))
    assert "endocannabinoids" not in acute(session("aerobic", 29, effort=3))
    assert "endocannabinoids" not in acute(session("walking", 60, effort=4))
    assert "endocannabinoids" not in acute(session("aerobic", 30, effort=9))


def test_il6_fires_for_walking_and_is_marked_from_an_hour():
    assert tag_of(session("walking", 59, effort=3), "il6.acute").magnitude == "small"
    assert tag_of(session("walking", 60, effort=3), "il6.acute").magnitude == "marked"
    assert "il6" not in acute(session("walking", 29, effort=3))
    assert "il6" not in acute(session("resistance", 60, effort=6))


def test_catecholamines_start_at_moderate_and_are_large_from_vigorous():
    assert "catecholamines" not in acute(session(effort=2))
    assert tag_of(session(effort=4), "catecholamines.acute").magnitude == ""
    assert tag_of(session(effort=5), "catecholamines.acute").magnitude == "large"
    assert tag_of(session("hiit", effort=1), "catecholamines.acute").magnitude == "large"


def test_endorphins_need_15_hard_minutes_or_two_hours_of_steady_aerobic():
    assert "endorphins" in acute(session("resistance", 15, effort=5))
    assert "endorphins" not in acute(session("resistance", 14, effort=5))
    assert "endorphins" in acute(session("aerobic", 120, effort=3))
    assert "endorphins" not in acute(session("aerobic", 119, effort=3))
    assert "endorphins" not in acute(session("walking", 180, effort=3))


def test_cortisol_needs_30_vigorous_minutes():
    assert "cortisol_acute" in acute(session(minutes=30, effort=5))
    assert "cortisol_acute" not in acute(session(minutes=29, effort=5))
    assert "cortisol_acute" not in acute(session(minutes=90, effort=4))


def test_growth_hormone_from_10_hard_minutes_or_30_minutes_of_lifting():
    assert "growth_hormone" in acute(session(minutes=10, effort=5))
    assert "growth_hormone" not in acute(session(minutes=9, effort=5))
    assert "growth_hormone" in acute(session("resistance", 30, effort=3))
    assert "growth_hormone" not in acute(session("resistance", 29, effort=3))


def test_dopamine_acute_needs_intervals_or_lifting_for_20_minutes():
    assert "dopamine" in acute(session("resistance", 20, effort=3))
    assert "dopamine" not in acute(session("resistance", 19, effort=3))
    assert "dopamine" in acute(session("hiit", 20))
    assert "dopamine" not in acute(session("aerobic", 60, effort=7))


def test_gaba_from_10_hard_minutes():
    assert "gaba" in acute(session(minutes=10, effort=5))
    assert "gaba" not in acute(session(minutes=9, effort=5))
    assert "gaba" not in acute(session(minutes=60, effort=4))


def test_an_hour_of_yoga_fires_gaba_and_nothing_else():
    assert acute(session("mobility", 60, style="yoga")) == {"gaba"}
    assert acute(session("mobility", 59, style="yoga")) == set()
    assert acute(session("mobility", 60, style="pilates")) == set()


def test_mobility_sessions_fire_nothing_even_when_rated_hard():
    assert rules(session("mobility", 60, effort=7, style="pilates")) == set()
    assert rules(session("mobility", 60, effort=7, style="yoga")) == {"gaba.acute", "gaba.chronic"}


def test_light_sessions_fire_nothing():
    for activity in ("aerobic", "mixed", "walking", "resistance"):
        assert rules(session(activity, 180, effort=2)) == set()


def test_bdnf_acute_needs_vigorous_endurance_for_20_minutes():
    assert "bdnf" in acute(session("aerobic", 20, effort=5))
    assert "bdnf" not in acute(session("aerobic", 19, effort=5))
    assert "bdnf" not in acute(session("aerobic", 60, effort=4))
    assert "bdnf" not in acute(session("walking", 60, effort=6))


def test_insulin_acute_for_any_non_mobility_activity_and_valid_48_hours():
    tag = tag_of(session("resistance", 30, effort=3), "insulin_sensitivity.acute")
    assert tag.inputs["valid_hours"] == 48
    assert "insulin_sensitivity" not in acute(session("resistance", 29, effort=3))


def test_ampk_is_graded_by_intensity():
    assert tag_of(session(minutes=20, effort=3), "ampk_signaling.acute").magnitude == "small"
    assert tag_of(session(minutes=20, effort=6), "ampk_signaling.acute").magnitude == "moderate"
    assert tag_of(session(minutes=20, effort=9), "ampk_signaling.acute").magnitude == "large"
    assert "ampk_signaling" not in acute(session(minutes=19, effort=9))
    assert "ampk_signaling" not in acute(session("walking", 60, effort=6))


def test_irisin_needs_intervals_or_vigorous_aerobic_for_20_minutes():
    assert "irisin" in acute(session("hiit", 20, effort=2))
    assert "irisin" in acute(session("aerobic", 20, effort=5))
    assert "irisin" not in acute(session("aerobic", 20, effort=4))
    assert "irisin" not in acute(session("mixed", 60, effort=7))
    assert "irisin" not in acute(session("hiit", 19))


def test_fgf21_needs_45_minutes():
    assert "fgf21" in acute(session("mixed", 45, effort=3))
    assert "fgf21" not in acute(session("mixed", 44, effort=3))


def test_hiit_floor_lets_an_easy_rated_interval_session_count_as_vigorous():
    tags = tag_session(s := session("hiit", 30, effort=3), [s], NOBODY)
    assert {"cortisol_acute", "bdnf", "irisin"} <= {t.effect for t in tags}
    assert tags[0].inputs["hiit_floor"] is True


# --- windows --------------------------------------------------------------------------------


def test_session_27_days_before_counts_in_w28_and_28_days_before_does_not():
    inside = window([session(minutes=40, effort=3, ago=27)], 4)
    outside = window([session(minutes=40, effort=3, ago=28)], 4)
    assert inside.mvpa() == 10
    assert outside.mvpa() == 0


def test_weeks_ok_counts_within_7_day_blocks_ending_on_the_date():
    def weeks_ok(offsets):
        history = [session(effort=3, ago=ago) for ago in offsets]
        return window(history, 4).weeks_ok(aerobic30, 3)

    assert weeks_ok([4, 5, 6]) == 1  # all in block 1 (offsets 0..6)
    assert weeks_ok([5, 6, 7]) == 0  # offset 7 opens block 2
    assert weeks_ok([7, 10, 13, 21, 22, 27]) == 2  # blocks 2 and 4
    assert weeks_ok([21, 22, 28]) == 0  # offset 28 is outside W28


def test_mvpa_counts_vigorous_minutes_twice_and_skips_strength_and_light_work():
    history = [
        session("aerobic", 60, effort=6),  # 120
        session("walking", 30, effort=3, ago=1),  # 30
        session("resistance", 60, effort=6, ago=2),  # not an mvpa activity
        session("aerobic", 60, effort=2, ago=3),  # light
        session("mobility", 60, effort=6, ago=4),  # mobility
    ]
    w28 = window(history, 4)
    assert w28.moderate_equivalent_minutes() == 150
    assert w28.mvpa() == 37.5


def test_days_counts_distinct_dates_per_week():
    history = [session(effort=3), session(effort=3), session(effort=3, ago=1)]
    assert window(history, 4).days(aerobic30) == 0.5


def test_max_gap_counts_days_without_moderate_work_including_window_edges():
    def max_gap(offsets, **kw):
        history = [session(effort=3, ago=ago, **kw) for ago in offsets]
        return window(history, 4).max_gap()

    assert max_gap([]) == 28
    assert max_gap(range(0, 28, 3)) == 2
    assert max_gap(range(0, 25)) == 3  # offsets 25..27 at the old edge
    assert max_gap(range(3, 28)) == 3  # offsets 0..2 at the new edge
    assert max_gap(range(0, 28), activity="mobility") == 28


def test_sessions_after_the_date_do_not_count_and_same_day_ones_do():
    today = session(effort=3)
    later = SessionFacts("later", DAY + datetime.timedelta(days=1), "aerobic", 600, effort=3)
    same_day = session("walking", 600, effort=3)
    tag = tag_of(today, "hpa_recalibration.chronic", [later, same_day])
    assert tag.inputs["mvpa"] == (30 + 600) / 4


# --- chronic rules --------------------------------------------------------------------------


def test_regular_moderate_work_is_sustained_after_three_consistent_weeks():
    history = weekly(3)  # 3 x 60 min moderate in blocks 1-3: mvpa 135, 3 of 4 weeks
    history += [session(minutes=60, effort=3, ago=21)]  # lifts mvpa to 150
    tag = tag_of(the_last(history), "hpa_recalibration.chronic", history)
    assert tag.status == "sustained"
    assert tag.inputs["weeks_ok"] == 3
    assert tag.inputs["mvpa"] == 150
    assert tag.inputs["progress"] == "150 weekly cardio minutes; 3 of 4 weeks with 3+ active days"


def test_regular_moderate_work_is_building_with_progress_before_that():
    history = weekly(2, minutes=120)  # mvpa 180 but only 2 consistent weeks
    tag = tag_of(the_last(history), "hpa_recalibration.chronic", history)
    assert tag.status == "building"
    assert tag.inputs["progress"] == "180 weekly cardio minutes; 2 of 3 weeks with 3+ active days"


def test_one_big_week_is_not_consistent():
    history = weekly(1, per_week=4, minutes=300)
    tag = tag_of(the_last(history), "anti_inflammatory.chronic", history)
    assert tag.status == "building"


def test_chronic_tags_sit_only_on_contributing_sessions():
    history = weekly(4)
    lifting = session("resistance", 60, effort=6)
    assert "hpa_recalibration.chronic" not in rules(lifting, history)
    assert "rx_d2.chronic" in rules(lifting, history)  # any vigorous session contributes


def test_serotonin_chronic_needs_regular_aerobic_and_150_minutes():
    sustained = weekly(4, minutes=50)  # 12 days of 50 min: 150 a week
    assert tag_of(the_last(sustained), "serotonin.chronic", sustained).status == "sustained"
    short = weekly(4, minutes=45)
    tag = tag_of(the_last(short), "serotonin.chronic", short)
    assert tag.status == "building"
    assert "135 of 150 weekly cardio minutes" in tag.inputs["progress"]


def test_aerobic_reg_needs_12_days_of_30_minutes():
    thirty = weekly(4, per_week=2, minutes=30)  # 8 days of 30 minutes
    history = thirty + weekly(4, per_week=3, minutes=29)  # active, but too short for it
    tag = tag_of(thirty[0], "bdnf.chronic", history)
    assert tag.status == "building"
    assert tag.inputs["days"] == 2
    assert tag.inputs["progress"].startswith("8 of 12 days with 30+ minutes of cardio")


def test_insulin_chronic_allows_two_days_off_but_not_three():
    history = weekly(4)  # offsets 0,2,4 in each block: never more than 2 days off
    tag = tag_of(the_last(history), "insulin_sensitivity.chronic", history)
    assert tag.status == "sustained"
    assert tag.inputs["max_gap"] == 2
    gappy = [s for s in history if s.date != DAY - datetime.timedelta(days=16)]
    gappy.append(session(minutes=60, effort=3, ago=1))  # keeps 12 days, opens a 3-day gap
    tag = tag_of(the_last(gappy), "insulin_sensitivity.chronic", gappy)
    assert tag.status == "building"
    assert tag.inputs["max_gap"] == 3


def test_dopamine_chronic_needs_two_strength_or_interval_days_in_three_weeks():
    three = weekly(3, per_week=2, activity="resistance", minutes=40)
    assert tag_of(the_last(three), "dopamine.chronic", three).status == "sustained"
    two = weekly(2, per_week=2, activity="hiit", minutes=20)
    tag = tag_of(the_last(two), "dopamine.chronic", two)
    assert tag.status == "building"
    assert tag.inputs["progress"] == "2 of 3 weeks with 2+ interval or strength days"


def test_testosterone_is_tagged_only_for_men():
    history = weekly(3, per_week=2, activity="resistance", minutes=40)
    s = the_last(history)
    assert tag_of(s, "testosterone.chronic", history, MAN).status == "sustained"
    assert "testosterone.chronic" not in rules(s, history, WOMAN)
    assert "testosterone.chronic" not in rules(s, history, NOBODY)


def test_ovarian_balance_is_tagged_only_for_women_without_missed_periods():
    history = weekly(4)
    s = the_last(history)
    assert tag_of(s, "ovarian_balance.chronic", history, WOMAN).status == "sustained"
    assert "ovarian_balance.chronic" not in rules(s, history, MAN)
    assert "ovarian_balance.chronic" not in rules(s, history, NOBODY)
    flagged = ProfileFacts(sex="female", missed_period=True)
    assert "ovarian_balance.chronic" not in rules(s, history, flagged)


def test_ovarian_balance_is_building_above_300_minutes_a_week():
    history = weekly(4, minutes=120)  # 360 a week
    tag = tag_of(the_last(history), "ovarian_balance.chronic", history, WOMAN)
    assert tag.status == "building"
    assert "over the 300 cap" in tag.inputs["progress"]


def test_mito_biogenesis_needs_20_minute_endurance_sessions_not_walks():
    history = weekly(4, minutes=20, effort=5)
    assert tag_of(the_last(history), "mito_biogenesis.chronic", history).status == "sustained"
    walks = weekly(4, activity="walking")
    assert "mito_biogenesis.chronic" not in rules(the_last(walks), walks)


def test_5ht1a_receptors_need_the_pattern_in_5_of_6_weeks():
    five = weekly(5, activity="walking", minutes=30)
    assert tag_of(the_last(five), "rx_5ht1a.chronic", five).status == "sustained"
    four = weekly(4, activity="walking", minutes=30)
    tag = tag_of(the_last(four), "rx_5ht1a.chronic", four)
    assert tag.status == "building"
    assert tag.inputs["progress"] == "4 of 5 weeks with 3+ days of 30+ minute cardio or walks"
    hiit = session("hiit", 30)
    assert "rx_5ht1a.chronic" not in rules(hiit, five)


def test_d2_receptors_need_three_hard_days_in_5_of_6_weeks():
    history = weekly(5, activity="resistance", minutes=40, effort=6)
    tag = tag_of(the_last(history), "rx_d2.chronic", history)
    assert tag.status == "sustained"
    assert tag.inputs["weeks_ok"] == 5


def test_yoga_reaches_chronic_gaba_through_the_12_week_path():
    ten = weekly(10, activity="mobility", style="yoga", effort=None)
    tag = tag_of(the_last(ten), "gaba.chronic", ten)
    assert tag.status == "sustained"
    assert tag.inputs["yoga_weeks_ok"] == 10
    nine = weekly(9, activity="mobility", style="yoga", effort=None)
    tag = tag_of(the_last(nine), "gaba.chronic", nine)
    assert tag.status == "building"
    assert tag.inputs["progress"] == "9 of 10 weeks with 3+ hour-long yoga sessions"
    short = weekly(12, activity="mobility", style="yoga", minutes=59, effort=None)
    assert rules(the_last(short), short) == set()


def test_a_yoga_session_shows_gaba_sustained_when_regular_cardio_holds():
    history = weekly(4)
    yoga = session("mobility", 60, style="yoga")
    assert tag_of(yoga, "gaba.chronic", history).status == "sustained"
    assert tag_of(yoga, "gaba.chronic", []).status == "building"


def test_tags_are_sorted_by_rule_and_carry_the_rules_version():
    history = weekly(4, minutes=50, effort=6)
    tags = tag_session(the_last(history), history, WOMAN)
    assert [t.rule for t in tags] == sorted(t.rule for t in tags)
    assert {t.rule_version for t in tags} == {RULES_VERSION}
    assert all(t.rule == f"{t.effect}.{t.timescale}" for t in tags)
    assert {t.status for t in tags if t.timescale == "acute"} == {"acute"}
    json.dumps([t.inputs for t in tags])  # storable as JSON


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
