"""Session tags: which effects the article predicts for a workout, per effect-rules.md.

Pure Python on purpose (no Django): plain facts in, plain tags out, so the rules can be
unit-tested without a database and re-run over a whole history in one pass.

The vocabulary follows the spec: an intensity class (0.2), rolling windows W28/W42/W84 made of
7-day blocks ending on the session's date (0.5), the window functions `mvpa`, `days`,
`weeks_ok` and `max_gap` (0.3), the named predicates CONSISTENT, REGULAR_MOD, AEROBIC_REG and
STRENGTH_REG, and one rule per row of the section 3 table. Source keys in comments ([ACSM11]...)
are those of the spec's Sources list.

Where the spec is silent the reading that keeps a tag at or below the article's strength is
chosen, and the choice is written beside the rule. The biggest one:

MOBILITY: section 3 says light and mobility sessions fire nothing except the yoga path for
GABA, but several conditions (e.g. catecholamines: `int >= moderate`) carry no modality filter,
so a pilates session rated effort 5 would fire them. We follow the summary: a mobility session
never counts as "moderate or harder" for any rule or window (`_rated`), and reaches GABA only
through the yoga path. Its intensity class is still computed and stored as usual.
"""

from __future__ import annotations

import datetime
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from fractions import Fraction
from itertools import accumulate

RULES_VERSION = 1

# The 24 effects of effect-rules.md section 1, in its order. The slugs are a contract.
EFFECT_SLUGS = (
    "catecholamines",
    "endorphins",
    "endocannabinoids",
    "cortisol_acute",
    "hpa_recalibration",
    "testosterone",
    "ovarian_balance",
    "growth_hormone",
    "dopamine",
    "serotonin",
    "gaba",
    "bdnf",
    "insulin_sensitivity",
    "irisin",
    "fgf21",
    "il6",
    "ampk_signaling",
    "mito_biogenesis",
    "anti_inflammatory",
    "rx_5ht1a",
    "rx_d2",
    "rx_gaba_a",
    "rx_cb1",
    "bdnf_methylation",
)

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

WINDOW_DAYS = 84  # the longest window (W84); no tag looks further back


class Intensity(IntEnum):
    """ACSM intensity classes, ordered so that comparisons read like the spec [ACSM11]."""

    LIGHT = 1
    MODERATE = 2
    VIGOROUS = 3
    NEAR_MAX = 4

    @property
    def slug(self) -> str:
        return self.name.lower()


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
class Tag:
    effect: str  # slug of effect-rules.md section 1
    timescale: str  # "acute" | "chronic"
    status: str  # "acute" | "building" | "sustained"
    magnitude: str  # "" when not graded
    rule: str  # e.g. "serotonin.acute"
    rule_version: int
    inputs: dict  # JSON-serialisable: what the rule read


@dataclass(frozen=True)
class Rule:
    """A rule as the UI and the system checks see it."""

    id: str
    effect: str
    timescale: str  # "acute" | "chronic"
    description: str


# --- intensity (0.2, 0.5) -------------------------------------------------------------------


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
class _Session:
    facts: SessionFacts
    day: int  # date ordinal
    activity: str
    minutes: int
    intensity: Intensity
    inputs: dict  # the per-session part of every tag's inputs (copied per tag)


def _prepare(facts: SessionFacts, profile: ProfileFacts) -> _Session:
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
    return _Session(
        facts, facts.date.toordinal(), facts.activity, facts.minutes, reading.intensity, inputs
    )


def _rated(s: _Session, level: Intensity) -> bool:
    """`int >= level`, never true for mobility (see MOBILITY in the module docstring)."""
    return s.intensity >= level and s.activity != MOBILITY


# Per-session filters of the spec (0.3 and the 0.5 contributing-filter table). Each is also a
# per-day flag of the timeline: a day matches when one of its sessions does.

_MVPA_MODS = frozenset({AEROBIC, HIIT, MIXED, WALKING})
_ENDURANCE_MODS = frozenset({AEROBIC, HIIT, MIXED})


def moderate_plus(s: _Session) -> bool:
    """Any session at int >= moderate (CONSISTENT, insulin days, max_gap)."""
    return _rated(s, MODERATE)


def vigorous_plus(s: _Session) -> bool:
    """int >= vigorous (rx_d2)."""
    return _rated(s, VIGOROUS)


def mvpa_session(s: _Session) -> bool:
    """The mvpa filter: aerobic, hiit, mixed or walking at int >= moderate [PAG18]."""
    return s.activity in _MVPA_MODS and _rated(s, MODERATE)


def aerobic30(s: _Session) -> bool:
    """AEROBIC_REG's filter: mvpa activity, int >= moderate, 30+ minutes [ACSM11]."""
    return s.minutes >= 30 and mvpa_session(s)


def endurance20(s: _Session) -> bool:
    """mito_biogenesis: aerobic, hiit or mixed, int >= moderate, 20+ minutes [STE12]."""
    return s.minutes >= 20 and s.activity in _ENDURANCE_MODS and _rated(s, MODERATE)


def hiit_or_resistance(s: _Session) -> bool:
    """dopamine: hiit or resistance at int >= moderate."""
    return s.activity in (HIIT, RESISTANCE) and _rated(s, MODERATE)


def resistance(s: _Session) -> bool:
    """STRENGTH_REG and testosterone: resistance at int >= moderate [WHO20]."""
    return s.activity == RESISTANCE and _rated(s, MODERATE)


def aerobic_walk30(s: _Session) -> bool:
    """rx_5ht1a: aerobic or walking at int >= moderate, 30+ minutes [GRE05]."""
    return s.minutes >= 30 and s.activity in (AEROBIC, WALKING) and _rated(s, MODERATE)


def yoga60(s: _Session) -> bool:
    """The yoga path to GABA: an hour or more of yoga [STR10]. The style must sit on a
    mobility session (the style field is its subtype), a choice that never adds tags."""
    return s.activity == MOBILITY and s.facts.style == "yoga" and s.minutes >= 60


_DAY_FILTERS = (
    moderate_plus,
    vigorous_plus,
    aerobic30,
    endurance20,
    hiit_or_resistance,
    resistance,
    aerobic_walk30,
    yoga60,
)


def _moderate_equivalent(s: _Session) -> int:
    """mvpa minutes: moderate once, vigorous or harder twice [PAG18]."""
    if not mvpa_session(s):
        return 0
    return s.minutes * (2 if s.intensity >= VIGOROUS else 1)


# --- windows (0.3, 0.5) ---------------------------------------------------------------------


class Timeline:
    """Per-day facts of a history, with running totals, so any window is a few bisects."""

    def __init__(self, sessions: Iterable[_Session]):
        by_day: dict[int, list[_Session]] = {}
        for s in sessions:
            by_day.setdefault(s.day, []).append(s)
        self.days = sorted(by_day)
        rows = [by_day[d] for d in self.days]
        self.cum = {
            f: [0, *accumulate(any(f(s) for s in row) for row in rows)] for f in _DAY_FILTERS
        }
        self.cum_minutes = [
            0,
            *accumulate(sum(_moderate_equivalent(s) for s in row) for row in rows),
        ]
        self.active_days = [
            d for d, row in zip(self.days, rows, strict=True) if any(map(moderate_plus, row))
        ]

    @classmethod
    def of(cls, sessions: Iterable[SessionFacts], profile: ProfileFacts) -> Timeline:
        """A timeline of raw session facts (classified here), e.g. for charts and tests."""
        return cls(_prepare(s, profile) for s in _unique(sessions).values())

    def window(self, end: datetime.date, weeks: int) -> Window:
        return Window(self, end, weeks)


class Window:
    """W28 / W42 / W84: `weeks` 7-day blocks ending on (and including) `end`. Block 1 is the
    end date and the six days before it, block 2 the seven days before those, and so on."""

    def __init__(self, timeline: Timeline, end: datetime.date | int, weeks: int, blocks=None):
        self.timeline = timeline
        self.end = end if isinstance(end, int) else end.toordinal()
        self.weeks = weeks
        self.start = self.end - 7 * weeks + 1
        days = timeline.days
        # (lo, hi) index range into timeline.days for each block, newest first.
        self.blocks = blocks or [
            (bisect_left(days, last - 6), bisect_right(days, last))
            for last in range(self.end, self.start - 1, -7)
        ]
        self._span = (self.blocks[-1][0], self.blocks[0][1])

    def first(self, weeks: int) -> Window:
        """The shorter window made of this one's newest `weeks` blocks (W28 inside W84)."""
        return Window(self.timeline, self.end, weeks, self.blocks[:weeks])

    def moderate_equivalent_minutes(self) -> int:
        lo, hi = self._span
        return self.timeline.cum_minutes[hi] - self.timeline.cum_minutes[lo]

    def mvpa(self) -> float:
        """Weekly average of moderate-equivalent minutes."""
        return self.moderate_equivalent_minutes() / self.weeks

    def day_count(self, f: Callable) -> int:
        """Distinct dates in the window with a session matching `f`."""
        lo, hi = self._span
        return self.timeline.cum[f][hi] - self.timeline.cum[f][lo]

    def days(self, f: Callable) -> float:
        """Weekly average of distinct dates with a session matching `f`."""
        return self.day_count(f) / self.weeks

    def weeks_ok(self, f: Callable, at_least: int) -> int:
        """Blocks with `at_least` distinct dates matching `f`."""
        cum = self.timeline.cum[f]
        return sum(cum[hi] - cum[lo] >= at_least for lo, hi in self.blocks)

    def max_gap(self) -> int:
        """Longest run of consecutive dates in the window with no session at int >= moderate."""
        active = self.timeline.active_days
        previous, gap = self.start - 1, 0
        for day in active[bisect_left(active, self.start) : bisect_right(active, self.end)]:
            gap = max(gap, day - previous - 1)
            previous = day
        return max(gap, self.end - previous)


@dataclass(frozen=True)
class _Windows:
    w28: Window
    w42: Window
    w84: Window


def _windows(timeline: Timeline, day: int) -> _Windows:
    w84 = Window(timeline, day, 12)
    return _Windows(w84.first(4), w84.first(6), w84)


# --- checks and the named predicates --------------------------------------------------------


@dataclass(frozen=True)
class _Check:
    """One condition of a window predicate: its figure, whether it holds, and a readable line."""

    key: str
    value: int | float
    met: bool
    text: str


def _mvpa_at_least(w: Window, minimum: int) -> _Check:
    total, mvpa = w.moderate_equivalent_minutes(), w.mvpa()
    met = total >= minimum * w.weeks  # integers, so 149.75 never rounds up to 150
    text = (
        f"{mvpa:g} weekly cardio minutes" if met else f"{mvpa:g} of {minimum} weekly cardio minutes"
    )
    return _Check("mvpa", mvpa, met, text)


def _mvpa_between(w: Window, low: int, high: int) -> _Check:
    total, mvpa = w.moderate_equivalent_minutes(), w.mvpa()
    if total < low * w.weeks:
        return _Check("mvpa", mvpa, False, f"{mvpa:g} of {low} weekly cardio minutes")
    if total > high * w.weeks:
        return _Check("mvpa", mvpa, False, f"{mvpa:g} weekly cardio minutes, over the {high} cap")
    return _Check("mvpa", mvpa, True, f"{mvpa:g} weekly cardio minutes, within {low} to {high}")


def _weeks_check(
    w: Window, f: Callable, per_week: int, need: int, what: str, key: str = "weeks_ok"
) -> _Check:
    k = w.weeks_ok(f, per_week)
    met = k >= need
    # Building reads as progress ("2 of 3 weeks"); once met, as a fact ("3 of 4 weeks").
    return _Check(key, k, met, f"{k} of {w.weeks if met else need} weeks with {what}")


def _days_check(w: Window, f: Callable, per_week: int, what: str) -> _Check:
    n, need = w.day_count(f), per_week * w.weeks  # days(W, f) >= per_week, in whole days
    met = n >= need
    text = f"{n} {what} in {w.weeks} weeks" if met else f"{n} of {need} {what} in {w.weeks} weeks"
    return _Check("days", w.days(f), met, text)


def _max_gap_check(w: Window, at_most: int) -> _Check:
    g = w.max_gap()
    if g <= at_most:
        return _Check("max_gap", g, True, f"longest break {g} days")
    return _Check("max_gap", g, False, f"a {g}-day break ({at_most} days at most)")


def CONSISTENT(w28: Window) -> tuple[_Check, ...]:
    """3+ days at int >= moderate in 3 of the 4 blocks [ACSM11; COL16]."""
    return (_weeks_check(w28, moderate_plus, 3, 3, "3+ active days"),)


def REGULAR_MOD(w28: Window) -> tuple[_Check, ...]:
    """mvpa(W28) >= 150 and CONSISTENT [WHO20]."""
    return (_mvpa_at_least(w28, 150), *CONSISTENT(w28))


def AEROBIC_REG(w28: Window) -> tuple[_Check, ...]:
    """days(W28, aerobic30) >= 3 and CONSISTENT [ACSM11]."""
    return (_days_check(w28, aerobic30, 3, "days with 30+ minutes of cardio"), *CONSISTENT(w28))


def STRENGTH_REG(w28: Window) -> tuple[_Check, ...]:
    """2+ resistance days in 3 of the 4 blocks [WHO20; ACSM11]."""
    return (_weeks_check(w28, resistance, 2, 3, "2+ strength days"),)


def holds(checks: tuple[_Check, ...]) -> bool:
    """A predicate is the tuple of its checks; it holds when every check is met."""
    return all(c.met for c in checks)


# --- acute rules (section 3) ----------------------------------------------------------------
# Each returns None when the rule does not fire, else the magnitude ("" when ungraded).


def _catecholamines(s: _Session) -> str | None:
    if not _rated(s, MODERATE):  # noradrenaline already rises at ~40% VO2max [MCM87]
        return None
    # Graded "large" at vigorous+ or HIIT [ZOU08]. The spec names no other grade, so an
    # ordinary rise carries no magnitude word rather than an invented one.
    return "large" if _rated(s, VIGOROUS) or s.activity == HIIT else ""


def _endorphins(s: _Session) -> str | None:
    hard = _rated(s, VIGOROUS) and s.minutes >= 15  # ~70% VO2max within 15 min [GOL90]
    long_run = s.activity == AEROBIC and _rated(s, MODERATE) and s.minutes >= 120  # [BOE08]
    return "" if hard or long_run else None


def _endocannabinoids(s: _Session) -> str | None:
    # Moderate or vigorous, not near-max, 30+ min; not walking [RAI13; SPA03; SIE21].
    ok = s.activity in (AEROBIC, MIXED) and MODERATE <= s.intensity <= VIGOROUS
    return "" if ok and s.minutes >= 30 else None


def _cortisol_acute(s: _Session) -> str | None:
    # No change at 40% VO2max; a rise from ~60%, larger at 80% [HIL08]; 30+ min [JAC02].
    return "" if _rated(s, VIGOROUS) and s.minutes >= 30 else None


def _growth_hormone(s: _Session) -> str | None:
    hard = _rated(s, VIGOROUS) and s.minutes >= 10  # above lactate threshold 10+ min [FEL92]
    lifting = s.activity == RESISTANCE and _rated(s, MODERATE) and s.minutes >= 30  # [KR05]
    return "" if hard or lifting else None


def _dopamine(s: _Session) -> str | None:
    return "" if hiit_or_resistance(s) and s.minutes >= 20 else None  # design floor [WAN00]


def _serotonin(s: _Session) -> str | None:
    # "Sustained moderate" read as moderate or vigorous, 30+ min, continuous work [ACSM11].
    ok = s.activity in (AEROBIC, WALKING) and MODERATE <= s.intensity <= VIGOROUS
    return "" if ok and s.minutes >= 30 else None


def _gaba(s: _Session) -> str | None:
    hard = _rated(s, VIGOROUS) and s.minutes >= 10  # >= 80% predicted HRmax [MAD16]
    return "" if hard or yoga60(s) else None  # 60 min of yoga [STR10]


def _bdnf(s: _Session) -> str | None:
    # Above the ventilatory threshold [FER07]; the 20-min floor is a design choice.
    ok = s.activity in _ENDURANCE_MODS and _rated(s, VIGOROUS)
    return "" if ok and s.minutes >= 20 else None


def _insulin_sensitivity(s: _Session) -> str | None:
    # Any modality but mobility, int >= moderate, 30+ min [WAY16; COL16].
    return "" if _rated(s, MODERATE) and s.minutes >= 30 else None


def _il6(s: _Session) -> str | None:
    if not (mvpa_session(s) and s.minutes >= 30):  # [FIS06]
        return None
    # "marked" from 60 min is a design choice; below it, section 3 calls the rise small.
    return "marked" if s.minutes >= 60 else "small"


def _ampk_signaling(s: _Session) -> str | None:
    if not (s.activity in _ENDURANCE_MODS and _rated(s, MODERATE) and s.minutes >= 20):
        return None
    # Graded by intensity [NOR10: larger at 85% than 70% VO2peak]. Our choice of words:
    # moderate -> small, vigorous -> moderate, near_max -> large.
    return {MODERATE: "small", VIGOROUS: "moderate", NEAR_MAX: "large"}[s.intensity]


def _irisin(s: _Session) -> str | None:
    ok = s.activity == HIIT or (s.activity == AEROBIC and _rated(s, VIGOROUS))  # [JED15]
    return "" if ok and s.minutes >= 20 else None


def _fgf21(s: _Session) -> str | None:
    # 45-min floor is a design choice [KIM13; TAN16].
    ok = s.activity in _ENDURANCE_MODS and _rated(s, MODERATE)
    return "" if ok and s.minutes >= 45 else None


@dataclass(frozen=True)
class _Acute:
    effect: str
    fires: Callable[[_Session], str | None]
    description: str
    extra: dict = field(default_factory=dict)  # fixed inputs stored with the tag


_ACUTE = (
    _Acute(
        "catecholamines",
        _catecholamines,
        "Any workout at moderate effort or harder; graded large when it is vigorous or harder, "
        "or interval training.",
    ),
    _Acute(
        "endorphins",
        _endorphins,
        "At least 15 minutes at vigorous effort or harder, or a steady cardio session of two "
        "hours or more at moderate effort or harder.",
    ),
    _Acute(
        "endocannabinoids",
        _endocannabinoids,
        "Half an hour or more of steady cardio or mixed training, moderate or vigorous but not "
        "all-out.",
    ),
    _Acute(
        "cortisol_acute",
        _cortisol_acute,
        "Half an hour or more at vigorous effort or harder; easy sessions never trigger it.",
    ),
    _Acute(
        "growth_hormone",
        _growth_hormone,
        "Ten minutes or more at vigorous effort or harder, or half an hour or more of strength "
        "training at moderate effort or harder.",
    ),
    _Acute(
        "dopamine",
        _dopamine,
        "Twenty minutes or more of intervals or strength training at moderate effort or harder.",
    ),
    _Acute(
        "serotonin",
        _serotonin,
        "Half an hour or more of steady cardio or walking, moderate or vigorous but not all-out.",
    ),
    _Acute(
        "gaba",
        _gaba,
        "Ten minutes or more at vigorous effort or harder, or a yoga class of an hour or longer.",
    ),
    _Acute(
        "bdnf",
        _bdnf,
        "Twenty minutes or more of cardio, intervals or mixed training at vigorous effort or "
        "harder.",
    ),
    _Acute(
        "insulin_sensitivity",
        _insulin_sensitivity,
        "Half an hour or more of any non-mobility workout at moderate effort or harder; the "
        "benefit is taken to last about two days.",
        {"valid_hours": 48},  # the gain persists 48-72 h [WAY16]; we keep the shorter figure
    ),
    _Acute(
        "il6",
        _il6,
        "Half an hour or more of cardio, intervals, mixed training or walking at moderate "
        "effort or harder; marked once it lasts an hour.",
    ),
    _Acute(
        "ampk_signaling",
        _ampk_signaling,
        "Twenty minutes or more of cardio, intervals or mixed training at moderate effort or "
        "harder; the harder the session, the higher the grade.",
    ),
    _Acute(
        "irisin",
        _irisin,
        "Twenty minutes or more of interval training, or of steady cardio at vigorous effort "
        "or harder.",
    ),
    _Acute(
        "fgf21",
        _fgf21,
        "Forty-five minutes or more of cardio, intervals or mixed training at moderate effort "
        "or harder.",
    ),
)


# --- chronic rules (section 3 and the 0.5 contributing filters) -----------------------------


@dataclass(frozen=True)
class _Route:
    """One way to earn a chronic effect: the sessions that contribute, the window they are
    looked for in (for the dashboard's "building"), and the predicate that must hold."""

    contributes: Callable[[_Session], bool]
    window_days: int
    predicate: Callable[[_Windows], tuple[_Check, ...]]


def _everyone(profile: ProfileFacts) -> bool:
    return True


def _men(profile: ProfileFacts) -> bool:
    return profile.sex == "male"  # unset sex: no testosterone tag


def _women(profile: ProfileFacts) -> bool:
    # Unset sex: no tag. A missed-period flag removes the tag entirely (not even "building"),
    # so the app never nudges towards more training for hormones [MOU23].
    return profile.sex == "female" and not profile.missed_period


@dataclass(frozen=True)
class _Chronic:
    effect: str
    routes: tuple[_Route, ...]
    description: str
    applies: Callable[[ProfileFacts], bool] = _everyone


def _one(contributes, window_days, predicate) -> tuple[_Route, ...]:
    return (_Route(contributes, window_days, predicate),)


_REGULAR_MOD = _one(mvpa_session, 28, lambda w: REGULAR_MOD(w.w28))
_AEROBIC_REG = _one(aerobic30, 28, lambda w: AEROBIC_REG(w.w28))

_REGULAR_WORDS = (
    "Averaging 150+ cardio minutes a week over the last four weeks (hard minutes count double), "
    "with 3+ active days in at least three of those weeks."
)
_AEROBIC_WORDS = (
    "Cardio or walking sessions of 30+ minutes on at least 12 of the last 28 days, with 3+ "
    "active days in at least three of the four weeks."
)

_CHRONIC = (
    _Chronic(
        "dopamine",
        _one(
            hiit_or_resistance,
            28,
            lambda w: (
                _weeks_check(w.w28, hiit_or_resistance, 2, 3, "2+ interval or strength days"),
            ),
        ),
        "Intervals or strength work on 2+ days a week in at least three of the last four weeks.",
    ),
    _Chronic(
        "serotonin",
        _one(aerobic30, 28, lambda w: (*AEROBIC_REG(w.w28), _mvpa_at_least(w.w28, 150))),
        "The regular-cardio pattern (30+ minute sessions on 12 of the last 28 days, 3+ active "
        "days in three of four weeks) plus 150+ weekly cardio minutes.",
    ),
    _Chronic(
        "gaba",
        (
            _Route(mvpa_session, 28, lambda w: REGULAR_MOD(w.w28)),
            # 12 weeks of 3 x 60 min yoga [STR10]: three yoga days in 10 of the 12 blocks.
            _Route(
                yoga60,
                84,
                lambda w: (
                    _weeks_check(
                        w.w84, yoga60, 3, 10, "3+ hour-long yoga sessions", key="yoga_weeks_ok"
                    ),
                ),
            ),
        ),
        "Either 150+ weekly cardio minutes with 3+ active days in three of the last four weeks, "
        "or three hour-long yoga sessions a week in at least 10 of the last 12 weeks.",
    ),
    _Chronic("bdnf", _AEROBIC_REG, _AEROBIC_WORDS),  # small effect [DIN16]
    _Chronic(
        "insulin_sensitivity",
        _one(
            mvpa_session,
            28,
            lambda w: (
                _mvpa_at_least(w.w28, 150),  # [COL16]
                _days_check(w.w28, moderate_plus, 3, "active days"),  # >= 3 days/week [COL16]
                _max_gap_check(w.w28, 2),  # no more than 2 days off in a row [COL16]
            ),
        ),
        "150+ weekly cardio minutes, at least 12 active days in the last 28, and never more "
        "than two days in a row without one.",
    ),
    _Chronic("hpa_recalibration", _REGULAR_MOD, _REGULAR_WORDS),  # [RIM07; MUC18]
    _Chronic(
        "testosterone",
        _one(resistance, 28, lambda w: STRENGTH_REG(w.w28)),  # [KR05; MCC99]
        "Men only: strength training on 2+ days a week in at least three of the last four weeks.",
        _men,
    ),
    _Chronic(
        "ovarian_balance",
        # REGULAR_MOD with mvpa kept within 150-300 min/week [WHO20; FRI15]; flag: see _women.
        _one(
            mvpa_session,
            28,
            lambda w: (_mvpa_between(w.w28, 150, 300), *CONSISTENT(w.w28)),
        ),
        "Women without reported missed periods: 150 to 300 weekly cardio minutes, with 3+ "
        "active days in at least three of the last four weeks.",
        _women,
    ),
    _Chronic(
        "mito_biogenesis",
        _one(
            endurance20,
            28,
            lambda w: (
                _days_check(w.w28, endurance20, 3, "days with 20+ minutes of cardio (not walks)"),
                *CONSISTENT(w.w28),
            ),
        ),
        "Cardio, interval or mixed sessions of 20+ minutes on at least 12 of the last 28 days, "
        "with 3+ active days in three of the four weeks.",
    ),
    _Chronic("anti_inflammatory", _REGULAR_MOD, _REGULAR_WORDS),  # [GLE11; FIS06]
    _Chronic(
        "rx_5ht1a",
        # The weekly pattern held for 6 weeks, read as 5 of 6 blocks [GRE05].
        _one(
            aerobic_walk30,
            42,
            lambda w: (
                _weeks_check(w.w42, aerobic_walk30, 3, 5, "3+ days of 30+ minute cardio or walks"),
            ),
        ),
        "Steady cardio or walks of 30+ minutes on 3+ days a week in at least five of the last "
        "six weeks.",
    ),
    _Chronic(
        "rx_d2",
        _one(
            vigorous_plus,
            42,
            lambda w: (_weeks_check(w.w42, vigorous_plus, 3, 5, "3+ hard days"),),  # [VUC10]
        ),
        "Vigorous or harder sessions on 3+ days a week in at least five of the last six weeks.",
    ),
    _Chronic("rx_gaba_a", _REGULAR_MOD, _REGULAR_WORDS),  # [HILLE10]
    _Chronic("rx_cb1", _AEROBIC_REG, _AEROBIC_WORDS),  # [HILMN10]
    _Chronic("bdnf_methylation", _AEROBIC_REG, _AEROBIC_WORDS),  # [GOM11; INT13]
)

RULES: tuple[Rule, ...] = tuple(
    sorted(
        [Rule(f"{r.effect}.acute", r.effect, "acute", r.description) for r in _ACUTE]
        + [Rule(f"{r.effect}.chronic", r.effect, "chronic", r.description) for r in _CHRONIC],
        key=lambda rule: rule.id,
    )
)
RULES_BY_ID = {rule.id: rule for rule in RULES}


def _chronic_tag(rule: _Chronic, s: _Session, evaluation) -> Tag:
    held = [checks for ok, checks in evaluation if ok]
    if held:
        status, checks = "sustained", held[0]
    else:
        # Progress along the route this session contributes to.
        status = "building"
        checks = next(
            checks
            for route, (_, checks) in zip(rule.routes, evaluation, strict=True)
            if route.contributes(s)
        )
    inputs = dict(s.inputs)
    inputs.update((c.key, c.value) for c in checks)
    inputs["progress"] = "; ".join(c.text for c in checks)
    return Tag(rule.effect, "chronic", status, "", f"{rule.effect}.chronic", RULES_VERSION, inputs)


class _Tagger:
    """Tags sessions against one timeline, evaluating each route's predicate once per date
    (routes such as REGULAR_MOD are shared by several rules)."""

    def __init__(self, sessions: list[_Session], profile: ProfileFacts):
        self.timeline = Timeline(sessions)
        self.chronic = [r for r in _CHRONIC if r.applies(profile)]
        self._checks: dict[tuple[int, int], tuple[bool, tuple[_Check, ...]]] = {}
        self._windows: dict[int, _Windows] = {}

    def evaluation(self, rule: _Chronic, day: int) -> list[tuple[bool, tuple[_Check, ...]]]:
        """(holds, checks) per route of a chronic rule on one date."""
        out = []
        for route in rule.routes:
            key = (day, id(route))
            if key not in self._checks:
                if day not in self._windows:
                    self._windows[day] = _windows(self.timeline, day)
                checks = route.predicate(self._windows[day])
                self._checks[key] = (holds(checks), checks)
            out.append(self._checks[key])
        return out

    def tags(self, s: _Session) -> list[Tag]:
        tags = []
        for rule in _ACUTE:
            magnitude = rule.fires(s)
            if magnitude is not None:
                inputs = {**s.inputs, **rule.extra}
                rule_id = f"{rule.effect}.acute"
                tags.append(
                    Tag(rule.effect, "acute", "acute", magnitude, rule_id, RULES_VERSION, inputs)
                )
        for rule in self.chronic:
            if any(route.contributes(s) for route in rule.routes):
                tags.append(_chronic_tag(rule, s, self.evaluation(rule, s.day)))
        tags.sort(key=lambda t: t.rule)
        return tags


# --- public entry points --------------------------------------------------------------------


def affected_until(d: datetime.date) -> datetime.date:
    """The last date whose windows include `d`: retag sessions dated in [d, affected_until(d)]."""
    return d + datetime.timedelta(days=WINDOW_DAYS - 1)


def _unique(sessions: Iterable[SessionFacts]) -> dict[object, SessionFacts]:
    by_key: dict[object, SessionFacts] = {}
    for s in sessions:
        if s.key in by_key and by_key[s.key] != s:
            raise ValueError(f"two different sessions share the key {s.key!r}")
        by_key[s.key] = s
    return by_key


def tag_session(
    session: SessionFacts, history: Iterable[SessionFacts], profile: ProfileFacts
) -> list[Tag]:
    """Tags of one session, given the owner's sessions (any order; may include this session,
    whose given version wins, and sessions outside its windows, which are ignored)."""
    first = session.date - datetime.timedelta(days=WINDOW_DAYS - 1)
    window = {
        key: s
        for key, s in _unique(h for h in history if h.key != session.key).items()
        if first <= s.date <= session.date
    }
    window[session.key] = session
    prepared = {key: _prepare(s, profile) for key, s in window.items()}
    return _Tagger(list(prepared.values()), profile).tags(prepared[session.key])


def tag_history(sessions: Iterable[SessionFacts], profile: ProfileFacts) -> dict[object, list[Tag]]:
    """Tags of every session of a history, in one pass; equal to tag_session for each."""
    prepared = [_prepare(s, profile) for s in _unique(sessions).values()]
    prepared.sort(key=lambda s: s.day)
    tagger = _Tagger(prepared, profile)
    return {s.facts.key: tagger.tags(s) for s in prepared}


def chronic_states(
    history: Iterable[SessionFacts], profile: ProfileFacts, today: datetime.date
) -> dict[str, str]:
    """The person's state per chronic effect on `today`, for the dashboard:

    - "sustained": the rule's predicate holds today;
    - "lapsed": it does not, and the last contributing session (however old) was tagged
      sustained; this wins over "building", as the spec has a chronic effect lapse when its
      predicate fails after being sustained;
    - "building": otherwise, when a contributing session lies in its route's window;
    - absent: none of these (or the effect does not apply to this profile).
    Sessions dated after `today` are ignored.
    """
    prepared = sorted(
        (_prepare(s, profile) for s in _unique(history).values() if s.date <= today),
        key=lambda s: s.day,
    )
    tagger = _Tagger(prepared, profile)
    days = [s.day for s in prepared]
    now = today.toordinal()
    states: dict[str, str] = {}
    for rule in sorted(tagger.chronic, key=lambda r: r.effect):
        if any(ok for ok, _ in tagger.evaluation(rule, now)):
            states[rule.effect] = "sustained"
            continue
        last = next(
            (s for s in reversed(prepared) if any(r.contributes(s) for r in rule.routes)), None
        )
        if last is None:
            continue
        if any(ok for ok, _ in tagger.evaluation(rule, last.day)):
            states[rule.effect] = "lapsed"
        elif any(
            route.contributes(s)
            for route in rule.routes
            for s in prepared[bisect_right(days, now - route.window_days) :]
        ):
            states[rule.effect] = "building"
    return states


# --- explanations ---------------------------------------------------------------------------

_ACTIVITY_WORDS = {
    AEROBIC: "cardio",
    HIIT: "intervals",
    RESISTANCE: "strength training",
    MIXED: "mixed training",
    MOBILITY: "mobility work",
    WALKING: "walking",
}
_STYLE_WORDS = {
    "yoga": "yoga",
    "pilates": "pilates",
    "stretching": "stretching",
    "tai_chi": "tai chi",
}


def _source_words(inputs: dict, activity: str) -> str:
    value, source = inputs.get("intensity_value"), inputs.get("intensity_source")
    if source == "hrr":
        return f"{value:g}% of heart-rate reserve"
    if source == "hr":
        estimated = " (estimated from age)" if inputs.get("hr_max_estimated") else ""
        return f"{value:g}% of max heart rate{estimated}"
    if source == "srpe":
        return f"effort {value}"
    if source == "1rm":
        return f"{value}% of one-rep max"
    return f"the typical {value:g} METs for {activity}"


def explain(tag: Tag) -> str:
    """Why a tag was given, in plain words, from its stored inputs only."""
    i = tag.inputs
    activity = _ACTIVITY_WORDS.get(i["activity"], "exercise")
    if i["activity"] == MOBILITY:
        activity = _STYLE_WORDS.get(i.get("style", ""), activity)
    level = "near-maximal" if i["intensity"] == NEAR_MAX.slug else i["intensity"]
    source = _source_words(i, activity)
    if i.get("hiit_floor"):
        why = f"{level} (intervals count as at least vigorous; {source} alone reads lower)"
    else:
        why = f"{level} from {source}"
    parts = [f"{why}, {i['minutes']} minutes of {activity}"]
    if tag.magnitude:
        parts.append(f"graded {tag.magnitude}")
    if "progress" in i:
        parts.append(i["progress"])
    return "; ".join(parts)
