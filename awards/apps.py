from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Awards")

    def ready(self):
        # inline: ready() runs once the models are loaded; importing these registers them
        from awards import permissions, tasks  # noqa: F401  (inline: see above)
