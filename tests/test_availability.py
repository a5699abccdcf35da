"""The database-unavailable answer: 503, Thai first, Retry-After; other errors are not its business."""

import json

import pytest
from django.db import InterfaceError, OperationalError, ProgrammingError
from django.test import RequestFactory

from cdd4.middleware import DatabaseUnavailableMiddleware

middleware = DatabaseUnavailableMiddleware(lambda request: None)


@pytest.mark.parametrize("error", [OperationalError("server closed the connection"), InterfaceError("closed")])
def test_database_unavailable_api_gets_thai_json_503(error):
    request = RequestFactory().post("/api/v1/years/2566/evidence/")

    response = middleware.process_exception(request, error)

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert json.loads(response.content) == {  # the API's one error shape (core.api, docs/api.md)
        "type": "server_error",
        "errors": [
            {
                "code": "unavailable",
                "detail": f"{middleware.TH} / {middleware.EN}",
                "th": middleware.TH,
                "en": middleware.EN,
                "attr": None,
            }
        ],
    }


def test_database_unavailable_page_gets_standalone_thai_page():
    request = RequestFactory().get("/provinces/", headers={"accept": "text/html"})

    response = middleware.process_exception(request, OperationalError("the database system is shutting down"))

    html = response.content.decode()
    assert response.status_code == 503
    assert '<html lang="th">' in html
    assert html.index(middleware.TH) < html.index(middleware.EN)


def test_database_unavailable_other_errors_left_to_django():
    request = RequestFactory().get("/")

    assert middleware.process_exception(request, ProgrammingError("syntax error")) is None
    assert middleware.process_exception(request, ValueError("bug")) is None
