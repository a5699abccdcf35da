from django.apps import AppConfig

from core.labels import bi


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = bi("รางวัล", "Awards")

    def ready(self):
        # inline: ready() runs once the models are loaded; importing these registers them
        from awards import permissions, tasks  # noqa: F401  (inline: see above)
