"""The one way to the portal's stored files: evidence, a stage's files, generated documents.

They live behind Django's storage API (`default_storage`): the media folder in the embedded default, an
S3-compatible object store (`core.storage.ObjectStorage`) in service mode, so that web machines and workers on
several hosts see the same files. Every module that keeps, reads, serves, copies or removes a stored file asks
here; none opens MEDIA_ROOT itself. Temporary files (an upload as it streams in) stay on the local disk.

A stored name comes from a database row, and a row can come from a crafted snapshot or a hand edit: a name
leading out of the store (`../../cdd4/settings.py`, `/etc/passwd`, a symlink out of the folder) is refused here,
logged, and reads as missing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import posixpath
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.core.files.move import file_move_safe
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase

if TYPE_CHECKING:  # core.storage imports boto3, which a process on disk never needs
    from core.storage import ObjectStorage

logger = logging.getLogger(__name__)


def _object_store() -> ObjectStorage:
    """The storage as the object store it is when the files are not on disk (core.storage adds its own methods)."""
    return cast("ObjectStorage", default_storage)


def resolve_under(root: Path, name: str) -> Path | None:
    """`root / name` with every `..` and symlink resolved, or None when that lands outside `root` (or on it)."""
    base = Path(root).resolve()
    try:
        path = (base / name).resolve() if name else base
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL byte: not a name we follow
        return None
    return path if path != base and path.is_relative_to(base) else None


def on_disk() -> bool:
    """Whether the store is the local media folder (else an object store reached over the network)."""
    return not settings.CDD4_OBJECT_STORE


def safe_name(name: str) -> str | None:
    """The name, or None (logged) when it would lead out of the store."""
    if on_disk():
        ok = bool(name) and resolve_under(Path(settings.MEDIA_ROOT), name) is not None
    else:
        # A key is any text to S3; ours are plain relative paths, the same as they would be on disk.
        ok = "\\" not in name and "\0" not in name and all(p not in ("", ".", "..") for p in name.split("/"))
    if not ok:
        logger.warning("stored file name outside the store refused: %r", name)
        return None
    return name


def put(name: str, local: str | Path) -> None:
    """Keeps the local file `local` under `name`, and removes `local`. On disk a rename on one filesystem,
    so the final name never shows a half-written file; in an object store an upload (multipart when large),
    which shows the object only once whole."""
    if on_disk():
        target = Path(settings.MEDIA_ROOT) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            file_move_safe(str(local), str(target), allow_overwrite=False)
            os.chmod(target, 0o640)
        except OSError:
            target.unlink(missing_ok=True)
            raise
        return
    _object_store().put_file(name, str(local))  # names are made unique by the caller (a uuid)
    os.unlink(local)


def delete(name: str) -> None:
    if safe_name(name) is not None:
        default_storage.delete(name)


def delete_all(folder: str) -> None:
    """Every stored file under a folder, and on disk the folders themselves (an object store has none)."""
    for name in list(names_under(folder)):
        delete(name)
    if on_disk() and safe_name(folder) is not None:
        shutil.rmtree(Path(settings.MEDIA_ROOT) / folder, ignore_errors=True)


def exists(name: str) -> bool:
    return safe_name(name) is not None and default_storage.exists(name)


def open_stored(name: str):
    """The stored file for reading, a block at a time; FileNotFoundError when it is not there (or may not
    be followed)."""
    if safe_name(name) is None:
        raise FileNotFoundError(name)
    return default_storage.open(name, "rb") if on_disk() else _object_store().stream(name)


def copy_out(name: str, target: Path) -> bool:
    """Copies a stored file to a local path (its folders made); False when it is not there."""
    try:
        source = open_stored(name)
    except FileNotFoundError:
        return False
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    with source, open(target, "wb") as out:
        shutil.copyfileobj(source, out, 1 << 20)
    return True


def sha256(name: str) -> str:
    digest = hashlib.sha256()
    with open_stored(name) as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def copy_in(local: Path, name: str) -> None:
    """Stores a copy of a local file under `name` (restore); the local file stays."""
    with tempfile.NamedTemporaryFile(dir=upload_tmp_dir(), delete=False) as copy:
        with open(local, "rb") as source:
            shutil.copyfileobj(source, copy, 1 << 20)
    put(name, copy.name)


@contextmanager
def local_path(name: str) -> Iterator[Path]:
    """A local path holding the stored file for tools that need one (ffprobe, a ZIP): the file itself on
    disk, a temporary copy removed afterwards from an object store."""
    if on_disk():
        if safe_name(name) is None or not default_storage.exists(name):
            raise FileNotFoundError(name)
        yield Path(default_storage.path(name))
        return
    with tempfile.NamedTemporaryFile(dir=upload_tmp_dir(), suffix=Path(name).suffix) as copy:
        if not copy_out(name, Path(copy.name)):
            raise FileNotFoundError(name)
        yield Path(copy.name)


def names_under(prefix: str) -> Iterator[str]:
    """Every stored name under a folder, depth first (the sweep of unnamed files, the restore's emptiness)."""
    try:
        folders, files = default_storage.listdir(prefix)
    except FileNotFoundError:
        return
    for file in sorted(files):
        yield posixpath.join(prefix, file) if prefix else file
    for folder in sorted(folders):
        yield from names_under(posixpath.join(prefix, folder) if prefix else folder)


def size(name: str) -> int:
    """The stored file's size in bytes; 0 when it is not there."""
    try:
        return default_storage.size(name) if safe_name(name) is not None else 0
    except FileNotFoundError:
        return 0


def modified(name: str) -> datetime:
    return default_storage.get_modified_time(name)


def free_bytes() -> int | None:
    """Free space of the local store; None for an object store (it has no disk of ours to fill)."""
    if not on_disk():
        return None
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    return shutil.disk_usage(media).free


def upload_tmp_dir() -> Path:
    """Where uploads stream in before they are checked: on the media folder's filesystem, so that keeping
    one on disk is a rename, not a copy."""
    path = Path(settings.MEDIA_ROOT) / "tmp"
    path.mkdir(parents=True, exist_ok=True)
    return path


def serve(name: str, *, content_type: str, disposition: str) -> HttpResponseBase:
    """The stored file for a browser that may have it, never streamed through Python in service mode:
    nginx's internal redirect (CDD4_X_ACCEL) or a short-lived presigned link to the object store, which
    answers with this content type and disposition. FileNotFoundError when it is not there."""
    if safe_name(name) is None:
        raise FileNotFoundError(name)
    if not on_disk():
        if not default_storage.exists(name):  # else the browser would meet the store's own error page
            raise FileNotFoundError(name)
        parameters = {"ResponseContentType": content_type, "ResponseContentDisposition": disposition}
        response: HttpResponseBase = HttpResponseRedirect(_object_store().url(name, parameters=parameters))
    elif settings.CDD4_X_ACCEL:
        # nginx serves the bytes from an `internal` location; Django only decides who may have them.
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.CDD4_X_ACCEL_PREFIX + name
    else:
        if not default_storage.exists(name):
            raise FileNotFoundError(name)
        response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    response["Content-Disposition"] = disposition
    response["Cache-Control"] = "private, no-store"
    return response
