from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from notices import hooks as notices
from notices.channels.line import hooks as line


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("accounts")

    def ready(self) -> None:
        from . import audit, exporters, permissions, sealed_links, second_factor  # noqa: F401  (receivers, the template, the rules; the hooks below)

        # LINE, below accounts, has its links recorded in the account's audit and the owner's password or code
        # asked before a link code is shown (notices/channels/line/hooks.py).
        line.linked.register(audit.line_linked_record)
        line.unlinked.register(audit.line_unlinked_record)
        line.owner_confirm.register(second_factor.identity_confirm)
        line.second_factor_of.register(audit.has_second_factor)
        # The links an invitation, a password reset and an e-mail change carry, made as their notices are sent.
        notices.sealed_link.register(sealed_links.sealed_link)
