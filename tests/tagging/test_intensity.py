"""journal.tagging's intensity classes: effort, heart rate, 1RM and METs. No database."""

import pytest

from journal.tagging import (
    Intensity,
    ProfileFacts,
    classify,
)
from tests.tagging.builders import NOBODY, session

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
