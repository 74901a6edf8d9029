"""An import from another app (or our own JSON) on its way through the background task.

The upload sits in settings.IMPORT_UPLOAD_DIR (outside the static and media
roots) until the job is done; the job keeps the preview, the mapping the
person confirmed, the progress and the final report.
"""

from pathlib import Path

from django.conf import settings
from django.db import models


class ImportJob(models.Model):
    class Kind(models.TextChoices):
        ACTIVITIES = "activities", "Another app's export"
        JOURNAL = "journal", "A Movement Journal file"

    class Status(models.TextChoices):
        PREVIEWING = "previewing", "Reading the file"
        READY = "ready", "Waiting for you to confirm"
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Importing"
        DONE = "done", "Finished"
        FAILED = "failed", "Stopped"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    source = models.CharField(max_length=10, blank=True)
    file_name = models.CharField(max_length=200, blank=True)  # as uploaded, for display
    upload = models.CharField(max_length=200, blank=True)  # under IMPORT_UPLOAD_DIR
    options = models.JSONField(default=dict, blank=True)
    preview = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREVIEWING)
    done = models.PositiveBigIntegerField(default=0)
    total = models.PositiveBigIntegerField(null=True, blank=True)
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "created_at"], name="journal_import_owner")]

    def __str__(self):
        return f"Import {self.pk} ({self.get_status_display()})"

    @property
    def upload_path(self) -> Path | None:
        return upload_dir() / self.upload if self.upload else None

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.total:
            return 0
        return min(100, int(self.done * 100 / self.total))

    def delete_upload(self) -> None:
        path = self.upload_path
        if path is not None:
            path.unlink(missing_ok=True)


def upload_dir() -> Path:
    return Path(settings.IMPORT_UPLOAD_DIR)
