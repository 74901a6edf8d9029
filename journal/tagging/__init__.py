"""Session tags: which effects the article predicts for a workout, per effect-rules.md.

Pure Python on purpose (no Django): plain facts in, plain tags out, so the rules can be
unit-tested without a database and re-run over a whole history in one pass.

The package follows the spec's vocabulary, one room per job:
- intensity: the facts of a session and profile, and the intensity class (0.2);
- windows: per-session filters, W28/W42/W84 made of 7-day blocks ending on the session's
  date (0.5), the window functions `mvpa`, `days`, `weeks_ok`, `max_gap` (0.3) and the named
  predicates CONSISTENT, REGULAR_MOD, AEROBIC_REG and STRENGTH_REG;
- rules: one rule per row of the section 3 table, acute and chronic;
- engine: tags a history in one pass, and the dashboard's chronic states;
- explain: a tag's reasons in plain words.

This module is the public API; the modules' other names are the package's own business.
"""

from journal.tagging.engine import (
    Pattern,
    affected_until,
    chronic_holds_by_date,
    chronic_progress,
    chronic_states,
    tag_history,
    tag_session,
)
from journal.tagging.explain import explain, journal_start_words, progress_words
from journal.tagging.intensity import (
    ACTIVITIES,
    AEROBIC,
    DEFAULT_METS,
    HIIT,
    LIGHT,
    MIXED,
    MOBILITY,
    MODERATE,
    NEAR_MAX,
    RESISTANCE,
    VIGOROUS,
    WALKING,
    Intensity,
    ProfileFacts,
    SessionFacts,
    classify,
)
from journal.tagging.rules import EFFECT_SLUGS, RULES, RULES_BY_ID, RULES_VERSION, Rule, Tag
from journal.tagging.windows import (
    AEROBIC_REG,
    CONSISTENT,
    GUIDELINE_MINUTES,
    MVPA_ACTIVITIES,
    REGULAR_MOD,
    STRENGTH_REG,
    VIGOROUS_WEIGHT,
    WINDOW_DAYS,
    Timeline,
    Window,
    aerobic30,
    aerobic_walk30,
    endurance20,
    hiit_or_resistance,
    holds,
    moderate_plus,
    mvpa_session,
    resistance,
    vigorous_plus,
    yoga60,
)

__all__ = [
    "ACTIVITIES",
    "AEROBIC",
    "AEROBIC_REG",
    "CONSISTENT",
    "DEFAULT_METS",
    "EFFECT_SLUGS",
    "GUIDELINE_MINUTES",
    "HIIT",
    "LIGHT",
    "MIXED",
    "MOBILITY",
    "MODERATE",
    "MVPA_ACTIVITIES",
    "NEAR_MAX",
    "Pattern",
    "REGULAR_MOD",
    "RESISTANCE",
    "RULES",
    "RULES_BY_ID",
    "RULES_VERSION",
    "STRENGTH_REG",
    "VIGOROUS",
    "VIGOROUS_WEIGHT",
    "WALKING",
    "WINDOW_DAYS",
    "Intensity",
    "ProfileFacts",
    "Rule",
    "SessionFacts",
    "Tag",
    "Timeline",
    "Window",
    "aerobic30",
    "aerobic_walk30",
    "affected_until",
    "chronic_holds_by_date",
    "chronic_states",
    "chronic_progress",
    "classify",
    "endurance20",
    "explain",
    "journal_start_words",
    "hiit_or_resistance",
    "holds",
    "moderate_plus",
    "mvpa_session",
    "progress_words",
    "resistance",
    "tag_history",
    "tag_session",
    "vigorous_plus",
    "yoga60",
]
