from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "รางวัล / Awards"

    def ready(self):
        from . import permissions  # noqa: F401  (registers the rules)
