"""Experiments in the journal exchange file (exchange-format.md, "Additions"): written on
export with their schedules, validated and restored on import.

Nothing in the file is trusted: a row with a design we do not know, a schedule that is not
one A and one B per pair, or a length outside the design's range is rejected with its index
and reason. An experiment already in the journal (same design, start and schedule) is
skipped; one that would run beside the account's planned or running experiment is reported
and skipped. Files without "experiments" (every older export) import as before.
"""

from __future__ import annotations

from datetime import date

from journal import experiments
from journal.imports.exchange_rows import ImportRefused, RowError

DESIGNS, WEEK, ACTIVE, STOPPED = (
    experiments.DESIGNS,
    experiments.WEEK,
    experiments.ACTIVE,
    experiments.STOPPED,
)


def export_rows(user) -> list[dict]:
    return [
        {
            "design": e.design,
            "start": e.start.isoformat(),
            "pairs": e.pairs,
            "schedule": list(e.schedule),
            "status": e.plan.status(e.owner.profile.today(), e.stopped),
            "created": e.created.isoformat(),
            "stopped": e.stopped.isoformat() if e.stopped else None,
        }
        for e in experiments.Experiment.objects.filter(owner=user)
        .select_related("owner__profile")
        .order_by("start", "id")
    ]


def _date(row: dict, name: str, required=True) -> date | None:
    value = row.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise RowError(f"{name} must be a date like 2026-12-04")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RowError(f"{name} {value[:20]!r} is not a date like 2026-12-04") from None


def parse(row, today: date):
    """One experiment row, checked whole; the owner is set by the caller."""
    if not isinstance(row, dict):
        raise RowError("is not an object")
    design = DESIGNS.get(row.get("design")) if isinstance(row.get("design"), str) else None
    if design is None:
        raise RowError(f"design must be one of {', '.join(DESIGNS)}")
    start, created = _date(row, "start"), _date(row, "created")
    stopped = _date(row, "stopped", required=False)
    pairs = row.get("pairs")
    low, high, _ = design.pairs_range
    if type(pairs) is not int or not low <= pairs <= high:
        raise RowError(f"pairs must be a whole number from {low} to {high} for {design.key}")
    schedule = row.get("schedule")
    if not isinstance(schedule, list) or len(schedule) != 2 * pairs:
        raise RowError(f"schedule must list {2 * pairs} arms, two for each pair")
    for i in range(0, len(schedule), 2):
        if sorted(map(str, schedule[i : i + 2])) != ["A", "B"]:
            raise RowError(f"schedule pair {i // 2} must be one A and one B")
    if design.unit == WEEK and start.weekday() != 0:
        raise RowError("a week-by-week experiment must start on a Monday")
    status, statuses = row.get("status"), experiments.Experiment.Status.values
    if status not in statuses:
        raise RowError(f"status must be one of {', '.join(sorted(statuses))}")
    if (status == STOPPED) != (stopped is not None):
        raise RowError("stopped must be a date exactly when the status is stopped")
    if created > today or (stopped and stopped > today):
        raise RowError("created and stopped cannot be in the future")
    plan = experiments.Plan(design, start, tuple(schedule))
    return experiments.Experiment(
        design=design.key,
        start=start,
        pairs=pairs,
        schedule=list(schedule),
        # The calendar settles planned, running and finished; a stop is kept as it was.
        status=plan.status(today, stopped),
        created=created,
        stopped=stopped,
    )


def parse_all(document: dict, today: date, rejected: list[str]) -> list:
    rows = document.get("experiments", [])
    if not isinstance(rows, list):
        raise ImportRefused('"experiments" must be a list.')
    parsed = []
    for index, row in enumerate(rows):
        try:
            parsed.append(parse(row, today))
        except RowError as error:
            rejected.append(f"experiment {index}: {error}")
    return parsed


def restore(user, parsed: list, skipped: list[str], today: date) -> int:
    """Save the new ones (inside the import's transaction, under the owner's lock)."""
    experiments.settle(user, today)  # one whose plan has ended is no longer under way
    existing = list(experiments.Experiment.objects.filter(owner=user))
    known = {(e.design, e.start, tuple(e.schedule)) for e in existing}
    active = [e for e in existing if e.status in ACTIVE]
    added = 0
    for index, experiment in enumerate(parsed):
        if (experiment.design, experiment.start, tuple(experiment.schedule)) in known:
            skipped.append(f"experiment {index}: already in the journal")
            continue
        if any(experiment.plan.overlaps(a.plan) for a in active) or (
            experiment.status in ACTIVE and active
        ):
            skipped.append(
                f"experiment {index}: it would overlap the experiment under way in this journal"
            )
            continue
        experiment.owner = user
        experiment.save()
        known.add((experiment.design, experiment.start, tuple(experiment.schedule)))
        if experiment.status in ACTIVE:
            active.append(experiment)
        added += 1
    return added
