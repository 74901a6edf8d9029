"""What the Insights page, the Learn pages and the dashboard card say about each claim.

Pure (no Django): journal.insights.analysis results in, plain words and chart payloads out. The
effect names come from the content app, passed in by slug. Every sentence is our own; none
advises training more for a hormone (effect-rules.md section 5).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Outcome:
    label: str  # "Sleep quality"
    noun: str  # as it reads mid-sentence: "sleep quality"
    unit: str  # what one unit of the difference is: "points on the 0 to 10 sleep scale"


OUTCOMES = {
    "feeling_change": Outcome(
        "Change in feeling", "change in feeling", "points on the −5 to +5 feeling scale"
    ),
    "arousal_change": Outcome(
        "Change in arousal", "change in arousal", "points on the 1 to 6 arousal scale"
    ),
    "mood": Outcome("Mood", "mood", "points on the 1 to 5 mood scale"),
    "sleep_quality": Outcome("Sleep quality", "sleep quality", "points on the 0 to 10 sleep scale"),
    "anxiety": Outcome("Anxiety", "anxiety", "points on the 1 to 5 anxiety scale"),
    "focus": Outcome("Focus", "focus", "points on the 1 to 5 focus scale"),
    "energy": Outcome("Energy", "energy", "points on the 1 to 5 energy scale"),
    "motivation": Outcome("Motivation", "motivation", "points on the 1 to 5 motivation scale"),
    "stress": Outcome("Stress", "stress", "points on the 1 to 5 stress scale"),
}

VERDICT_WORDS = {
    CONSISTENT: "Your data agree with the article",
    OPPOSITE: "Your data point the other way",
    UNCLEAR: "No clear difference yet",
    NOT_ENOUGH_DATA: "Not enough data yet",
}

KIND_HEADINGS = {
    SESSION: "During a session",
    NEXT_DAY: "The day after",
    CHRONIC: "Over weeks of regular training",
}


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


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


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
        return f"The article predicts {more} {outcome.noun} the next day than after other days."
    return (
        f"The article predicts {more} {outcome.noun} on days when the weeks before meet the "
        "pattern than on days when they do not."
    )


def sides(result: Result, effect: str) -> tuple[str, str]:
    """What "with" and "without" mean for this claim, as short labels."""
    kind = result.claim.kind
    if kind == SESSION:
        return f"Sessions tagged {effect}", "Other sessions"
    if kind == NEXT_DAY:
        return f"Days after a {effect} session", "Days after other days"
    return "Days the pattern holds", "Other days"


def units(result: Result, n: int) -> str:
    if result.claim.kind == SESSION:
        return plural(n, "session", "sessions")
    return plural(n, "day", "days")


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
            which = f"with a session tagged {effect}" if with_ else f"without a {effect} session"
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


def chart(result: Result) -> dict | None:
    """The difference with its 95% interval against zero, for static/js/charts.js."""
    f = result.figures
    if f is None:
        return None
    low, high = min(f.ci_low, 0.0), max(f.ci_high, 0.0)
    pad = max((high - low) * 0.15, 0.1)
    return {
        "label": "With − without",
        "difference": f.difference,
        "ci_low": f.ci_low,
        "ci_high": f.ci_high,
        "min": low - pad,
        "max": high + pad,
        "axis": "Difference in points (dashed line: no difference)",
        "verdict": result.verdict,
    }


def numbers(result: Result) -> dict:
    f = result.figures
    if f is None:
        return {}
    return {
        "difference": signed(f.difference),
        "ci_low": signed(f.ci_low),
        "ci_high": signed(f.ci_high),
        "mean_with": f"{f.mean_with:.2f}",
        "mean_without": f"{f.mean_without:.2f}",
        "hedges_g": "–" if f.hedges_g is None else signed(f.hedges_g),
        "df": "–" if f.df is None else f"{f.df:.1f}",
    }


@dataclass(frozen=True)
class Card:
    result: Result
    effect_slug: str
    effect_name: str
    title: str
    prediction: str
    verdict_words: str
    with_label: str
    without_label: str
    summary: str
    missing: str
    chart: dict | None
    unit: str
    numbers: dict  # the figures as display strings ("+0.25"), empty under the guard

    @property
    def key(self) -> str:
        return self.result.claim.key

    @property
    def verdict(self) -> str:
        return self.result.verdict

    @property
    def figures(self):
        return self.result.figures

    @property
    def dom_id(self) -> str:
        return f"insight-data-{self.key}"


def card(result: Result, effect_names: Mapping[str, str]) -> Card:
    slug = result.claim.effect
    effect = effect_names.get(slug, slug)
    with_label, without_label = sides(result, effect)
    return Card(
        result=result,
        effect_slug=slug,
        effect_name=effect,
        title=title(result, effect),
        prediction=prediction(result),
        verdict_words=VERDICT_WORDS[result.verdict],
        with_label=with_label,
        without_label=without_label,
        summary=summary(result),
        missing=missing(result, effect),
        chart=chart(result),
        unit=OUTCOMES[result.claim.outcome].unit,
        numbers=numbers(result),
    )


def cards(results: Sequence[Result], effect_names: Mapping[str, str]) -> list[Card]:
    return [card(r, effect_names) for r in results]
