from django.apps import AppConfig

from core.labels import bi


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = bi("บุคลากร", "People")
