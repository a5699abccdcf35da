"""A person's LINE as the LINE channel keeps it (docs/line.md): the link, the one live link code, and the pushes
counted against the Official Account's monthly quota. Models of the notices app (notices.models registers them);
their tables keep the names they were made with."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LineLink(models.Model):
    """A portal account's LINE user, as LINE's webhook named it when the person sent their link code: the one
    address pushes go to. Nothing else of the LINE profile is kept."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="line_link", verbose_name=_("account")
    )
    line_user_id = models.CharField(_("LINE user ID"), max_length=64, unique=True)
    linked_at = models.DateTimeField(_("linked at"), auto_now_add=True)

    class Meta:
        db_table = "accounts_linelink"
        verbose_name = _("linked LINE")
        verbose_name_plural = _("linked LINE accounts")

    def __str__(self) -> str:
        return f"{self.user} LINE"


class LineLinkCode(models.Model):
    """The one live code a person sends the Official Account to link their LINE: kept as a keyed hash only
    (notices.channels.line.linking), replaced by a new one, deleted once used."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()

    class Meta:
        db_table = "accounts_linelinkcode"

    def __str__(self) -> str:
        return f"{self.user_id} until {self.expires_at:%Y-%m-%d %H:%M}"


class LinePushMonth(models.Model):
    """Pushes LINE accepted in one month (its first day, Bangkok time): what the Official Account's monthly
    message quota is counted against (notices.channels.line.client.line_quota_left)."""

    month = models.DateField(_("month"), unique=True)
    pushes = models.PositiveIntegerField(_("pushes"), default=0)

    class Meta:
        db_table = "accounts_linepushmonth"
        verbose_name = _("LINE pushes in a month")
        verbose_name_plural = _("LINE pushes per month")

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {self.pushes}"
