"""The words of Insights (insights.md sections 4 and 5) on hand-made results, without a
database: a headline in the outcome's units, verdicts that name what was measured, firm or
tentative, a lead to watch, and the neighbouring-day correction in plain words."""

import pytest

from journal.insights import words as insight_words
from journal.insights.analysis import CLAIMS_BY_KEY, Result
from journal.insights.stats import Welch


def figures(diff, low, high, n1=41, n0=97, k=1.0, q=0.01):
    return Welch(n1, n0, 3.6, 3.2, diff, 0.15, 80.0, None, None, k, 0.15, 80.0, low, high, q, 0.5)


def result(key, verdict, f, q=0.01, firm=False, tested=16):
    n1, n0 = (f.n_with, f.n_without) if f else (0, 0)
    return Result(CLAIMS_BY_KEY[key], n1, n0, f, verdict, q, firm, (), tested)


def test_the_headline_gives_the_difference_interval_and_n_in_plain_words():
    r = result("mood-endorphins", "consistent", figures(0.44, 0.2, 0.71))
    assert insight_words.headline(r) == (
        "Mood the day after: about 0.4 points higher, could be 0.2 to 0.7 higher, "
        "from 41 days with and 97 without"
    )
    lower = result("stress-hpa", "consistent", figures(-0.31, -0.52, -0.1, 120, 60))
    assert insight_words.headline(lower) == (
        "Stress while the pattern holds: about 0.3 points lower, could be 0.1 to 0.5 lower, "
        "from 120 days with and 60 without"
    )
    straddles = result("feeling-endorphins", "unclear", figures(0.1, -0.03, 0.26, 12, 30))
    assert insight_words.headline(straddles) == (
        "Change in feeling over the session: about 0.1 points larger, could be anywhere from "
        "0.03 smaller to 0.3 larger, from 12 sessions with and 30 without"
    )
    assert insight_words.headline(result("focus-bdnf", "not_enough_data", None)) == ""


def test_verdict_words_say_a_rating_moved_and_whose_reading_it_is():
    session = result("feeling-serotonin", "consistent", figures(0.5, 0.2, 0.8))
    next_day = result("mood-endorphins", "consistent", figures(0.4, 0.2, 0.7))
    assert insight_words.verdict_words(session) == "Your ratings moved the way the article predicts"
    assert insight_words.verdict_words(next_day) == (
        "Your ratings moved the way our reading of the article predicts"
    )
    opposite = result("stress-hpa", "opposite", figures(0.4, 0.2, 0.7))
    assert insight_words.verdict_words(opposite) == "Your ratings moved the other way"
    assert insight_words.measured(session, "Serotonin") == (
        "This compares your own ratings; it does not measure serotonin."
    )
    assert "stress hormones" in insight_words.measured(opposite, "Calmer stress response")
    for words in insight_words.VERDICT_WORDS.values():
        assert "agree" not in words


@pytest.mark.parametrize(
    ("key", "verdict", "firm", "lead"),
    [
        ("mood-endorphins", "consistent", False, True),
        ("mood-endorphins", "consistent", True, False),
        ("stress-hpa", "opposite", False, True),
        ("stress-hpa", "unclear", False, False),  # no clear difference is no lead
        ("feeling-endorphins", "consistent", False, False),  # sessions: tentative only
    ],
)
def test_a_next_day_or_long_term_verdict_is_a_lead_to_watch_unless_firm(key, verdict, firm, lead):
    r = result(key, verdict, figures(0.4, 0.2, 0.7), firm=firm)
    assert insight_words.is_lead(r) is lead


def test_tentative_says_why_and_firm_says_what_it_survived():
    few = result("feeling-endorphins", "consistent", figures(1, 0.5, 1.5, 9, 40), q=0.001)
    assert insight_words.standing(few) == "Tentative: one side has fewer than 10 sessions."
    chance = result("mood-endorphins", "consistent", figures(0.4, 0.1, 0.7), q=0.09)
    assert insight_words.standing(chance) == (
        "Tentative: with 16 claims checked at once, one can look clear by chance (q = 0.090)."
    )
    firm = result("mood-endorphins", "consistent", figures(0.4, 0.2, 0.7), q=0.0004, firm=True)
    assert insight_words.standing(firm) == (
        "Firm: it still stands after allowing for the 16 claims checked together "
        "(q < 0.001), with at least 10 days on each side."
    )
    assert insight_words.standing(result("stress-hpa", "unclear", figures(0, -1, 1))) == ""


def test_the_neighbouring_day_correction_in_words():
    r = result("mood-endorphins", "unclear", figures(0.1, -0.2, 0.4, 40, 60, k=0.64))
    assert insight_words.neighbours(r) == (
        "Neighbouring days resemble each other, so the 100 days count as about 64 "
        "independent ones (k = 0.64), which widens the interval by about 25%."
    )
    independent = result("mood-endorphins", "unclear", figures(0.1, -0.2, 0.4, k=1.0))
    assert "no widening was needed" in insight_words.neighbours(independent)
    session = result("feeling-endorphins", "unclear", figures(0.1, -0.2, 0.4))
    assert insight_words.neighbours(session) == ""
