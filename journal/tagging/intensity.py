"""Intensity: what a session is (its facts) and how hard it was (effect-rules.md 0.2, 0.5).

MOBILITY: section 3 says light and mobility sessions fire nothing except the yoga path for
GABA, but several conditions (e.g. catecholamines: `int >= moderate`) carry no modality filter,
so a pilates session rated effort 5 would fire them. We follow the summary: a mobility session
never counts as "moderate or harder" for any rule or window (`at_least`), and reaches GABA only
through the yoga path. Its intensity class is still computed and stored as usual.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from fractions import Fraction

AEROBIC, HIIT, RESISTANCE, MIXED, MOBILITY, WALKING = (
    "aerobic",
    "hiit",
    "resistance",
    "mixed",
    "mobility",
    "walking",
)
ACTIVITIES = (AEROBIC, HIIT, RESISTANCE, MIXED, MOBILITY, WALKING)

# Default METs when there is no heart rate, effort or %1RM (0.5, from [CPA24]).
DEFAULT_METS = {
    AEROBIC: 7.0,
    HIIT: 8.0,
    RESISTANCE: 3.5,
    MIXED: 7.0,
    WALKING: 3.5,
    MOBILITY: 2.5,
}


class Intensity(IntEnum):
    """ACSM intensity classes, ordered so that comparisons read like the spec [ACSM11]."""

    LIGHT = 1
    MODERATE = 2
    VIGOROUS = 3
    NEAR_MAX = 4

    @property
    def slug(self) -> str:
        return self.name.lower()

    @property
    def label(self) -> str:
        return "Near maximal" if self is Intensity.NEAR_MAX else self.name.capitalize()


LIGHT, MODERATE, VIGOROUS, NEAR_MAX = Intensity

# Lower edges of moderate, vigorous and near_max on each scale of the 0.2 table. A value in the
# gap between two bands (63.5 %HRmax, 2.95 METs) takes the lower class, and anything below the
# light band is light, the lowest class: both keep tags at or below the article's strength.
_EDGES: dict[str, tuple] = {
    "hrr": (40, 60, 90),  # %HRR [ACSM11]
    "hr": (64, 77, 96),  # %HRmax [ACSM11]
    # CR-10 aligned to the Borg bands by verbal anchors, a design choice [FOS01]. The log form
    # uses the CR-10 anchors (3 moderate, 5 hard), not the PAG18 0-10 wording, so these cuts.
    "srpe": (3, 5, 8),
    "1rm": (50, 70, 85),  # %1RM, resistance only [HEL22]
    "met": (3.0, 6.0, 8.8),  # absolute METs [ACSM18; PAG18]
}


@dataclass(frozen=True)
class SessionFacts:
    key: object  # the session's id (opaque, hashable)
    date: datetime.date  # owner's local date
    activity: str  # aerobic|hiit|resistance|mixed|mobility|walking
    minutes: int
    effort: int | None = None  # Borg CR-10 session RPE 0..10
    avg_hr: int | None = None
    percent_1rm: int | None = None
    style: str = ""  # mobility subtype: yoga|pilates|stretching|tai_chi|other|""


@dataclass(frozen=True)
class ProfileFacts:
    birth_year: int | None = None
    max_hr: int | None = None  # measured HRmax
    resting_hr: int | None = None
    sex: str | None = None  # "female" | "male" | None ("" also means unset)
    missed_period: bool = False


@dataclass(frozen=True)
class _Reading:
    intensity: Intensity
    source: str  # hrr | hr | srpe | 1rm | met
    value: float | int  # the figure the class was read from
    floored: bool  # raised to vigorous by the HIIT rule
    extra: dict = field(default_factory=dict)  # heart-rate figures, for auditing


def _band(value, source: str) -> Intensity:
    return Intensity(LIGHT + sum(value >= edge for edge in _EDGES[source]))


def _hr_max(session: SessionFacts, profile: ProfileFacts) -> tuple[Fraction | None, bool]:
    """Measured HRmax, else 208 - 0.7 x age [TAN01]; (None, False) when neither is known."""
    if profile.max_hr:
        return Fraction(profile.max_hr), False
    if profile.birth_year and profile.birth_year <= session.date.year:
        age = session.date.year - profile.birth_year
        return Fraction(2080 - 7 * age, 10), True  # exact, so band edges are not blurred
    return None, False


def _read(session: SessionFacts, profile: ProfileFacts) -> _Reading:
    if session.activity not in DEFAULT_METS:
        raise ValueError(f"unknown activity {session.activity!r}")
    hr_max, estimated = _hr_max(session, profile)
    extra: dict = {}
    if session.avg_hr and hr_max:
        extra = {"avg_hr": session.avg_hr, "hr_max": round(float(hr_max), 1)}
        if estimated:
            extra["hr_max_estimated"] = True
        # %HRR needs a resting HR below HRmax; otherwise fall back to %HRmax.
        if profile.resting_hr and hr_max > profile.resting_hr:
            extra["resting_hr"] = profile.resting_hr
            source = "hrr"
            exact = 100 * (session.avg_hr - profile.resting_hr) / (hr_max - profile.resting_hr)
        else:
            source = "hr"
            exact = 100 * session.avg_hr / hr_max
        derived = _band(exact, source)
        value: float | int = math.floor(exact * 10) / 10  # floored so 63.96 never reads "64"
    elif session.effort is not None:  # effort 0 ("rest") falls in the light class
        source, value = "srpe", session.effort
        derived = _band(value, source)
    elif session.activity == RESISTANCE and session.percent_1rm is not None:
        # %1RM is a resistance scale [HEL22]; on other activities it is ignored.
        source, value = "1rm", session.percent_1rm
        derived = _band(value, source)
    else:
        source, value = "met", DEFAULT_METS[session.activity]
        derived = _band(value, source)
    # HIIT means work bouts at vigorous or harder [COA23]; session RPE averages in the rests.
    intensity = max(derived, VIGOROUS) if session.activity == HIIT else derived
    return _Reading(intensity, source, value, intensity != derived, extra)


def classify(session: SessionFacts, profile: ProfileFacts) -> tuple[Intensity, str]:
    """The session's intensity class and where it came from (hrr, hr, srpe, 1rm or met)."""
    reading = _read(session, profile)
    return reading.intensity, reading.source


# --- a session as the rules see it ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RatedSession:
    facts: SessionFacts
    day: int  # date ordinal
    activity: str
    minutes: int
    intensity: Intensity
    inputs: dict  # the per-session part of every tag's inputs (copied per tag)


def rate(facts: SessionFacts, profile: ProfileFacts) -> RatedSession:
    reading = _read(facts, profile)
    inputs = {
        "intensity": reading.intensity.slug,
        "intensity_source": reading.source,
        "intensity_value": reading.value,
        "minutes": facts.minutes,
        "activity": facts.activity,
        **reading.extra,
    }
    if reading.floored:
        inputs["hiit_floor"] = True
    if facts.style:
        inputs["style"] = facts.style
    return RatedSession(
        facts, facts.date.toordinal(), facts.activity, facts.minutes, reading.intensity, inputs
    )


def at_least(s: RatedSession, level: Intensity) -> bool:
    """`int >= level`, never true for mobility (see MOBILITY in the module docstring)."""
    return s.intensity >= level and s.activity != MOBILITY


def unique_sessions(sessions: Iterable[SessionFacts]) -> dict[object, SessionFacts]:
    """The sessions by key; the same key twice must mean the same session."""
    by_key: dict[object, SessionFacts] = {}
    for s in sessions:
        if s.key in by_key and by_key[s.key] != s:
            raise ValueError(f"two different sessions share the key {s.key!r}")
        by_key[s.key] = s
    return by_key
