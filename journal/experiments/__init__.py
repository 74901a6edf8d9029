"""Experiments (../shared/design/experiments.md): a planned test of one claim on one person.

The modules:
- designs: PURE: the seven designs, their conditions and outcomes, and their words;
- schedule: PURE: the dates of a plan, its status by date, and the draw (with `secrets`);
- analysis: PURE: units, conditions (intensity from journal.tagging), outcomes, the
  intention-to-treat and as-followed figures, the exact randomisation p-value, the guard
  and the verdicts;
- words: PURE: an analysis in plain words, the calendar and the chart's data;
- models: the Experiment row (registered in app `journal` through journal/models.py);
- services: the ORM side: reading what an analysis needs, starting, stopping, settling;
- forms: the plan form; demo: the demo journal's two experiments.
Their pages are journal/views/experiments.py, the command journal/management/commands/
experiment.py, the Insights link journal/templatetags/experiments.py.

Public names, for other capabilities (the exchange format in journal.imports), loaded on
first use (journal.core.lazy): below.
"""

from journal.core.lazy import public_names

__getattr__, __all__ = public_names(
    __name__,
    {
        "journal.experiments.models": ["Experiment"],
        "journal.experiments.designs": ["DESIGNS", "WEEK"],
        "journal.experiments.schedule": ["ACTIVE", "STOPPED", "Plan"],
        "journal.experiments.services": ["settle"],
    },
)
