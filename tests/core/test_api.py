"""core.api: every error in one shape (drf-standardized-errors' with `th` and `en`), Thai first."""

import pytest
from django.db import OperationalError
from django.http import Http404
from django.utils import translation
from drf_standardized_errors.handler import exception_handler
from rest_framework import exceptions, serializers

from committee.errors import Conflicted, StaleVersion
from core.api import BilingualValidationError, both, validated
from core.errors import MAX_SHOWN, PortalError, RowError, YearFrozen
from core.validators.refusal import UploadRefused
from scoring.facts.imports import FactImportError

CONTEXT = {"request": None, "view": None, "args": (), "kwargs": {}}


def _answer(exc):
    response = exception_handler(exc, CONTEXT)
    return response.status_code, response.data


@pytest.mark.parametrize(
    ("error", "status", "kind"),
    [
        (StaleVersion(), 409, "client_error"),
        (Conflicted(), 404, "client_error"),
        (UploadRefused("ใหญ่", "big", too_big=True), 413, "client_error"),
        (UploadRefused("ดิสก์เต็ม", "disk full", status=507), 507, "server_error"),
    ],
)
def test_portal_error_answers_its_status_in_both_languages(error, status, kind):
    assert _answer(error) == (
        status,
        {
            "type": kind,
            "errors": [
                {
                    "code": error.code,
                    "detail": f"{error.th} / {error.en}",
                    "th": error.th,
                    "en": error.en,
                    "attr": None,
                },
            ],
        },
    )


def test_portal_error_about_a_field_is_a_validation_error_naming_it():
    error = PortalError("กรุณากรอกชื่อ", "please enter the name", field="name_th")

    assert _answer(error) == (
        400,
        {
            "type": "validation_error",
            "errors": [
                {
                    "code": "refused",
                    "detail": "กรุณากรอกชื่อ / please enter the name",
                    "th": "กรุณากรอกชื่อ",
                    "en": "please enter the name",
                    "attr": "name_th",
                }
            ],
        },
    )


def test_import_refusal_is_one_error_per_row_with_its_number():
    error = FactImportError([RowError(2, "ไม่พบจังหวัด 'x'", "unknown province 'x'"), RowError(5, "ซ้ำ", "duplicate")])

    status, data = _answer(error)

    assert (status, data["type"]) == (400, "validation_error")
    assert data["errors"] == [
        {
            "code": "import",
            "detail": "แถวที่ 2: ไม่พบจังหวัด 'x' / row 2: unknown province 'x'",
            "th": "แถวที่ 2: ไม่พบจังหวัด 'x'",
            "en": "row 2: unknown province 'x'",
            "attr": None,
            "row": 2,
        },
        {
            "code": "import",
            "detail": "แถวที่ 5: ซ้ำ / row 5: duplicate",
            "th": "แถวที่ 5: ซ้ำ",
            "en": "row 5: duplicate",
            "attr": None,
            "row": 5,
        },
    ]


def test_frozen_year_is_a_409_state_refusal_about_the_whole_request_without_a_row():
    """The request is fine, the year's state is not: 409 client_error, as scoring.lifecycle.Refused."""
    status, data = _answer(YearFrozen(2566))

    assert (status, data["type"]) == (409, "client_error")
    assert data["errors"] == [
        {
            "code": "year_frozen",
            "detail": "ผลปี 2566 ตรึงไว้แล้ว แก้ไขไม่ได้จนกว่าส่วนกลางจะยกเลิกการตรึงผล"
            " / the 2566 results are frozen: no changes until central staff unfreeze them",
            "th": "ผลปี 2566 ตรึงไว้แล้ว แก้ไขไม่ได้จนกว่าส่วนกลางจะยกเลิกการตรึงผล",
            "en": "the 2566 results are frozen: no changes until central staff unfreeze them",
            "attr": None,
        }
    ]


def test_import_refusal_lists_the_first_rows_and_counts_the_rest():
    """As on the pages: 50,000 bad rows must not make the answer megabytes."""
    error = FactImportError([RowError(n, "ผิด", "wrong") for n in range(1, MAX_SHOWN + 101)])

    errors = _answer(error)[1]["errors"]

    assert len(errors) == MAX_SHOWN + 1
    assert errors[-2]["row"] == MAX_SHOWN
    assert (errors[-1]["th"], errors[-1]["en"]) == (
        "… และอีก 100 ข้อ (แก้ข้อข้างบนแล้วส่งใหม่เพื่อดูข้อที่เหลือ)",
        "… and 100 more (fix those above and send it again to see the rest)",
    )


def test_django_404_and_403_become_the_api_errors_in_both_languages():
    assert _answer(Http404())[1]["errors"] == [
        {
            "code": "not_found",
            "detail": "ไม่พบรายการนี้ / Not found.",
            "th": "ไม่พบรายการนี้",
            "en": "Not found.",
            "attr": None,
        }
    ]
    assert _answer(exceptions.PermissionDenied("เฉพาะเจ้าหน้าที่จังหวัด / provincial staff only"))[1]["errors"][0]["en"] == (
        "provincial staff only"
    )


def test_drf_message_with_a_value_is_formatted_again_in_each_language():
    class Request:
        method = "PUT"

    response = exception_handler(exceptions.MethodNotAllowed("PUT"), {**CONTEXT, "request": Request()})

    assert response.data["errors"][0]["th"] == 'ใช้เมธอด "PUT" กับที่อยู่นี้ไม่ได้'
    assert response.data["errors"][0]["en"] == 'Method "PUT" not allowed.'


def test_unexpected_exception_is_a_500_in_the_same_shape():
    status, data = _answer(KeyError("x"))

    assert (status, data["type"], data["errors"][0]["code"]) == (500, "server_error", "error")
    assert data["errors"][0]["th"] == "ระบบขัดข้อง"


def test_database_outage_is_left_to_the_middleware_503():
    assert exception_handler(OperationalError("gone"), CONTEXT) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ไฟล์ว่าง / the file is empty", ("ไฟล์ว่าง", "the file is empty")),
        ("ไม่พบรายการนี้", ("ไม่พบรายการนี้", "Not found.")),
        ("Invalid token.", ("โทเค็นไม่ถูกต้องหรือหมดอายุแล้ว", "Invalid token.")),
        ("JSON parse error - Expecting value", ("อ่านข้อมูลที่ส่งมาไม่ได้", "JSON parse error - Expecting value")),
        ("something else entirely", ("คำขอไม่ถูกต้อง", "something else entirely")),
    ],
)
def test_both_finds_each_language(text, expected):
    assert both(text, "parse_error" if text.startswith("JSON") else "") == expected


class Named(serializers.Serializer):
    name = serializers.CharField(max_length=3)
    rows = serializers.ListField(child=serializers.IntegerField(min_value=1), allow_empty=False)


def test_validated_returns_the_data():
    assert validated(Named, {"name": "abc", "rows": [1]}) == {"name": "abc", "rows": [1]}


def test_validated_refuses_with_each_message_in_both_languages():
    with translation.override("th"), pytest.raises(BilingualValidationError) as refused:
        validated(Named, {"name": "abcd", "rows": [0]})

    response = exception_handler(refused.value, CONTEXT)

    assert response.status_code == 400
    assert response.data == {
        "type": "validation_error",
        "errors": [
            {
                "code": "max_length",
                "detail": "ยาวได้ไม่เกิน 3 ตัวอักษร / Ensure this field has no more than 3 characters.",
                "th": "ยาวได้ไม่เกิน 3 ตัวอักษร",
                "en": "Ensure this field has no more than 3 characters.",
                "attr": "name",
            },
            {
                "code": "min_value",
                "detail": "ต้องไม่น้อยกว่า 1 / Ensure this value is greater than or equal to 1.",
                "th": "ต้องไม่น้อยกว่า 1",
                "en": "Ensure this value is greater than or equal to 1.",
                "attr": "rows.0",
            },
        ],
    }


def test_a_body_that_is_not_an_object_is_about_the_whole_request():
    with pytest.raises(BilingualValidationError) as refused:
        validated(Named, [])

    assert exception_handler(refused.value, CONTEXT).data["errors"] == [
        {
            "code": "invalid",
            "detail": "ข้อมูลไม่ถูกต้อง: ต้องเป็นออบเจกต์ (dictionary) แต่ได้รับ list"
            " / Invalid data. Expected a dictionary, but got list.",
            "th": "ข้อมูลไม่ถูกต้อง: ต้องเป็นออบเจกต์ (dictionary) แต่ได้รับ list",
            "en": "Invalid data. Expected a dictionary, but got list.",
            "attr": None,
        }
    ]


def test_any_other_api_address_answers_the_api_404(client):
    response = client.get("/api/v1/no-such-thing/")

    assert (response.status_code, response["Content-Type"]) == (404, "application/json")
    assert response.json() == {
        "type": "client_error",
        "errors": [
            {
                "code": "not_found",
                "detail": "ไม่พบรายการนี้ / Not found.",
                "th": "ไม่พบรายการนี้",
                "en": "Not found.",
                "attr": None,
            }
        ],
    }
