"""django-tasks' database worker, which also settles imports whose worker died.

The same command as django_tasks_db's `db_worker` (journal comes before it in
INSTALLED_APPS, so this one answers to the name), with one addition: as it
starts, and then every quarter of IMPORT_LEASE_SECONDS from a thread, it runs
journal.imports.lease.tidy, so a job left running by a killed worker ends
failed (nothing imported, its upload deleted) and no orphaned upload stays.
"""

import logging
import os
import threading

from django.db import DatabaseError, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from journal.imports import lease as import_lease

logger = logging.getLogger("journal.imports.lease")


def tidy_once() -> None:
    try:
        settled, removed = import_lease.tidy()
    except DatabaseError:  # the database is away: the next round tries again
        logger.warning("Imports could not be tidied this time", exc_info=True)
        connection.close()
        return
    if settled or removed:
        logger.warning(
            "Imports tidied: %s stopped jobs settled, %s uploads removed", settled, removed
        )


def keep_tidying(stop: threading.Event) -> None:
    try:
        while not stop.wait(import_lease.beat_every()):
            tidy_once()
    finally:
        connection.close()


class Command(db_worker.Command):
    help = (
        "Run the background worker (imports); it also settles imports whose worker died "
        "and removes uploads no import holds."
    )

    def handle(self, *args, **options):
        reloading = options["reload"] and not options["batch"]
        # With --reload the command runs twice: in the watching parent and in the child
        # that works. Only the child tidies.
        if not reloading or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            tidy_once()
            connection.close()  # the worker opens its own when it starts
            stop = threading.Event()
            threading.Thread(
                target=keep_tidying, args=(stop,), name="import-janitor", daemon=True
            ).start()
        super().handle(*args, **options)
