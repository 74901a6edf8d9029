"""Memory stays flat: a 200 MB Apple Health export streams in well under 100 MB."""

import json
import subprocess
import sys
from pathlib import Path

from tests.imports.importer_files import apple_export_chunks

SIZE = 200 * 1024 * 1024
ROOT = Path(__file__).resolve().parents[2]

# The export is read in a fresh interpreter, and its peak resident memory is the measure:
# it counts the interpreter, the importer modules, expat's own buffers and every Python
# object, where tracemalloc counts Python's allocations only (and slows the parse down four
# times over). The peak is the kernel's VmHWM: resource's ru_maxrss would start at this
# pytest process's own peak, which Linux carries over into a child it starts.
READ_IN_A_FRESH_INTERPRETER = """
import json, sys
from pathlib import Path
from zoneinfo import ZoneInfo

from journal.imports import parsers as importers
from journal.imports.parsers import ImportedSession, Options

def peak_kib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

options = Options(time_zone=ZoneInfo("Europe/London"))
before = peak_kib()
read = 0
for item in importers.read(Path(sys.argv[1]), "apple", options):
    assert isinstance(item, ImportedSession), item
    read += 1
print(json.dumps({"read": read, "before_kib": before, "peak_kib": peak_kib()}))
"""


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
    del body
    assert path.stat().st_size > SIZE

    try:
        done = subprocess.run(
            [sys.executable, "-c", READ_IN_A_FRESH_INTERPRETER, str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        path.unlink()  # pytest keeps the last runs' temporary folders: not 200 MB each
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["read"] == workouts > 1000
    assert result["peak_kib"] * 1024 < 100 * 1024 * 1024, result
