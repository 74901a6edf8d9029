"""What a person is shown of their tags, so that they can believe it (issue 13).

Pure ordering and filtering, no Django: a session's chips (the strongest evidence first,
three at most in view) and the dashboard's long-term card (sustained patterns, then the
ones at least halfway built; the rest behind "show all").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from journal.tagging import progress_words

VISIBLE_CHIPS = 3
HEADLINE_SHARE = 0.5

# Hormone patterns never show progress figures or make the headline: reading "2 of 3 weeks"
# towards a hormone would nudge people to train more for hormones, which the evidence does
# not support (effect-rules.md section 5) [HAC08; MOU23].
NO_NUDGE = frozenset({"testosterone", "ovarian_balance"})

# Sorts after every real grade: an effect the content no longer has.
_UNKNOWN = ("Z", True, 0)

# How a chip words the article's claim strength (effect-rules.md section 3, "Article
# wording"), after "predicted": firm wordings read plainly, hedged ones carry a hedge that
# is never stronger than the article's own (issue 21). An unknown wording gets a hedge.
HEDGES = {
    "asserted": "",
    "well-documented": "",
    "consistently": "",
    "has been shown": "",
    "tends to": "often",
    "can": "possibly",
    "can support": "possibly",
    "contribute to": "partly",
    "implicated": "maybe",
    "table only": "perhaps",
}
UNKNOWN_HEDGE = "perhaps"

# Grade C effects (animal-only, contested or null in people) never show progress figures:
# counting weeks towards an effect no one has shown in people would nudge towards hard
# training for nothing. They say only whether the pattern is present (issue 21).
QUIET_GRADE = "C"
PATTERN_WORDS = {
    "sustained": "pattern present",
    "building": "pattern not present yet",
    "lapsed": "pattern no longer present",
}


class _Tag(Protocol):
    effect: str
    timescale: str


class _Pattern(Protocol):
    state: str
    share: float


@dataclass(frozen=True)
class Chips:
    shown: list = field(default_factory=list)  # acute, strongest evidence first
    more: list = field(default_factory=list)  # the other acute ones, behind "+N more"
    long_term: list = field(default_factory=list)  # one collapsed line


def hedge(wording: str) -> str:
    """The word a chip puts before the article's claim: none where the article is firm."""
    return HEDGES.get(wording, UNKNOWN_HEDGE)


def when_words(timescale: str, status: str, grade: str) -> str:
    """When a chip's prediction applies: this session, or the pattern's state (grade C:
    present or not, never "building")."""
    if timescale == "acute":
        return "this session"
    if grade == QUIET_GRADE:
        return PATTERN_WORDS.get(status, status)
    return status


def evidence_order(grade: str, split: bool, position: int) -> tuple:
    """A sort key: A before B before C; a split grade after a plain one of its letter."""
    return (grade, split, position)


def evidence_orders(effects: Mapping) -> dict[str, tuple]:
    """Each effect's place in "strongest evidence first", from the content's effects."""
    return {
        slug: evidence_order(e.evidence_grade, bool(e.grade_detail), e.position)
        for slug, e in (effects or {}).items()
    }


def session_chips(
    tags: Iterable[_Tag], order: Mapping[str, tuple], visible: int = VISIBLE_CHIPS
) -> Chips:
    """A session's tags as chips: acute ones by evidence, `visible` of them in view."""
    tags = list(tags)

    def key(tag):
        return (order.get(tag.effect, _UNKNOWN), tag.effect)

    acute = sorted((t for t in tags if t.timescale == "acute"), key=key)
    long_term = sorted((t for t in tags if t.timescale != "acute"), key=key)
    return Chips(acute[:visible], acute[visible:], long_term)


@dataclass(frozen=True)
class LongTermCard:
    headline: list  # (slug, pattern): sustained, then building at least halfway
    rest: list  # (slug, pattern): everything else, behind "show all"

    @property
    def total(self) -> int:
        return len(self.headline) + len(self.rest)


_STATE_ORDER = {"sustained": 0, "building": 1, "lapsed": 2}


def long_term_card(
    patterns: Mapping[str, _Pattern], order: Mapping[str, tuple] | None = None
) -> LongTermCard:
    """The dashboard's long-term card: which patterns to list first and which to fold."""
    order = order or {}

    def headline(slug, p) -> bool:
        if p.state == "sustained":
            return True
        # Halfway is a progress figure: hormones and grade C effects have none.
        quiet = slug in NO_NUDGE or order.get(slug, _UNKNOWN)[0] == QUIET_GRADE
        return p.state == "building" and p.share >= HEADLINE_SHARE and not quiet

    def key(item):
        slug, p = item
        # Within building: the furthest along first.
        share = -p.share if p.state == "building" else 0
        return (_STATE_ORDER.get(p.state, 3), share, order.get(slug, _UNKNOWN), slug)

    items = sorted(patterns.items(), key=key)
    return LongTermCard(
        [(s, p) for s, p in items if headline(s, p)],
        [(s, p) for s, p in items if not headline(s, p)],
    )


def shown_progress(effect: str, progress: str, day, journal_start, grade: str = "") -> str:
    """A pattern's progress as shown: none for hormones (no nudge) or grade C effects, and
    the journal's start instead of a "break" that reaches back before the first entry."""
    if effect in NO_NUDGE or grade == QUIET_GRADE:
        return ""
    return progress_words(progress, day, journal_start)
