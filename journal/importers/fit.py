"""Single activity files: FIT (also gzipped). Being written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from journal.importers.base import Item, Options, Progress

SOURCE = "fit"
STATES_UNIT = True


def detect(name: str, head: bytes) -> bool:
    return name.lower().endswith(".fit")


def read(path: Path, options: Options, progress: Progress = None) -> Iterator[Item]:
    raise NotImplementedError
