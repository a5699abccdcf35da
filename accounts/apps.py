from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "บัญชีผู้ใช้ / accounts"

    def ready(self) -> None:
        from . import audit, exporters, permissions  # noqa: F401  (receivers, the template, the rules)
