"""The worker's part (task `submissions.line_file`): each file of a chosen set fetched from LINE (a video or an
audio clip once LINE has finished preparing it) and kept through the upload service, evidence_submit, exactly as
a file sent on the criterion's page is (the same rights, the year not frozen, type by content, size, the
validators, a new version, the recompute, the committee told), marked as sent through LINE, at the moment LINE
says it was sent. A refused file is not kept; the chat is told once what was kept and what was not, and why.

Idempotent: each file is filed under its own row lock and marked with its evidence or its refusal, so a task run
twice (a worker killed, a redelivery) files each file once; a set filed is never filed again."""

from __future__ import annotations

import os
import tempfile
from enum import Enum

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from contests.actor import actor_of
from core.errors import PortalError
from core.files import upload_tmp_dir
from core.thai import be_strftime, local, thai_digits
from notices.channels.line.client import (
    LinePermanent,
    Transcoding,
    line_content,
    line_reply,
    line_transcoding,
)
from notices.channels.line.models import LineLink
from notices.public_url import absolute
from rubrics.models import ContestPeriod, Criterion
from schedule.selectors import criterion_url, entrant_obligations

from .. import services
from ..models import SentThrough
from .choices import choice_lives, choice_read
from .models import LineItem, LineSet, LineSetState

PREPARED = ("video", "audio")  # LINE transcodes these before their content can be fetched


class Filed(Enum):
    DONE = "done"  # every file kept or refused, the chat told
    WAITING = "waiting"  # LINE still prepares a video or audio clip: try again shortly
    NOTHING = "nothing"  # not a set waiting to be filed (filed already, or never chosen)


class Fetched(File):
    """A file fetched from LINE, on disk beside the media folder, as evidence_submit takes an upload."""

    def __init__(self, path: str, name: str) -> None:
        super().__init__(None, name)
        self.path = path

    def temporary_file_path(self) -> str:
        return self.path


def _refusal(item: LineItem, why: str) -> None:
    item.refusal = why[:500]
    item.save(update_fields=["refusal"])


def _not_allowed() -> str:
    return _("Your account may not send evidence for this criterion now.")


def _still_chosen(line_set: LineSet) -> str:
    """Why the set's choice no longer holds ("" while it does): its signature over this set's LINE user and
    files, tapped while it lived, and that LINE still linked to the account that sent them."""
    read = choice_read(line_set.choice, lambda pk: line_set if pk == line_set.pk else None)
    if read is None or line_set.chosen_at is None or not choice_lives(read[0], line_set.chosen_at):
        return _("The choice tapped no longer holds.")
    linked = LineLink.objects.filter(user=line_set.user, line_user_id=line_set.line_user_id, user__is_active=True)
    if not linked.exists():
        return _("This LINE is no longer linked to the account that sent the files.")
    return ""


def _fetch(item: LineItem) -> str:
    """The file's bytes in a temporary file; raises LinePermanent (gone, or LINE failed to prepare it) and
    LineRetryable (LINE busy or out of reach)."""
    data = line_content(message_id=item.message_id)
    handle, path = tempfile.mkstemp(suffix=".line", dir=upload_tmp_dir())
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    return path


def _file_one(line_set: LineSet, rubric: ContestPeriod, item: LineItem, office) -> None:
    """One file fetched and handed to the upload service, under the item's row lock: once, whoever else runs."""
    try:
        path = _fetch(item)
    except LinePermanent:
        _refusal(item, _("LINE no longer holds this file (LINE keeps what is sent for a limited time). Send it again."))
        return
    try:
        with transaction.atomic():
            locked = LineItem.objects.select_for_update().get(pk=item.pk)
            if locked.evidence_id or locked.refusal:
                return
            # A picture has no name in LINE: the moment it was sent, in the Buddhist Era, and its place in the set.
            sent = be_strftime(local(item.sent_at), "%Y%m%d-%H%M%S", digits=False)
            name = item.file_name or f"LINE-{sent}-{item.index}"
            try:
                evidence = services.evidence_submit(
                    user=line_set.user,
                    rubric=rubric,
                    unit=office,
                    criterion_code=line_set.criterion,
                    upload=Fetched(path, name),
                    answers_round=line_set.answers_round,
                    now=item.sent_at,
                    sent_through=SentThrough.LINE,
                )
            except PortalError as exc:  # refused: nothing of it kept
                _refusal(locked, exc.th)
                return
            except (PermissionDenied, Criterion.DoesNotExist):
                _refusal(locked, _not_allowed())
                return
            locked.evidence = evidence
            locked.save(update_fields=["evidence"])
            item.evidence = evidence
    finally:
        if os.path.exists(path):
            os.unlink(path)


def line_set_file(*, set_id: int, waits: bool = True) -> Filed:
    """Files a chosen set (see the module); Filed.WAITING while LINE still prepares a video or audio clip, or
    with `waits=False` (the last try) such a clip refused as LINE failing to prepare it."""
    line_set = LineSet.objects.select_related("user", "rubric").filter(pk=set_id).first()
    if line_set is None or line_set.state != LineSetState.CHOSEN or line_set.rubric is None:
        return Filed.NOTHING
    rubric = line_set.rubric  # a choice always names its contest period
    items = list(line_set.items.all())
    pending = [i for i in items if not i.evidence_id and not i.refusal]
    why = _still_chosen(line_set)
    office = actor_of(line_set.user).own_office
    if not why and office is None:
        why = _("The account that sent the files acts for no office.")
    for item in pending:
        if why:
            _refusal(item, why)
            continue
        if item.kind in PREPARED:
            try:
                prepared = line_transcoding(message_id=item.message_id)
            except LinePermanent:
                prepared = Transcoding.FAILED
            if prepared == Transcoding.PROCESSING and waits:
                return Filed.WAITING
            if prepared != Transcoding.SUCCEEDED:
                _refusal(
                    item,
                    _("LINE could not prepare this video or audio clip. Send it again, or upload it on the portal."),
                )
                continue
        _file_one(line_set, rubric, item, office)
    done = LineSet.objects.filter(pk=line_set.pk, state=LineSetState.CHOSEN).update(
        state=LineSetState.FILED, filed_at=timezone.now()
    )
    if done:
        _tell(line_set, rubric, list(line_set.items.select_related("evidence")), office)
    return Filed.DONE


def _round_words(line_set: LineSet, rubric: ContestPeriod, office) -> str:
    if not line_set.answers_round or office is None:
        return ""
    rounds = entrant_obligations(rubric, office, criteria=[line_set.criterion])
    return next((o.round_th for o in rounds if o.index == line_set.answers_round), "")


def _tell(line_set: LineSet, rubric: ContestPeriod, items: list[LineItem], office) -> None:
    """One reply: how many files were kept as evidence of what, each refused one and why, and the criterion's
    page (where a refusal's "this page" is)."""
    kept = [i for i in items if i.evidence_id]
    what = " ".join(filter(None, [thai_digits(line_set.criterion), _round_words(line_set, rubric, office)]))
    lines = []
    if kept:
        lines.append(
            _("Evidence %(what)s received: %(count)s files.") % {"what": what, "count": thai_digits(len(kept))}
        )
    for item in items:
        if item.refusal:
            name = item.file_name or _("picture %(index)s") % {"index": thai_digits(item.index)}
            lines.append(_("Not kept: %(name)s: %(why)s") % {"name": name, "why": item.refusal})
    url = absolute(criterion_url(rubric, office.code, line_set.criterion)) if office is not None else ""
    line_reply(reply_token=line_set.reply_token, text="\n".join(lines), url=url)
