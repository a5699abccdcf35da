from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = _("Operations")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from schedule.hooks import dashboard_prompts  # inline: see above

        from . import contacts, exporters, metrics, permissions  # noqa: F401  (inline: see above)

        # The schedule never imports ops: a contest's dashboard asks for its contacts through here.
        dashboard_prompts.register(contacts.contacts_prompt)
