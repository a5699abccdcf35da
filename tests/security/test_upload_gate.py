"""Who sends an upload is checked before a byte of its body is read."""

import pytest
from django.urls import reverse

from tests.submissions.conftest import stored_files

BOUNDARY = "gate"
HEAD = (
    f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
    "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n"
).encode()
CLAIMED = 300 * 1024 * 1024  # what the attacker says it sends; the stream makes it up as it is read


class CountingBody:
    """A 300 MB (or `claimed`) multipart body produced as it is read, counting every byte the server asks for."""

    def __init__(self, claimed: int = CLAIMED):
        self.read_bytes = 0
        self.claimed = claimed

    def _take(self, size: int) -> bytes:
        left = self.claimed - self.read_bytes
        size = left if size is None or size < 0 else min(size, left)
        start, self.read_bytes = self.read_bytes, self.read_bytes + size
        head = HEAD[start : start + size]
        return head + b"0" * (size - len(head))

    def read(self, size=-1):
        return self._take(size)

    def readline(self, size=-1):
        return self._take(min(size if size and size > 0 else 65536, 65536))


def post_streamed(client, path, claimed: int = CLAIMED, **headers):
    body = CountingBody(claimed)
    # generic() sets the content type only along with data of its own: both go in as raw environ keys.
    environ = {
        "wsgi.input": body,
        "CONTENT_LENGTH": str(claimed),
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
    }
    response = client.generic("POST", path, **environ, **headers)
    return response, body


API = "/api/v1/years/2566/evidence/"
PAGE = "/years/2566/provinces/TH-50/criteria/1.1/upload/"


@pytest.mark.parametrize("path", [API, PAGE, "/accounts/login/", "/admin/scoring/fact/import/"])
def test_anonymous_300mb_upload_refused_unread_and_nothing_on_disk(client, media_root, rubric, path):
    response, body = post_streamed(client, path)

    assert response.status_code == 401
    assert body.read_bytes == 0
    assert stored_files(media_root) == []


def test_api_upload_with_a_wrong_token_refused_unread(client, media_root, rubric):
    response, body = post_streamed(client, API, HTTP_AUTHORIZATION="Token " + "0" * 64)

    assert (response.status_code, body.read_bytes, stored_files(media_root)) == (401, 0, [])


@pytest.mark.parametrize("path", [API, PAGE])
def test_committee_member_upload_refused_unread(client, media_root, rubric, committee_user, path):
    client.force_login(committee_user)

    response, body = post_streamed(client, path)

    assert (response.status_code, body.read_bytes, stored_files(media_root)) == (403, 0, [])


def test_admin_import_by_a_committee_member_refused_unread(client, media_root, rubric, committee_user):
    client.force_login(committee_user)

    response, body = post_streamed(client, reverse("admin:scoring_fact_import"))

    assert (response.status_code, body.read_bytes) == (403, 0)


def test_other_province_upload_refused_unread(client, media_root, rubric, phuket):
    from people.models import Role
    from tests.factories import UserFactory

    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket))

    response, body = post_streamed(client, PAGE)

    assert (response.status_code in (403, 404), body.read_bytes, stored_files(media_root)) == (True, 0, [])
