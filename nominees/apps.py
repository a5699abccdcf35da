from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NomineesConfig(AppConfig):
    name = "nominees"
    verbose_name = _("Nominees")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from nominees import permissions, selectors  # noqa: F401  (inline: see above; permissions registers the acts)
        from schedule.hooks import nominated_sources  # inline: see above

        # The schedule never imports nominees: a nominee meets the criteria it answers through here.
        nominated_sources.register(selectors.active_nominees)
