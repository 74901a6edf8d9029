"""The import tasks' old dotted paths, kept for the tasks already queued.

django-tasks stores a task by its dotted path ("journal.tasks.run_import") and the worker
imports that path. The tasks live in journal.imports.tasks now; these names let a task
queued before the move still run. Nothing new should import from here.
"""

from journal.imports.tasks import prepare_import, run_import

__all__ = ["prepare_import", "run_import"]
