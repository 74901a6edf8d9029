"""Each Insights claim as a card: its words (journal.insights.words), figures as display
strings, its chart's payload, the check-in item it waits on; and the cards grouped as the
page shows them (claims on the same evidence as one comparison, the ones without a verdict
in one progress list).

Pure (no Django): journal.insights results in, the effect names by slug passed in.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from journal.core.ranges import CHECKIN_ITEMS
from journal.insights.analysis import NOT_ENOUGH_DATA, Result
from journal.insights.stats import MIN_PER_SIDE
from journal.insights.words import (
    CAVEAT_MANY_TESTS,
    CAVEAT_NEIGHBOURS,
    CLINICIAN,
    KIND_HEADINGS,
    OUTCOMES,
    headline,
    is_lead,
    measured,
    missing,
    neighbours,
    prediction,
    sides,
    signed,
    standing,
    summary,
    title,
    verdict_words,
)

__all__ = ["KIND_HEADINGS", "OUTCOMES", "Card", "card", "cards", "comparisons", "page"]


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
        "df": "–" if f.df_adj is None else f"{f.df_adj:.1f}",
        "q_value": "< 0.001" if result.q_value < 0.001 else f"{result.q_value:.3f}",
        "p_value": f"{f.p_value:.3f}",
        "design_factor": f"{f.design_factor:.2f}",
    }


@dataclass(frozen=True)
class Card:
    result: Result
    effect_slug: str
    effect_name: str
    title: str
    prediction: str
    headline: str
    verdict_words: str
    measured: str  # "This compares your own ratings; it does not measure endorphins."
    standing: str  # "Firm: ..." / "Tentative: ..." (clear verdicts only)
    is_lead: bool  # a next-day or long-term verdict that is not firm
    neighbours: str  # the correction of 3.1, in words (dated claims)
    with_label: str
    without_label: str
    summary: str
    missing: str
    chart: dict | None
    unit: str
    numbers: dict  # the figures as display strings ("+0.25"), empty under the guard
    item: str | None  # the check-in item the claim needs and the person does not keep
    item_label: str

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
    def firm(self) -> bool:
        return self.result.firm

    @property
    def dom_id(self) -> str:
        return f"insight-data-{self.key}"

    @property
    def progress(self) -> tuple[int, int]:
        """Units so far on each side, counted up to the MIN_PER_SIDE the guard asks for."""
        r = self.result
        return min(r.n_with, MIN_PER_SIDE), min(r.n_without, MIN_PER_SIDE)


def card(result: Result, effect_names: Mapping[str, str], kept: Collection[str] = ()) -> Card:
    """One claim in words; `kept`: the optional check-in items the person keeps."""
    slug, outcome = result.claim.effect, result.claim.outcome
    effect = effect_names.get(slug, slug)
    with_label, without_label = sides(result, effect)
    item = outcome if outcome in CHECKIN_ITEMS and outcome not in kept else None
    return Card(
        result=result,
        effect_slug=slug,
        effect_name=effect,
        title=title(result, effect),
        prediction=prediction(result),
        headline=headline(result),
        verdict_words=verdict_words(result),
        measured=measured(result, effect),
        standing=standing(result),
        is_lead=is_lead(result),
        neighbours=neighbours(result),
        with_label=with_label,
        without_label=without_label,
        summary=summary(result),
        missing=missing(result, effect),
        chart=chart(result),
        unit=OUTCOMES[outcome].unit,
        numbers=numbers(result),
        item=item,
        item_label=CHECKIN_ITEMS.get(item, ""),
    )


def cards(
    results: Sequence[Result], effect_names: Mapping[str, str], kept: Collection[str] = ()
) -> list[Card]:
    return [card(r, effect_names, kept) for r in results]


def comparisons(shown: Sequence[Card]) -> list[list[Card]]:
    """Cards with a verdict, those resting on the same evidence (insights.md 3.4) together
    as one comparison, in the order of the first of each. The relation is pairwise; a
    chain of them is shown as one comparison too."""
    by_key = {c.key: c for c in shown}
    placed: dict[str, int] = {}
    out: list[list[Card]] = []
    for c in shown:
        if c.key in placed:
            continue
        group, queue = [], [c.key]
        placed[c.key] = len(out)
        while queue:
            key = queue.pop(0)
            group.append(by_key[key])
            for other in by_key[key].result.same_evidence_as:
                if other in by_key and other not in placed:
                    placed[other] = len(out)
                    queue.append(other)
        out.append(sorted(group, key=shown.index))
    return out


def waiting_on_items(all_cards: Sequence[Card]) -> list[Card]:
    """The claims without a verdict that need a check-in item the person does not keep."""
    return [c for c in all_cards if c.verdict == NOT_ENOUGH_DATA and c.item]


def tested(all_cards: Sequence[Card]) -> int:
    """m of insights.md 3.3: how many claims were computed together."""
    return sum(c.verdict != NOT_ENOUGH_DATA for c in all_cards)


def caveats(all_cards: Sequence[Card]) -> list[str]:
    """The two caveats every place that shows verdicts repeats (many tests; neighbouring
    days), for the 16 cards of one range."""
    return [CAVEAT_MANY_TESTS.format(m=tested(all_cards)), CAVEAT_NEIGHBOURS]


def page(pairs: Sequence[tuple[Card, object]]) -> dict:
    """What the Insights page shows of the 16 (card, content effect) pairs of one range:
    per kind of claim, its comparisons (claims on the same evidence together); then the
    claims still waiting, in one list; and the counts and caveats around them."""
    effects = {c.key: effect for c, effect in pairs}
    all_cards = [c for c, _ in pairs]
    shown = [c for c in all_cards if c.verdict != NOT_ENOUGH_DATA]
    groups = []
    for kind, heading in KIND_HEADINGS.items():
        of_kind = [c for c in shown if c.result.claim.kind == kind]
        together = [[(c, effects[c.key]) for c in group] for group in comparisons(of_kind)]
        if together:
            groups.append((heading, together))
    on_items = waiting_on_items(all_cards)
    return {
        "groups": groups,
        "waiting": [(c, effects[c.key]) for c in all_cards if c.verdict == NOT_ENOUGH_DATA],
        "waiting_on_items": len(on_items),
        "items_not_kept": sorted({c.item_label.lower() for c in on_items}),
        "with_verdict": len(shown),
        "claims_total": len(all_cards),
        "comparisons": sum(len(together) for _, together in groups),
        "caveats": caveats(all_cards),
        "clinician": CLINICIAN,
    }
