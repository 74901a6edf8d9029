"""experiments.md section 3: the draw, the default start, the plan's dates and status."""

import inspect
import secrets
from datetime import date, timedelta

from journal.experiments.designs import DESIGNS
from journal.experiments.schedule import Plan, default_start, draw

DAY_DESIGN, WEEK_DESIGN = DESIGNS["steady-vs-rest-mood"], DESIGNS["regular-vs-light-mood"]


def test_the_draw_uses_secrets_and_gives_one_a_and_one_b_per_pair():
    assert inspect.signature(draw).parameters["choice"].default is secrets.choice
    schedule = draw(20)
    assert len(schedule) == 40
    assert all(sorted(schedule[i : i + 2]) == ["A", "B"] for i in range(0, 40, 2))


def test_each_pair_is_drawn_on_its_own():
    orders = iter([("B", "A"), ("A", "B"), ("B", "A")])
    assert draw(3, choice=lambda options: next(orders)) == ["B", "A", "A", "B", "B", "A"]


def test_the_default_start_is_tomorrow_or_the_next_monday():
    monday = date(2026, 11, 30)
    assert default_start(DAY_DESIGN, monday) == monday + timedelta(days=1)
    assert default_start(WEEK_DESIGN, monday) == monday + timedelta(days=7)
    assert default_start(WEEK_DESIGN, monday + timedelta(days=6)) == monday + timedelta(days=7)


def test_the_plan_ends_after_the_next_day_check_in():
    start = date(2026, 12, 1)
    plan = Plan(DAY_DESIGN, start, ("A", "B") * 10)
    assert plan.last_day == start + timedelta(days=19)
    assert plan.end == start + timedelta(days=20)
    assert plan.status(start - timedelta(days=1)) == "planned"
    assert plan.status(plan.end) == "running"
    assert plan.status(plan.end + timedelta(days=1)) == "finished"
    assert plan.status(start, stopped=start) == "stopped"
    weeks = Plan(WEEK_DESIGN, date(2026, 11, 30), ("A", "B") * 4)
    assert weeks.end == weeks.last_day == date(2026, 11, 30) + timedelta(weeks=8, days=-1)
    assert weeks.unit_on(date(2026, 12, 9)) == 1
