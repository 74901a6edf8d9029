"""Hostile files: a clear UnreadableFile, nothing yielded, never another exception."""

import gzip
import pathlib
import random
import struct
import zipfile
from zoneinfo import ZoneInfo

import pytest

from journal.imports import parsers as importers
from journal.imports.parsers import Options, UnreadableFile, safety
from tests.imports.importer_files import APPLE_TAIL, apple_workout, strava_csv, zip_bytes

OPTIONS = Options(time_zone=ZoneInfo("Europe/Paris"))


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def read_all(path, source):
    return list(importers.read(path, source, OPTIONS))


def junk(size=100_000):
    return random.Random(12).randbytes(size)


HOSTILE = {
    "empty": b"",
    "junk": junk(),
    "text": b"hello world\nthis is not an export\n",
    "nul bytes": b"Activity ID,Activity Date\n\x00\x00\x00\n",
    "gzip of junk": gzip.compress(junk(5000)),
    "not gzip": b"\x1f\x8b" + junk(5000),
    "zip of nothing relevant": zip_bytes({"readme.txt": "hello"}),
    "broken zip": b"PK\x03\x04" + junk(5000),
}


@pytest.mark.parametrize("source", list(importers.SOURCES))
@pytest.mark.parametrize("kind", list(HOSTILE))
def test_every_parser_refuses_every_hostile_file_with_a_clear_message(tmp_path, source, kind):
    path = write(tmp_path, "upload", HOSTILE[kind])
    with pytest.raises(UnreadableFile) as refused:
        read_all(path, source)
    message = str(refused.value)
    assert message[0].isupper()
    assert message.endswith(".")


@pytest.mark.parametrize("kind", ["junk", "text", "gzip of junk", "zip of nothing relevant"])
def test_detect_does_not_recognise_junk(tmp_path, kind):
    assert importers.detect(write(tmp_path, "upload.csv", HOSTILE[kind]), "upload.csv") is None


def test_an_empty_file(tmp_path):
    path = write(tmp_path, "activities.csv", b"")
    with pytest.raises(UnreadableFile, match="The file is empty."):
        importers.detect(path, "activities.csv")


def test_an_over_size_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "export.xml"
    with path.open("wb") as f:
        f.truncate(2 << 30)  # 2 GiB, sparse: nothing is written to disk

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(pathlib.Path, "open", no_reading)
    with pytest.raises(UnreadableFile, match="The file is 2.0 GB; the limit is 1.0 GB"):
        importers.detect(path, "export.xml")
    for source in importers.SOURCES:
        with pytest.raises(UnreadableFile, match="the limit is 1.0 GB"):
            read_all(path, source)


def zip_bomb():
    return zip_bytes({"activities.csv": strava_csv({}) + "\n" * (8 << 20)})


def test_a_zip_bomb_is_refused_before_anything_is_inflated(tmp_path, monkeypatch):
    path = write(tmp_path, "export.zip", zip_bomb())
    assert path.stat().st_size < 100_000
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *a, **k: pytest.fail("inflated"))
    with pytest.raises(UnreadableFile, match="zip bomb"):
        importers.detect(path, "export.zip")
    with pytest.raises(UnreadableFile, match="zip bomb"):
        read_all(path, "strava")


def test_a_zip_member_that_lies_about_its_size_is_stopped(tmp_path):
    data = bytearray(zip_bytes({"activities.csv": strava_csv({}) + "x" * 300_000}))
    # Claim 1,000 bytes inflated in both headers; zipfile then stops at 1,000
    # bytes and the checksum no longer matches.
    local = data.index(b"PK\x03\x04")
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, 1000)
    struct.pack_into("<I", data, central + 24, 1000)
    path = write(tmp_path, "export.zip", bytes(data))
    with pytest.raises(UnreadableFile, match="damaged"):
        read_all(path, "strava")


@pytest.mark.parametrize(
    "name", ["../activities.csv", "../../etc/cron.d/x", "/etc/passwd", "a/../../b.csv", "..\\x.csv"]
)
def test_a_zip_member_pointing_outside_the_archive_is_refused(tmp_path, name):
    path = write(tmp_path, "export.zip", zip_bytes({"activities.csv": strava_csv({}), name: "x"}))
    with pytest.raises(UnreadableFile, match="points outside the archive"):
        importers.detect(path, "export.zip")
    with pytest.raises(UnreadableFile, match="points outside the archive"):
        read_all(path, "strava")


def test_a_gzip_bomb_is_stopped_as_it_inflates(tmp_path):
    path = write(tmp_path, "ride.gpx.gz", gzip.compress(b"<gpx>" + b" " * (64 << 20)))
    with pytest.raises(UnreadableFile, match="zip bomb"):
        read_all(path, "gpx")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE {root} [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE {root} [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
"""
EXTERNAL_PARAMETER = """<?xml version="1.0"?>
<!DOCTYPE {root} [ <!ENTITY % ext SYSTEM "http://127.0.0.1:9/evil.dtd"> %ext; ]>
"""
BODIES = {
    "apple": ("HealthData", '<HealthData locale="en">' + apple_workout(kind="&lol9;") + APPLE_TAIL),
    "gpx": ("gpx", '<gpx version="1.1"><trk><name>&lol9;</name></trk></gpx>'),
    "tcx": ("TrainingCenterDatabase", "<TrainingCenterDatabase>&lol9;</TrainingCenterDatabase>"),
}


@pytest.mark.parametrize("prolog", [BILLION_LAUGHS, EXTERNAL, EXTERNAL_PARAMETER])
@pytest.mark.parametrize("source", list(BODIES))
def test_xml_declaring_entities_is_refused(tmp_path, source, prolog):
    root, body = BODIES[source]
    if prolog is not BILLION_LAUGHS:
        body = body.replace("&lol9;", "&xxe;" if prolog is EXTERNAL else "x")
    path = write(tmp_path, f"upload.{source}", prolog.format(root=root) + body)
    with pytest.raises(UnreadableFile, match="declares entities"):
        read_all(path, source)


def test_an_external_dtd_is_never_fetched(tmp_path):
    prolog = '<?xml version="1.0"?>\n<!DOCTYPE HealthData SYSTEM "http://127.0.0.1:9/x.dtd">\n'
    path = write(
        tmp_path, "export.xml", prolog + '<HealthData locale="en">' + apple_workout() + APPLE_TAIL
    )
    [session] = read_all(path, "apple")
    assert session.minutes == 31


def test_text_reading_refuses_a_line_too_long_for_a_csv(tmp_path, monkeypatch):
    monkeypatch.setattr(safety, "MAX_LINE_CHARS", 1000)
    path = write(tmp_path, "activities.csv", strava_csv({}) + "x" * 5000)
    with pytest.raises(UnreadableFile, match="line too long"):
        read_all(path, "strava")


def test_a_password_protected_zip_is_refused(tmp_path):
    data = bytearray(zip_bytes({"activities.csv": strava_csv({})}))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature)
        data[at + offset] |= 0x1
    with pytest.raises(UnreadableFile, match="password"):
        read_all(write(tmp_path, "export.zip", bytes(data)), "strava")


def test_a_zip_with_too_many_files_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(safety, "MAX_MEMBERS", 3)
    members = {f"activities/{n}.gpx": "<gpx/>" for n in range(3)}
    path = write(tmp_path, "export.zip", zip_bytes({"activities.csv": strava_csv({}), **members}))
    with pytest.raises(UnreadableFile, match="more than 3 files"):
        read_all(path, "strava")


def test_a_zip_member_too_large_once_unpacked_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(safety, "MAX_MEMBER_BYTES", 1000)
    path = write(tmp_path, "export.zip", zip_bytes({"activities.csv": strava_csv({}) * 5}))
    with pytest.raises(UnreadableFile, match="too large to read"):
        importers.detect(path, "export.zip")
