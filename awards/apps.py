from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Awards")

    def ready(self):
        # inline: ready() runs once the models are loaded; importing these registers them
        from awards import permissions, selectors, tasks  # noqa: F401  (inline: see above)
        from scoring.hooks import own_certificate  # inline: see above

        # Scoring never imports awards: an office's results page offers its own certificate through here.
        own_certificate.register(selectors.own_certificate_url)
