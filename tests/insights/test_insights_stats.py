"""The Welch statistics of insights.md section 3 and the verdicts of section 4, without a
database (the version-2 additions, 3.1 to 3.4 and `firm`, are in test_insights_v2)."""

import math
import random

import pytest
from scipy import stats

from journal.insights.stats import (
    CONSISTENT,
    DOWN,
    NOT_ENOUGH_DATA,
    OPPOSITE,
    UNCLEAR,
    UP,
    Units,
    Welch,
    verdict,
)
from journal.insights.stats import welch as welch_of_units


def welch(with_, without):
    """Session units (independent, k = 1) from two groups of outcomes."""
    rows = [(i, True, v) for i, v in enumerate(with_)]
    rows += [(len(with_) + i, False, v) for i, v in enumerate(without)]
    return welch_of_units(Units.of(rows), dated=False)


def samples(rng, n, mean, sd, integers):
    values = [rng.gauss(mean, sd) for _ in range(n)]
    return [round(v) for v in values] if integers else values


@pytest.mark.parametrize("seed", range(40))
def test_welch_agrees_with_scipy_on_generated_data(seed):
    rng = random.Random(seed)
    n1, n0 = rng.randint(3, 60), rng.randint(3, 300)
    integers = seed % 2 == 0  # journal outcomes are whole numbers, with many ties
    with_ = samples(rng, n1, rng.uniform(-2, 3), rng.uniform(0.5, 3), integers)
    without = samples(rng, n0, rng.uniform(-2, 3), rng.uniform(0.5, 3), integers)
    if len(set(with_)) == 1 and len(set(without)) == 1:
        pytest.skip("both groups constant; the se = 0 case has its own test")

    figures = welch(with_, without)
    expected = stats.ttest_ind(with_, without, equal_var=False)
    interval = expected.confidence_interval(0.95)

    assert figures.n_with == n1
    assert figures.n_without == n0
    assert figures.difference == pytest.approx(
        sum(with_) / n1 - sum(without) / n0, rel=1e-12, abs=1e-12
    )
    assert figures.df == pytest.approx(expected.df, rel=1e-10)
    assert figures.difference / figures.se == pytest.approx(expected.statistic, rel=1e-10)
    assert figures.ci_low == pytest.approx(interval.low, rel=1e-10, abs=1e-12)
    assert figures.ci_high == pytest.approx(interval.high, rel=1e-10, abs=1e-12)
    # Sessions are independent (k = 1): the p-value is Welch's own.
    assert figures.p_value == pytest.approx(expected.pvalue, rel=1e-9, abs=1e-15)
    assert (figures.se_adj, figures.df_adj, figures.design_factor) == (
        figures.se,
        figures.df,
        1,
    )


def test_the_guard_needs_three_on_each_side():
    assert welch([1, 2], [1, 2, 3]) is None
    assert welch([1, 2, 3], [4, 5]) is None
    assert welch([], []) is None
    assert verdict(None, UP) == NOT_ENOUGH_DATA
    assert verdict(None, DOWN) == NOT_ENOUGH_DATA


def test_three_on_each_side_by_hand():
    # with: 1, 2, 3 (mean 2, variance 1); without: 0, 0, 3 (mean 1, variance 3)
    figures = welch([1, 2, 3], [0, 0, 3])
    assert figures.mean_with == 2
    assert figures.mean_without == 1
    assert figures.difference == 1
    assert figures.se == pytest.approx(math.sqrt(1 / 3 + 3 / 3))
    # df = (4/3)^2 / ((1/3)^2/2 + 1^2/2) = (16/9) / (10/18) = 3.2
    assert figures.df == pytest.approx(3.2)
    half = stats.t.ppf(0.975, 3.2) * math.sqrt(4 / 3)
    assert figures.ci_low == pytest.approx(1 - half)
    assert figures.ci_high == pytest.approx(1 + half)
    # s_p = sqrt((2*1 + 2*3) / 4) = sqrt(2); correction 1 - 3 / (4*6 - 9) = 0.8
    assert figures.hedges_g == pytest.approx(1 / math.sqrt(2) * 0.8)


def test_hedges_g_by_hand_with_unequal_groups():
    # with: 4, 4, 5, 7 (mean 5, variance 2); without: 1, 2, 3, 4, 5 (mean 3, variance 2.5)
    figures = welch([4, 4, 5, 7], [1, 2, 3, 4, 5])
    pooled = math.sqrt((3 * 2 + 4 * 2.5) / 7)
    assert figures.hedges_g == pytest.approx(2 / pooled * (1 - 3 / (4 * 9 - 9)))


def test_no_spread_at_all_gives_a_point_interval_and_no_g():
    figures = welch([2, 2, 2], [1, 1, 1, 1])
    assert figures.se == 0
    assert (figures.ci_low, figures.ci_high) == (1, 1)
    assert figures.df is None
    assert figures.df_adj is None
    assert figures.hedges_g is None
    assert figures.p_value == 0  # se = 0 with a difference (3.2)
    assert verdict(figures, UP) == CONSISTENT
    assert verdict(figures, DOWN) == OPPOSITE
    same = welch([3, 3, 3], [3, 3, 3])
    assert (same.difference, same.ci_low, same.ci_high) == (0, 0, 0)
    assert same.p_value == 1  # se = 0 and no difference
    assert verdict(same, UP) == UNCLEAR


def test_one_constant_group_still_has_an_interval_and_a_g():
    figures = welch([2, 2, 2], [0, 1, 2])
    assert figures.df == pytest.approx(2)  # all the variance is on the "without" side
    assert figures.ci_low < figures.difference < figures.ci_high
    assert figures.hedges_g == pytest.approx(1 / math.sqrt(0.5) * (1 - 3 / 15))


def figures_with_interval(low, high):
    return Welch(3, 3, 0, 0, (low + high) / 2, 1, 4, None, None, 1, 1, 4, low, high, 0.5, None)


@pytest.mark.parametrize(
    ("low", "high", "up", "down"),
    [
        (0.1, 2, CONSISTENT, OPPOSITE),
        (-2, -0.1, OPPOSITE, CONSISTENT),
        (-1, 1, UNCLEAR, UNCLEAR),
        (0, 1, UNCLEAR, UNCLEAR),  # touching zero is not "entirely above"
        (-1, 0, UNCLEAR, UNCLEAR),
    ],
)
def test_down_claims_mirror_up_claims(low, high, up, down):
    figures = figures_with_interval(low, high)
    assert verdict(figures, UP) == up
    assert verdict(figures, DOWN) == down
