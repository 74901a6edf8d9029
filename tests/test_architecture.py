"""The house's plan holds at run time too (import-linter checks the imports themselves)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The pure modules of journal/README.md: importable, with their packages, without Django.
PURE = [
    "journal.tagging",
    "journal.insights.analysis",
    "journal.insights.cards",
    "journal.insights.stats",
    "journal.insights.words",
    "journal.insights.table",
    "journal.insights.tally",
    "journal.insights.units",
    "journal.dashboard.charts",
    "journal.dashboard.chart_blocks",
    "journal.dashboard.chart_span",
    "journal.dashboard.chart_payload",
    "journal.dashboard.stats",
    "journal.dashboard.patterns",
    "journal.core.ranges",
    "journal.core.words",
    "journal.core.blocks",
    "journal.imports.parsers",
    "journal.imports.parsers.health_auto_export",
    "journal.experiments.designs",
    "journal.experiments.schedule",
    "journal.experiments.analysis",
    "journal.experiments.words",
]


@pytest.mark.parametrize("module", PURE)
def test_a_pure_module_imports_without_django(module):
    code = (
        f"import sys, {module}; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"


def test_the_packages_public_names_load_on_first_use():
    from journal import dashboard, imports, insights
    from journal.imports import jobs
    from journal.insights import queries

    assert imports.start is jobs.start
    assert insights.claims is queries.claims
    assert dashboard.since(["row"], "date", None) == ["row"]
    with pytest.raises(AttributeError, match="no attribute 'claim_cards'"):
        insights.claim_cards  # noqa: B018
