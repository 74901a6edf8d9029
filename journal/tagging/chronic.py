"""Chronic rules (effect-rules.md section 3 and the 0.5 contributing filters): what a
pattern of sessions over W28/W42/W84 sustains. Each route's predicate reads a `WindowSet`
(named `ws`) and returns its checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from journal.tagging.intensity import ProfileFacts, RatedSession
from journal.tagging.windows import (
    AEROBIC_REG,
    CONSISTENT,
    REGULAR_MOD,
    STRENGTH_REG,
    Check,
    WindowSet,
    aerobic30,
    aerobic_walk30,
    days_check,
    endurance20,
    hiit_or_resistance,
    max_gap_check,
    moderate_plus,
    mvpa_at_least,
    mvpa_between,
    mvpa_session,
    resistance,
    vigorous_plus,
    weeks_check,
    yoga60,
)


@dataclass(frozen=True)
class Route:
    """One way to earn a chronic effect: the sessions that contribute, the window they are
    looked for in (for the dashboard's "building"), and the predicate that must hold."""

    contributes: Callable[[RatedSession], bool]
    window_days: int
    predicate: Callable[[WindowSet], tuple[Check, ...]]


def _everyone(profile: ProfileFacts) -> bool:
    return True


def _men(profile: ProfileFacts) -> bool:
    return profile.sex == "male"  # unset sex: no testosterone tag


def _women(profile: ProfileFacts) -> bool:
    # Unset sex: no tag. A missed-period flag removes the tag entirely (not even "building"),
    # so the app never nudges towards more training for hormones [MOU23].
    return profile.sex == "female" and not profile.missed_period


@dataclass(frozen=True)
class ChronicRule:
    effect: str
    routes: tuple[Route, ...]
    description: str
    applies: Callable[[ProfileFacts], bool] = _everyone


def _one(contributes, window_days, predicate) -> tuple[Route, ...]:
    return (Route(contributes, window_days, predicate),)


_REGULAR_MOD = _one(mvpa_session, 28, lambda ws: REGULAR_MOD(ws.w28))
_AEROBIC_REG = _one(aerobic30, 28, lambda ws: AEROBIC_REG(ws.w28))

_REGULAR_WORDS = (
    "Averaging 150+ cardio minutes a week over the last four weeks (hard minutes count double), "
    "with 3+ active days in at least three of those weeks."
)
_AEROBIC_WORDS = (
    "Sessions of 30+ minutes of cardio, walking, intervals or mixed training on at least 12 "
    "of the last 28 days, with 3+ active days in at least three of the four weeks."
)

CHRONIC_RULES = (
    ChronicRule(
        "dopamine",
        _one(
            hiit_or_resistance,
            28,
            lambda ws: (
                weeks_check(ws.w28, hiit_or_resistance, 2, 3, "2+ interval or strength days"),
            ),
        ),
        "Intervals or strength work on 2+ days a week in at least three of the last four weeks.",
    ),
    ChronicRule(
        "serotonin",
        _one(aerobic30, 28, lambda ws: (*AEROBIC_REG(ws.w28), mvpa_at_least(ws.w28, 150))),
        "The regular pattern (30+ minute sessions of cardio, walking, intervals or mixed "
        "training on 12 of the last 28 days, 3+ active days in three of four weeks) plus 150+ "
        "weekly cardio minutes.",
    ),
    ChronicRule(
        "gaba",
        (
            Route(mvpa_session, 28, lambda ws: REGULAR_MOD(ws.w28)),
            # 12 weeks of 3 x 60 min yoga [STR10]: three yoga days in 10 of the 12 blocks.
            Route(
                yoga60,
                84,
                lambda ws: (
                    weeks_check(
                        ws.w84, yoga60, 3, 10, "3+ hour-long yoga sessions", key="yoga_weeks_ok"
                    ),
                ),
            ),
        ),
        "Either 150+ weekly cardio minutes with 3+ active days in three of the last four weeks, "
        "or three hour-long yoga sessions a week in at least 10 of the last 12 weeks.",
    ),
    ChronicRule("bdnf", _AEROBIC_REG, _AEROBIC_WORDS),  # small effect [DIN16]
    ChronicRule(
        "insulin_sensitivity",
        _one(
            mvpa_session,
            28,
            lambda ws: (
                mvpa_at_least(ws.w28, 150),  # [COL16]
                days_check(ws.w28, moderate_plus, 3, "active days"),  # >= 3 days/week [COL16]
                max_gap_check(ws.w28, 2),  # no more than 2 days off in a row [COL16]
            ),
        ),
        "150+ weekly cardio minutes, at least 12 active days in the last 28, and never more "
        "than two days in a row without one.",
    ),
    ChronicRule("hpa_recalibration", _REGULAR_MOD, _REGULAR_WORDS),  # [RIM07; MUC18]
    ChronicRule(
        "testosterone",
        _one(resistance, 28, lambda ws: STRENGTH_REG(ws.w28)),  # [KR05; MCC99]
        "Men only: strength training on 2+ days a week in at least three of the last four weeks.",
        _men,
    ),
    ChronicRule(
        "ovarian_balance",
        # REGULAR_MOD with mvpa kept within 150-300 min/week [WHO20; FRI15]; flag: see _women.
        _one(
            mvpa_session,
            28,
            lambda ws: (mvpa_between(ws.w28, 150, 300), *CONSISTENT(ws.w28)),
        ),
        "Women without reported missed periods: 150 to 300 weekly cardio minutes, with 3+ "
        "active days in at least three of the last four weeks.",
        _women,
    ),
    ChronicRule(
        "mito_biogenesis",
        _one(
            endurance20,
            28,
            lambda ws: (
                days_check(ws.w28, endurance20, 3, "days with 20+ minutes of cardio (not walks)"),
                *CONSISTENT(ws.w28),
            ),
        ),
        "Cardio, interval or mixed sessions of 20+ minutes on at least 12 of the last 28 days, "
        "with 3+ active days in three of the four weeks.",
    ),
    ChronicRule("anti_inflammatory", _REGULAR_MOD, _REGULAR_WORDS),  # [GLE11; FIS06]
    ChronicRule(
        "rx_5ht1a",
        # The weekly pattern held for 6 weeks, read as 5 of 6 blocks [GRE05].
        _one(
            aerobic_walk30,
            42,
            lambda ws: (
                weeks_check(ws.w42, aerobic_walk30, 3, 5, "3+ days of 30+ minute cardio or walks"),
            ),
        ),
        "Steady cardio or walks of 30+ minutes on 3+ days a week in at least five of the last "
        "six weeks.",
    ),
    ChronicRule(
        "rx_d2",
        _one(
            vigorous_plus,
            42,
            lambda ws: (weeks_check(ws.w42, vigorous_plus, 3, 5, "3+ hard days"),),  # [VUC10]
        ),
        "Vigorous or harder sessions on 3+ days a week in at least five of the last six weeks.",
    ),
    ChronicRule("rx_gaba_a", _REGULAR_MOD, _REGULAR_WORDS),  # [HILLE10]
    ChronicRule("rx_cb1", _AEROBIC_REG, _AEROBIC_WORDS),  # [HILMN10]
    ChronicRule("bdnf_methylation", _AEROBIC_REG, _AEROBIC_WORDS),  # [GOM11; INT13]
)
