"""A watched folder: each FIT, GPX or TCX file a watch or a sync tool drops there is
imported once into one person's journal (`manage.py import_activities --watch DIR`).

- A file is read only once it has stopped changing: the same size and modification time
  for `settle` seconds (a USB copy or a download still being written is waited for).
- Each file goes through the same import as an upload (journal.imports.pipeline), so a
  session whose source id the journal holds is skipped: the same activity copied twice,
  or the watcher restarted over a folder it has read before, adds nothing.
- A file that cannot be read is logged once and left alone until its content changes:
  its content digest is remembered, so it is never retried in a loop.
- The folder is read whole when the watcher starts, so files that arrived while it was
  stopped are imported too. Hidden and temporary files (".name", "~name", a sync tool's
  part files) are ignored; they are renamed to their real name when complete.
"""

import hashlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import watchfiles

from journal.core.services import profile_for
from journal.imports.parsers import UnreadableFile
from journal.imports.pipeline import import_file, make_options, summary

SOURCES = {".fit": "fit", ".gpx": "gpx", ".tcx": "tcx"}
SETTLE_SECONDS = 2.0
log = logging.getLogger(__name__)


def wanted(path: Path) -> bool:
    return path.suffix.lower() in SOURCES and not path.name.startswith((".", "~"))


def digest_of(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


@dataclass
class FolderWatcher:
    owner: object
    folder: Path
    settle: float = SETTLE_SECONDS
    clock: object = time.monotonic
    # path -> ((size, mtime_ns), when that state was first seen)
    pending: dict = field(default_factory=dict)
    handled: dict = field(default_factory=dict)  # content digest -> the first file's name
    results: list = field(default_factory=list)  # what each handled file gave, in order

    def note(self, path: Path) -> None:
        """A file appeared or changed: look at it again once it has settled."""
        if not wanted(path):
            return
        try:
            stat = path.stat()
        except OSError:  # gone again (a sync tool's rename)
            self.pending.pop(path, None)
            return
        state = (stat.st_size, stat.st_mtime_ns)
        seen = self.pending.get(path)
        if seen is None or seen[0] != state:
            self.pending[path] = (state, self.clock())

    def scan(self, folder: Path | None = None) -> None:
        for path in sorted((folder or self.folder).rglob("*")):
            if path.is_file():
                self.note(path)

    def settle_pending(self) -> list[dict]:
        """Import each waiting file that has not changed for `settle` seconds."""
        done = []
        for path in sorted(self.pending):
            state, since = self.pending[path]
            self.note(path)  # changed since? then it waits again
            if self.pending.get(path) == (state, since) and self.clock() - since >= self.settle:
                del self.pending[path]
                done.append(self.handle(path))
        return [result for result in done if result]

    def handle(self, path: Path) -> dict | None:
        name = str(path.relative_to(self.folder))
        try:
            digest = digest_of(path)
        except OSError as error:
            log.warning("%s: could not be read (%s); skipped", name, error.strerror)
            return None
        if digest in self.handled:
            log.info("%s: the same content as %s, already handled", name, self.handled[digest])
            return None
        self.handled[digest] = name
        source = SOURCES[path.suffix.lower()]
        try:
            report = import_file(self.owner, path, source, make_options(profile_for(self.owner)))
        except UnreadableFile as refusal:
            log.warning("%s: not imported: %s It is skipped until it changes.", name, refusal)
            result = {"file": name, "error": str(refusal)}
        except Exception:  # one file's bug must not stop the watcher for every later file
            log.exception("%s: the import failed; skipped until the file changes", name)
            result = {"file": name, "error": "the import failed"}
        else:
            for row in report["rejected"]:
                log.warning("%s: rejected line %s: %s", name, row["line"], row["reason"])
            log.info("%s: %s", name, summary(report))
            result = {"file": name, "report": report}
        self.results.append(result)
        return result

    def run(self, stop_event=None, tick_ms: int = 500) -> None:
        """Import what is in the folder, then each new file, until `stop_event` is set
        (or Ctrl-C)."""
        log.info("Watching %s for FIT, GPX and TCX files", self.folder)
        self.scan()
        changes_of = watchfiles.watch(
            self.folder,
            # Folders too: files copied in with a new folder may land before it is watched.
            watch_filter=lambda _change, name: wanted(Path(name)) or Path(name).is_dir(),
            stop_event=stop_event,
            yield_on_timeout=True,
            rust_timeout=tick_ms,
            debounce=tick_ms,
        )
        self.settle_pending()
        for changes in changes_of:
            for change, name in changes:
                path = Path(name)
                if change == watchfiles.Change.deleted:
                    self.pending.pop(path, None)
                elif path.is_dir():
                    self.scan(path)
                else:
                    self.note(path)
            self.settle_pending()
