"""LINE's one form on "บัญชีของฉัน"."""

from django.utils.translation import gettext_lazy as _

from core.owner_form import OwnerConfirmForm


class LineConnectForm(OwnerConfirmForm):
    """Asked before a LINE link code is shown: whoever holds the session says again who they are."""

    refusal = _("type your current password to get a link code")
