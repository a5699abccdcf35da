"""The facts and contest uploads authorise their sender before a byte of the body is read.

The attacker's report: a bogus `Authorization: Token …` header passed the upload gate unchecked, and the
CSRF check parsed the multipart body before the view's own gate, so 32-40 MB landed on disk before the
403. Each sender here posts a 40 MB body the way an attacker would: with a CSRF cookie and the CSRF
check enforced (the test client skips it unless told), counting every byte the server reads.
"""

import pytest
from django.test import Client

from people.models import Role
from tests.factories import UserFactory

from .test_upload_gate import PAGE, post_streamed

FACTS = "/standings/2566/facts/"
CONTESTS = "/standings/contests/"
SENT = 40 * 1024 * 1024
CSRF = "a" * 32  # a cookie anyone may set on their own request, with the same token in the form


@pytest.fixture
def attacker():
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = CSRF
    return client


@pytest.fixture
def temp_dir(settings, tmp_path):
    """Where Django would put a multipart file while parsing the body."""
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path / "uploads"
    settings.FILE_UPLOAD_TEMP_DIR.mkdir()
    return settings.FILE_UPLOAD_TEMP_DIR


@pytest.mark.parametrize("path", [FACTS, CONTESTS])
@pytest.mark.parametrize(
    ("sender", "status"),
    [("anonymous", 401), ("bogus_token", 401), ("provincial", 403), ("committee", 403)],
)
def test_a_sender_without_the_right_is_refused_before_the_body_is_read(
    attacker, temp_dir, rubric, chiang_mai, path, sender, status
):
    headers = {}
    if sender == "bogus_token":
        headers["HTTP_AUTHORIZATION"] = "Token xyz"
    elif sender == "provincial":
        attacker.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai))
    elif sender == "committee":
        attacker.force_login(UserFactory(role=Role.COMMITTEE))

    response, body = post_streamed(attacker, path, claimed=SENT, **headers)

    assert (response.status_code, body.read_bytes, list(temp_dir.iterdir())) == (status, 0, [])


@pytest.mark.parametrize("path", [FACTS, CONTESTS])
def test_a_real_token_is_no_session_for_these_pages(attacker, temp_dir, rubric, central_user, path):
    """The token passes the gate (it is valid), but these pages take a session: to the login page, unread."""
    from knox.models import AuthToken

    _, token = AuthToken.objects.create(user=central_user)

    response, body = post_streamed(attacker, path, claimed=SENT, HTTP_AUTHORIZATION=f"Token {token}")

    assert (response.status_code, response["Location"].split("?")[0], body.read_bytes) == (302, "/accounts/login/", 0)


@pytest.mark.parametrize(("path", "status", "mb"), [(FACTS, 302, 5), (CONTESTS, 413, 2)])
def test_each_route_caps_its_body_before_reading_it(attacker, temp_dir, rubric, central_user, path, status, mb):
    attacker.force_login(central_user)

    response, body = post_streamed(attacker, path, claimed=SENT)

    assert (response.status_code, body.read_bytes, list(temp_dir.iterdir())) == (status, 0, [])
    shown = attacker.get(response["Location"]) if status == 302 else response
    assert f"ไฟล์ใหญ่เกิน {mb} MB (แบ่งเป็นหลายไฟล์)" in shown.content.decode()


@pytest.mark.parametrize("view", ["admin:scoring_fact_import", "admin:committee_judgment_import"])
def test_the_admin_imports_cap_their_body_before_reading_it(attacker, temp_dir, rubric, central_user, view):
    from django.urls import reverse

    attacker.force_login(central_user)

    response, body = post_streamed(attacker, reverse(view), claimed=SENT)

    assert (response.status_code, body.read_bytes) == (413, 0)
    assert response.content.decode().startswith("ไฟล์ใหญ่เกิน")


@pytest.mark.parametrize("path", [FACTS, CONTESTS])
def test_the_csrf_check_still_runs_once_the_sender_is_authorised(attacker, rubric, central_user, path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    attacker.force_login(central_user)
    upload = SimpleUploadedFile("facts.csv", b"province,criterion,fact,value\nTH-50,3.3,computers_total,40\n")

    refused = attacker.post(path, {"file": upload})
    upload.seek(0)
    accepted = attacker.post(path, {"file": upload, "csrfmiddlewaretoken": CSRF})

    assert refused.status_code == 403 and b"CSRF" in refused.content
    assert accepted.status_code in (302, 400)  # past the CSRF check: saved (facts) or the file refused (not a rubric)


@pytest.mark.parametrize(("sender", "status"), [("committee", 403), ("other_province", 404)])
def test_an_evidence_upload_refused_by_its_view_is_not_read_by_the_error_page(
    attacker, temp_dir, rubric, phuket, sender, status
):
    """Django's 403 and 404 pages run a CSRF pass that reads a POST body: refused unread means unread."""
    roles = {"committee": {"role": Role.COMMITTEE}, "other_province": {"role": Role.OFFICE_STAFF}}
    attacker.force_login(UserFactory(**roles[sender], role__unit=phuket if sender == "other_province" else None))

    response, body = post_streamed(attacker, PAGE, claimed=SENT)

    assert (response.status_code, body.read_bytes, list(temp_dir.iterdir())) == (status, 0, [])
