"""What an obligation is and where it stands: the schedule's two vocabularies."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ObligationKind(models.TextChoices):
    EVIDENCE = "evidence", _("evidence")  # an entrant's criterion, or one round or step of it
    JUDGING = "judging", _("judging")  # a committee member's scoring of a contest, by its judging deadline
    PICKS = "picks", _("picks")  # a picking office's picks in a stage, by the stage's deadline
    ANSWERS = "answers", _("answers")  # a picked entrant's file a stage asks for, by that file's deadline


class ObligationState(models.TextChoices):
    NOT_DUE = "not_due", _("not due yet")  # a later round: the round before it is still ahead
    OPEN = "open", _("open")  # its window is open and nothing met it yet
    SENT = "sent", _("sent")  # met by an upload (or a pick, a score): `Obligation.met` says when
    RECEIVED = "received", _("received by the Department")  # met by the Department's recorded receipt
    LATE = "late", _("late")  # its due date passed and nothing met it
    EXCUSED = "excused", _("excused")  # not met and no longer asked: the contest's results are frozen


class MetBy(models.TextChoices):
    UPLOAD = "upload", _("upload")
    RECEIPT = "receipt", _("the Department's receipt")
    RECORD = "record", _("the Department's record")  # data of a criterion that asks no evidence
    NOMINEE = "nominee", _("nominee")
    PICKS = "picks", _("picks")


MET = (ObligationState.SENT, ObligationState.RECEIVED)
OWED = (ObligationState.OPEN, ObligationState.LATE)  # what a reminder is about
