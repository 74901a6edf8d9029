"""journal.tagging's acute rules, one effect at a time. No database."""

from journal.tagging import (
    tag_session,
)
from tests.tagging.builders import NOBODY, acute, rules, session, tag_of

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
