"""The words of Insights: what the page, the Learn pages, the dashboard card and the command
say about each claim.

Pure (no Django): journal.insights results in, plain sentences out. The
effect names come from the content app, passed in by slug. Every sentence is our own; none
advises training more for a hormone (effect-rules.md section 5). The words follow
insights.md sections 4 and 5: a verdict says what was measured (a rating, never the
chemical), "tentative" unless `firm`, and a next-day or long-term verdict is a lead to watch
unless firm.
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.core import words as core_words
from journal.insights.analysis import (
    CHRONIC,
    CONSISTENT,
    DOWN,
    NEXT_DAY,
    NOT_ENOUGH_DATA,
    OPPOSITE,
    SESSION,
    UNCLEAR,
    Result,
)
from journal.insights.stats import FIRM_PER_SIDE, FIRM_Q


@dataclass(frozen=True)
class Outcome:
    label: str  # "Sleep quality"
    noun: str  # as it reads mid-sentence: "sleep quality"
    unit: str  # what one unit of the difference is: "points on the 0 to 10 sleep scale"
    scale: str  # the same, short, for a table row: "points, sleep 0 to 10"


OUTCOMES = {
    "feeling_change": Outcome(
        "Change in feeling",
        "change in feeling",
        "points on the −5 to +5 feeling scale",
        "points, feeling −5 to +5",
    ),
    "arousal_change": Outcome(
        "Change in arousal",
        "change in arousal",
        "points on the 1 to 6 arousal scale",
        "points, arousal 1 to 6",
    ),
    "mood": Outcome("Mood", "mood", "points on the 1 to 5 mood scale", "points, mood 1 to 5"),
    "sleep_quality": Outcome(
        "Sleep quality",
        "sleep quality",
        "points on the 0 to 10 sleep scale",
        "points, sleep 0 to 10",
    ),
    "anxiety": Outcome(
        "Anxiety", "anxiety", "points on the 1 to 5 anxiety scale", "points, anxiety 1 to 5"
    ),
    "focus": Outcome("Focus", "focus", "points on the 1 to 5 focus scale", "points, focus 1 to 5"),
    "energy": Outcome(
        "Energy", "energy", "points on the 1 to 5 energy scale", "points, energy 1 to 5"
    ),
    "motivation": Outcome(
        "Motivation",
        "motivation",
        "points on the 1 to 5 motivation scale",
        "points, motivation 1 to 5",
    ),
    "stress": Outcome(
        "Stress", "stress", "points on the 1 to 5 stress scale", "points, stress 1 to 5"
    ),
}

# What a rating cannot show, in the words of "this does not measure ...".
NOT_MEASURED = {
    "endorphins": "endorphins",
    "endocannabinoids": "endocannabinoids",
    "serotonin": "serotonin",
    "catecholamines": "adrenaline or noradrenaline",
    "gaba": "GABA",
    "bdnf": "BDNF",
    "hpa_recalibration": "your stress hormones",
    "dopamine": "dopamine",
    "rx_5ht1a": "serotonin receptors",
}

VERDICT_WORDS = {
    CONSISTENT: "Your ratings moved the way the article predicts",
    OPPOSITE: "Your ratings moved the other way",
    UNCLEAR: "No clear difference yet",
    NOT_ENOUGH_DATA: "Not enough data yet",
}
# Next-day and long-term claims are the app's translation of the article (insights.md 5).
READING_WORDS = {
    **VERDICT_WORDS,
    CONSISTENT: "Your ratings moved the way our reading of the article predicts",
}

KIND_HEADINGS = {
    SESSION: "During a session",
    NEXT_DAY: "The day after",
    CHRONIC: "Over weeks of regular training",
}
# The headline's subject: "Mood the day after: about 0.4 points higher, ...".
HEADLINE_SUBJECT = {
    SESSION: "{label} over the session",
    NEXT_DAY: "{label} the day after",
    CHRONIC: "{label} while the pattern holds",
}

CAVEAT_MANY_TESTS = (
    "Many tests: {m} claims are checked at once, so about one in twenty can look clear by "
    "chance. Only a firm verdict has allowed for that."
)
CAVEAT_NEIGHBOURS = (
    "Neighbouring days are alike: a good week holds both the training and the mood, so the "
    "next-day and long-term intervals are widened to count fewer independent days."
)
CLINICIAN = (
    "Nothing here is medical advice or a reason to train more for a hormone. If your mood, "
    "anxiety, sleep or stress worries you, talk to a clinician."
)


def signed(value: float, places: int = 2) -> str:
    """+0.25 / −0.10 / 0, with a true minus sign. A value that would round to zero gets
    more places (−0.003), so an interval that stops just short of zero never reads "0.00"."""
    if value == 0:
        return "0"
    text = f"{value:+.{places}f}"
    while float(text) == 0 and places < 6:
        places += 1
        text = f"{value:+.{places}f}"
    return text.replace("-", "−")


def amount(value: float) -> str:
    """A size without its sign, to one decimal, or more when one decimal would read 0."""
    return signed(abs(value), 1).lstrip("+")


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def units(result: Result, n: int) -> str:
    """n sessions or n days: what one unit of the claim is."""
    if result.claim.kind == SESSION:
        return plural(n, "session", "sessions")
    return plural(n, "day", "days")


def title(result: Result, effect: str) -> str:
    claim, outcome = result.claim, OUTCOMES[result.claim.outcome]
    if claim.kind == SESSION:
        return f"{outcome.label} in sessions tagged {effect}"
    if claim.kind == NEXT_DAY:
        return f"{outcome.label} the morning after a session tagged {effect}"
    return f"{outcome.label} while the regular {effect} pattern holds"


def prediction(result: Result) -> str:
    claim, outcome = result.claim, OUTCOMES[result.claim.outcome]
    more = "lower" if claim.direction == DOWN else "higher"
    if claim.kind == SESSION:
        more = "smaller" if claim.direction == DOWN else "larger"
        return f"The article predicts a {more} {outcome.noun} in these sessions than in others."
    if claim.kind == NEXT_DAY:
        return (
            f"Our reading of the article predicts {more} {outcome.noun} the next day than "
            "after other days."
        )
    return (
        f"Our reading of the article predicts {more} {outcome.noun} on days when the weeks "
        "before meet the pattern than on days when they do not."
    )


def headline(result: Result) -> str:
    """One plain line: outcome, difference in its own units, the interval, n on each side."""
    f, claim = result.figures, result.claim
    subject = HEADLINE_SUBJECT[claim.kind].format(label=OUTCOMES[claim.outcome].label)
    if f is None:
        return ""
    changes = claim.kind == SESSION
    up, down = ("larger", "smaller") if changes else ("higher", "lower")
    if f.difference == 0:
        size = "no difference"
    else:
        size = f"about {amount(f.difference)} points {up if f.difference > 0 else down}"
    if f.ci_low >= 0 or f.ci_high <= 0:
        ends = sorted((abs(f.ci_low), abs(f.ci_high)))
        side = up if f.ci_low >= 0 and f.ci_high > 0 else down
        span = f"could be {amount(ends[0])} to {amount(ends[1])} {side}"
        if f.ci_low == f.ci_high:
            span = "with no spread at all"
    else:
        span = f"could be anywhere from {amount(f.ci_low)} {down} to {amount(f.ci_high)} {up}"
    return (
        f"{subject}: {size}, {span}, from {units(result, f.n_with)} with and {f.n_without} without"
    )


def verdict_words(result: Result) -> str:
    words = READING_WORDS if result.claim.kind != SESSION else VERDICT_WORDS
    return words[result.verdict]


def measured(result: Result, effect: str) -> str:
    """What the verdict rests on: a rating, not the chemical."""
    if result.verdict == NOT_ENOUGH_DATA:
        return ""
    chemical = NOT_MEASURED.get(result.claim.effect, effect)
    return f"This compares your own ratings; it does not measure {chemical}."


def is_lead(result: Result) -> bool:
    """A clear next-day or long-term verdict that is not firm: a lead to watch (insights.md
    4). "No clear difference" is not a lead to anything, so it is never called one."""
    clear = result.verdict in (CONSISTENT, OPPOSITE)
    return clear and result.claim.kind != SESSION and not result.firm


def q_words(q: float) -> str:
    return "q < 0.001" if q < 0.001 else f"q = {q:.3f}"


def standing(result: Result) -> str:
    """Firm, or why not: the many tests (q) and the units on each side."""
    if result.verdict not in (CONSISTENT, OPPOSITE):
        return ""
    n = units(result, FIRM_PER_SIDE)
    if result.firm:
        return (
            f"Firm: it still stands after allowing for the {result.tested} claims checked "
            f"together ({q_words(result.q_value)}), with at least {n} on each side."
        )
    reasons = []
    if result.q_value is None or result.q_value > FIRM_Q:
        reasons.append(
            f"with {result.tested} claims checked at once, one can look clear by chance "
            f"({q_words(result.q_value)})"
        )
    if min(result.n_with, result.n_without) < FIRM_PER_SIDE:
        reasons.append(f"one side has fewer than {n}")
    return "Tentative: " + ", and ".join(reasons) + "."


def missing(result: Result, effect: str) -> str:
    """Names what the guard still needs, e.g. "3 more sessions without the Endorphins tag"."""
    claim, outcome = result.claim, OUTCOMES[result.claim.outcome]
    parts = []
    for need, with_ in ((result.need_with, True), (result.need_without, False)):
        if not need:
            continue
        if claim.kind == SESSION:
            rated = "feeling" if claim.outcome == "feeling_change" else "arousal"
            which = "with" if with_ else "without"
            parts.append(
                f"{plural(need, 'more session', 'more sessions')} {which} the {effect} tag "
                f"(with {rated} rated before and after)"
            )
        elif claim.kind == NEXT_DAY:
            which = (
                f"with a session tagged {effect}"
                if with_
                else f"without {core_words.with_article(effect)} session"
            )
            parts.append(
                f"{plural(need, 'more day', 'more days')} {which}, followed by a check-in "
                f"that records {outcome.noun}"
            )
        else:
            when = "holds" if with_ else "does not hold"
            parts.append(
                f"{plural(need, 'more check-in', 'more check-ins')} recording {outcome.noun} "
                f"on days the regular {effect} pattern {when}"
            )
    return " and ".join(parts)


def sides(result: Result, effect: str) -> tuple[str, str]:
    """What "with" and "without" mean for this claim, as short labels."""
    kind = result.claim.kind
    if kind == SESSION:
        return f"Sessions tagged {effect}", "Other sessions"
    if kind == NEXT_DAY:
        return f"Mornings after a session tagged {effect}", "Mornings after other days"
    return "Days the pattern holds", "Other days"


def neighbours(result: Result) -> str:
    """How the neighbouring-day correction (insights.md 3.1) changed a dated claim."""
    f = result.figures
    if f is None or result.claim.kind == SESSION:
        return ""
    total = f.n_with + f.n_without
    if f.design_factor >= 0.995:
        return "Neighbouring days hardly resemble each other here: no widening was needed."
    wider = (1 / f.design_factor**0.5 - 1) * 100
    return (
        f"Neighbouring days resemble each other, so the {total} days count as about "
        f"{max(1, round(total * f.design_factor))} independent ones (k = "
        f"{f.design_factor:.2f}), which widens the interval by "
        f"{'less than 1' if wider < 0.5 else f'about {wider:.0f}'}%."
    )


def summary(result: Result) -> str:
    """The figures in one sentence: the text alternative of the claim's chart."""
    f, outcome = result.figures, OUTCOMES[result.claim.outcome]
    if f is None:
        return ""
    g = "not defined (no spread)" if f.hedges_g is None else signed(f.hedges_g)
    return (
        f"Difference {signed(f.difference)} {outcome.unit} (95% interval {signed(f.ci_low)} to "
        f"{signed(f.ci_high)}); {units(result, f.n_with)} with, {units(result, f.n_without)} "
        f"without; Hedges' g {g}."
    )
