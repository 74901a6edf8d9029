"""insights.md version 2 on small hand-made journals, without a database: neighbouring days
(3.1), the adjusted interval and p-value (3.2), q-values (3.3), claims on the same evidence
(3.4) and `firm` (4); then a generated journal in which a slow "good period" drives both the
training and the mood, and the JSON of section 6 against a second, independent reckoning."""

import math
import random
from datetime import date, timedelta

import numpy as np
import pytest
from scipy import stats

from journal.insights.analysis import CHRONIC_EFFECTS, CLAIMS, SessionRow, as_json, evaluate
from journal.insights.stats import (
    CONSISTENT,
    OPPOSITE,
    UNCLEAR,
    Units,
    clipped,
    design_factor,
    is_firm,
    q_values,
    same_evidence,
    welch,
)

D = date(2026, 1, 5)


def day(n: int) -> date:
    return D + timedelta(days=n)


def dated(values: dict[int, float]) -> list[tuple[date, float]]:
    return [(day(n), v) for n, v in values.items()]


def lag_one(series: list[tuple[date, float]]) -> float:
    """ρ of 3.1 before clipping, for (date, value) pairs."""
    from journal.insights.stats import lag_one as rho

    return rho([d.toordinal() for d, _ in series], [v for _, v in series])


# --- 3.1: ρ over dates with gaps, clipped; k ---------------------------------------------


def test_rho_pairs_only_dates_whose_next_day_is_a_unit():
    # Days 0, 1, 2, then a gap, then 4, 5: the pairs are (0,1), (1,2) and (4,5); day 2 and
    # day 4 are not neighbours. Mean 2; deviations -1, 1, 3, -3, 0 (days 0, 1, 2, 4, 5).
    series = dated({0: 1, 1: 3, 2: 5, 4: -1, 5: 2})
    numerator = (-1 * 1) + (1 * 3) + (-3 * 0)
    denominator = 1 + 1 + 9 + 9 + 0
    assert lag_one(series) == pytest.approx(numerator / denominator)  # 2 / 20 = 0.1
    # Without the gap (day 4 moved to day 3) the pair (2, 3) counts too: 3 * -3 = -9.
    closed = dated({0: 1, 1: 3, 2: 5, 3: -1, 5: 2})
    assert lag_one(closed) == pytest.approx((-1 * 1 + 1 * 3 + 3 * -3) / 20)


def test_rho_is_zero_without_spread_and_the_order_given_does_not_matter():
    assert lag_one(dated({0: 4, 1: 4, 2: 4})) == 0
    series = dated({0: 1, 1: 3, 2: 5, 4: -1, 5: 2})
    assert lag_one(list(reversed(series))) == pytest.approx(lag_one(series))


def test_rho_is_clipped_at_zero_and_at_0_95():
    alternating = dated({n: n % 2 for n in range(20)})
    assert lag_one(alternating) < -0.9
    assert clipped(lag_one(alternating)) == 0
    ramp = dated({n: n for n in range(100)})
    assert lag_one(ramp) > 0.95
    assert clipped(lag_one(ramp)) == 0.95
    assert clipped(0.4) == 0.4


def test_k_from_the_two_clipped_rhos():
    # Exposure on days 0-4 and off on 5-9: ρ(x) = (4 * 0.25 - 0.25 + 4 * 0.25) / 2.5 = 0.7.
    # Outcome alternating: ρ(y) < 0, clipped to 0, so r = 0 and k = 1.
    units = Units.of((day(n).toordinal(), n < 5, n % 2) for n in range(10))
    rho_x, rho_y, k = design_factor(units)
    assert rho_x == pytest.approx(0.7)
    assert (rho_y, k) == (0, 1)
    # The outcome a step with the exposure: ρ(y) = ρ(x) = 0.7, r = 0.49.
    units = Units.of((day(n).toordinal(), n < 5, 3.0 if n < 5 else 1.0) for n in range(10))
    rho_x, rho_y, k = design_factor(units)
    assert rho_y == pytest.approx(0.7)
    assert k == pytest.approx((1 - 0.49) / (1 + 0.49))


def test_session_claims_have_k_1_and_no_rho_even_when_sessions_run_in_streaks():
    # The same streaky series as above, read as sessions: nothing is adjusted.
    units = Units.of((n, n < 5, 3.0 + (n % 3) if n < 5 else 1.0 + (n % 2)) for n in range(10))
    figures = welch(units, dated=False)
    assert (figures.rho_exposure, figures.rho_outcome, figures.design_factor) == (None, None, 1)
    assert (figures.se_adj, figures.df_adj) == (figures.se, figures.df)
    # And through evaluate: the session claims of a journal with sessions every day.
    sessions = [
        SessionRow(day(n), frozenset({"endorphins"} if n < 10 else ()), 0, 3 if n < 10 else n % 3)
        for n in range(20)
    ]
    checkins = {day(n): {"mood": 1 + n % 5, "sleep_quality": 5} for n in range(20)}
    chronic = {effect: dict.fromkeys(checkins, False) for effect in CHRONIC_EFFECTS}
    first = as_json("all", evaluate(sessions, checkins, chronic, None, day(20)))["claims"][0]
    assert (first["rho_exposure"], first["rho_outcome"], first["design_factor"]) == (None, None, 1)


# --- 3.2: the adjusted interval, the df floor, the p-value --------------------------------


def test_the_interval_is_widened_by_k_and_df_adj_is_df_times_k():
    units = Units.of(
        (day(n).toordinal(), n < 5, (3.0 if n < 5 else 1.0) + (n % 3) * 0.5) for n in range(10)
    )
    f = welch(units, dated=True)
    assert f.design_factor < 1
    assert f.se_adj == pytest.approx(f.se / math.sqrt(f.design_factor))
    assert f.df_adj == pytest.approx(f.df * f.design_factor)
    half = stats.t.ppf(0.975, f.df_adj) * f.se_adj
    assert (f.ci_low, f.ci_high) == pytest.approx((f.difference - half, f.difference + half))
    p = 2 * (1 - stats.t.cdf(abs(f.difference) / f.se_adj, f.df_adj))
    assert f.p_value == pytest.approx(p, rel=1e-9)


def test_df_adj_never_falls_below_1():
    # Three "with" days on a steep climb (variance 100) and 37 smooth "without" days after
    # them: df is about 2 and k about 0.25, so df x k < 1 and the floor holds it at 1.
    values = [0, 10, 20] + [20 - 20 * i / 36 for i in range(37)]
    units = Units.of((day(n).toordinal(), n < 3, v) for n, v in enumerate(values))
    f = welch(units, dated=True)
    assert f.df * f.design_factor < 1
    assert f.df_adj == 1
    half = stats.t.ppf(0.975, 1) * f.se_adj  # 12.71 x se_adj
    assert f.ci_high - f.difference == pytest.approx(half)
    assert f.p_value == pytest.approx(2 * stats.t.sf(abs(f.difference) / f.se_adj, 1))


# --- 3.3: Benjamini-Hochberg --------------------------------------------------------------


def test_q_values_match_benjamini_hochberg_by_hand():
    # m = 5. Sorted: 0.005, 0.01, 0.03, 0.04, 0.5; m p / j = 0.025, 0.025, 0.05, 0.05, 0.5;
    # the minimum over j >= i leaves them as they are.
    p = [0.01, 0.04, 0.03, 0.005, 0.5]
    assert q_values(p) == pytest.approx([0.025, 0.05, 0.05, 0.025, 0.5])
    # The step-up: the smallest p (m p / 1 = 0.06) takes the next one's 3 x 0.021 / 2.
    assert q_values([0.02, 0.021, 0.9]) == pytest.approx([0.0315, 0.0315, 0.9])
    # Capped at 1: 2 x 0.9 / 1 = 1.8 becomes min(1, 1.8, 0.95) = 0.95.
    assert q_values([0.9, 0.95]) == pytest.approx([0.95, 0.95])
    assert q_values([0.7]) == [0.7]
    assert q_values([]) == []


def test_q_values_count_only_the_claims_computed():
    """Only the session claims have data here: m is the number computed, not 16."""
    rng = random.Random(3)
    sessions = [
        SessionRow(
            day(n // 2),
            frozenset({"endorphins", "catecholamines"} if n % 3 == 0 else {"serotonin"}),
            0,
            rng.randint(0, 4),
            3,
            rng.randint(2, 6),
        )
        for n in range(60)
    ]
    chronic = {effect: {} for effect in CHRONIC_EFFECTS}
    results = evaluate(sessions, {}, chronic, None, day(40))
    computed = [r for r in results if r.figures is not None]
    # Endorphins, serotonin (feeling) and catecholamines (arousal); no endocannabinoids tag.
    assert [r.claim.key for r in computed] == [
        "feeling-endorphins",
        "feeling-serotonin",
        "arousal-catecholamines",
    ]
    expected = q_values([r.figures.p_value for r in computed])
    assert [r.q_value for r in computed] == pytest.approx(expected)
    p = sorted(r.figures.p_value for r in computed)
    assert min(r.q_value for r in computed) == pytest.approx(min(1, 3 * p[0], 3 * p[1] / 2, p[2]))
    assert all(r.tested == 3 for r in results)
    assert all(r.q_value is None for r in results if r.figures is None)


# --- 3.4: claims on the same evidence -----------------------------------------------------


def test_jaccard_exactly_0_8_is_the_same_evidence_and_just_below_is_not():
    assert same_evidence({1, 2, 3, 4}, {1, 2, 3, 4, 5})  # 4 / 5 = 0.8
    assert same_evidence(range(8), range(10))  # 8 / 10
    assert same_evidence(range(12), [*range(12), 20, 21, 22])  # 12 / 15
    assert not same_evidence({1, 2, 3}, {1, 2, 3, 4})  # 0.75
    assert not same_evidence(range(79), range(100))
    assert same_evidence(range(80), range(100))
    assert not same_evidence(set(), set())


def _sessions_tagged(endorphins: set[int], serotonin: set[int], total: int) -> list[SessionRow]:
    return [
        SessionRow(
            day(n),
            frozenset(
                name
                for name, tagged in (("endorphins", endorphins), ("serotonin", serotonin))
                if n in tagged
            ),
            0,
            3 if n in endorphins | serotonin else n % 3,
        )
        for n in range(total)
    ]


def _keys(endorphins, serotonin):
    sessions = _sessions_tagged(endorphins, serotonin, 20)
    results = evaluate(sessions, {}, {e: {} for e in CHRONIC_EFFECTS}, None, day(30))
    return {r.claim.key: r.same_evidence_as for r in results[:3]}


def test_two_session_claims_on_four_fifths_of_the_same_sessions_name_each_other():
    # Endorphins on sessions 0-4, serotonin on 0-3: 4 shared of 5, Jaccard 0.8.
    same = _keys({0, 1, 2, 3, 4}, {0, 1, 2, 3})
    assert same["feeling-endorphins"] == ("feeling-serotonin",)
    assert same["feeling-serotonin"] == ("feeling-endorphins",)
    assert same["feeling-endocannabinoids"] == ()  # never computed: no tag
    # Serotonin on 0-2 and 5: 3 shared of 6, 0.5.
    apart = _keys({0, 1, 2, 3, 4}, {0, 1, 2, 5})
    assert apart["feeling-endorphins"] == apart["feeling-serotonin"] == ()


def test_claims_of_different_outcomes_never_share_evidence():
    """sleep-gaba and anxiety-gaba have the very same GABA days, but read other outcomes."""
    sessions = [
        SessionRow(day(n), frozenset({"gaba"} if n % 2 else ()), None, None) for n in range(30)
    ]
    checkins = {
        day(n): {"mood": 3, "sleep_quality": n % 7, "anxiety": 1 + n % 4} for n in range(31)
    }
    results = evaluate(
        sessions,
        checkins,
        {e: dict.fromkeys(checkins, False) for e in CHRONIC_EFFECTS},
        None,
        day(30),
    )
    by_key = {r.claim.key: r for r in results}
    assert by_key["sleep-gaba"].figures
    assert by_key["anxiety-gaba"].figures
    assert by_key["sleep-gaba"].same_evidence_as == ()
    assert by_key["anxiety-gaba"].same_evidence_as == ()


# --- 4: firm --------------------------------------------------------------------------------


def test_firm_needs_10_units_on_each_side_a_clear_verdict_and_q_at_most_0_05():
    assert is_firm(CONSISTENT, 0.001, 10, 10)
    assert is_firm(OPPOSITE, 0.05, 10, 200)
    assert not is_firm(CONSISTENT, 0.001, 9, 200)
    assert not is_firm(CONSISTENT, 0.001, 200, 9)
    assert not is_firm(CONSISTENT, 0.0501, 200, 200)
    assert not is_firm(UNCLEAR, 0.001, 200, 200)
    assert not is_firm(CONSISTENT, None, 200, 200)


@pytest.mark.parametrize(("per_side", "firm"), [(9, False), (10, True)])
def test_a_clear_session_claim_is_firm_from_10_sessions_on_each_side(per_side, firm):
    sessions = [
        SessionRow(day(n), frozenset({"endorphins"}), 0, 4 + n % 2) for n in range(per_side)
    ]
    sessions += [SessionRow(day(n), frozenset(), 0, n % 2) for n in range(per_side)]
    (first, *_) = evaluate(sessions, {}, {e: {} for e in CHRONIC_EFFECTS}, None, day(30))
    assert (first.n_with, first.n_without) == (per_side, per_side)
    assert first.verdict == CONSISTENT
    assert first.q_value < 1e-6
    assert first.firm is firm


# --- a slow good period drives both training and mood --------------------------------------


def latent_journal(seed: int, days: int = 1500):
    """A slow state (AR(1), φ = 0.97) raises both the chance of a hard session and the
    next day's mood; the session itself does nothing to the mood."""
    rng = random.Random(seed)
    state, sessions, checkins = 0.0, [], {}
    for n in range(days):
        state = 0.97 * state + rng.gauss(0, 0.25)
        if rng.random() < 1 / (1 + math.exp(-2 * state)):
            sessions.append(SessionRow(day(n), frozenset({"endorphins"}), 0, 2))
        mood = round(3 + state + rng.gauss(0, 0.7))
        checkins[day(n + 1)] = {"mood": min(5, max(1, mood)), "sleep_quality": 6}
    chronic = {effect: dict.fromkeys(checkins, False) for effect in CHRONIC_EFFECTS}
    return evaluate(sessions, checkins, chronic, None, day(days))


@pytest.mark.parametrize("seed", range(5))
def test_a_shared_good_period_widens_the_next_day_interval_by_one_over_root_k(seed):
    mood = next(r for r in latent_journal(seed) if r.claim.key == "mood-endorphins")
    f = mood.figures
    assert f.rho_exposure > 0.3
    assert f.rho_outcome > 0.3
    assert f.design_factor < 0.9
    # The standard error is exactly 1 / sqrt(k) times the unadjusted one ...
    assert f.se_adj / f.se == pytest.approx(1 / math.sqrt(f.design_factor), rel=1e-12)
    # ... and so is the interval, times the ratio of the two t quantiles (df_adj < df).
    adjusted = (f.ci_high - f.ci_low) / 2
    quantiles = stats.t.ppf(0.975, f.df_adj) / stats.t.ppf(0.975, f.df)
    assert adjusted / f.unadjusted_half_width() == pytest.approx(
        quantiles / math.sqrt(f.design_factor), rel=1e-12
    )
    assert adjusted / f.unadjusted_half_width() >= 1 / math.sqrt(f.design_factor)
    assert quantiles < 1.01  # with this many days the quantiles barely differ


# --- the JSON of section 6 against a second reckoning --------------------------------------


def reference_figures(units: list[tuple], dated: bool) -> dict:
    """Section 3 again, written apart from journal.insights.stats: numpy for the moments,
    scipy's Welch test for se and df, an explicit loop over neighbouring dates for ρ."""
    x = np.array([1.0 if e else 0.0 for _, e, _ in units])
    y = np.array([v for _, _, v in units], dtype=float)
    a, b = y[x == 1], y[x == 0]
    welch_test = stats.ttest_ind(a, b, equal_var=False)
    se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
    df = float(welch_test.df)
    k, rhos = 1.0, (None, None)
    if dated:
        index = {key: i for i, (key, _, _) in enumerate(units)}  # day numbers

        def rho(z):
            dz = z - z.mean()
            top = sum(
                dz[i] * dz[index[key + 1]]
                for i, (key, _, _) in enumerate(units)
                if key + 1 in index
            )
            bottom = float((dz**2).sum())
            return min(0.95, max(0.0, top / bottom)) if bottom else 0.0

        rhos = (rho(x), rho(y))
        r = rhos[0] * rhos[1]
        k = (1 - r) / (1 + r)
    se_adj, df_adj = se / math.sqrt(k), max(1.0, df * k)
    half = stats.t.ppf(0.975, df_adj) * se_adj
    diff = a.mean() - b.mean()
    return {
        "difference": diff,
        "se": se,
        "df": df,
        "rho_exposure": rhos[0],
        "rho_outcome": rhos[1],
        "design_factor": k,
        "se_adj": se_adj,
        "df_adj": df_adj,
        "ci_low": diff - half,
        "ci_high": diff + half,
        "p_value": 2 * (1 - stats.t.cdf(abs(diff) / se_adj, df_adj)),
    }


def test_the_json_matches_a_second_reckoning_on_a_generated_journal():
    rng = random.Random(11)
    sessions, checkins = [], {}
    for n in range(400):
        if rng.random() < 0.6:
            tags = frozenset(e for e in ("endorphins", "serotonin", "gaba") if rng.random() < 0.4)
            before = rng.randint(-2, 2)
            sessions.append(SessionRow(day(n), tags, before, before + rng.randint(-1, 3), 3, 4))
        if rng.random() < 0.85:
            checkins[day(n)] = {
                "mood": rng.randint(1, 5),
                "sleep_quality": rng.randint(3, 9),
                "anxiety": rng.randint(1, 5) if n % 9 else None,
            }
    holds = {e: {d: d.toordinal() % 5 < 2 for d in checkins} for e in CHRONIC_EFFECTS}
    results = evaluate(sessions, checkins, holds, None, day(400))
    doc = as_json("all", results)
    from journal.insights.analysis import claim_units

    all_units = claim_units(sessions, checkins, holds, None, day(400))
    p_values = []
    for claim, units, out in zip(CLAIMS, all_units, doc["claims"], strict=True):
        if out["verdict"] == "not_enough_data":
            continue
        expected = reference_figures(
            list(zip(units.keys, units.exposed, units.values, strict=True)),
            claim.kind != "session",
        )
        for field, value in expected.items():
            if value is None:
                assert out[field] is None, field
            else:
                assert out[field] == pytest.approx(value, rel=1e-9, abs=1e-12), (claim.key, field)
        p_values.append(out["p_value"])
    # q by hand: sort, m p / rank, the running minimum from the largest p down, cap 1.
    m = len(p_values)
    assert m >= 8
    order = sorted(range(m), key=lambda i: p_values[i])
    q, running = [0.0] * m, 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, m * p_values[i] / rank)
        q[i] = min(1.0, running)
    computed = [c for c in doc["claims"] if c["verdict"] != "not_enough_data"]
    assert [c["q_value"] for c in computed] == pytest.approx(q, rel=1e-9)
