"""What the pages say (experiments.md section 5), from hand-made analyses."""

from datetime import date, timedelta

from journal import tagging
from journal.experiments import analysis as an
from journal.experiments import words
from journal.experiments.designs import DESIGNS
from journal.experiments.schedule import Plan

MONDAY = date(2026, 11, 2)


def result_of(design, schedule, checkins, today, start=MONDAY):
    plan = Plan(DESIGNS[design], start, tuple(schedule))
    return plan, an.analyse(plan, [], checkins, tagging.ProfileFacts(), today)


def test_the_result_sentence_reads_like_section_5():
    schedule = ("A", "B") * 5
    moods = [4, 3, 4, 3, 5, 3, 4, 4, 4, 3]
    checkins = {MONDAY + timedelta(days=i + 1): {"mood": m} for i, m in enumerate(moods)}
    _, result = result_of("steady-vs-rest-mood", schedule, checkins, MONDAY + timedelta(days=20))
    sentence = words.result_sentence(result)
    assert sentence.startswith(
        "On the days after a steady session your mood was 1.0 point higher than after rest days"
    )
    assert "5 of 5 pairs complete; p = " in sentence
    assert sentence.endswith("by re-drawing the schedule).")


def test_before_four_pairs_it_says_how_many_more():
    checkins = {MONDAY + timedelta(days=i + 1): {"mood": 3} for i in range(4)}
    _, result = result_of("steady-vs-rest-mood", ("A", "B") * 5, checkins, MONDAY + timedelta(20))
    assert words.result_sentence(result) == (
        "2 of 5 pairs are complete so far; the result appears once 4 are (2 more)."
    )


def test_the_dashboard_line_for_a_week_a_plan_ahead_and_the_last_check_in():
    plan, result = result_of("regular-vs-light-stress", ("B", "A") * 4, {}, MONDAY + timedelta(9))
    line = words.today_line(plan, result, MONDAY + timedelta(days=9))
    assert line["headline"] == "Experiment week 2 of 8: this week is a regular week."
    assert line["progress"] == "Nothing logged for it yet."
    ahead, result = result_of("steady-vs-rest-mood", ("B", "A") * 4, {}, MONDAY - timedelta(1))
    assert words.today_line(ahead, result, MONDAY - timedelta(days=1))["headline"] == (
        "Your experiment starts on Mon 2 Nov: first, a rest day."
    )
    last_day = MONDAY + timedelta(days=8)
    plan, result = result_of("steady-vs-rest-mood", ("B", "A") * 4, {}, last_day)
    assert words.today_line(plan, result, last_day)["headline"] == (
        "Your experiment's last unit is over."
    )


def test_the_calendar_marks_kept_missed_today_and_to_come():
    today = MONDAY + timedelta(days=3)
    checkins = {MONDAY + timedelta(days=1): {"mood": 3}}
    plan, result = result_of("steady-vs-rest-mood", ("A", "B") * 4, checkins, today)
    cells = [cell for pair in words.calendar(plan, result, today) for cell in pair]
    assert [c.state for c in cells[:5]] == ["missed", "followed", "missed", "today", "future"]
    # Day 2's mood is missing; day 3's can still be recorded today.
    assert [c.outcome_recorded for c in cells[:5]] == [True, False, None, None, None]
    assert cells[0].condition == "a steady day"
