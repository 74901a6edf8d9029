"""Parsers for the apps people already use (../shared/design/imports.md).

Pure and streaming: no Django, bounded memory. The web flow and the command
call detect() to name a file's source, preview() to show what an import would
do, then read() to get every row; nothing here writes to the journal.

    source = detect(path, "export.zip")          # "apple", or None if unknown
    items = read(path, source, Options(time_zone=ZoneInfo("Europe/Paris")))

Each item is an ImportedSession, ImportedCheckIn or Rejected (base.py). A file
that cannot be read at all raises UnreadableFile with a message for the person:
detect() and preview() raise it at once, read() as it is iterated (so a
failure half-way through must discard what was read: one transaction).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from journal.imports.parsers import apple, daylio, fit, garmin, gpx, safety, strava, tcx
from journal.imports.parsers.activities import map_activity
from journal.imports.parsers.base import (
    ImportedCheckIn,
    ImportedSession,
    Item,
    Options,
    Progress,
    Rejected,
    UnreadableFile,
)
from journal.imports.parsers.daylio import DEFAULT_MOOD_LABELS

__all__ = [
    "DEFAULT_MOOD_LABELS",
    "SOURCES",
    "ImportedCheckIn",
    "ImportedSession",
    "LabelCount",
    "Options",
    "Preview",
    "Rejected",
    "TypeCount",
    "UnreadableFile",
    "detect",
    "map_activity",
    "preview",
    "read",
]

# In the order detect() tries them: the most specific signatures first.
SOURCES = {
    "strava": strava,
    "garmin": garmin,
    "apple": apple,
    "fit": fit,
    "gpx": gpx,
    "tcx": tcx,
    "daylio": daylio,
}
_DETECT_ORDER = ["fit", "apple", "tcx", "gpx", "daylio", "strava", "garmin"]


def _zip_candidates(names: list[str]) -> list[str]:
    wanted = []
    for name in names:
        base = PurePosixPath(name).name.lower()
        if base in ("activities.csv", "export.xml") or base.endswith(".csv"):
            wanted.append(name)
    # The shallowest first: activities.csv at the top of a Strava export.
    return sorted(wanted, key=lambda n: (n.count("/"), n))[:20]


def _detect_head(name: str, head: bytes) -> str | None:
    for source in _DETECT_ORDER:
        if SOURCES[source].detect(name, head):
            return source
    return None


def detect(path: Path, name: str) -> str | None:
    """The source of the file at `path` (uploaded as `name`), or None.

    Raises UnreadableFile for a file that cannot be read at all (empty, too
    large, a hostile zip), so the person hears why rather than "unknown".
    """
    safety.check_file(path)
    with path.open("rb") as raw:
        magic = raw.read(4)
    if magic.startswith(safety.ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as archive:
                safety.check_zip(archive)
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            raise UnreadableFile("The file looks like a zip but is damaged.") from None
        for member in _zip_candidates(names):
            head = safety.head(path, pick=lambda _names, m=member: m)
            found = _detect_head(PurePosixPath(member).name, head)
            if found in ("strava", "apple"):
                return found
        return None
    head = safety.head(path)
    if magic.startswith(safety.GZIP_MAGIC) and name.lower().endswith(".gz"):
        name = name[:-3]
    return _detect_head(name, head)


def read(path: Path, source: str, options: Options, progress: Progress = None) -> Iterator[Item]:
    """Every row of the file as an ImportedSession, ImportedCheckIn or Rejected."""
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}")
    return SOURCES[source].read(path, options, progress)


@dataclass(frozen=True)
class TypeCount:
    source_type: str
    count: int
    mapping: tuple[str, str] | None  # None = unknown: imported as mixed unless mapped


@dataclass(frozen=True)
class LabelCount:
    label: str
    count: int  # entries with this label (a day with several entries counts each)
    mood: int | None  # None = unmapped: the import cannot run until it is mapped


@dataclass
class Preview:
    source: str
    sessions: int = 0
    checkins: int = 0
    rejected_count: int = 0
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    types: list[TypeCount] = field(default_factory=list)  # most frequent first
    labels: list[LabelCount] = field(default_factory=list)  # most frequent first
    unit_stated: bool = True  # False: the file does not say its distance unit (Garmin)
    rows: list[ImportedSession | ImportedCheckIn] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    # Every session's own id and every check-in's date, to count what a journal holds.
    source_ids: set[str] = field(default_factory=set)
    days: set[dt.date] = field(default_factory=set)
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (line, what was left out)

    @property
    def unknown_types(self) -> int:
        return sum(t.count for t in self.types if t.mapping is None)

    @property
    def unmapped_labels(self) -> list[str]:
        return [label.label for label in self.labels if label.mood is None]


def preview(
    path: Path, source: str, options: Options, limit: int = 10, progress: Progress = None
) -> Preview:
    """Reads the whole file once and sums up what an import would do (a 1 GB
    Apple export takes a minute or two: progress reports as read() does)."""
    result = Preview(source=source, unit_stated=SOURCES[source].STATES_UNIT)
    types: Counter[str] = Counter()
    for item in read(path, source, options, progress):
        if isinstance(item, Rejected):
            result.rejected.append(item)
            continue
        if isinstance(item, ImportedSession):
            result.sessions += 1
            types[item.source_type] += 1
            if item.source_id:
                result.source_ids.add(item.source_id)
            result.warnings.extend((item.line, text) for text in item.warnings)
        else:
            result.checkins += 1
            result.days.add(item.date)
        if len(result.rows) < limit:
            result.rows.append(item)
        if result.first_date is None or item.date < result.first_date:
            result.first_date = item.date
        if result.last_date is None or item.date > result.last_date:
            result.last_date = item.date
    result.rejected_count = len(result.rejected)
    result.types = [
        TypeCount(t, n, map_activity(source, t, options.activity_map))
        for t, n in types.most_common()
    ]
    if source == "daylio":
        result.labels = [
            LabelCount(label, n, daylio.mood_for(label, options.mood_map))
            for label, n in daylio.label_counts(path).most_common()
        ]
    return result
