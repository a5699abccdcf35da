"""The audit of a contest's rules: every save of a contest's rubric that changes it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.models import Contest, ContestState
from scoring.models.rubrics import Rubric


class RubricChange(models.Model):
    """One save that changed a contest's rules: who, when, why, and what changed (rulebook.diff), each
    period's rubric then at a new revision and every entrant rescored. A draft's saves are recorded too, with
    no reason asked (nobody has entered yet); an open contest's changes need one (rubrics.revisions), its
    creation (`changes` {"created": true}) none."""

    contest = models.ForeignKey(
        Contest, on_delete=models.PROTECT, related_name="rubric_changes", verbose_name=_("contest")
    )
    # The contest's first rubric (the one its URLs name): the admin scopes rows by it, as the other rubric rows.
    rubric = models.ForeignKey(
        Rubric,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=pgettext_lazy("scoring.models.revisions", "rubric"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    state = models.CharField(_("state when changed"), max_length=10, choices=ContestState.choices)
    reason = models.TextField(_("reason"), blank=True)
    # rubric_diff.contest_diff's answer: the contest block's fields, then each period's rubric's changes.
    changes = models.JSONField(_("what changed"), default=dict)
    # The criteria the change dropped that held evidence, facts or scores, kept archived with them (confirmed).
    archived = models.JSONField(_("criteria archived"), default=list, blank=True)
    # The Department's letter a deadline moves by ("มท 0410.4/ว 6001", its date, optionally its PDF): a move is
    # told with it (notices), shown beside it, and its PDF served to whoever sees the contest.
    letter_number = models.CharField(_("letter number"), max_length=80, blank=True)
    letter_date = models.DateField(_("letter date"), null=True, blank=True)
    letter_file = models.FileField(_("letter (PDF)"), upload_to="letters/%Y/", blank=True)
    letter_sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    # The rounds a deadline's move left on their dates, their boxes unticked: [{"period", "code", "rounds":
    # [numbers from 1, in the rubric's order]}]; none listed, every round due on the old date moved with it.
    rounds_kept = models.JSONField(_("rounds kept on their dates"), default=list, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("rubric change")
        verbose_name_plural = _("rubric changes")
        constraints = [
            models.CheckConstraint(condition=Q(state__in=ContestState.values), name="rubric_change_state_known"),
            # A letter is named by its number and its date together, or not at all.
            models.CheckConstraint(
                condition=Q(letter_number="", letter_date__isnull=True)
                | (~Q(letter_number="") & Q(letter_date__isnull=False)),
                name="rubric_change_letter_number_and_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contest.slug} {self.at:%Y-%m-%d %H:%M}"
