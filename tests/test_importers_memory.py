"""Memory stays flat: a 200 MB Apple Health export streams in well under 100 MB."""

import tracemalloc
from zoneinfo import ZoneInfo

from journal import importers
from journal.importers import ImportedSession, Options
from tests.importer_files import apple_export_chunks

SIZE = 200 * 1024 * 1024


def test_a_200_mb_apple_health_export_streams_with_flat_memory(tmp_path):
    # Ten years of records would take as long to generate as to read: 10 MB of
    # them, written twenty times over, is the same work for the parser.
    head, *body, tail = apple_export_chunks(SIZE // 20)
    body = "".join(body)
    path = tmp_path / "export.xml"
    with path.open("w") as f:
        f.write(head)
        for _ in range(21):
            f.write(body)
        f.write(tail)
    workouts = 21 * body.count("<Workout ")
    assert path.stat().st_size > SIZE

    read = 0
    tracemalloc.start()
    try:
        for item in importers.read(path, "apple", Options(time_zone=ZoneInfo("Europe/London"))):
            assert isinstance(item, ImportedSession)
            read += 1
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read == workouts > 1000
    assert peak < 100 * 1024 * 1024
