"""Schemathesis against our OpenAPI schema, in-process, as central staff and as provincial staff.

Cases are generated from the drf-spectacular schema and sent through Django's test client (same
process, same test transaction). Any 5xx on any operation fails the test.
"""

import json
from urllib.parse import urlencode

import pytest
import schemathesis
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.core import NotSet

from tests.factories import UserFactory

SCHEMA = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
FUZZED = SCHEMA


@pytest.fixture(params=["central", "provincial"])
def api_client(request, client, chiang_mai):
    from people.models import Role

    role = Role.CENTRAL if request.param == "central" else Role.OFFICE_STAFF
    user = UserFactory(role=role, role__unit=chiang_mai) if role == Role.OFFICE_STAFF else UserFactory(role=role)
    client.force_login(user)
    return client


def _form(body) -> dict:
    if not isinstance(body, dict):
        return {"value": str(body)}
    out = {}
    for key, value in body.items():
        if isinstance(value, bytes):
            out[key] = SimpleUploadedFile("f.pdf", value)
        elif isinstance(value, dict | list):
            out[key] = json.dumps(value)
        elif value is not None:  # a form cannot say null: the field is left out
            out[key] = str(value)
    return out


def _send(client, case):
    path = case.formatted_path
    headers = {k.lower(): v for k, v in (case.headers or {}).items() if k.lower() not in ("cookie", "authorization")}
    kwargs = {"QUERY_STRING": "&".join(f"{k}={v}" for k, v in (case.query or {}).items())}
    body, ctype = "", "application/octet-stream"
    if not isinstance(case.body, NotSet):
        if case.media_type == "multipart/form-data":
            ctype, body = MULTIPART_CONTENT, encode_multipart(BOUNDARY, _form(case.body))
        elif case.media_type == "application/x-www-form-urlencoded":
            ctype, body = case.media_type, urlencode(_form(case.body), doseq=True)
        elif isinstance(case.body, bytes):
            ctype, body = case.media_type, case.body
        else:
            ctype, body = case.media_type, json.dumps(case.body, default=lambda b: b.decode("latin-1"))
    return client.generic(case.method.upper(), path, body, content_type=ctype, headers=headers, **kwargs)


@FUZZED.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_fuzz_no_server_error(api_client, case):
    """Each case as generated, then again on the real year (random years mostly stop at a 404)."""
    statuses = [_send(api_client, case).status_code]
    if "key" in (case.path_parameters or {}):
        case.path_parameters["key"] = 2566
        statuses.append(_send(api_client, case).status_code)

    assert all(code < 500 for code in statuses), f"{case.method} {case.formatted_path}: {statuses}"
