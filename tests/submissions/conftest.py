import pytest
from django.core.cache import cache

from contests.models import Unit
from people.models import Role
from tests.factories import PASSWORD, UserFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Evidence goes to a throwaway MEDIA_ROOT; the login throttle starts clean."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    return settings.MEDIA_ROOT


@pytest.fixture
def phuket_user(db, phuket):
    return UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket)


@pytest.fixture
def owner_client(client, provincial_user):
    client.force_login(provincial_user)
    return client


def stored_files(media_root) -> list:
    """Every file kept under MEDIA_ROOT (the temp dir must be empty after a request)."""
    return sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []


def login(client, user) -> None:
    assert client.login(username=user.username, password=PASSWORD)


def any_other(unit) -> Unit:
    return Unit.objects.exclude(pk=unit.pk).first()
