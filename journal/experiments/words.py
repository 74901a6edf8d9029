"""What the Experiments pages and the dashboard say about an experiment, and the chart's
data. Pure (no Django): an analysis in, plain words and small payloads out; every sentence
is our own (experiments.md section 5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from journal.experiments import analysis as an
from journal.experiments.designs import CONDITION_SHORT, DAY, NONE, OUTCOME_WORDS, Design
from journal.experiments.schedule import FINISHED, PLANNED, STOPPED, A, Plan

VERDICT_WORDS = {
    an.CONSISTENT: "Your ratings moved the way the article predicts",
    an.OPPOSITE: "Your ratings moved the other way",
    an.UNCLEAR: "No clear difference",
    an.NOT_ENOUGH_DATA: "Not enough complete pairs yet",
    an.A_HIGHER: "Higher with the first condition",
    an.B_HIGHER: "Higher with the second condition",
}
STATUS_WORDS = {
    PLANNED: "Planned",
    "running": "Running",
    FINISHED: "Finished",
    STOPPED: "Stopped early",
}


def number(value: float | None, places: int = 1) -> str:
    return "–" if value is None else f"{value:.{places}f}".replace("-", "−")


def short_date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def unit_name(design: Design) -> str:
    return "Day" if design.unit == DAY else "Week"


def verdict_words(figures: an.Figures, design: Design) -> str:
    if figures.verdict == an.A_HIGHER:
        return f"{design.outcome_label} higher with {CONDITION_SHORT[design.a]}"
    if figures.verdict == an.B_HIGHER:
        return f"{design.outcome_label} higher with {CONDITION_SHORT[design.b]}"
    return VERDICT_WORDS[figures.verdict]


def result_sentence(result: an.Analysis) -> str:
    """The plain result of section 5, or what is still needed."""
    design, itt = result.plan.design, result.itt
    if itt.mean is None:
        more = an.MIN_PAIRS - itt.n_pairs
        return (
            f"{itt.n_pairs} of {result.plan.pairs} pairs are complete so far; the result "
            f"appears once {an.MIN_PAIRS} are ({more} more)."
        )
    size = abs(itt.mean)
    if itt.mean == 0:
        change = "the same"
        than = f"as {design.b_after}"
    else:
        change = f"{number(size)} point{'s' * (size != 1)} {'higher' if itt.mean > 0 else 'lower'}"
        than = f"than {design.b_after}"
    return (
        f"{design.a_after} your {OUTCOME_WORDS[design.outcome]} was {change} {than} "
        f"(95% interval {number(itt.ci_low)} to {number(itt.ci_high)}; {itt.n_pairs} of "
        f"{result.plan.pairs} pairs complete; p = {number(itt.p_value, 2)} by re-drawing the "
        "schedule)."
    )


@dataclass(frozen=True)
class Cell:
    """One unit of the calendar."""

    number: int  # 1-based
    date: date
    arm: str
    condition: str  # "a rest day"
    state: str  # future | today | followed | missed
    outcome: float | None
    outcome_recorded: bool | None  # None while it cannot be recorded yet


def calendar(plan: Plan, result: an.Analysis, today: date) -> list[list[Cell]]:
    """Every unit of the plan, in pairs, with what happened on those so far."""
    listed = {u.index: u for u in result.units}
    cells = []
    for index, arm in enumerate(plan.schedule):
        design = plan.design
        condition = CONDITION_SHORT[design.a if arm == A else design.b]
        unit = listed.get(index)
        if unit is None:
            state, outcome, recorded = "future", None, None
        else:
            in_progress = not unit.passed and result.status not in (STOPPED, FINISHED)
            state = "today" if in_progress else "followed" if unit.followed else "missed"
            outcome = unit.outcome
            recorded = True if outcome is not None else (False if unit.outcome_due else None)
        cells.append(
            Cell(index + 1, plan.unit_start(index), arm, condition, state, outcome, recorded)
        )
    return [cells[i : i + 2] for i in range(0, len(cells), 2)]


def pair_rows(result: an.Analysis) -> list[dict]:
    """Each complete pair: its number, A minus B, and whether both units kept the plan."""
    rows = []
    units = result.units
    for first in range(0, len(units) - 1, 2):
        pair = units[first : first + 2]
        a_unit, b_unit = pair if pair[0].arm == A else pair[::-1]
        if a_unit.outcome is None or b_unit.outcome is None:
            continue
        rows.append(
            {
                "pair": first // 2 + 1,
                "difference": a_unit.outcome - b_unit.outcome,
                "followed": a_unit.followed and b_unit.followed,
            }
        )
    return rows


def chart_payload(result: an.Analysis) -> dict:
    design = result.plan.design
    rows = pair_rows(result)
    return {
        "labels": [f"Pair {row['pair']}" for row in rows],
        "values": [row["difference"] for row in rows],
        "followed": [row["followed"] for row in rows],
        "mean": result.itt.mean,
        "followed_mean": result.as_followed.mean,
        "axis": f"{design.outcome_label}, {bare(design.a)} minus {bare(design.b)}",
    }


def chart_summary(result: an.Analysis) -> str:
    rows = pair_rows(result)
    if not rows:
        return "No pair is complete yet."
    higher = sum(row["difference"] > 0 for row in rows)
    lower = sum(row["difference"] < 0 for row in rows)
    a, b = (CONDITION_SHORT[c] for c in (result.plan.design.a, result.plan.design.b))
    return (
        f"{len(rows)} complete pair{'s' * (len(rows) != 1)}: {higher} came out higher with "
        f"{a}, {lower} higher with {b}, {len(rows) - higher - lower} level."
    )


def today_line(plan: Plan, result: an.Analysis, today: date) -> dict:
    """The dashboard's line: today's unit and whether what was logged keeps the plan."""
    design, total = plan.design, len(plan.schedule)
    noun = unit_name(design).lower()
    if result.status == PLANNED:
        first = CONDITION_SHORT[design.a if plan.schedule[0] == A else design.b]
        return {
            "headline": f"Your experiment starts on {short_date(plan.start)}: first, {first}.",
            "progress": "",
        }
    index = plan.unit_on(today)
    if index is None:
        return {
            "headline": "Your experiment's last unit is over.",
            "progress": f"Record today's check-in to complete it; the result is ready after "
            f"{short_date(plan.end)}.",
        }
    unit = result.units[index]
    now = "today is" if design.unit == DAY else "this week is"
    headline = f"Experiment {noun} {index + 1} of {total}: {now} {unit_condition(design, unit)}."
    if unit.logged and unit.followed:
        progress = "What you logged keeps the plan."
    elif unit.logged:
        progress = "What you logged does not match the plan; the day still counts as drawn."
    elif unit.followed:
        progress = "Nothing logged, which keeps the plan so far."
    else:
        progress = "Nothing logged for it yet."
    return {"headline": headline, "progress": progress, "followed": unit.followed}


def bare(condition: str) -> str:
    """ "steady day" for "a steady day": short enough for an axis."""
    return CONDITION_SHORT[condition].split(" ", 1)[1]


def unit_condition(design: Design, unit: an.Unit) -> str:
    return CONDITION_SHORT[design.a if unit.arm == A else design.b]


def direction_words(design: Design) -> str:
    if design.direction == NONE:
        return "The article predicts nothing here: this is an open question."
    way = "higher" if design.direction == "up" else "lower"
    return (
        f"Our reading of the article: your {OUTCOME_WORDS[design.outcome]} should be {way} with "
        f"{CONDITION_SHORT[design.a]} than with {CONDITION_SHORT[design.b]}."
    )
