"""A rubric's checks are linear and its refusal has a bounded size."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.errors import MAX_SHOWN
from people.models import Role
from rulebook.spec import MAX_CRITERIA, RubricError, parse_rubric
from tests.factories import UserFactory


def rubric(criteria: int, codes: int | None = None) -> dict:
    """`criteria` criteria without a rule (each one is an error), their codes cycling through `codes`."""
    rows = [{"code": f"c{i % (codes or criteria)}"} for i in range(criteria)]
    return {"year": 2570, "dimensions": [{"code": "1", "criteria": rows}]}


def test_32000_criteria_are_refused_at_once_in_one_line():
    """600 KB that took 11 s (the repeated-code check counted the codes once per code) and 128,010 errors."""
    data = rubric(32_000)
    assert len(json.dumps(data)) > 600_000

    with pytest.raises(RubricError) as exc:
        parse_rubric(data)

    assert exc.value.messages == [f"เกณฑ์การประเมินมี 32,000 ตัวชี้วัด เกิน {MAX_CRITERIA} ตัวชี้วัด"]


def test_a_rubric_s_errors_are_listed_up_to_a_limit_then_counted():
    with pytest.raises(RubricError) as exc:
        parse_rubric(rubric(MAX_CRITERIA, codes=MAX_CRITERIA // 2))

    messages = exc.value.messages
    assert len(messages) == MAX_SHOWN + 1
    assert messages[-1].startswith("… และอีก ")
    assert messages[-1].endswith(" ข้อ (แก้ข้อข้างบนแล้วส่งใหม่เพื่อดูข้อที่เหลือ)")
    assert len(str(exc.value)) < 10_000


def test_repeated_codes_are_named_up_to_twenty():
    data = rubric(60, codes=30)
    for criterion in data["dimensions"][0]["criteria"]:
        criterion.update(name_th="ก", name_en="a", max_points=1, rule={"kind": "points"})

    with pytest.raises(RubricError) as exc:
        parse_rubric(data)

    repeated = [m for m in exc.value.messages if "รหัสเกณฑ์ซ้ำ" in m]
    assert len(repeated) == 1 and repeated[0].endswith(", … (30)")


def test_the_contest_upload_page_shows_a_bounded_refusal(client, chiang_mai):
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai))
    body = json.dumps(rubric(MAX_CRITERIA) | {"contest": {"slug": "x", "entrant_level": "district"}}).encode()

    response = client.post("/standings/contests/", {"file": SimpleUploadedFile("rubric.json", body)})

    page = response.content.decode()
    assert response.status_code == 400
    assert "… และอีก " in page
    assert len(page) < 60_000
