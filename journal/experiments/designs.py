"""The designs of experiments.md section 2, and the plain words the pages use for them.

Pure data (no Django). Each design names the Insights claim it tests (insights.md section
2) and the effect whose Learn page explains it; `hard-vs-rest-sleep` tests no claim (the
article predicts nothing for it), so it links to Learn only.
"""

from __future__ import annotations

from dataclasses import dataclass

DAY, WEEK = "day", "week"
UP, DOWN, NONE = "up", "down", "none"
NEXT_DAY, SAME_DAY, WEEK_MEAN = "next_day", "same_day", "week"

REST, STEADY, HARD, INTERVALS, YOGA = "REST", "STEADY", "HARD", "INTERVALS", "YOGA"
REGULAR_WEEK, LIGHT_WEEK = "REGULAR_WEEK", "LIGHT_WEEK"

# What each condition asks, in plain words (our own).
CONDITION_WORDS = {
    REST: "a rest day: no session (a walk under 30 minutes is fine)",
    STEADY: (
        "a steady day: at least 30 minutes of moderate running, cycling, swimming, rowing or "
        "brisk walking, and nothing hard that day"
    ),
    HARD: "a hard day: at least 20 minutes at a hard or very hard effort",
    INTERVALS: "an intervals day: a HIIT or interval session",
    YOGA: "a yoga day: at least 20 minutes of yoga, and nothing hard that day",
    REGULAR_WEEK: (
        "a regular week: at least 3 days with 30 minutes or more of moderate or harder training"
    ),
    LIGHT_WEEK: "a light week: at most 1 day with 30 minutes of moderate or harder training",
}
# Short names for the calendar and the dashboard ("today is a rest day").
CONDITION_SHORT = {
    REST: "a rest day",
    STEADY: "a steady day",
    HARD: "a hard day",
    INTERVALS: "an intervals day",
    YOGA: "a yoga day",
    REGULAR_WEEK: "a regular week",
    LIGHT_WEEK: "a light week",
}

OUTCOME_WORDS = {
    "mood": "mood",
    "sleep_quality": "sleep quality",
    "anxiety": "anxiety",
    "stress": "stress",
    "feeling_change": "change in feeling from before to after the session",
}
OUTCOME_UNITS = {
    "mood": "points on the 1 to 5 mood scale",
    "sleep_quality": "points on the 0 to 10 sleep scale",
    "anxiety": "points on the 1 to 5 anxiety scale",
    "stress": "points on the 1 to 5 stress scale",
    "feeling_change": "points on the −5 to +5 feeling scale",
}


@dataclass(frozen=True)
class Design:
    key: str
    question: str
    unit: str  # day | week
    a: str  # condition of arm A
    b: str  # condition of arm B
    timing: str  # next_day | same_day | week
    outcome: str
    direction: str  # up | down | none
    claim: str  # the Insights claim it tests ("" when none)
    effect: str  # the effect slug whose Learn page it links to
    a_after: str  # the result sentence's A side: "On the days after a steady session"
    b_after: str

    @property
    def pairs_range(self) -> tuple[int, int, int]:
        """(lowest, highest, default) number of pairs (experiments.md section 3)."""
        return (4, 20, 10) if self.unit == DAY else (3, 8, 4)

    @property
    def outcome_label(self) -> str:
        words = OUTCOME_WORDS[self.outcome]
        return "Change in feeling" if self.outcome == "feeling_change" else words.capitalize()

    @property
    def asks(self) -> str:
        """What will be asked each day, in plain words."""
        if self.timing == SAME_DAY:
            return "how you feel just before and just after each session, as the log asks"
        if self.timing == NEXT_DAY:
            return f"your {OUTCOME_WORDS[self.outcome]} in each day's check-in"
        return f"your {OUTCOME_WORDS[self.outcome]} in the check-ins from Thursday to Sunday"


DESIGNS: dict[str, Design] = {
    d.key: d
    for d in (
        Design(
            "steady-vs-rest-mood",
            "Does a steady moderate session lift my mood the next day, compared with a rest day?",
            DAY,
            STEADY,
            REST,
            NEXT_DAY,
            "mood",
            UP,
            "mood-endorphins",
            "serotonin",
            "On the days after a steady session",
            "after rest days",
        ),
        Design(
            "steady-vs-rest-sleep",
            "Do I sleep better after a steady moderate session than after a rest day?",
            DAY,
            STEADY,
            REST,
            NEXT_DAY,
            "sleep_quality",
            UP,
            "sleep-serotonin",
            "serotonin",
            "After a steady session",
            "after a rest day",
        ),
        Design(
            "hard-vs-rest-sleep",
            "Does a hard session change my sleep that night, compared with a rest day?",
            DAY,
            HARD,
            REST,
            NEXT_DAY,
            "sleep_quality",
            NONE,
            "",
            "catecholamines",
            "After a hard session",
            "after a rest day",
        ),
        Design(
            "intervals-vs-steady-feeling",
            "Do intervals lift my feeling more than steady cardio?",
            DAY,
            INTERVALS,
            STEADY,
            SAME_DAY,
            "feeling_change",
            UP,
            "feeling-endorphins",
            "endorphins",
            "On intervals days",
            "on steady days",
        ),
        Design(
            "yoga-vs-rest-anxiety",
            "Am I calmer the day after yoga than after a rest day?",
            DAY,
            YOGA,
            REST,
            NEXT_DAY,
            "anxiety",
            DOWN,
            "anxiety-gaba",
            "gaba",
            "On the days after yoga",
            "after rest days",
        ),
        Design(
            "regular-vs-light-stress",
            "Are my stress levels lower in a week of regular moderate training than in a "
            "light week?",
            WEEK,
            REGULAR_WEEK,
            LIGHT_WEEK,
            WEEK_MEAN,
            "stress",
            DOWN,
            "stress-hpa",
            "hpa_recalibration",
            "In regular weeks",
            "in light weeks",
        ),
        Design(
            "regular-vs-light-mood",
            "Is my mood better in a week of regular moderate training than in a light week?",
            WEEK,
            REGULAR_WEEK,
            LIGHT_WEEK,
            WEEK_MEAN,
            "mood",
            UP,
            "mood-serotonin-regular",
            "serotonin",
            "In regular weeks",
            "in light weeks",
        ),
    )
}

# The Insights claims an experiment can test, and the design that tests each.
DESIGN_FOR_CLAIM = {d.claim: d.key for d in DESIGNS.values() if d.claim}
