"""journal.dashboard.stats against values worked out by hand. No database."""

from datetime import date

import pytest

from journal.dashboard import stats

D = date(2026, 11, 2)  # a Monday


def test_rolling_mean_of_a_full_series():
    assert stats.rolling_mean([1, 2, 3, 4, 5], 3) == [1.0, 1.5, 2.0, 3.0, 4.0]


def test_rolling_mean_skips_gaps_instead_of_counting_them_as_zero():
    # window 3: [2] -> 2; [2, -] -> 2; [2, -, 5] -> 3.5; [-, 5, -] -> 5; [5, -, -] -> 5;
    # [-, -, -] -> None; [-, -, 1] -> 1
    series = [2, None, 5, None, None, None, 1]
    assert stats.rolling_mean(series, 3) == [2.0, 2.0, 3.5, 5.0, 5.0, None, 1.0]


def test_rolling_mean_of_nothing_recorded_is_none_throughout():
    assert stats.rolling_mean([None, None], 7) == [None, None]


def test_rolling_mean_rejects_an_empty_window():
    with pytest.raises(ValueError, match="at least 1"):
        stats.rolling_mean([1], 0)


def test_monotony_is_the_mean_over_the_standard_deviation_of_daily_load():
    # mean 200; deviations 100,-200,200,-200,300,-200,0; variance 260000/7
    loads = [300, 0, 400, 0, 500, 0, 200]
    assert stats.monotony(loads) == pytest.approx(200 / (260000 / 7) ** 0.5, abs=1e-3)
    assert stats.monotony(loads) == pytest.approx(1.038, abs=1e-3)


def test_monotony_is_undefined_for_a_week_without_variation():
    assert stats.monotony([0] * 7) is None
    assert stats.monotony([100] * 7) is None


def test_strain_is_weekly_load_times_monotony():
    loads = {D: 300, date(2026, 11, 4): 400, date(2026, 11, 6): 500, date(2026, 11, 8): 200}
    (week,) = stats.training_weeks(loads, D, date(2026, 11, 8))
    assert week.start == D
    assert week.load == 1400
    assert week.monotony == pytest.approx(1.038, abs=1e-3)
    assert week.strain == pytest.approx(1400 * 1.0377, abs=0.2)


def test_training_weeks_cover_rest_weeks_with_zero_load():
    weeks = stats.training_weeks({D: 100}, D, date(2026, 11, 15))
    assert [w.load for w in weeks] == [100.0, 0.0]
    assert weeks[1].monotony is None
    assert weeks[1].strain is None


def test_weekly_buckets_start_on_mondays():
    assert stats.week_start(date(2026, 11, 8)) == D
    assert stats.weekly_buckets(date(2026, 11, 4), date(2026, 11, 10)) == [D, date(2026, 11, 9)]


def test_mean_or_none_ignores_gaps():
    assert stats.mean_or_none([1, None, 2]) == 1.5
    assert stats.mean_or_none([None]) is None
