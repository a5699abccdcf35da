from django.apps import AppConfig

from core.labels import bi


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = bi("พื้นฐาน", "Core")
