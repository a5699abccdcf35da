from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = "หลักฐาน / Evidence"

    def ready(self) -> None:
        from . import permissions  # noqa: F401 - registers the rules
