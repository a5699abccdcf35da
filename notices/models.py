"""One record of what happened (`Notice`), who it reached (`Receipt`: the inbox row) and how it leaves the
portal (`Delivery`: the outbox, one row per recipient per channel, written in the same transaction as the
change it tells of, so a broker or worker that is down loses nothing)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# A channel's own models live in its folder and belong to this app: imported here, Django registers them.
from .channels.line import models as line_models  # noqa: F401

USER = settings.AUTH_USER_MODEL


class Kind(models.TextChoices):
    DEADLINE_MOVED = "deadline_moved", _("Deadline moved")
    QUESTION_ASKED = "question_asked", _("Clarification asked")
    QUESTION_ANSWERED = "question_answered", _("Clarification answered")
    EVIDENCE_RECEIVED = "evidence_received", _("Evidence received")
    RESULTS_FROZEN = "results_frozen", _("Results frozen")
    RESULTS_PUBLISHED = "results_published", _("Results published")
    RESULTS_WITHDRAWN = "results_withdrawn", _("Results withdrawn")
    CONTEST_OPENED = "contest_opened", _("Contest opened")
    TIE_WAITING = "tie_waiting", _("Tie at an award line waiting")
    AWARD_CORRECTED = "award_corrected", _("Published award corrected")
    FINAL_WAITING = "final_waiting", _("Members disagree: a final score waiting")
    ACCOUNT_INVITED = "account_invited", _("Account invited")
    INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
    JUDGING_DEADLINE = "judging_deadline", _("Judging deadline set or moved")
    PICK_DUE = "pick_due", _("Entrants to pick for the next stage")
    LINE_LINKED = "line_linked", _("LINE linked to the account")
    CALENDAR_MADE = "calendar_made", _("Calendar address made for the account")
    DIGITAL_ID_LINKED = "digital_id_linked", _("Digital ID linked to the account")
    DIGITAL_ID_UNLINKED = "digital_id_unlinked", _("Digital ID unlinked from the account")
    # A person's own keys to their account, each a link made when sent (catalogue: `sealed`), and what an account
    # holder is told of their address; the operators' alert.
    INVITATION = "invitation", _("Invitation to set one's own password")
    PASSWORD_RESET = "password_reset", _("Link to set a new password")
    EMAIL_CONFIRM = "email_confirm", _("Link to confirm a new e-mail address")
    ADDRESS_LISTED = "address_listed", _("One's address listed on an accounts sheet")
    ADDRESS_ASKED = "address_asked", _("One's address asked for by another account")
    CHECK_RED = "check_red", _("A readiness check stays red")
    REMINDER_DUE = "reminder_due", _("Reminder: due in a few working days")
    REMINDER_OVERDUE = "reminder_overdue", _("Reminder: overdue")
    LATE_REMINDED = "late_reminded", _("Reminded by whoever runs the contest: rounds overdue")
    ANNOUNCEMENT = "announcement", _("Announcement from central staff")


REMINDER_KINDS = (Kind.REMINDER_DUE, Kind.REMINDER_OVERDUE)


class Notice(models.Model):
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    contest = models.ForeignKey(
        "contests.Contest", null=True, blank=True, on_delete=models.CASCADE, related_name="notices"
    )
    unit = models.ForeignKey("contests.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    about = models.CharField(_("about"), max_length=60, blank=True)  # the object: a criterion's code, a tie's line
    params = models.JSONField(default=dict, blank=True)  # what the catalogue's text is filled with on delivery
    link = models.CharField(_("link"), max_length=300, blank=True)  # a path in the portal: where it is acted on
    key = models.CharField(max_length=200)  # the same event told twice is one notice
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # When what it asks was done (a question answered, a reminded round met): it waits for nobody any more, so
    # the inbox lists it for information and the bell no longer counts it.
    settled_at = models.DateTimeField(_("settled at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        constraints = [models.UniqueConstraint(fields=["key"], name="notice_key_unique")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class Receipt(models.Model):
    """A notice in one person's inbox."""

    # No index of its own: `receipt_once` (notice, user) serves every lookup by notice, one index fewer to write
    # for each of a day's tens of thousands of reminders.
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="receipts", db_index=False)
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="notice_receipts")
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-notice__created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["notice", "user"], name="receipt_once")]
        indexes = [models.Index(fields=["user"], condition=Q(read_at__isnull=True), name="receipt_unread")]

    def __str__(self) -> str:
        return f"{self.notice_id} → {self.user_id}"


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    SKIPPED = "skipped", _("not sent (the person chose none)")
    DROPPED = "dropped", _("not sent (no longer theirs to know, or the account closed)")
    MET = "met", _("not sent (what it reminded of was done first)")


class Delivery(models.Model):
    """One receipt sent by one channel. A sender claims a row by moving `next_try` past a lease: a worker
    killed mid-send leaves it pending, and it is tried again once the lease runs out."""

    # No index of its own: `delivery_once_per_channel` (receipt, channel) serves every lookup by receipt.
    receipt = models.ForeignKey(Receipt, on_delete=models.CASCADE, related_name="deliveries", db_index=False)
    channel = models.CharField(_("channel"), max_length=20)
    state = models.CharField(_("state"), max_length=8, choices=DeliveryState.choices, default=DeliveryState.PENDING)
    digest = models.BooleanField(_("in the daily digest"), default=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_try = models.DateTimeField(default=timezone.now)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["receipt", "channel"], name="delivery_once_per_channel")]
        indexes = [
            models.Index(fields=["digest", "next_try"], condition=Q(state="pending"), name="delivery_due"),
        ]

    def __str__(self) -> str:
        return f"{self.receipt_id} {self.channel} {self.state}"


class Mode(models.TextChoices):
    IMMEDIATE = "immediate", _("At once for what needs action soon, the rest in a daily digest")
    DIGEST = "digest", _("Everything in one daily digest")
    NONE = "none", _("Do not send")


class Preference(models.Model):
    """How a person wants one channel to reach them; no row is the default, `Mode.IMMEDIATE`."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="notice_preferences")
    channel = models.CharField(_("channel"), max_length=20)
    mode = models.CharField(_("how"), max_length=10, choices=Mode.choices, default=Mode.IMMEDIATE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "channel"], name="preference_once_per_channel")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.channel} {self.mode}"


class Reminder(models.Model):
    """One reminder of one obligation (the schedule's stable identity, due on one day) told to one person: the
    daily job tells each person of each obligation once per kind and repeat, however often it runs. The day is
    part of it: a date moved later is a new day to remind of, and to be overdue by. `repeat` numbers the
    tellings of "overdue" on the contest's rhythm (schedule.reminders.overdue_repeat): each is told once."""

    obligation = models.CharField(_("obligation"), max_length=120)
    due_on = models.DateField(_("due on"))
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    repeat = models.PositiveSmallIntegerField(_("repeat"), default=0)
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="reminders")

    class Meta:
        verbose_name = _("reminder told")
        verbose_name_plural = _("reminders told")
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "due_on", "kind", "repeat", "user"],
                name="reminder_once_per_obligation_person_kind_repeat",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in REMINDER_KINDS]), name="reminder_of_a_reminder_kind"
            ),
        ]
        indexes = [models.Index(fields=["due_on"], name="reminder_due_on")]

    def __str__(self) -> str:
        return f"{self.kind} {self.obligation} {self.due_on} #{self.repeat} → {self.user_id}"


class Audience(models.TextChoices):
    """Whom central staff write an announcement to: an office's people (one notice per office), a contest's
    entrants (one per entrant office) or its committee (one for the contest)."""

    OFFICES = "offices", _("every provincial office")
    ORGANISERS = "organisers", _("every office's contest organisers")
    ENTRANTS = "entrants", _("a contest's entrants")
    COMMITTEE = "committee", _("a contest's committee (its panel for an office's contest)")


CONTEST_AUDIENCES = (Audience.ENTRANTS, Audience.COMMITTEE)


class Announcement(models.Model):
    """What central staff wrote to an audience, with its letter if any (a PDF checked by content, kept under a
    name the server makes): its notices (Kind.ANNOUNCEMENT, `about` its id) reach the audience through the
    outbox, and each reader opens it on its page (notices.announcements)."""

    author = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by"))
    audience = models.CharField(_("to"), max_length=12, choices=Audience.choices)
    contest = models.ForeignKey(
        "contests.Contest", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("contest")
    )
    subject = models.CharField(pgettext_lazy("announcement", "subject"), max_length=200)
    body = models.TextField(_("message"), max_length=5000)
    letter = models.FileField(_("letter (PDF)"), upload_to="announcements/%Y/", blank=True)
    letter_name = models.CharField(_("letter's name"), max_length=200, blank=True)  # as attached, to show
    letter_sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    told = models.PositiveIntegerField(_("people told"), default=0)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = pgettext_lazy("notices", "announcement")
        verbose_name_plural = _("announcements")
        constraints = [
            # A contest's entrants or committee name their contest; every office or organiser names none.
            models.CheckConstraint(
                condition=Q(audience__in=[a.value for a in CONTEST_AUDIENCES], contest__isnull=False)
                | (~Q(audience__in=[a.value for a in CONTEST_AUDIENCES]) & Q(contest__isnull=True)),
                name="announcement_contest_iff_contest_audience",
            )
        ]

    def __str__(self) -> str:
        return self.subject


class BulkAct(models.TextChoices):
    """An act that tells many at once, each ending with its account (`Outreach`)."""

    LATE_REMINDED = "late_reminded", _("reminding the late")
    ANNOUNCEMENT = "announcement", pgettext_lazy("notices", "announcement")
    DEADLINE_MOVED = "deadline_moved", _("deadline move")
    INVITATIONS = "invitations", _("invitations from an accounts sheet")


class Unreached(models.TextChoices):
    """Why one of an act's targets (an office, a committee) could not be told."""

    NO_ACCOUNT = "no_account", _("no account: nobody there has an account that may read it")
    NO_ADDRESS = "no_address", _("no address: no e-mail or LINE reaches its people, so it waits in the portal only")
    ACTIVE = "active", _("account already active: its owner signs in with their own password, so no invitation")


class Outreach(models.Model):
    """What one bulk act reached: the targets told now, those told of it earlier (told nothing more), and those it
    could not reach with why, each by name as the act's page lists them (notices.outreach)."""

    act = models.CharField(_("act"), max_length=16, choices=BulkAct.choices)
    author = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by"))
    contest = models.ForeignKey(
        "contests.Contest", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("contest")
    )
    reached = models.JSONField(_("told now"), default=list)
    earlier = models.JSONField(_("told earlier"), default=list)
    missed = models.JSONField(_("not told"), default=list)  # [name, Unreached]
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("account of a bulk act")
        verbose_name_plural = _("accounts of bulk acts")

    def __str__(self) -> str:
        return f"{self.act} {self.created_at:%Y-%m-%d %H:%M}"
