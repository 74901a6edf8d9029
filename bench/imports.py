"""Import parsers benchmark, run by hand: `.venv/bin/python bench/imports.py`.

Generates, in a temporary folder, a 1 GB Apple Health export.xml (heart-rate
records as Apple writes them, a workout every 200 records) and ten years of
Strava activities (about 4,400 rows, as activities.csv in a bulk-export zip),
then times each parse through journal.imports.parsers.read and prints rows per
second and peak memory. Figures are printed, never asserted.

    --apple-mb N   size of the Apple export in MB of 10^6 bytes (default 1000: 1 GB,
                   just under the 1 GiB limit of a single file)
    --tracemalloc  also trace Python allocations (about three times slower)

Peak memory is the process's resident high-water mark (ru_maxrss) before and
after the parse, and with --tracemalloc the peak of traced allocations.
"""

import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journal.imports import parsers as importers  # noqa: E402
from tests.imports.importer_files import (  # noqa: E402
    STRAVA_HEADER,
    apple_export_chunks,
    csv_text,
    strava_row,
    zip_bytes,
)

OPTIONS = importers.Options(time_zone=ZoneInfo("Europe/Paris"))
STRAVA_TYPES = ["Run", "Ride", "Walk", "Weight Training", "Yoga", "Swim", "Workout", "Hike"]


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def strava_export(years: int = 10) -> bytes:
    rnd = random.Random(3)
    rows = [STRAVA_HEADER]
    day = dt.datetime(2016, 1, 1, 7, 0)
    n = 0
    while day < dt.datetime(2016 + years, 1, 1):
        for _ in range(rnd.choice([0, 1, 1, 1, 2])):
            n += 1
            kind = rnd.choice(STRAVA_TYPES)
            start = day + dt.timedelta(minutes=rnd.randint(0, 720))
            rows.append(
                strava_row(
                    id=str(10_000_000 + n),
                    date=start.strftime("%b %-d, %Y, %-I:%M:%S %p"),
                    name=f"{kind} number {n}",
                    type=kind,
                    description=rnd.choice(["", "Easy going", "Hard intervals, legs heavy"]),
                    elapsed=str(rnd.randint(600, 7200)),
                    distance=f"{rnd.uniform(0, 40):.2f}",
                    distance_si=f"{rnd.uniform(0, 40000):.1f}",
                    max_hr=str(rnd.randint(150, 195)),
                    avg_hr=f"{rnd.uniform(110, 160):.1f}",
                    rpe=rnd.choice(["", str(rnd.randint(1, 10))]),
                )
            )
        day += dt.timedelta(days=1)
    return zip_bytes({"activities.csv": csv_text(rows), "profile.csv": "Athlete ID\n1\n"})


def timed(path: Path, source: str, trace: bool) -> dict:
    rss_before = maxrss_mb()
    if trace:
        tracemalloc.start()
    start, cpu = time.perf_counter(), time.process_time()
    counts = {"sessions": 0, "checkins": 0, "rejected": 0}
    for item in importers.read(path, source, OPTIONS):
        if isinstance(item, importers.ImportedSession):
            counts["sessions"] += 1
        elif isinstance(item, importers.Rejected):
            counts["rejected"] += 1
        else:
            counts["checkins"] += 1
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1] / (1 << 20) if trace else None
    if trace:
        tracemalloc.stop()
    return {
        **counts,
        "seconds": seconds,
        "cpu": cpu,
        "rss_before": rss_before,
        "rss": maxrss_mb(),
        "peak": peak,
    }


def report(name: str, path: Path, result: dict, rows: int | None = None) -> None:
    size_mb = path.stat().st_size / 10**6
    rows = rows if rows is not None else result["sessions"] + result["rejected"]
    print(
        f"{name}: {size_mb:,.1f} MB file, {rows:,} rows read in {result['seconds']:.1f} s"
        f" ({result['cpu']:.1f} s of CPU: the machine may be shared)"
    )
    print(f"  {rows / result['seconds']:,.0f} rows/s, {size_mb / result['seconds']:,.1f} MB/s")
    print(
        f"  sessions {result['sessions']:,}, rejected {result['rejected']:,};"
        f" resident high-water {result['rss_before']:.0f} MB before, {result['rss']:.0f} MB after"
        + (f"; traced peak {result['peak']:.1f} MB" if result["peak"] is not None else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apple-mb", type=int, default=1000)
    parser.add_argument("--tracemalloc", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        strava = Path(folder) / "export_1.zip"
        strava.write_bytes(strava_export())
        report("Strava, 10 years (zip)", strava, timed(strava, "strava", args.tracemalloc))

        apple = Path(folder) / "export.xml"
        start = time.perf_counter()
        records = 0
        with apple.open("w") as f:
            for chunk in apple_export_chunks(args.apple_mb * 10**6 - 300_000):
                records += chunk.count("<Record ")
                f.write(chunk)
        print(f"(generated the Apple export in {time.perf_counter() - start:.0f} s)")
        result = timed(apple, "apple", args.tracemalloc)
        report(f"Apple Health, {args.apple_mb} MB export.xml (workouts)", apple, result)
        print(
            f"  {(records + result['sessions']) / result['seconds']:,.0f} records+workouts/s "
            f"({records:,} records skipped)"
        )


if __name__ == "__main__":
    main()
