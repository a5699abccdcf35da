"""What LINE sent, waiting for the person to say what it is evidence of: models of the submissions app
(submissions.models imports them). Only message ids and LINE's times are kept, never the content: the content
is fetched once the choice is tapped and kept as evidence, or refused and dropped."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LineSetState(models.TextChoices):
    GATHERING = "gathering", _("arriving")  # an image set whose pictures are still arriving
    OFFERED = "offered", _("waiting for a choice")  # the quick reply of what is owed was sent
    CHOSEN = "chosen", _("being filed")  # a choice was tapped: the worker fetches and files it
    FILED = "filed", _("filed")  # every file kept or refused, and the chat told


class LineSet(models.Model):
    """What one person sent together: the pictures of one LINE image set, or one video, audio clip or file. One
    tap files the whole set, as the evidence of one criterion (and round) of one contest."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    line_user_id = models.CharField(max_length=64)
    image_set = models.CharField(max_length=64, blank=True)  # LINE's imageSet.id, "" for a single file
    expected = models.PositiveSmallIntegerField(default=1)  # LINE's imageSet.total
    state = models.CharField(max_length=9, choices=LineSetState.choices, default=LineSetState.GATHERING)
    reply_token = models.CharField(max_length=64, blank=True)  # the newest event's: the next answer uses it once
    created_at = models.DateTimeField()
    rubric = models.ForeignKey(
        "rubrics.ContestPeriod", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    criterion = models.CharField(max_length=20, blank=True)
    answers_round = models.PositiveSmallIntegerField(null=True, blank=True)
    chosen_at = models.DateTimeField(null=True, blank=True)
    choice = models.CharField(max_length=300, blank=True)  # the signed postback tapped, checked again when filing
    filed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "submissions_lineset"
        constraints = [
            models.UniqueConstraint(
                fields=["line_user_id", "image_set"], condition=~models.Q(image_set=""), name="line_set_once"
            )
        ]
        indexes = [models.Index(fields=["state", "created_at"], name="line_set_state")]

    def __str__(self) -> str:
        return f"{self.line_user_id} {self.state} {self.created_at:%Y-%m-%d %H:%M}"


class LineItem(models.Model):
    """One message of a set: LINE's message id (unique: a redelivered event is kept once), its kind, the name a
    file came with, and the moment LINE says it was sent, which is the evidence's time whenever it is fetched."""

    line_set = models.ForeignKey(LineSet, on_delete=models.CASCADE, related_name="items")
    message_id = models.CharField(max_length=32, unique=True)
    kind = models.CharField(max_length=5)  # LINE's message type: image, video, audio, file
    file_name = models.CharField(max_length=150, blank=True)
    index = models.PositiveSmallIntegerField(default=1)  # its place in an image set
    sent_at = models.DateTimeField()
    evidence = models.OneToOneField(
        "submissions.Evidence", null=True, blank=True, on_delete=models.SET_NULL, related_name="line_item"
    )
    refusal = models.CharField(max_length=500, blank=True)  # why it was not kept, in Thai; nothing else is

    class Meta:
        db_table = "submissions_lineitem"
        ordering = ["line_set", "index", "pk"]

    def __str__(self) -> str:
        return f"{self.message_id} {self.kind}"
