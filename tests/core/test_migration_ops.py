import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from core.migration_ops import move_content_type

pytestmark = pytest.mark.django_db


def test_content_type_follows_the_model_and_back():
    moved = ContentType.objects.create(app_label="oldapp", model="thing")
    operation = move_content_type("thing", "oldapp", "newapp")
    operation.code(apps, None)
    moved.refresh_from_db()
    assert (moved.app_label, moved.model) == ("newapp", "thing")
    operation.reverse_code(apps, None)
    moved.refresh_from_db()
    assert (moved.app_label, moved.model) == ("oldapp", "thing")


def test_an_existing_content_type_under_the_new_app_is_left_alone():
    old = ContentType.objects.create(app_label="oldapp", model="thing")
    new = ContentType.objects.create(app_label="newapp", model="thing")
    move_content_type("thing", "oldapp", "newapp").code(apps, None)
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.app_label, new.app_label) == ("oldapp", "newapp")
