"""Import uploads: streamed to a private folder, refused past the size limit as they arrive.

Django would otherwise spool the whole body to a temporary file before the
view sees it; this handler writes the one file field straight into
settings.IMPORT_UPLOAD_DIR (outside STATIC_ROOT and MEDIA_ROOT), counts the
bytes as they come and stops reading at the limit.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers, StopUpload

from journal.imports.models import upload_dir

MB = 1024 * 1024
FIELD = "file"


def limit_bytes() -> int:
    return settings.IMPORT_MAX_MB * MB


def too_large_message(size: int | None = None) -> str:
    said = f"The file is {size / MB:,.0f} MB; " if size else "The file is too large; "
    return f"{said}the limit is {settings.IMPORT_MAX_MB:,} MB. Nothing was imported."


class StoredUpload(UploadedFile):
    """What the handler kept: a name for display and a path under the upload folder."""

    def __init__(self, path: Path, name: str, size: int):
        super().__init__(file=None, name=name, size=size)
        self.path = path


class ImportUploadHandler(FileUploadHandler):
    def __init__(self, request=None, limit: int | None = None):
        super().__init__(request)
        self.limit = limit_bytes() if limit is None else limit
        self.refused: str | None = None
        self.stored: StoredUpload | None = None
        self._path: Path | None = None
        self._out = None
        self._size = 0

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        if field_name != FIELD or self._path is not None:
            raise StopUpload(connection_reset=False)  # one file, in the one field
        folder = upload_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._path = folder / f"{secrets.token_hex(16)}.upload"
        descriptor = os.open(self._path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self._out = os.fdopen(descriptor, "wb")
        self._size = 0
        raise StopFutureHandlers

    def receive_data_chunk(self, raw_data, start):
        self._size += len(raw_data)
        if self._size > self.limit:
            self.refused = too_large_message()
            self.discard()
            raise StopUpload(connection_reset=True)
        self._out.write(raw_data)
        return None

    def file_complete(self, file_size):
        if self._out is None:
            return None
        self._out.close()
        self._out = None
        self.stored = StoredUpload(self._path, self.file_name or "upload", self._size)
        return self.stored

    def upload_interrupted(self):
        self.discard()

    def keep(self) -> Path:
        """Hand the stored file over (to its job): `discard` leaves it alone from now on."""
        path, self._path, self.stored = self._path, None, None
        return path

    def discard(self) -> None:
        """Remove whatever was written (refused, interrupted, or not kept by the view)."""
        if self._out is not None:
            self._out.close()
            self._out = None
        if self._path is not None:
            self._path.unlink(missing_ok=True)
        self.stored = None


def content_length(request) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0
