import os

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from scoring.models import Province, Role, Rubric

from .factories import UserFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Provinces and the B.E. 2566 rubric, loaded once; each test rolls back its own changes."""
    from cdd4.celery import app

    eager, app.conf.task_always_eager = app.conf.task_always_eager, True  # standings computed, not queued
    with django_db_blocker.unblock():
        call_command("bootstrap", verbosity=0, stdout=open(os.devnull, "w"))
    app.conf.task_always_eager = eager


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """PBKDF2's deliberate slowness (~0.3 s a user) is for attackers, not for test factories."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def eager_celery():
    """Tasks run in-process in ordinary tests, in both modes; tests/services use the real broker."""
    from cdd4.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def rubric(db) -> Rubric:
    return Rubric.objects.get(year=2566)


@pytest.fixture
def chiang_mai(db) -> Province:
    return Province.objects.get(code="TH-50")


@pytest.fixture
def phuket(db) -> Province:
    return Province.objects.get(code="TH-83")


@pytest.fixture
def central_user(db):
    return UserFactory(role=Role.CENTRAL)


@pytest.fixture
def committee_user(db):
    return UserFactory(role=Role.COMMITTEE)


@pytest.fixture
def provincial_user(db, chiang_mai):
    return UserFactory(role=Role.PROVINCIAL, role__province=chiang_mai)


@pytest.fixture
def api():
    return APIClient()
