"""The statistics of insights.md version 2 (sections 3 and 4): pure, no Django.

Welch's difference of means, widened for neighbouring days (3.1, Bretherton et al. 1999),
its interval and p-value (3.2), Benjamini-Hochberg q-values over the claims computed
(3.3), claims resting on the same evidence (3.4), the verdict and `firm` (4). The Student t
distribution comes from scipy (its special functions, which scipy.stats.t calls itself); the
lag-one autocorrelation and Benjamini-Hochberg are the definitions of 3.1 and 3.3 written out.

Every figure follows from a few sums over a claim's units (Moments): counts, sums and sums
of squares of the outcome on each side, and the same over the pairs of units on consecutive
days. Outcomes are whole numbers (ratings), so the sums are exact, and the Insights page can
add them up block by block (journal.insights.block_cache) and get the very figures the whole
journal gives, to the last bit. Each figure is then one rounding from its exact value (the
variance as (n Σy² - (Σy)²) / (n (n - 1)) in whole numbers), never a sum of rounded terms;
other values (a test's floats) are summed as exact fractions.

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
from fractions import Fraction
from numbers import Integral
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
    """Student's t quantile at a (fractional) df: scipy's stdtrit, which scipy.stats.t.ppf
    calls, without the 40 microseconds of that wrapper's argument checks. Imported when first
    needed, so that loading the app does not pay for scipy."""
    from scipy.special import stdtrit

    return float(stdtrit(df, probability))


def t_two_sided_p(statistic: float, df: float) -> float:
    """2 x T's survival function at |statistic| (scipy.stats.t.sf is stdtr(df, -x))."""
    from scipy.special import stdtr

    return float(2 * stdtr(df, -abs(statistic)))


def warm_up() -> None:
    """Import scipy's t functions now (a server calls this when a worker starts)."""
    t_quantile(_UPPER, 10)
    t_two_sided_p(1.0, 10)


def exact(value):
    """A unit's outcome as an exact number: whole numbers as ints, other values as the
    fraction the float holds, so that sums of them are exact."""
    if type(value) is int:  # a rating: the common case, first
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Fraction):
        return value
    value = float(value)
    return int(value) if value.is_integer() else Fraction(value)


def _ratio(numerator, denominator) -> float:
    """numerator / denominator, rounded once (Python divides whole numbers exactly rounded;
    a fraction is rounded when made a float)."""
    return float(numerator / denominator)


@dataclass(frozen=True)
class Moments:
    """The sums of one claim's units from which every figure of 3 to 3.2 follows. Over all
    units: how many, Σy, Σy²; over the units "with": the same; over each pair of units on
    consecutive days (d - 1, d), for 3.1: how many, Σ y(d-1) y(d), Σ y(d-1), Σ y(d), and the
    same for the exposure x (1 with, 0 without). Adding two claims' moments over units on
    days apart gives the moments of the units together (the pairs across them added too)."""

    n: int
    sy: int
    syy: int
    n1: int
    s1: int
    ss1: int
    pairs: int = 0
    pyy: int = 0
    py0: int = 0
    py1: int = 0
    pxx: int = 0
    px0: int = 0
    px1: int = 0


def _rho(n, s, ss, pairs, pzz, pz0, pz1) -> float:
    """ρ of 3.1 before clipping, from the sums: with z̄ = s / n, the numerator
    Σ (z(d-1) - z̄)(z(d) - z̄) = pzz - z̄ (pz0 + pz1) + pairs z̄², the denominator
    Σ (z - z̄)² = ss - n z̄², both times n² in whole numbers; 0 with no spread."""
    spread = n * ss - s * s  # n x the denominator
    if spread == 0:
        return 0.0
    return _ratio(n * n * pzz - n * s * (pz0 + pz1) + pairs * s * s, n * spread)


def rhos(m: Moments) -> tuple[float, float]:
    """ρ of the exposure and of the outcome (3.1), before clipping."""
    rho_x = _rho(m.n, m.n1, m.n1, m.pairs, m.pxx, m.px0, m.px1)
    return rho_x, _rho(m.n, m.sy, m.syy, m.pairs, m.pyy, m.py0, m.py1)


def moments(units: Units, dated: bool) -> Moments:
    """A claim's Moments from its units; `dated`: the keys are day numbers
    (date.toordinal(), one unit a day), paired with the day before."""
    values = [exact(v) for v in units.values]
    with_ = [v for v, e in zip(values, units.exposed, strict=True) if e]
    pairs = pyy = py0 = py1 = pxx = px0 = px1 = 0
    if dated:
        by_day = dict(zip(units.keys, zip(values, units.exposed, strict=True), strict=True))
        for day, (y, x) in by_day.items():
            if day - 1 in by_day:
                y0, x0 = by_day[day - 1]
                pairs, pyy, py0, py1 = pairs + 1, pyy + y0 * y, py0 + y0, py1 + y
                pxx, px0, px1 = pxx + (x0 and x), px0 + bool(x0), px1 + bool(x)
    return Moments(
        len(values),
        sum(values),
        sum(v * v for v in values),
        len(with_),
        sum(with_),
        sum(v * v for v in with_),
        pairs,
        pyy,
        py0,
        py1,
        int(pxx),
        px0,
        px1,
    )


def lag_one(days: Sequence[int], values: Sequence[float]) -> float:
    """ρ of 3.1, before clipping, for one unit per day (`days`: date.toordinal() numbers):
    the mean and the denominator over every unit, the numerator over each day d whose next
    day d + 1 is a unit too; 0 with no spread."""
    units = Units(list(days), [False] * len(values), list(values))
    return rhos(moments(units, dated=True))[1]


def clipped(rho: float) -> float:
    low, high = RHO_CLIP
    return min(high, max(low, rho))


def _design_factor(m: Moments) -> tuple[float, float, float]:
    rho_x, rho_y = (clipped(rho) for rho in rhos(m))
    r = rho_x * rho_y
    return rho_x, rho_y, (1 - r) / (1 + r)


def design_factor(units: Units) -> tuple[float, float, float]:
    """(ρ of the exposure, ρ of the outcome, k) over a dated claim's units (3.1), whose
    keys are day numbers (date.toordinal())."""
    return _design_factor(moments(units, dated=True))


def welch(units: Units, dated: bool) -> Welch | None:
    """The figures of 3 to 3.2 for one claim's units; None under the guard of 3.3.
    `dated`: the units are dates (next-day and long-term claims), corrected as in 3.1."""
    return figures(moments(units, dated), dated)


def figures(m: Moments, dated: bool) -> Welch | None:
    """The figures of 3 to 3.2 from a claim's Moments; None under the guard of 3.3."""
    n1, n0 = m.n1, m.n - m.n1
    if n1 < MIN_PER_SIDE or n0 < MIN_PER_SIDE:
        return None
    s1, s0 = m.s1, m.sy - m.s1
    # n (n - 1) times each side's sample variance, exactly.
    d1, d0 = n1 * m.ss1 - s1 * s1, n0 * (m.syy - m.ss1) - s0 * s0
    m1, m0 = _ratio(s1, n1), _ratio(s0, n0)
    a1, a0 = _ratio(d1, n1 * n1 * (n1 - 1)), _ratio(d0, n0 * n0 * (n0 - 1))  # v / n
    both = n1 * n1 * (n1 - 1) * n0 * n0 * (n0 - 1)
    se_squared = _ratio(d1 * n0 * n0 * (n0 - 1) + d0 * n1 * n1 * (n1 - 1), both)
    se = math.sqrt(se_squared)
    difference = m1 - m0
    rho_x, rho_y, k = _design_factor(m) if dated else (None, None, 1.0)
    se_adj = se / math.sqrt(k)
    if d1 == 0 and d0 == 0:  # se = 0
        df = df_adj = None
        low = high = difference
        p_value = 0.0 if difference != 0 else 1.0
    else:
        # Welch-Satterthwaite: se^4 / ((v1/n1)^2/(n1-1) + (v0/n0)^2/(n0-1)).
        df = se_squared**2 / (a1**2 / (n1 - 1) + a0**2 / (n0 - 1))
        df_adj = max(1.0, df * k)
        half = t_quantile(_UPPER, df_adj) * se_adj
        low, high = difference - half, difference + half
        p_value = t_two_sided_p(difference / se_adj, df_adj)
    # The pooled variance, ((n1 - 1) v1 + (n0 - 1) v0) / (n1 + n0 - 2), exactly.
    pooled = d1 * n0 + d0 * n1
    g = None
    if pooled != 0:
        s_p = math.sqrt(_ratio(pooled, n1 * n0 * (n1 + n0 - 2)))
        g = difference / s_p * (1 - 3 / (4 * (n1 + n0) - 9))
    return Welch(
        n1, n0, m1, m0, difference, se, df, rho_x, rho_y, k, se_adj, df_adj, low, high, p_value, g
    )


def q_values(p_values: Sequence[float]) -> list[float]:
    """Benjamini-Hochberg over the claims computed (3.3), in the order given: the claim
    with the i-th smallest p gets min over j >= i of min(1, m p_(j) / j), each term
    computed as scipy.stats.false_discovery_control does (p x (m / j))."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    q, running = [0.0] * m, math.inf
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, float(p_values[i]) * (m / rank))
        q[i] = min(1.0, running)
    return q


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
    return same_evidence_counts(len(a & b), len(a), len(b))


def same_evidence_counts(shared: int, a: int, b: int) -> bool:
    """same_evidence from the counts: |A & B|, |A| and |B|."""
    union = a + b - shared
    num, den = SAME_EVIDENCE
    return union > 0 and den * shared >= num * union
