"""The second-factor check reads the session and the device before any view: a database restart there is
the portal's 503 (Thai first, Retry-After), as everywhere else, not a 500 page (the fault test's finding)."""

import json

from django.db import OperationalError
from django.test import RequestFactory

from accounts.middleware import SecondFactorMiddleware
from core.api import DB_DOWN_TH


class SessionOnDownDatabase(dict):
    def get(self, key, default=None):
        raise OperationalError("server closed the connection unexpectedly")


def reached(request):
    raise AssertionError("the view ran with the database down")


def test_database_down_while_reading_the_session_answers_thai_503():
    request = RequestFactory().get("/provinces/", headers={"accept": "text/html"})
    request.session = SessionOnDownDatabase()

    response = SecondFactorMiddleware(reached)(request)

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert DB_DOWN_TH in response.content.decode()


def test_database_down_on_the_api_answers_its_json_503():
    request = RequestFactory().post("/api/v1/years/2566/evidence/")
    request.session = SessionOnDownDatabase()

    response = SecondFactorMiddleware(reached)(request)

    assert response.status_code == 503
    assert json.loads(response.content)["errors"][0]["code"] == "unavailable"
