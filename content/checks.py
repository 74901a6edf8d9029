"""System checks that tie the tagging rules and the dashboard to the content.

They read the database, so they stay quiet while it cannot answer for the
content yet: tables missing (a fresh checkout before `migrate`) or
migrations still to apply. The second case matters because `migrate` runs
the checks before it migrates: reporting content that a pending data
migration is about to add would stop `migrate` from ever adding it.
"""

from django.core.checks import Error, register
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.loader import MigrationLoader


def _migrations_pending(alias: str) -> bool:
    loader = MigrationLoader(connections[alias], ignore_no_migrations=True)
    return bool(set(loader.graph.nodes) - set(loader.applied_migrations))


@register()
def content_matches_rules_and_charts(app_configs=None, databases=None, **kwargs):
    from content.charts import CHART_KEYS
    from content.models import ChartPlacement, Effect
    from journal.tagging import EFFECT_SLUGS, RULES

    # `manage.py check` passes no databases: the content lives in the default one.
    alias = (databases or [DEFAULT_DB_ALIAS])[0]
    try:
        if _migrations_pending(alias):
            return []
        effects = set(Effect.objects.using(alias).values_list("slug", flat=True))
        placed = set(ChartPlacement.objects.using(alias).values_list("chart_key", flat=True))
    except DatabaseError:  # OperationalError, ProgrammingError: no tables or no server
        return []
    errors = [
        Error(
            f"The tagging rules name the effect {slug!r}, but the content has no Effect with "
            "that slug.",
            hint="Add it in the admin (Learn content > Effects) or restore the seed migration.",
            id="content.E001",
        )
        for slug in sorted(set(EFFECT_SLUGS) | {rule.effect for rule in RULES})
        if slug not in effects
    ]
    errors += [
        Error(
            f"The dashboard chart {key!r} has no section placed beside it.",
            hint="Add a chart placement in the admin (Learn content > Chart placements).",
            id="content.E002",
        )
        for key in CHART_KEYS
        if key not in placed
    ]
    return errors
