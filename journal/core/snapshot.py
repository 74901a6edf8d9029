"""What a page read from one person's journal at one journal version, kept in the database.

A write to a journal bumps its version (journal.core.services.begin_write) and, once it
has committed, announces itself (journal_written). A page that reads a dozen things from
the journal (the dashboard: journal.views.dashboard_reads) can then read them all at that
moment and keep them here, under a key naming that version and every other input, so
that the first view after the write reads one row instead of recomputing them. In the
database rather than the cache, so that every app server and process sees the row a
write in any other one left (the default cache is each process's own memory).

A snapshot is only ever a shortcut: a page that finds none under its key reads the
journal itself, so a missing, failed or older snapshot costs speed, never the page.
"""

from django.conf import settings
from django.db import IntegrityError, models, transaction


class Snapshot(models.Model):
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    # The journal version it was read at: a snapshot never replaces one read at a later one.
    version = models.PositiveBigIntegerField()
    key = models.CharField(max_length=200)  # the version and every other input it read
    data = models.BinaryField()

    def __str__(self):
        return f"Snapshot of {self.owner_id}'s journal at version {self.version}"


def load(owner, key: str) -> bytes | None:
    """The snapshot of `owner` kept under `key`, if that is the one kept (one query)."""
    found = Snapshot.objects.filter(owner=owner, key=key).values_list("data", flat=True)
    data = found.first()
    return bytes(data) if data is not None else None


def kept(owner, key: str) -> bool:
    """Whether the snapshot of `owner` kept is the one under `key` (without reading it)."""
    return Snapshot.objects.filter(owner=owner, key=key).exists()


def keep(owner, version: int, key: str, data: bytes) -> None:
    """Keep `data` as `owner`'s snapshot, unless one read at a later version is kept already
    (two writes' refreshes may finish in either order)."""
    fields = {"version": version, "key": key, "data": data}
    with transaction.atomic():
        if Snapshot.objects.filter(owner=owner, version__lte=version).update(**fields):
            return
        try:
            with transaction.atomic():
                Snapshot.objects.create(owner=owner, **fields)
        except IntegrityError:  # a later one is kept, or another refresh created the row
            pass
