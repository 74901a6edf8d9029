"""Work started at the same moment in threads, for the tests of concurrent writers."""

import threading

import pytest
from django.db import connection

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason=(
        "needs PostgreSQL (DATABASE_URL=postgres://...): the SQLite test database lives in "
        "memory on one shared connection, where a second writer gets a table-lock error "
        "instead of waiting, so writers at the same moment cannot be tested"
    ),
)


def at_once(*calls) -> list:
    """Each call in a thread of its own, all released together; their results, in order.
    Each thread closes the database connection it opened."""
    results = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(index, call):
        start.wait()
        try:
            results[index] = call()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
