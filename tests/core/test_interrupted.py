"""What is kept of a form refused for the second factor (core.interrupted): its fields once, for its person only, and
never a file, a forged form or one too large to keep in a session."""

from types import SimpleNamespace

from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from core.interrupted import MOST_BYTES, interrupted_keep, interrupted_take

PATH = "/admin/rubrics/criterion/?year=2566"


def sent(data: dict, *, checked: bool = True, user_pk: int = 7):
    request = RequestFactory().post(PATH, data)
    request.session, request.user = SessionStore(), SimpleNamespace(pk=user_pk)
    if checked:
        request.csrf_processing_done = True  # as Django's CSRF middleware marks a form it let through
    return request


def test_a_form_is_kept_whole_once_without_its_old_token():
    request = sent({"csrfmiddlewaretoken": "old", "form-0-deadline": "2023-08-15", "_selected_action": ["1", "2"]})
    interrupted_keep(request, back="/standings/2566/")

    kept = interrupted_take(request)

    assert (kept.path, kept.back, kept.whole) == (PATH, "/standings/2566/", True)
    assert kept.fields == [("form-0-deadline", "2023-08-15"), ("_selected_action", "1"), ("_selected_action", "2")]
    assert interrupted_take(request) is None


def test_a_form_with_a_file_is_not_kept():
    request = sent({"confirm": "1", "file": SimpleUploadedFile("a.csv", b"x,y\n")})
    interrupted_keep(request, back="/")

    kept = interrupted_take(request)

    assert (kept.whole, kept.fields, kept.back) == (False, [], "/")


def test_a_form_the_csrf_check_did_not_pass_is_never_sent_again():
    request = sent({"confirm": "1"}, checked=False)
    interrupted_keep(request, back="/")

    assert interrupted_take(request).whole is False


def test_a_form_too_large_for_the_session_is_not_kept():
    request = sent({"reason": "ก" * MOST_BYTES})
    interrupted_keep(request, back="/")

    assert interrupted_take(request).whole is False


def test_another_person_in_the_same_session_does_not_receive_it():
    request = sent({"confirm": "1"})
    interrupted_keep(request, back="/")
    request.user = SimpleNamespace(pk=8)

    assert interrupted_take(request) is None
