import pytest

from people.models import Role
from scoring.models import Fact

from ..factories import PASSWORD, UserFactory

ENDPOINTS = [
    ("get", "/api/v1/provinces/"),
    ("get", "/api/v1/years/2566/rubric/"),
    ("get", "/api/v1/years/2566/standings/"),
    ("post", "/api/v1/years/2566/facts/"),
]
FACTS = {"facts": [{"province": "TH-50", "criterion": "1.1", "fact": "done", "value": "yes"}]}

# role -> expected status per endpoint, in ENDPOINTS order
MATRIX = {
    None: [401, 401, 401, 401],
    Role.OFFICE_STAFF: [200, 200, 403, 403],
    Role.COMMITTEE: [200, 200, 403, 403],
    Role.CHAIR: [200, 200, 403, 403],
    Role.CENTRAL: [200, 200, 200, 200],
}


@pytest.mark.parametrize("role", list(MATRIX))
def test_api_permission_matrix(api, role, chiang_mai):
    if role:
        user = UserFactory(role=role, role__unit=chiang_mai if role == Role.OFFICE_STAFF else None)
        api.login(username=user.username, password=PASSWORD)
    got = [getattr(api, method)(url, FACTS, format="json").status_code for method, url in ENDPOINTS]
    assert got == MATRIX[role]


def test_api_provinces_lists_76_without_bangkok(api, central_user):
    api.force_authenticate(central_user)
    data = api.get("/api/v1/provinces/").json()
    assert len(data) == 76
    assert "TH-10" not in {p["code"] for p in data}
    assert data[0] == {
        "code": "TH-11",
        "name_th": "สมุทรปราการ",
        "name_en": "Samut Prakan",
        "size_group": "large",
        "region": "central",
        "aliases_th": [],
    }


def test_api_unknown_year_404(api, central_user):
    api.force_authenticate(central_user)
    assert api.get("/api/v1/years/2599/standings/").status_code == 404


def test_api_facts_post_then_standings_show_it(api, central_user, django_capture_on_commit_callbacks):
    api.force_authenticate(central_user)
    body = {"facts": [{"province": "เชียงใหม่", "criterion": "1.1", "fact": "done", "value": "yes"}]}
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/years/2566/facts/", body, format="json")
    assert response.json() == {"created": 1, "updated": 0, "unchanged": 0, "dry_run": False}
    standings = api.get("/api/v1/years/2566/standings/").json()
    top = standings[0]
    assert (top["rank"], top["province"], top["total"], top["criteria"]["1.1"], top["tied"]) == (
        1,
        "TH-50",
        "5",
        "5",
        False,
    )
    assert top["explanations"]["1.1"]


def test_api_facts_post_bad_row_400_with_row_number_and_nothing_saved(api, central_user):
    api.force_authenticate(central_user)
    body = {
        "facts": [
            {"province": "TH-50", "criterion": "1.1", "fact": "done", "value": "yes"},
            {"province": "TH-50", "criterion": "3.3", "fact": "computers_total", "value": "ไม่ทราบ"},
        ]
    }
    response = api.post("/api/v1/years/2566/facts/", body, format="json")
    assert response.status_code == 400
    assert [e["row"] for e in response.json()["errors"]] == [2]
    assert Fact.objects.count() == 0


def test_api_schema_documents_every_endpoint(api, central_user):
    api.force_authenticate(central_user)
    response = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    paths = response.json()["paths"]
    for path in [
        "/api/v1/provinces/",
        "/api/v1/years/{key}/rubric/",
        "/api/v1/years/{key}/standings/",
        "/api/v1/years/{key}/facts/",
    ]:
        assert path in paths


def _error(code, th, en, attr):
    return {"code": code, "detail": f"{th} / {en}", "th": th, "en": en, "attr": attr}


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        (
            {"facts": []},
            [_error("empty", "รายการนี้ต้องมีอย่างน้อยหนึ่งข้อ", "This list may not be empty.", "facts")],
        ),
        ({}, [_error("required", "ต้องระบุข้อมูลนี้", "This field is required.", "facts")]),
        (
            {"facts": [{"province": "TH-50", "criterion": "1.1", "fact": "done"}], "dry_run": "perhaps"},
            [  # drf-standardized-errors lists the top level first, then what is nested
                _error("invalid", "ต้องเป็นค่าจริงหรือเท็จ (true/false)", "Must be a valid boolean.", "dry_run"),
                _error("required", "ต้องระบุข้อมูลนี้", "This field is required.", "facts.0.value"),
            ],
        ),
    ],
)
def test_api_facts_validation_errors_in_the_documented_shape(api, central_user, body, errors):
    """`{"facts": []}` answers the schema's `errors` shape, not {"facts": {"non_field_errors": […]}}."""
    api.force_authenticate(central_user)

    response = api.post("/api/v1/years/2566/facts/", body, format="json")

    assert (response.status_code, response.json()) == (400, {"type": "validation_error", "errors": errors})
    assert Fact.objects.count() == 0


def test_api_facts_bad_row_is_one_error_with_its_row(api, central_user):
    api.force_authenticate(central_user)
    body = {"facts": [{"province": "XX", "criterion": "1.1", "fact": "done", "value": "yes"}]}

    response = api.post("/api/v1/years/2566/facts/", body, format="json")

    assert response.json() == {
        "type": "validation_error",
        "errors": [
            {**_error("import", "แถวที่ 1: ไม่พบจังหวัด 'XX'", "row 1: unknown province 'XX'", None), "row": 1},
        ],
    }


def test_api_schema_documents_every_error_status_with_the_shared_shape(api, central_user):
    api.force_authenticate(central_user)
    schema = api.get("/api/v1/schema/?format=json").json()

    facts = schema["paths"]["/api/v1/years/{key}/facts/"]["post"]["responses"]
    units = schema["paths"]["/api/v1/provinces/"]["get"]["responses"]
    error = schema["components"]["schemas"]["Error"]

    assert sorted(facts) == ["200", "400", "401", "403", "404", "405", "406", "409", "415", "500"]
    # 404 too: `?format=` names a renderer, and an unknown one is a 404 (DRF's URL_FORMAT_OVERRIDE).
    assert sorted(units) == ["200", "401", "403", "404", "405", "406", "500"]
    assert facts["401"]["headers"]["WWW-Authenticate"]["schema"] == {"type": "string", "enum": ["Token"]}
    assert sorted(error["required"]) == ["attr", "code", "detail", "en", "th"]
    year = schema["paths"]["/api/v1/years/{key}/facts/"]["post"]["parameters"][0]["schema"]["pattern"]
    assert year == r"^(?:[0-9]{4}|[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)?)$"
