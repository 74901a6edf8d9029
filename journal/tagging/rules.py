"""Rules: the effects, the tags they give, and every rule as the UI and the system checks
see it. The conditions live in `acute` and `chronic`, one rule per row of section 3."""

from __future__ import annotations

from dataclasses import dataclass

from journal.tagging.acute import ACUTE_RULES
from journal.tagging.chronic import CHRONIC_RULES

# What each version changed (stored tags carry the version that made them; a data
# migration of the journal app retags every journal when it moves):
# 1: the rules of effect-rules.md as first built.
# 2: serotonin's acute rule is moderate intensity only (effect-rules.md 0.5, December 2026).
RULES_VERSION = 2

# The 24 effects of effect-rules.md section 1, in its order. The slugs are a contract.
EFFECT_SLUGS = (
    "catecholamines",
    "endorphins",
    "endocannabinoids",
    "cortisol_acute",
    "hpa_recalibration",
    "testosterone",
    "ovarian_balance",
    "growth_hormone",
    "dopamine",
    "serotonin",
    "gaba",
    "bdnf",
    "insulin_sensitivity",
    "irisin",
    "fgf21",
    "il6",
    "ampk_signaling",
    "mito_biogenesis",
    "anti_inflammatory",
    "rx_5ht1a",
    "rx_d2",
    "rx_gaba_a",
    "rx_cb1",
    "bdnf_methylation",
)


@dataclass(frozen=True)
class Tag:
    effect: str  # slug of effect-rules.md section 1
    timescale: str  # "acute" | "chronic"
    status: str  # "acute" | "building" | "sustained"
    magnitude: str  # "" when not graded
    rule: str  # e.g. "serotonin.acute"
    rule_version: int
    inputs: dict  # JSON-serialisable: what the rule read


@dataclass(frozen=True)
class Rule:
    """A rule as the UI and the system checks see it."""

    id: str
    effect: str
    timescale: str  # "acute" | "chronic"
    description: str


RULES: tuple[Rule, ...] = tuple(
    sorted(
        [Rule(f"{r.effect}.acute", r.effect, "acute", r.description) for r in ACUTE_RULES]
        + [Rule(f"{r.effect}.chronic", r.effect, "chronic", r.description) for r in CHRONIC_RULES],
        key=lambda rule: rule.id,
    )
)
RULES_BY_ID = {rule.id: rule for rule in RULES}
