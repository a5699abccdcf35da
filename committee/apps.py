from django.apps import AppConfig


class CommitteeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "committee"
    verbose_name = "คณะกรรมการให้คะแนน / committee scoring"

    def ready(self) -> None:
        from . import exporters, permissions  # noqa: F401  (register the exporters and the rules permissions)
