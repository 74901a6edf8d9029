"""Who counts as "with" and "without" in each kind of claim (insights.md section 1)."""

from datetime import date, timedelta

import pytest

from journal.insights.analysis import (
    CHRONIC_EFFECTS,
    CLAIMS,
    CLAIMS_BY_KEY,
    NOT_ENOUGH_DATA,
    SessionRow,
    as_json,
    chronic_dates,
    chronic_units,
    evaluate,
    groups,
    next_day_units,
    session_units,
)

D = date(2026, 3, 2)


def day(n: int) -> date:
    return D + timedelta(days=n)


def checkin(**values):
    return {"mood": 3, "sleep_quality": 6, **values}


def session_groups(*args):
    return groups(session_units(*args))


def next_day_groups(*args):
    return groups(next_day_units(*args))


def chronic_groups(*args):
    return groups(chronic_units(*args))


def no_chronic(dates):
    return {effect: dict.fromkeys(dates, False) for effect in CHRONIC_EFFECTS}


def test_session_claims_compare_tagged_with_untagged_sessions():
    sessions = [
        SessionRow(day(0), frozenset({"endorphins"}), 0, 3),
        SessionRow(day(1), frozenset({"endorphins", "serotonin"}), -1, 1),
        SessionRow(day(1), frozenset(), 1, 1),
        SessionRow(day(2), frozenset({"serotonin"}), 2, 1),
    ]
    claim = CLAIMS_BY_KEY["feeling-endorphins"]
    assert session_groups(claim, sessions, None, day(9)) == ([3, 2], [0, -1])


def test_a_session_without_both_ratings_is_left_out():
    sessions = [
        SessionRow(day(0), frozenset({"catecholamines"}), 0, 2, None, 5),
        SessionRow(day(1), frozenset({"catecholamines"}), 0, 2, 2, 5),
        SessionRow(day(2), frozenset(), None, 2, 3, 3),
    ]
    arousal = CLAIMS_BY_KEY["arousal-catecholamines"]
    feeling = CLAIMS_BY_KEY["feeling-endorphins"]
    assert session_groups(arousal, sessions, None, day(9)) == ([3], [0])
    assert session_groups(feeling, sessions, None, day(9)) == ([], [2, 2])


def test_the_range_limits_the_sessions_date():
    sessions = [SessionRow(day(n), frozenset({"endorphins"}), 0, n) for n in range(5)]
    claim = CLAIMS_BY_KEY["feeling-endorphins"]
    assert session_groups(claim, sessions, day(2), day(3)) == ([2, 3], [])


def test_next_day_claims_read_the_following_mornings_check_in():
    claim = CLAIMS_BY_KEY["sleep-gaba"]
    checkins = {
        day(1): checkin(sleep_quality=8),  # after a GABA day
        day(2): checkin(sleep_quality=5),  # after an untagged session
        day(3): checkin(sleep_quality=4),  # after a rest day: still "without"
        day(0): checkin(sleep_quality=2),  # the day before has nothing logged: "without"
    }
    assert next_day_groups(claim, {day(0)}, checkins, None, day(9)) == ([8], [5, 4, 2])


def test_a_next_day_unit_needs_the_outcome_on_the_following_day():
    claim = CLAIMS_BY_KEY["anxiety-gaba"]
    checkins = {
        day(1): checkin(anxiety=None),  # optional item not kept: the unit is left out
        day(3): checkin(anxiety=2),
        # no check-in on day(5): the GABA day(4) is not a unit at all
    }
    tagged = {day(0), day(2), day(4)}
    assert next_day_groups(claim, tagged, checkins, None, day(9)) == ([2], [])


def test_next_day_range_limits_the_session_day_not_the_check_in():
    claim = CLAIMS_BY_KEY["mood-endorphins"]
    checkins = {day(n): checkin(mood=n % 5 + 1) for n in range(6)}
    # d runs over day(2)..day(4), so the check-ins of day(3)..day(5) count.
    assert next_day_groups(claim, {day(2)}, checkins, day(2), day(4)) == ([4], [5, 1])


def test_chronic_claims_read_the_predicate_on_every_check_in_day():
    claim = CLAIMS_BY_KEY["stress-hpa"]
    checkins = {day(n): checkin(stress=n + 1) for n in range(4)}
    checkins[day(4)] = checkin(stress=None)
    # day(1) and day(3) have no session at all; the predicate still holds on day(3).
    holds = {day(0): True, day(1): False, day(2): False, day(3): True, day(4): True}
    assert chronic_groups(claim, holds, checkins, None, day(9)) == ([1, 4], [2, 3])
    wanted = chronic_dates(checkins, day(1), day(3))
    assert wanted["hpa_recalibration"] == [day(1), day(2), day(3)]
    assert wanted["dopamine"] == []  # no check-in records motivation


def test_evaluate_returns_the_sixteen_claims_in_order_with_what_is_missing():
    sessions = [SessionRow(day(n), frozenset({"endorphins"}), 0, 2) for n in range(2)]
    sessions += [SessionRow(day(n), frozenset(), 0, n % 3) for n in range(2, 7)]
    checkins = {day(n): checkin() for n in range(7)}
    results = evaluate(sessions, checkins, no_chronic(checkins), None, day(7))
    assert [r.claim for r in results] == list(CLAIMS)
    first = results[0]
    assert (first.n_with, first.n_without, first.verdict) == (2, 5, NOT_ENOUGH_DATA)
    assert (first.need_with, first.need_without) == (1, 0)
    # mood-endorphins: days 0 and 1 tagged, read on days 1 and 2; days 2..5 read on 3..6,
    # and the day before the first session, read on day 0, is a "without" day too.
    mood = results[4]
    assert (mood.n_with, mood.n_without) == (2, 5)
    # No chronic predicate holds: every check-in day is "without".
    chronic = results[11]
    assert (chronic.n_with, chronic.n_without, chronic.need_with) == (0, 7, 3)


def test_the_json_has_every_field_of_section_6():
    sessions = [
        SessionRow(day(n), frozenset({"endorphins"} if n < 4 else ()), 0, n % 4) for n in range(9)
    ]
    checkins = {day(n): checkin() for n in range(9)}
    out = as_json("all", evaluate(sessions, checkins, no_chronic(checkins), None, day(9)))
    assert list(out) == ["version", "range", "claims"]
    assert out["version"] == 2
    assert out["range"] == "all"
    assert [c["key"] for c in out["claims"]] == [c.key for c in CLAIMS]
    first = out["claims"][0]
    assert list(first) == [
        "key", "effect", "kind", "outcome", "direction", "n_with", "n_without", "mean_with",
        "mean_without", "difference", "se", "df", "rho_exposure", "rho_outcome",
        "design_factor", "se_adj", "df_adj", "ci_low", "ci_high", "p_value", "q_value",
        "hedges_g", "verdict", "firm", "same_evidence_as",
    ]  # fmt: skip
    # A session claim: sessions taken as independent (3.1).
    assert (first["rho_exposure"], first["rho_outcome"], first["design_factor"]) == (
        None,
        None,
        1,
    )
    assert first["se_adj"] == first["se"]
    assert first["firm"] is False  # fewer than 10 on each side
    assert first["mean_with"] == pytest.approx(1.5)
    assert first["n_with"] == 4
    assert first["n_without"] == 5
    assert first["verdict"] == "unclear"
    missing = out["claims"][11]
    assert missing["difference"] is None
    assert missing["verdict"] == NOT_ENOUGH_DATA
    # Not computed: every figure null, no q-value, never firm, no evidence shared.
    for field in ("se", "df", "rho_exposure", "design_factor", "p_value", "q_value"):
        assert missing[field] is None
    assert (missing["firm"], missing["same_evidence_as"]) == (False, [])
