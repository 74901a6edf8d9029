"""Experiments (../shared/design/experiments.md): a planned test of one claim on one person.

- designs: the seven designs, their conditions and outcomes, and the words the pages use;
- analysis: pure (no Django): units, conditions, outcomes, the intention-to-treat and
  as-followed figures, the exact randomisation p-value, the guard and the verdicts;
- schedule: the dates of a plan, its status by date, and the draw (with `secrets`);
- models: the Experiment row (registered in app `journal` through journal.models);
- services: reading a person's rows for the analysis, starting, stopping, settling;
- views, forms: the Experiments pages and the dashboard's line for today.
"""
