import pytest

from contests.models import Unit
from people.models import Role
from tests.factories import PASSWORD, UserFactory
from tests.submissions.media import media_root  # noqa: F401


@pytest.fixture
def phuket_user(db, phuket):
    return UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket)


@pytest.fixture
def owner_client(client, provincial_user):
    client.force_login(provincial_user)
    return client


def stored_files(folder) -> list:
    """Every file kept under MEDIA_ROOT, `folder` (the temp dir must be empty after a request)."""
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def login(client, user) -> None:
    assert client.login(username=user.username, password=PASSWORD)


def any_other(unit) -> Unit:
    return Unit.objects.exclude(pk=unit.pk).first()
