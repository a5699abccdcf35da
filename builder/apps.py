from django.apps import AppConfig

from core.labels import bi


class BuilderConfig(AppConfig):
    name = "builder"
    verbose_name = bi("สร้างการประกวด", "Contest builder")
