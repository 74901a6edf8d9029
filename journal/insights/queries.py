"""The ORM side of Insights (insights.md): one read per input, the claims cached per
person and range, and the cards of the claims in the person's words.

The pure statistics are journal.insights.analysis; the ranges and the check-in rows are
the dashboard's (its public names), so both pages speak of the same four ranges.
"""

from dataclasses import dataclass
from datetime import date

from journal import dashboard
from journal.core.caching import per_journal
from journal.core.services import profile_for
from journal.insights import analysis as insights
from journal.insights import block_cache
from journal.insights import cards as insight_cards

INSIGHT_RANGES = tuple(dashboard.RANGES)  # the dashboard's ranges: 4w, 3m, 1y, all
RANGE_LABELS = {key: label for key, (label, _days) in dashboard.RANGES.items()}
INSIGHT_DEFAULT_RANGE = "all"  # the claims need many days; the whole journal is the default
# What the claims show of an effect and its section (its name, grade, Learn page): no more
# is read, and a claim's cached article (journal.views.insights) is keyed by these.
EFFECT_FIELDS = ("slug", "name", "evidence_grade", "grade_reason", "grade_detail")
SECTION_FIELDS = ("slug", "title")


@dataclass(frozen=True)
class InsightReport:
    """The 16 claims for one range, and how much was logged in it (for the empty state)."""

    range_key: str
    start: date | None
    results: list
    sessions: int
    checkins: int
    # The blocks' stamps read for it (journal.core.chartstamp), at the journal version it is
    # cached under: the experiments' verdicts on the same page key by them too.
    stamps: object = None

    @property
    def is_empty(self) -> bool:
        return not (self.sessions or self.checkins)


def _insight_report(user, profile, range_key: str, today: date) -> InsightReport:
    start = dashboard.range_start(range_key, today)
    found = block_cache.range_tally(user, profile, start, today)
    return InsightReport(
        range_key=range_key,
        start=start,
        results=insights.results(found.tally),
        sessions=found.sessions,
        checkins=found.checkins,
        stamps=found.stamps,
    )


def insight_range(range_key: str | None) -> str:
    """The range asked for, or the default when it is none of the ranges."""
    return range_key if range_key in INSIGHT_RANGES else INSIGHT_DEFAULT_RANGE


def insight_report(user, profile, range_key: str | None) -> InsightReport:
    """The claims for a range ending today, computed once per journal version and day."""
    range_key = insight_range(range_key)
    today = profile.today()
    return per_journal(
        profile,
        f"insights:{range_key}:{today.isoformat()}",
        lambda: _insight_report(user, profile, range_key, today),
    )


def effects_with_sections() -> dict:
    """The content app's effects by slug, with their sections, in one query."""
    from content.models import Effect

    shown = [*EFFECT_FIELDS, *(f"section__{field}" for field in SECTION_FIELDS)]
    return Effect.objects.select_related("section").only(*shown).in_bulk(field_name="slug")


def claims(user, range_key=None, effects=None, profile=None) -> tuple:
    """(report, [(card, effect)]) for a range; `effects` by slug and the profile are read
    when not given."""
    profile = profile or profile_for(user)
    report = insight_report(user, profile, range_key)
    effects = effects_with_sections() if effects is None else effects
    names = {slug: effect.name for slug, effect in effects.items()}
    cards = insight_cards.cards(report.results, names, profile.checkin_items)
    return report, [(card, effects.get(card.effect_slug)) for card in cards]


def claims_page(user, profile, range_key: str | None, effects=None) -> dict:
    """The Insights page's context for a range (journal.insights.cards.page, with the
    report and the range control); `effects` as effects_with_sections gives them, read
    when not given."""
    report, pairs = claims(user, range_key, effects=effects, profile=profile)
    return {
        "report": report,
        "range_key": report.range_key,
        "ranges": [(key, RANGE_LABELS[key]) for key in INSIGHT_RANGES],
        **insight_cards.page(pairs),
    }


def claims_about(user, effect) -> tuple[list, list[str]]:
    """The cards of the claims that test one effect (content's Effect), on the whole
    journal, and the caveats that go with any verdict (they count every claim computed)."""
    _, pairs = claims(user, effects={effect.slug: effect})
    cards = [card for card, _ in pairs]
    about = [card for card in cards if card.effect_slug == effect.slug]
    return about, insight_cards.caveats(cards)


def insights_document(user, range_key: str | None = None, profile=None) -> dict:
    """insights.md section 6 for one person and range (default: all), as a JSON-ready dict:
    the public answer of `manage.py insights --format json` and of any API that serves it."""
    profile = profile or profile_for(user)
    report = insight_report(user, profile, range_key)
    return insights.as_json(report.range_key, report.results)
