"""Acute rules (effect-rules.md section 3): what one session triggers on its own. Each
condition returns None when the rule does not fire, else the magnitude ("" when ungraded).
Source keys in comments ([ACSM11]...) are those of the spec's Sources list; where the spec is
silent, the reading that keeps a tag at or below the article's strength is chosen, and the
choice is written beside the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from journal.tagging.intensity import (
    AEROBIC,
    HIIT,
    MIXED,
    MODERATE,
    NEAR_MAX,
    RESISTANCE,
    VIGOROUS,
    WALKING,
    RatedSession,
    at_least,
)
from journal.tagging.windows import (
    ENDURANCE_ACTIVITIES,
    hiit_or_resistance,
    mvpa_session,
    yoga60,
)


def _catecholamines(s: RatedSession) -> str | None:
    if not at_least(s, MODERATE):  # noradrenaline already rises at ~40% VO2max [MCM87]
        return None
    # Graded "large" at vigorous+ or HIIT [ZOU08]. The spec names no other grade, so an
    # ordinary rise carries no magnitude word rather than an invented one.
    return "large" if at_least(s, VIGOROUS) or s.activity == HIIT else ""


def _endorphins(s: RatedSession) -> str | None:
    hard = at_least(s, VIGOROUS) and s.minutes >= 15  # ~70% VO2max within 15 min [GOL90]
    long_run = s.activity == AEROBIC and at_least(s, MODERATE) and s.minutes >= 120  # [BOE08]
    return "" if hard or long_run else None


def _endocannabinoids(s: RatedSession) -> str | None:
    # Moderate or vigorous, not near-max, 30+ min; not walking [RAI13; SPA03; SIE21].
    ok = s.activity in (AEROBIC, MIXED) and MODERATE <= s.intensity <= VIGOROUS
    return "" if ok and s.minutes >= 30 else None


def _cortisol_acute(s: RatedSession) -> str | None:
    # No change at 40% VO2max; a rise from ~60%, larger at 80% [HIL08]; 30+ min [JAC02].
    return "" if at_least(s, VIGOROUS) and s.minutes >= 30 else None


def _growth_hormone(s: RatedSession) -> str | None:
    hard = at_least(s, VIGOROUS) and s.minutes >= 10  # above lactate threshold 10+ min [FEL92]
    lifting = s.activity == RESISTANCE and at_least(s, MODERATE) and s.minutes >= 30  # [KR05]
    return "" if hard or lifting else None


def _dopamine(s: RatedSession) -> str | None:
    return "" if hiit_or_resistance(s) and s.minutes >= 20 else None  # design floor [WAN00]


def _serotonin(s: RatedSession) -> str | None:
    # "Sustained moderate-intensity": moderate only, 30+ min, continuous work [ACSM11]
    # (effect-rules.md 0.5, settled December 2026; rules version 2). Rules version 1 also
    # tagged steady vigorous sessions, which the article never claims.
    ok = s.activity in (AEROBIC, WALKING) and s.intensity == MODERATE
    return "" if ok and s.minutes >= 30 else None


def _gaba(s: RatedSession) -> str | None:
    hard = at_least(s, VIGOROUS) and s.minutes >= 10  # >= 80% predicted HRmax [MAD16]
    return "" if hard or yoga60(s) else None  # 60 min of yoga [STR10]


def _bdnf(s: RatedSession) -> str | None:
    # Above the ventilatory threshold [FER07]; the 20-min floor is a design choice.
    ok = s.activity in ENDURANCE_ACTIVITIES and at_least(s, VIGOROUS)
    return "" if ok and s.minutes >= 20 else None


def _insulin_sensitivity(s: RatedSession) -> str | None:
    # Any modality but mobility, int >= moderate, 30+ min [WAY16; COL16].
    return "" if at_least(s, MODERATE) and s.minutes >= 30 else None


def _il6(s: RatedSession) -> str | None:
    if not (mvpa_session(s) and s.minutes >= 30):  # [FIS06]
        return None
    # "marked" from 60 min is a design choice; below it, section 3 calls the rise small.
    return "marked" if s.minutes >= 60 else "small"


def _ampk_signaling(s: RatedSession) -> str | None:
    if not (s.activity in ENDURANCE_ACTIVITIES and at_least(s, MODERATE) and s.minutes >= 20):
        return None
    # Graded by intensity [NOR10: larger at 85% than 70% VO2peak]. Our choice of words:
    # moderate -> small, vigorous -> moderate, near_max -> large.
    return {MODERATE: "small", VIGOROUS: "moderate", NEAR_MAX: "large"}[s.intensity]


def _irisin(s: RatedSession) -> str | None:
    ok = s.activity == HIIT or (s.activity == AEROBIC and at_least(s, VIGOROUS))  # [JED15]
    return "" if ok and s.minutes >= 20 else None


def _fgf21(s: RatedSession) -> str | None:
    # 45-min floor is a design choice [KIM13; TAN16].
    ok = s.activity in ENDURANCE_ACTIVITIES and at_least(s, MODERATE)
    return "" if ok and s.minutes >= 45 else None


@dataclass(frozen=True)
class AcuteRule:
    effect: str
    fires: Callable[[RatedSession], str | None]
    description: str
    extra: dict = field(default_factory=dict)  # fixed inputs stored with the tag


ACUTE_RULES = (
    AcuteRule(
        "catecholamines",
        _catecholamines,
        "Any workout at moderate effort or harder; graded large when it is vigorous or harder, "
        "or interval training.",
    ),
    AcuteRule(
        "endorphins",
        _endorphins,
        "At least 15 minutes at vigorous effort or harder, or a steady cardio session of two "
        "hours or more at moderate effort or harder.",
    ),
    AcuteRule(
        "endocannabinoids",
        _endocannabinoids,
        "Half an hour or more of steady cardio or mixed training, moderate or vigorous but not "
        "all-out.",
    ),
    AcuteRule(
        "cortisol_acute",
        _cortisol_acute,
        "Half an hour or more at vigorous effort or harder; easy sessions never trigger it.",
    ),
    AcuteRule(
        "growth_hormone",
        _growth_hormone,
        "Ten minutes or more at vigorous effort or harder, or half an hour or more of strength "
        "training at moderate effort or harder.",
    ),
    AcuteRule(
        "dopamine",
        _dopamine,
        "Twenty minutes or more of intervals or strength training at moderate effort or harder.",
    ),
    AcuteRule(
        "serotonin",
        _serotonin,
        "Half an hour or more of steady cardio or walking at moderate effort; harder sessions "
        "do not count.",
    ),
    AcuteRule(
        "gaba",
        _gaba,
        "Ten minutes or more at vigorous effort or harder, or a yoga class of an hour or longer.",
    ),
    AcuteRule(
        "bdnf",
        _bdnf,
        "Twenty minutes or more of cardio, intervals or mixed training at vigorous effort or "
        "harder.",
    ),
    AcuteRule(
        "insulin_sensitivity",
        _insulin_sensitivity,
        "Half an hour or more of any non-mobility workout at moderate effort or harder; the "
        "benefit is taken to last about two days.",
        {"valid_hours": 48},  # the gain persists 48-72 h [WAY16]; we keep the shorter figure
    ),
    AcuteRule(
        "il6",
        _il6,
        "Half an hour or more of cardio, intervals, mixed training or walking at moderate "
        "effort or harder; marked once it lasts an hour.",
    ),
    AcuteRule(
        "ampk_signaling",
        _ampk_signaling,
        "Twenty minutes or more of cardio, intervals or mixed training at moderate effort or "
        "harder; the harder the session, the higher the grade.",
    ),
    AcuteRule(
        "irisin",
        _irisin,
        "Twenty minutes or more of interval training, or of steady cardio at vigorous effort "
        "or harder.",
    ),
    AcuteRule(
        "fgf21",
        _fgf21,
        "Forty-five minutes or more of cardio, intervals or mixed training at moderate effort "
        "or harder.",
    ),
)
