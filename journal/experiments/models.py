"""An experiment: one person's planned test of one claim (experiments.md sections 1 and 6).

Registered in app `journal` (journal.models imports it). The schedule is stored as drawn and
never re-derived; the database itself refuses a second planned or running experiment for
the same person, and a schedule whose length does not match its pairs.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from journal.experiments.designs import DESIGNS
from journal.experiments.schedule import ACTIVE, FINISHED, PLANNED, RUNNING, STOPPED, Plan


class Experiment(models.Model):
    class Status(models.TextChoices):
        PLANNED = PLANNED, "Planned"
        RUNNING = RUNNING, "Running"
        FINISHED = FINISHED, "Finished"
        STOPPED = STOPPED, "Stopped early"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="experiments"
    )
    design = models.CharField(max_length=40, choices=[(key, key) for key in DESIGNS])
    start = models.DateField()
    pairs = models.PositiveSmallIntegerField()
    schedule = models.JSONField()  # ["A", "B", "B", "A", ...]: the arm of every unit
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PLANNED)
    created = models.DateField()  # the owner's local date
    stopped = models.DateField(null=True, blank=True)

    class Meta:
        app_label = "journal"
        ordering = ["-start", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner"],
                condition=Q(status__in=ACTIVE),
                name="journal_experiment_one_active",
            ),
            models.CheckConstraint(
                condition=Q(design__in=list(DESIGNS)), name="journal_experiment_design_valid"
            ),
            models.CheckConstraint(
                condition=Q(pairs__gte=3, pairs__lte=20), name="journal_experiment_pairs_range"
            ),
            models.CheckConstraint(
                condition=Q(status__in=[PLANNED, RUNNING, FINISHED, STOPPED]),
                name="journal_experiment_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(stopped__isnull=True) | Q(status=STOPPED),
                name="journal_experiment_stopped_date",
            ),
        ]

    def __str__(self):
        return f"{self.design} from {self.start:%Y-%m-%d}"

    @property
    def plan(self) -> Plan:
        return Plan(DESIGNS[self.design], self.start, tuple(self.schedule))

    @property
    def spec(self):
        return DESIGNS[self.design]
