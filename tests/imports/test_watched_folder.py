"""The watched folder (`manage.py import_activities --watch DIR`): each new FIT, GPX or TCX
file is imported once, after it stops changing; junk is logged once and left alone."""

import logging
import threading
import time

import pytest

from journal.imports.watch import FolderWatcher
from journal.models import Session
from tests.imports.importer_files import fit_file, gpx_xml, tcx_xml

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "watch"
    path.mkdir()
    return path


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def watcher(alice, folder, clock):
    return FolderWatcher(alice, folder, settle=2.0, clock=clock)


def arrive(watcher, path, data):
    path.write_bytes(data)
    watcher.note(path)


def test_a_file_appearing_is_imported_once_it_has_settled(watcher, folder, clock, alice):
    arrive(watcher, folder / "Morning_Run.fit", fit_file())
    assert watcher.settle_pending() == []  # not yet: it may still be written
    clock.now = 2.5
    [result] = watcher.settle_pending()
    assert result["report"]["sessions"] == 1
    assert Session.objects.get(owner=alice).source == "fit"
    clock.now = 10
    assert watcher.settle_pending() == []  # done with it


def test_a_half_written_file_waits_until_it_is_complete(watcher, folder, clock, alice):
    whole = fit_file()
    path = folder / "ride.fit"
    arrive(watcher, path, whole[: len(whole) // 2])
    clock.now = 1.5
    with path.open("ab") as handle:  # the copy goes on
        handle.write(whole[len(whole) // 2 :])
    watcher.note(path)
    clock.now = 3.0  # 3 s after the first half, 1.5 s after the rest: still waiting
    assert watcher.settle_pending() == []
    clock.now = 4.0
    [result] = watcher.settle_pending()
    assert result["report"]["sessions"] == 1
    assert result["report"]["rejected"] == []
    session = Session.objects.get(owner=alice)
    assert session.minutes == 31  # the whole file's 1830.4 s, not a truncated read


def test_a_junk_file_is_logged_once_and_not_retried(watcher, folder, clock, caplog):
    caplog.set_level(logging.INFO, logger="journal.imports.watch")
    path = folder / "broken.fit"
    arrive(watcher, path, b"this is not a FIT file at all")
    clock.now = 3
    [result] = watcher.settle_pending()
    assert "error" in result
    for tick in range(4, 10):  # the watcher keeps running; the file is left alone
        clock.now = tick
        watcher.note(path)
        assert watcher.settle_pending() == []
    refusals = [r for r in caplog.records if "broken.fit: not imported" in r.getMessage()]
    assert len(refusals) == 1
    assert not Session.objects.exists()
    (folder / "notes.txt").write_text("shopping list")  # not an activity file at all
    watcher.note(folder / "notes.txt")
    assert watcher.pending == {}


def test_the_same_file_copied_twice_is_one_session(watcher, folder, clock, alice, caplog):
    caplog.set_level(logging.INFO, logger="journal.imports.watch")
    arrive(watcher, folder / "run.gpx", gpx_xml().encode())
    arrive(watcher, folder / "run (1).gpx", gpx_xml().encode())
    clock.now = 3
    results = watcher.settle_pending()
    assert len(results) == 1
    assert "the same content as" in caplog.text
    assert Session.objects.filter(owner=alice).count() == 1


def test_a_restarted_watcher_reads_the_folder_and_adds_nothing_twice(alice, folder, clock):
    (folder / "a.tcx").write_text(tcx_xml())
    first = FolderWatcher(alice, folder, settle=2.0, clock=clock)
    first.scan()
    clock.now = 3
    assert first.settle_pending()[0]["report"]["sessions"] == 1
    (folder / "b.fit").write_bytes(fit_file())  # arrives while the watcher is stopped
    again = FolderWatcher(alice, folder, settle=2.0, clock=clock)
    again.scan()
    clock.now = 6
    reports = {r["file"]: r["report"] for r in again.settle_pending()}
    assert (reports["a.tcx"]["sessions"], reports["a.tcx"]["skipped"]) == (0, 1)
    assert reports["b.fit"]["sessions"] == 1
    assert Session.objects.filter(owner=alice).count() == 2


def test_the_real_watch_loop_picks_up_a_file_written_later(alice, folder):
    """watchfiles itself: the loop runs here; another thread copies a file in."""
    watcher = FolderWatcher(alice, folder, settle=0.3)
    stop = threading.Event()

    def copy_in_then_stop():
        time.sleep(1.0)
        (folder / "sub").mkdir()
        (folder / "sub" / "evening.fit").write_bytes(fit_file())
        deadline = time.monotonic() + 60
        while not watcher.results and time.monotonic() < deadline:
            time.sleep(0.1)
        stop.set()

    helper = threading.Thread(target=copy_in_then_stop)
    helper.start()
    watcher.run(stop_event=stop, tick_ms=100)
    helper.join()
    assert [r["file"] for r in watcher.results] == ["sub/evening.fit"]
    assert Session.objects.filter(owner=alice).count() == 1


def test_the_command_refuses_a_missing_folder(alice):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="No folder"):
        call_command("import_activities", "--user", "alice", "--watch", "/no/such/folder")
    with pytest.raises(CommandError, match="Name the file"):
        call_command("import_activities", "--user", "alice")


def test_the_command_stops_cleanly_on_sigterm(alice, folder, monkeypatch, caplog):
    """As a service (systemd's stop): SIGTERM ends the watch and the command returns."""
    import os
    import signal

    from django.core.management import call_command

    caplog.set_level(logging.INFO, logger="journal.imports.watch")
    seen = {}

    def run(self, stop_event=None, tick_ms=500):
        seen["folder"] = self.folder
        os.kill(os.getpid(), signal.SIGTERM)
        seen["stopped"] = stop_event.wait(10)

    monkeypatch.setattr(FolderWatcher, "run", run)
    before = signal.getsignal(signal.SIGTERM)
    call_command("import_activities", "--user", "alice", "--watch", str(folder))
    assert seen == {"folder": folder.resolve(), "stopped": True}
    assert "Stopped watching" in caplog.text
    assert signal.getsignal(signal.SIGTERM) == before
