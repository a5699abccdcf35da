"""The one door of a view that takes files (core.http.takes_files): the view authorises its sender, then the body
is capped, and only then is CSRF checked and the body read."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from core.http import capped, reading, takes_files

LIMITS = {"letter": 1}  # MB, with FORM_ROOM (64 KB) around the file


def _read(request, said: str):
    return HttpResponse(f"{said}: {request.POST['name']}")


def _refused(request, refusal, said: str):
    return HttpResponse(f"{said} refused: {refusal.th}", status=refusal.status)


@takes_files(capped("letter"), refused=_refused)
def _view(request):
    if request.GET.get("who") == "stranger":
        return HttpResponse("not yours", status=403)
    return reading(_read, "read")


def _post(data=None, *, length: int | None = None, csrf: str | None = None):
    headers = {"X-CSRFToken": csrf} if csrf else {}
    request = RequestFactory().post("/letters/", data or {"name": "หนังสือ"}, headers=headers)
    request.user = AnonymousUser()  # the CSRF refusal's page reads it
    if csrf:
        request.COOKIES["csrftoken"] = csrf
    if length is not None:
        request.META["CONTENT_LENGTH"] = str(length)
    return request


def test_a_view_that_takes_files_is_marked_for_the_upload_gate_and_exempt_from_the_csrf_middleware():
    assert _view.takes_files is True
    assert _view.csrf_exempt is True


@override_settings(CDD4_IMPORT_LIMITS_MB=LIMITS)
def test_the_views_own_answer_before_the_body_is_given_as_it_is():
    request = _post()
    request.GET = request.GET.copy()
    request.GET["who"] = "stranger"
    response = _view(request)
    assert (response.status_code, response.content) == (403, b"not yours")


@override_settings(CDD4_IMPORT_LIMITS_MB=LIMITS)
def test_a_body_over_the_cap_is_refused_by_the_views_page_unread_before_the_csrf_check():
    request = _post(length=1024 * 1024 + 64 * 1024 + 1)
    response = _view(request)
    assert response.status_code == 413
    assert response.content.decode() == "read refused: ไฟล์ใหญ่เกิน 1 MB (แบ่งเป็นหลายไฟล์)"
    assert not hasattr(request, "_post")  # the body was never parsed


@override_settings(CDD4_IMPORT_LIMITS_MB=LIMITS)
def test_a_body_within_the_cap_without_a_csrf_token_is_refused_by_the_csrf_check():
    response = _view(_post())
    assert response.status_code == 403


@override_settings(CDD4_IMPORT_LIMITS_MB=LIMITS)
def test_a_body_within_the_cap_with_its_csrf_token_is_read():
    response = _view(_post(csrf="a" * 32))
    assert (response.status_code, response.content.decode()) == (200, "read: หนังสือ")
