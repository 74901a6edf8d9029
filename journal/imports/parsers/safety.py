"""Opening an untrusted file: size limits, zip and gzip checks, text decoding.

Every parser opens its file through open_input(), which refuses before
reading anything a file that is empty or over MAX_FILE_BYTES, a zip whose
members point outside it (`../`, absolute paths), are too many, too large or
compressed too well to be real (a zip bomb), and stops a gzip or zip stream
the moment it inflates past the same limits. Text is decoded as its byte-order
mark says, else as UTF-8, else the file is refused with a clear message.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import gzip
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from xml.parsers import expat

from journal.imports.parsers.base import Progress, UnreadableFile

MAX_FILE_BYTES = 1 << 30  # the largest upload or file accepted: 1 GiB
MAX_MEMBER_BYTES = 8 << 30  # the largest file inside a zip or gzip, once inflated
MAX_TOTAL_BYTES = 16 << 30  # all members of a zip together, inflated
MAX_MEMBERS = 100_000
MAX_RATIO = 100  # inflated / compressed; real exports are near 10-20
RATIO_FLOOR = 1 << 20  # files smaller than 1 MiB inflated are never called bombs
MAX_LINE_CHARS = 1 << 20
HEAD_BYTES = 64 * 1024

ZIP_MAGIC = b"PK\x03\x04"
GZIP_MAGIC = b"\x1f\x8b"


def _size_text(n: int) -> str:
    return f"{n / (1 << 30):.1f} GB" if n >= 1 << 30 else f"{n / (1 << 20):.1f} MB"


def check_file(path: Path) -> int:
    """The file's size, or UnreadableFile when it is empty or over the limit."""
    try:
        size = path.stat().st_size
    except OSError:
        raise UnreadableFile("The file could not be opened.") from None
    if size == 0:
        raise UnreadableFile("The file is empty.")
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(
            f"The file is {_size_text(size)}; the limit is {_size_text(MAX_FILE_BYTES)}. "
            "For Apple Health, upload export.zip rather than export.xml."
        )
    return size


def _unsafe_name(name: str) -> bool:
    if "\x00" in name or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return True
    return ".." in PurePosixPath(name.replace("\\", "/")).parts


def check_zip(archive: zipfile.ZipFile) -> None:
    """Refuses a zip before inflating anything in it."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UnreadableFile(f"The zip holds more than {MAX_MEMBERS:,} files.")
    total = 0
    for info in members:
        if _unsafe_name(info.filename):
            raise UnreadableFile(
                f"The zip holds a file named {info.filename[:80]!r}, which points "
                "outside the archive; it was not opened."
            )
        if info.flag_bits & 0x1:
            raise UnreadableFile("The zip is password-protected.")
        if info.file_size > MAX_MEMBER_BYTES:
            raise UnreadableFile(f"{info.filename[:80]!r} in the zip is too large to read.")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnreadableFile(
                "The zip inflates far beyond its size, as a zip bomb does; it was not opened."
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise UnreadableFile("The zip is too large once unpacked.")


class _Guarded(io.RawIOBase):
    """Reads a stream, stops it past `limit` bytes (or, for gzip, past
    MAX_RATIO times the compressed bytes consumed), and reports progress
    (done, total) about a hundred times over the file."""

    def __init__(self, inner, *, limit: int, total: int, position, compressed=None, progress=None):
        self.inner, self.limit, self.total = inner, limit, total
        self.position, self.compressed, self.progress = position, compressed, progress
        self.read_bytes = 0
        self.last = 0
        self.step = max(total // 100, 1 << 20)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            data = self.inner.read(len(buffer))
        except (zlib.error, EOFError, OSError, zipfile.BadZipFile) as error:
            raise UnreadableFile("The file is damaged and could not be read to its end.") from error
        n = len(data)
        buffer[:n] = data
        self.read_bytes += n
        if self.read_bytes > self.limit:
            raise UnreadableFile("The file inflates past the size limit; it was not read.")
        if (
            self.compressed
            and self.read_bytes > RATIO_FLOOR
            and self.read_bytes > MAX_RATIO * max(self.compressed(), 1)
        ):
            raise UnreadableFile("The file inflates far beyond its size, as a zip bomb does.")
        if self.progress:
            done = self.position(self.read_bytes)
            if n == 0 or done - self.last >= self.step:
                self.last = done
                self.progress(self.total if n == 0 else min(done, self.total), self.total)
        return n


@contextlib.contextmanager
def open_input(
    path: Path, pick: Callable[[list[str]], str | None] | None = None, progress: Progress = None
) -> Iterator[io.BufferedReader]:
    """The file's bytes as a buffered stream: a plain file, a gzip file
    inflated, or the zip member `pick` chooses from the member names."""
    size = check_file(path)
    with path.open("rb") as raw:
        magic = raw.read(4)
        raw.seek(0)
        if magic.startswith(ZIP_MAGIC):
            try:
                archive = zipfile.ZipFile(raw)
            except (zipfile.BadZipFile, OSError, ValueError):
                raise UnreadableFile("The file looks like a zip but is damaged.") from None
            with archive:
                check_zip(archive)
                name = pick(archive.namelist()) if pick else None
                if name is None:
                    raise UnreadableFile("The zip holds no file this import reads.")
                info = archive.getinfo(name)
                # zipfile never inflates a member past its declared size, which
                # check_zip has bounded in size and ratio.
                with archive.open(info) as member:
                    guarded = _Guarded(
                        member,
                        limit=info.file_size,
                        total=info.file_size,
                        position=lambda n: n,
                        progress=progress,
                    )
                    yield io.BufferedReader(guarded, 1 << 16)
        elif magic.startswith(GZIP_MAGIC):
            with gzip.GzipFile(fileobj=raw, mode="rb") as inflated:
                guarded = _Guarded(
                    inflated,
                    limit=MAX_MEMBER_BYTES,
                    total=size,
                    position=lambda n: raw.tell(),
                    compressed=raw.tell,
                    progress=progress,
                )
                yield io.BufferedReader(guarded, 1 << 16)
        else:
            guarded = _Guarded(raw, limit=size, total=size, position=lambda n: n, progress=progress)
            yield io.BufferedReader(guarded, 1 << 16)


def head(path: Path, pick: Callable[[list[str]], str | None] | None = None) -> bytes:
    """The first bytes of the file (inflated), for detection."""
    with open_input(path, pick) as stream:
        return stream.read(HEAD_BYTES)


def encoding(stream: io.BufferedReader) -> str:
    start = stream.peek(4)[:4]
    if start.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8"


def lines(stream: io.BufferedReader) -> Iterator[str]:
    """Text lines, decoded as the byte-order mark says or else as UTF-8."""
    text = io.TextIOWrapper(stream, encoding=encoding(stream), errors="strict", newline="")
    try:
        while line := text.readline(MAX_LINE_CHARS):
            if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
                raise UnreadableFile("The file has a line too long to be a CSV row.")
            yield line
    except UnicodeError:
        raise UnreadableFile(
            "The file is not UTF-8 text and has no byte-order mark naming its encoding. "
            "Export it again as UTF-8."
        ) from None


def csv_rows(stream: io.BufferedReader) -> Iterator[tuple[int, list[str]]]:
    """(row number as a spreadsheet shows it, cells): the header is row 1."""
    reader = csv.reader(lines(stream))
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as error:
        raise UnreadableFile(f"The file is not a CSV this import can read ({error}).") from None


def text_head(data: bytes) -> str:
    """The start of a file as text, leniently, for detection only."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, errors="ignore")
    return data.decode("utf-8", errors="ignore")


MAX_ACTIVITY_BYTES = 64 << 20  # one GPX activity read whole (a day at 1 Hz is ~17 MB)


class XmlForbidden(Exception):
    """The XML declares an entity or reaches for an external one."""


def _forbid(*_args):
    raise XmlForbidden


def xml_parser(namespace_separator: str | None = None):
    """An expat parser with the guards defusedxml installs: any entity
    declaration (the billion laughs) or external entity refuses the file,
    and parameter entities are never read."""
    parser = expat.ParserCreate(namespace_separator=namespace_separator)
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


@contextlib.contextmanager
def xml_errors(what: str):
    """Turns a refused or malformed XML file into UnreadableFile."""
    try:
        yield
    except XmlForbidden:
        raise UnreadableFile(
            f"The XML declares entities, which {what} never does; it was not read."
        ) from None
    except expat.ExpatError as error:
        raise UnreadableFile(
            f"The XML is not well formed (line {error.lineno}): {expat.ErrorString(error.code)}."
        ) from None


def feed(parser, stream: io.BufferedReader, chunk: int = 1 << 20) -> Iterator[None]:
    """Feeds the stream to the parser a chunk at a time, pausing after each."""
    while data := stream.read(chunk):
        parser.Parse(data, False)
        yield
    parser.Parse(b"", True)
    yield


def read_whole(stream: io.BufferedReader, limit: int = MAX_ACTIVITY_BYTES) -> bytes:
    """A single activity file's bytes, refused past `limit`."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise UnreadableFile(
            f"The file is over {_size_text(limit)}, more than one activity could hold."
        )
    return data
