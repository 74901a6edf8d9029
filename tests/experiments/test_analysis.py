"""experiments.md sections 2 to 4 on hand-made days, without a database."""

import itertools
import math
import random
from datetime import date, timedelta

import pytest

from journal import tagging
from journal.experiments import analysis as an
from journal.experiments import designs as d
from journal.experiments.designs import DESIGNS
from journal.experiments.schedule import Plan

PROFILE = tagging.ProfileFacts()
MONDAY = date(2026, 11, 2)


def logged(day, activity, minutes, effort=None, style="", before=None, after=None, key=None):
    facts = tagging.SessionFacts(
        key=key or (day, activity, minutes, effort, style),
        date=day,
        activity=activity,
        minutes=minutes,
        effort=effort,
        style=style,
    )
    return an.Logged(facts, before, after)


def rated(*sessions):
    return [an.rate(s, PROFILE) for s in sessions]


DAY = MONDAY
# Effort 4 is moderate, 6 vigorous, 8 near maximal (CR-10 bands of the tagging engine).
WALK_25 = logged(DAY, "walking", 25, effort=2)
WALK_30 = logged(DAY, "walking", 30, effort=2)
RUN_40 = logged(DAY, "aerobic", 40, effort=4)
RUN_25 = logged(DAY, "aerobic", 25, effort=4)
HARD_RUN_30 = logged(DAY, "aerobic", 30, effort=6)
HIIT_15 = logged(DAY, "hiit", 15, effort=3)
YOGA_30 = logged(DAY, "mobility", 30, effort=2, style="yoga")
PILATES_30 = logged(DAY, "mobility", 30, effort=2, style="pilates")


class TestDayConditions:
    def test_a_25_minute_walk_keeps_a_rest_day(self):
        assert an.day_holds(d.REST, rated(WALK_25))

    def test_no_session_is_a_rest_day(self):
        assert an.day_holds(d.REST, [])

    def test_a_30_minute_walk_or_any_run_breaks_rest(self):
        assert not an.day_holds(d.REST, rated(WALK_30))
        assert not an.day_holds(d.REST, rated(logged(DAY, "aerobic", 10, effort=2)))

    def test_steady_needs_30_moderate_minutes_of_cardio(self):
        assert an.day_holds(d.STEADY, rated(RUN_40))
        assert an.day_holds(d.STEADY, rated(logged(DAY, "walking", 45, effort=3)))
        assert not an.day_holds(d.STEADY, rated(RUN_25))
        assert not an.day_holds(d.STEADY, rated(logged(DAY, "resistance", 45, effort=4)))
        assert not an.day_holds(d.STEADY, rated(logged(DAY, "aerobic", 40, effort=2)))  # light

    def test_a_vigorous_session_breaks_steady(self):
        assert not an.day_holds(d.STEADY, rated(RUN_40, HARD_RUN_30))
        assert not an.day_holds(d.STEADY, rated(RUN_40, logged(DAY, "resistance", 20, effort=8)))

    def test_hard_needs_20_vigorous_minutes(self):
        assert an.day_holds(d.HARD, rated(HARD_RUN_30))
        assert an.day_holds(d.HARD, rated(logged(DAY, "resistance", 20, effort=8)))
        assert not an.day_holds(d.HARD, rated(logged(DAY, "aerobic", 19, effort=6)))
        assert not an.day_holds(d.HARD, rated(RUN_40))

    def test_intervals_needs_a_hiit_session_of_any_length(self):
        assert an.day_holds(d.INTERVALS, rated(HIIT_15))
        assert an.day_holds(d.INTERVALS, rated(HIIT_15, HARD_RUN_30))
        assert not an.day_holds(d.INTERVALS, rated(HARD_RUN_30))

    def test_yoga_needs_20_minutes_of_yoga_and_nothing_hard(self):
        assert an.day_holds(d.YOGA, rated(YOGA_30))
        assert an.day_holds(d.YOGA, rated(YOGA_30, WALK_25))
        assert not an.day_holds(d.YOGA, rated(PILATES_30))
        assert not an.day_holds(d.YOGA, rated(logged(DAY, "mobility", 15, style="yoga")))
        assert not an.day_holds(d.YOGA, rated(YOGA_30, HARD_RUN_30))

    def test_intensity_comes_from_the_tagging_engine(self):
        # No effort, no heart rate: the engine's default METs make hiit vigorous (its floor).
        plain_hiit = logged(DAY, "hiit", 25)
        assert (
            an.rate(plain_hiit, PROFILE).intensity == tagging.classify(plain_hiit.facts, PROFILE)[0]
        )
        assert an.day_holds(d.HARD, rated(plain_hiit))


def week_of(active_days: int, extra_light: int = 0):
    """Seven days: `active_days` with a 30-minute moderate run, then light walks."""
    days = []
    for i in range(7):
        day = MONDAY + timedelta(days=i)
        if i < active_days:
            days.append(rated(logged(day, "aerobic", 30, effort=4)))
        elif i < active_days + extra_light:
            days.append(rated(logged(day, "walking", 20, effort=2)))
        else:
            days.append([])
    return days


class TestWeekConditions:
    def test_exactly_three_qualifying_days_is_a_regular_week(self):
        assert an.week_holds(d.REGULAR_WEEK, week_of(3))
        assert not an.week_holds(d.LIGHT_WEEK, week_of(3))

    def test_two_qualifying_days_is_neither(self):
        assert not an.week_holds(d.REGULAR_WEEK, week_of(2))
        assert not an.week_holds(d.LIGHT_WEEK, week_of(2))

    def test_one_qualifying_day_and_light_walks_is_a_light_week(self):
        assert an.week_holds(d.LIGHT_WEEK, week_of(1, extra_light=5))
        assert an.week_holds(d.LIGHT_WEEK, week_of(0))

    def test_two_sessions_on_one_day_count_one_day(self):
        day = [rated(logged(MONDAY, "aerobic", 30, effort=4), logged(MONDAY, "hiit", 30, effort=7))]
        assert not an.week_holds(d.REGULAR_WEEK, day + [[]] * 6)


class TestOutcomes:
    def test_same_day_feeling_reads_the_assigned_conditions_sessions(self):
        sessions = rated(
            logged(DAY, "hiit", 20, effort=7, before=0, after=3, key=1),
            logged(DAY, "hiit", 20, effort=7, before=1, after=2, key=2),
            logged(DAY, "aerobic", 40, effort=4, before=0, after=4, key=3),
            logged(DAY, "hiit", 20, effort=7, before=None, after=2, key=4),  # not rated
        )
        assert an.same_day_feeling(d.INTERVALS, sessions) == 2.0  # (3 + 1) / 2
        assert an.same_day_feeling(d.STEADY, sessions) == 4.0
        assert an.same_day_feeling(d.STEADY, rated(RUN_25)) is None

    def test_week_outcome_needs_two_checkins_thursday_to_sunday(self):
        checkins = {MONDAY + timedelta(days=3): {"stress": 2}}
        assert an.week_mean(MONDAY, "stress", checkins) is None  # one check-in: missing
        checkins[MONDAY + timedelta(days=6)] = {"stress": 4}
        assert an.week_mean(MONDAY, "stress", checkins) == 3.0
        checkins[MONDAY] = {"stress": 5}  # Monday does not count
        checkins[MONDAY + timedelta(days=4)] = {"stress": None}  # not recorded
        assert an.week_mean(MONDAY, "stress", checkins) == 3.0


def next_day_experiment(schedule, outcomes, followed_days=None, today=None):
    """steady-vs-rest-mood on hand-made days: each A day gets a 40-minute moderate run unless
    listed as not followed; the mood of day i + 1 is outcomes[i]."""
    plan = Plan(DESIGNS["steady-vs-rest-mood"], MONDAY, tuple(schedule))
    broken = set(followed_days or ())
    sessions = []
    checkins = {}
    for i, arm in enumerate(schedule):
        day = MONDAY + timedelta(days=i)
        if (arm == "A") != (i in broken):
            sessions.append(logged(day, "aerobic", 40, effort=4, key=i))
        if outcomes[i] is not None:
            checkins[day + timedelta(days=1)] = {"mood": outcomes[i]}
    today = today or MONDAY + timedelta(days=len(schedule) + 2)
    return an.analyse(plan, sessions, checkins, PROFILE, today)


class TestFigures:
    def test_itt_and_as_followed_differ_when_a_plan_is_broken(self):
        schedule = ["A", "B"] * 6
        # d = +1 in every pair but the last two, where A scored 2 below B.
        outcomes = [4, 3, 4, 3, 5, 4, 4, 3, 2, 4, 2, 4]
        # In pairs 4 and 5 the A day was a rest day: the plan was broken twice.
        result = next_day_experiment(schedule, outcomes, followed_days={8, 10})
        assert [u.followed for u in result.units] == [True] * 8 + [False, True, False, True]
        assert result.itt.n_pairs == 6
        assert result.itt.mean == pytest.approx((4 * 1 - 2 - 2) / 6)
        assert result.as_followed.n_pairs == 4
        assert result.as_followed.mean == 1.0
        assert result.as_followed.sd == 0.0
        assert (result.as_followed.ci_low, result.as_followed.ci_high) == (1.0, 1.0)
        assert result.as_followed.dz is None
        assert result.as_followed.verdict == an.CONSISTENT
        assert result.itt.verdict == an.UNCLEAR
        assert result.adherence == pytest.approx(10 / 12)

    def test_missing_outcomes_leave_their_pair_out_and_are_counted(self):
        schedule = ["B", "A"] * 5
        outcomes = [3, 4, None, 4, 3, 5, 3, 4, 2, 3]
        result = next_day_experiment(schedule, outcomes)
        assert result.itt.n_pairs == 4
        assert result.missing_pairs == 1
        assert result.itt.differences == (1.0, 2.0, 1.0, 1.0)
        mean, sd = 1.25, math.sqrt(((-0.25) ** 2 * 3 + 0.75**2) / 3)
        assert result.itt.mean == mean
        assert result.itt.sd == pytest.approx(sd)
        half = 3.182446305284263 * sd / 2  # t(0.975, 3)
        assert result.itt.ci_low == pytest.approx(mean - half)
        assert result.itt.ci_high == pytest.approx(mean + half)
        assert result.itt.dz == pytest.approx(mean / sd)
        assert result.itt.p_value == 2 / 16  # only all-plus and all-minus reach |5|

    @pytest.mark.parametrize(("complete", "computed"), [(3, False), (4, True)])
    def test_the_guard_at_three_and_four_complete_pairs(self, complete, computed):
        schedule = ["A", "B"] * 5
        outcomes = [4, 3, 5, 3, 4, 2, 5, 4, 4, 3]
        outcomes = [v if i < 2 * complete else None for i, v in enumerate(outcomes)]
        result = next_day_experiment(schedule, outcomes)
        assert result.itt.n_pairs == complete
        if computed:
            assert result.itt.mean is not None
            assert result.itt.p_value is not None
            assert result.itt.verdict != an.NOT_ENOUGH_DATA
        else:
            assert result.itt.verdict == an.NOT_ENOUGH_DATA
            assert result.itt.as_json() == {
                "n_pairs": 3,
                "mean": None,
                "sd": None,
                "ci_low": None,
                "ci_high": None,
                "p_value": None,
                "dz": None,
                "verdict": an.NOT_ENOUGH_DATA,
            }

    def test_units_run_through_today_and_a_pair_in_progress_is_not_missing(self):
        schedule = ["A", "B"] * 10
        outcomes = [4, 3] * 10
        result = next_day_experiment(schedule, outcomes, today=MONDAY + timedelta(days=6))
        assert len(result.units) == 7
        assert result.status == "running"
        assert result.missing_pairs == 0
        assert result.itt.n_pairs == 3  # day 6's outcome is tomorrow's check-in

    @pytest.mark.parametrize(
        ("direction", "low", "high", "expected"),
        [
            (d.UP, 0.1, 1.0, an.CONSISTENT),
            (d.UP, -1.0, -0.1, an.OPPOSITE),
            (d.UP, 0.0, 1.0, an.UNCLEAR),
            (d.DOWN, -1.0, -0.1, an.CONSISTENT),
            (d.DOWN, 0.1, 1.0, an.OPPOSITE),
            (d.DOWN, -1.0, 0.0, an.UNCLEAR),
            (d.NONE, 0.1, 1.0, an.A_HIGHER),
            (d.NONE, -1.0, -0.1, an.B_HIGHER),
            (d.NONE, -1.0, 1.0, an.UNCLEAR),
        ],
    )
    def test_verdicts(self, direction, low, high, expected):
        assert an.verdict(low, high, direction) == expected


def brute_force_p(differences):
    observed = abs(sum(differences))
    hits = sum(
        abs(sum(s * x for s, x in zip(signs, differences, strict=True))) >= observed - 1e-9
        for signs in itertools.product((1, -1), repeat=len(differences))
    )
    return hits / 2 ** len(differences)


def counting_p(quarters):
    """The fast method: the distribution of sum s_i d_i by dynamic programming over exact
    integer sums (every d_i a whole number of quarter points)."""
    counts = {0: 1}
    for q in quarters:
        nxt = {}
        for total, ways in counts.items():
            nxt[total + q] = nxt.get(total + q, 0) + ways
            nxt[total - q] = nxt.get(total - q, 0) + ways
        counts = nxt
    observed = abs(sum(quarters))
    return sum(ways for total, ways in counts.items() if abs(total) >= observed) / 2 ** len(
        quarters
    )


class TestExactPValue:
    @pytest.mark.parametrize("seed", range(12))
    def test_against_brute_force_for_small_n(self, seed):
        rng = random.Random(seed)
        n = rng.randint(1, 10)
        differences = [rng.choice([-2, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3]) for _ in range(n)]
        assert an.exact_p_value(differences) == brute_force_p(differences)

    def test_irrational_differences_against_brute_force(self):
        differences = [0.1, 0.2, -0.3, 1 / 3, 2 / 3, -1.0, 0.7]  # float sums tie only nearly
        assert an.exact_p_value(differences) == brute_force_p(differences)

    @pytest.mark.parametrize("seed", range(3))
    def test_against_a_counting_method_for_n_20(self, seed):
        rng = random.Random(100 + seed)
        quarters = [rng.randint(-6, 10) for _ in range(20)]
        assert an.exact_p_value([q / 4 for q in quarters]) == counting_p(quarters)

    def test_all_zero_differences_give_one(self):
        assert an.exact_p_value([0.0] * 6) == 1.0


class TestOtherShapes:
    def test_a_week_experiment_reads_mondays_week_conditions_and_late_week_means(self):
        plan = Plan(DESIGNS["regular-vs-light-stress"], MONDAY, ("A", "B") * 4)
        sessions, checkins = [], {}
        for week, arm in enumerate(plan.schedule):
            monday = MONDAY + timedelta(weeks=week)
            runs = 3 if arm == "A" else 1
            for day in range(runs):
                sessions.append(logged(monday + timedelta(days=day), "aerobic", 35, effort=4))
            stress = 2 if arm == "A" else 3
            for day in (3, 5, 6):  # Thursday, Saturday, Sunday
                checkins[monday + timedelta(days=day)] = {"stress": stress}
        checkins[MONDAY + timedelta(weeks=7, days=5)] = {"stress": None}  # the last week: 2 left
        result = an.analyse(plan, sessions, checkins, PROFILE, MONDAY + timedelta(weeks=9))
        assert [u.date for u in result.units] == [MONDAY + timedelta(weeks=w) for w in range(8)]
        assert all(u.followed for u in result.units)
        assert result.itt.differences == (-1.0,) * 4
        assert result.itt.verdict == an.CONSISTENT  # stress is predicted down
        assert result.status == "finished"

    def test_a_same_day_experiment_reads_the_feelings_of_the_drawn_condition(self):
        plan = Plan(DESIGNS["intervals-vs-steady-feeling"], MONDAY, ("A", "B") * 4)
        sessions = []
        for i in range(len(plan.schedule)):
            day = MONDAY + timedelta(days=i)
            sessions.append(logged(day, "hiit", 20, effort=7, before=0, after=3, key=(i, 1)))
            sessions.append(logged(day, "aerobic", 40, effort=4, before=0, after=1, key=(i, 2)))
        result = an.analyse(plan, sessions, {}, PROFILE, MONDAY + timedelta(days=10))
        # By the draw: the A day reads its hiit session, the B day its steady run.
        assert result.itt.differences == (2.0,) * 4
        # Each day held both, so a steady day with hiit on it did not keep the plan...
        assert [u.followed for u in result.units] == [True, False] * 4
        assert result.as_followed.n_pairs == 0

    def test_a_stopped_experiment_keeps_its_units_through_the_stop(self):
        schedule = ("A", "B") * 10
        plan = Plan(DESIGNS["steady-vs-rest-mood"], MONDAY, schedule)
        checkins = {MONDAY + timedelta(days=i + 1): {"mood": 3} for i in range(20)}
        stopped = MONDAY + timedelta(days=6)
        result = an.analyse(plan, [], checkins, PROFILE, MONDAY + timedelta(days=30), stopped)
        assert result.status == "stopped"
        assert len(result.units) == 7  # days 0..6
        assert result.itt.n_pairs == 3
        assert result.missing_pairs == 1  # pair 3 lost its second day to the stop
        assert result.adherence == 3 / 7  # no session: the 3 rest days kept, 4 steady missed
