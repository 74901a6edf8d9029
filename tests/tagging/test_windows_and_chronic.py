"""journal.tagging's windows and chronic rules: weeks, gaps, patterns. No database."""

import datetime
import json

from journal.tagging import (
    RULES_VERSION,
    ProfileFacts,
    SessionFacts,
    aerobic30,
    tag_session,
)
from tests.tagging.builders import (
    DAY,
    MAN,
    NOBODY,
    WOMAN,
    rules,
    session,
    tag_of,
    the_last,
    weekly,
    window,
)

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
