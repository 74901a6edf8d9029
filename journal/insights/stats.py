"""The statistics of insights.md version 2 (sections 3 and 4): pure, no Django.

Welch's difference of means, widened for neighbouring days (3.1, Bretherton et al. 1999),
its interval and p-value (3.2), Benjamini-Hochberg q-values over the claims computed
(3.3), claims resting on the same evidence (3.4), the verdict and `firm` (4). The Student t
distribution and the Benjamini-Hochberg adjustment come from scipy; the lag-one
autocorrelation is the definition of 3.1 written out, as no library reads gaps between dates
the way 3.1 does.

Where insights.md is silent, the reading that makes a verdict less confident is chosen:
- the interval must lie strictly above (or below) zero: an end exactly on 0 is "unclear";
- with se = 0 the degrees of freedom are 0/0 and left out (None), as is g (s_p = 0 too);
- the p-value is 2 x T's survival function (the same number as 2 x (1 - T), without the
  rounding of 1 - T to 0 for a tiny p-value).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

MIN_PER_SIDE = 3  # Bearable's minimum on each side (insights.md 3.3)
CONFIDENCE = 0.95
RHO_CLIP = (0.0, 0.95)  # insights.md 3.1
FIRM_Q = 0.05  # insights.md 4
FIRM_PER_SIDE = 10
# Jaccard >= 0.8 compared as whole numbers (5 |A & B| >= 4 |A | B|): exact at the boundary.
SAME_EVIDENCE = (4, 5)

UP, DOWN = "up", "down"
CONSISTENT, OPPOSITE, UNCLEAR, NOT_ENOUGH_DATA = (
    "consistent",
    "opposite",
    "unclear",
    "not_enough_data",
)
CLEAR = frozenset({CONSISTENT, OPPOSITE})


class Units(NamedTuple):
    """A claim's units as three lists of one length (ten years are 3,000+ units for each of
    16 claims, so no object per unit): each unit's key (a session's place in the list, or
    the day number of a date d, date.toordinal()), whether it is "with" the exposure, and
    its outcome."""

    keys: list[Hashable]
    exposed: list[bool]
    values: list[float]

    @classmethod
    def of(cls, rows: Iterable[tuple[Hashable, bool, float]]) -> Units:
        keys, exposed, values = [], [], []
        for key, with_, value in rows:
            keys.append(key)
            exposed.append(with_)
            values.append(value)
        return cls(keys, exposed, values)

    def groups(self) -> tuple[list[float], list[float]]:
        """The outcomes "with" and "without", in the units' order."""
        with_ = [v for v, e in zip(self.values, self.exposed, strict=True) if e]
        without = [v for v, e in zip(self.values, self.exposed, strict=True) if not e]
        return with_, without

    def exposed_keys(self) -> set[Hashable]:
        return {k for k, e in zip(self.keys, self.exposed, strict=True) if e}


@dataclass(frozen=True)
class Welch:
    n_with: int
    n_without: int
    mean_with: float
    mean_without: float
    difference: float
    se: float
    df: float | None  # None when se = 0 (0/0)
    rho_exposure: float | None  # None for session claims (3.1)
    rho_outcome: float | None
    design_factor: float  # k of 3.1: 1 for session claims
    se_adj: float
    df_adj: float | None  # None when se = 0
    ci_low: float  # the adjusted 95% interval (3.2)
    ci_high: float
    p_value: float
    hedges_g: float | None  # None when the pooled standard deviation is 0

    def unadjusted_half_width(self) -> float:
        """Half the interval the days-are-independent reading gives (for comparisons)."""
        return 0.0 if self.df is None else t_quantile(_UPPER, self.df) * self.se


_UPPER = 1 - (1 - CONFIDENCE) / 2


def t_quantile(probability: float, df: float) -> float:
    """Student's t quantile at a (fractional) df, from scipy, imported when first needed so
    that loading the app does not pay for scipy.stats."""
    from scipy.stats import t

    return float(t.ppf(probability, df))


def t_two_sided_p(statistic: float, df: float) -> float:
    from scipy.stats import t

    return float(2 * t.sf(abs(statistic), df))


def warm_up() -> None:
    """Import scipy.stats now (a server calls this when a worker starts)."""
    t_quantile(_UPPER, 10)


def _mean_and_variance(values) -> tuple[float, float]:
    """The mean and the sample variance (denominator n - 1) of a numpy array."""
    return float(values.mean()), float(values.var(ddof=1))


def lag_one(days: Sequence[int], values: Sequence[float]) -> float:
    """ρ of 3.1, before clipping, for one unit per day (`days`: date.toordinal() numbers):
    the mean and the denominator over every unit, the numerator over each day d whose next
    day d + 1 is a unit too; 0 with no spread. numpy for speed: the units sorted by day, a
    pair wherever two of them are one day apart."""
    import numpy as np

    days = np.asarray(days, dtype=np.int64)
    order = np.argsort(days, kind="stable")
    return _rho(days[order], np.asarray(values, dtype=float)[order])


def _rho(days, values) -> float:
    """lag_one for units already sorted by day (numpy arrays)."""
    deviations = values - values.mean()
    denominator = float(deviations @ deviations)
    if denominator == 0:
        return 0.0
    neighbours = days[1:] == days[:-1] + 1
    return float(deviations[:-1][neighbours] @ deviations[1:][neighbours]) / denominator


def clipped(rho: float) -> float:
    low, high = RHO_CLIP
    return min(high, max(low, rho))


def design_factor(units: Units) -> tuple[float, float, float]:
    """(ρ of the exposure, ρ of the outcome, k) over a dated claim's units (3.1), whose
    keys are day numbers (date.toordinal())."""
    import numpy as np

    days = np.asarray(units.keys, dtype=np.int64)
    order = np.argsort(days, kind="stable")
    days = days[order]
    rho_x = clipped(_rho(days, np.asarray(units.exposed, dtype=float)[order]))
    rho_y = clipped(_rho(days, np.asarray(units.values, dtype=float)[order]))
    r = rho_x * rho_y
    return rho_x, rho_y, (1 - r) / (1 + r)


def welch(units: Units, dated: bool) -> Welch | None:
    """The figures of 3 to 3.2 for one claim's units; None under the guard of 3.3.
    `dated`: the units are dates (next-day and long-term claims), corrected as in 3.1."""
    import numpy as np

    values = np.asarray(units.values, dtype=float)
    exposed = np.asarray(units.exposed, dtype=bool)
    with_, without = values[exposed], values[~exposed]
    n1, n0 = int(with_.size), int(without.size)
    if n1 < MIN_PER_SIDE or n0 < MIN_PER_SIDE:
        return None
    m1, v1 = _mean_and_variance(with_)
    m0, v0 = _mean_and_variance(without)
    a1, a0 = v1 / n1, v0 / n0
    se = math.sqrt(a1 + a0)
    difference = m1 - m0
    rho_x, rho_y, k = design_factor(units) if dated else (None, None, 1.0)
    se_adj = se / math.sqrt(k)
    if se == 0:
        df = df_adj = None
        low = high = difference
        p_value = 0.0 if difference != 0 else 1.0
    else:
        # Welch-Satterthwaite: se^4 / ((v1/n1)^2/(n1-1) + (v0/n0)^2/(n0-1)).
        df = (a1 + a0) ** 2 / (a1**2 / (n1 - 1) + a0**2 / (n0 - 1))
        df_adj = max(1.0, df * k)
        half = t_quantile(_UPPER, df_adj) * se_adj
        low, high = difference - half, difference + half
        p_value = t_two_sided_p(difference / se_adj, df_adj)
    pooled = math.sqrt(((n1 - 1) * v1 + (n0 - 1) * v0) / (n1 + n0 - 2))
    g = None if pooled == 0 else difference / pooled * (1 - 3 / (4 * (n1 + n0) - 9))
    return Welch(
        n1, n0, m1, m0, difference, se, df, rho_x, rho_y, k, se_adj, df_adj, low, high, p_value, g
    )


def q_values(p_values: Sequence[float]) -> list[float]:
    """Benjamini-Hochberg over the claims computed (3.3), in the order given: the claim
    with the i-th smallest p gets min over j >= i of min(1, m p_(j) / j)."""
    if not p_values:
        return []
    from scipy.stats import false_discovery_control

    return [float(q) for q in false_discovery_control(list(p_values), method="bh")]


def verdict(figures: Welch | None, direction: str) -> str:
    """Section 4, from the adjusted interval; "down" claims are the mirror image of "up"."""
    if figures is None:
        return NOT_ENOUGH_DATA
    above, below = figures.ci_low > 0, figures.ci_high < 0
    if direction == DOWN:
        above, below = below, above
    if above:
        return CONSISTENT
    if below:
        return OPPOSITE
    return UNCLEAR


def is_firm(verdict_: str, q_value: float | None, n_with: int, n_without: int) -> bool:
    """Section 4: a clear verdict that survives the many tests, with 10 units on each side."""
    return (
        verdict_ in CLEAR
        and q_value is not None
        and q_value <= FIRM_Q
        and min(n_with, n_without) >= FIRM_PER_SIDE
    )


def same_evidence(a: Iterable[Hashable], b: Iterable[Hashable]) -> bool:
    """Jaccard |A & B| / |A | B| >= 0.8 (3.4), in whole numbers so 0.8 itself counts."""
    a, b = set(a), set(b)
    union = len(a | b)
    num, den = SAME_EVIDENCE
    return union > 0 and den * len(a & b) >= num * union
