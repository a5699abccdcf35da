"""What becomes of a complete upload sent in pieces (submissions/resumable.py): its pieces joined into one local
file, saved once by the service that saves any such file, and the row saying so in the same transaction; and the
pieces removed from the store."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext_lazy

from contests.actor import actor_of
from core import files
from core.errors import PortalError
from core.files import upload_tmp_dir
from stages.models import StageUpload
from stages.services import stage_file_submit

from . import services
from .models import Evidence, ResumableState, ResumableUpload

BLOCK = 1 << 20


def pieces_delete(upload: ResumableUpload) -> None:
    # The folder, not only the recorded pieces: a request killed between keeping a piece and recording it
    # leaves one the row never names.
    files.delete_all(f"tus/{upload.pk}")


class Received(File):
    """The finished file where it lies, for the services' checks (which move or copy it from there)."""

    def __init__(self, path: Path, name: str):
        super().__init__(open(path, "rb"), name=name)
        self.path = str(path)
        self.content_type = "application/octet-stream"

    def temporary_file_path(self) -> str:
        return self.path


def _joined(upload: ResumableUpload) -> Path:
    """The pieces, in order, as one local file for the checks (which move or copy it into the store)."""
    with tempfile.NamedTemporaryFile(dir=upload_tmp_dir(), suffix=".upload", delete=False) as whole:
        for name in upload.pieces:
            with files.open_stored(name) as piece:
                shutil.copyfileobj(piece, whole, BLOCK)
    return Path(whole.name)


def resumable_finish(upload: ResumableUpload) -> bool:
    """Saves the complete upload once; False where another process holds it or has finished it. The saved file
    and the row that says so commit together: a process killed between them leaves neither, and the sweep saves
    it later. Were the evidence committed first, the sweep would find the row still receiving and refuse the same
    bytes as sent twice, and the sender would read "refused" for a file that is kept. The row is claimed first
    (skipping one already claimed), so the request that took the last piece and the sweep never both save it."""
    refusal: PortalError | None = None
    with transaction.atomic():
        claimed = ResumableUpload.objects.select_for_update(skip_locked=True)
        if not claimed.filter(pk=upload.pk, state=ResumableState.RECEIVING).exists():
            return False
        try:
            with transaction.atomic():  # a service's failure rolls back its own part only
                saved = _saved(upload)
        except PermissionDenied:  # the office's role changed while the file was on its way
            refusal = PortalError(gettext_lazy("no longer allowed to send this file"), status=403)
        except PortalError as error:
            refusal = error
        if refusal is None:
            ResumableUpload.objects.filter(pk=upload.pk).update(state=ResumableState.SAVED, **saved)
        else:
            ResumableUpload.objects.filter(pk=upload.pk).update(
                state=ResumableState.REFUSED, refusal=str(refusal)[:500]
            )
    pieces_delete(upload)  # after the row says saved: a crash between leaves pieces for the expiry, not a hole
    if refusal is not None:
        upload.state = ResumableState.REFUSED
        raise refusal
    for name, value in saved.items():
        setattr(upload, name, value)
    upload.state = ResumableState.SAVED
    return True


def _saved(upload: ResumableUpload) -> dict[str, Evidence | StageUpload]:
    """The joined pieces, saved by the service that saves any such file, as of the moment the last byte arrived."""
    now = upload.received_at  # the time the last byte arrived is its time sent, whenever it is saved
    path = _joined(upload)
    received = Received(path, upload.filename)
    rubric, contest = upload.rubric, upload.contest  # one of the two (the row's check constraint)
    try:
        if rubric is not None:
            evidence = services.evidence_submit(
                user=upload.user,
                rubric=rubric,
                unit=upload.unit,
                criterion_code=upload.code,
                upload=received,
                description=upload.description,
                answers_round=upload.answers_round,
                now=now,
            )
            return {"evidence": evidence}
        assert contest is not None
        stage_upload = stage_file_submit(
            actor=actor_of(upload.user), contest=contest, unit=upload.unit, code=upload.code, upload=received, now=now
        )
        return {"stage_upload": stage_upload}
    finally:
        received.close()
        path.unlink(missing_ok=True)  # evidence moved it away; a stage's file was copied into the store
