from django.urls import reverse

from submissions.models import Evidence

from . import files

URL = "/api/v1/years/2566/evidence/"


def test_api_post_evidence_creates_version_for_own_province(api, provincial_user):
    api.force_authenticate(provincial_user)

    response = api.post(
        URL, {"criterion": "1.1", "file": files.upload("a.pdf", files.pdf()), "description": "ภาพ"}, format="multipart"
    )

    assert response.status_code == 201
    evidence = Evidence.objects.get()
    assert evidence.submission.unit == provincial_user.membership.unit
    assert response.json()["version"] == 1
    assert response.json()["download_url"] == reverse("submissions:download", args=[evidence.pk])


def test_api_post_link(api, provincial_user):
    api.force_authenticate(provincial_user)

    response = api.post(URL, {"criterion": "4.1.1", "url": "https://www.youtube.com/watch?v=x"}, format="multipart")

    assert response.status_code == 201
    assert response.json()["kind"] == "link"


def test_api_post_hostile_file_refused_in_thai(api, provincial_user):
    api.force_authenticate(provincial_user)

    response = api.post(
        URL, {"criterion": "1.1", "file": files.upload("a.pdf", b"MZ" + b"\x00" * 100)}, format="multipart"
    )

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["code"], error["th"][:18]) == ("upload_refused", "ชนิดไฟล์ไม่ถูกต้อง")
    assert error["detail"] == f"{error['th']} / {error['en']}"
    assert Evidence.objects.count() == 0


def test_api_post_unknown_criterion_404(api, provincial_user):
    api.force_authenticate(provincial_user)

    response = api.post(URL, {"criterion": "9.9", "file": files.upload("a.pdf", files.pdf())}, format="multipart")

    assert response.status_code == 404


def test_api_get_lists_own_versions_only(api, provincial_user, phuket_user):
    for user in (provincial_user, provincial_user, phuket_user):
        api.force_authenticate(user)
        api.post(URL, {"criterion": "1.1", "file": files.upload("a.pdf", files.pdf_new())}, format="multipart")
    api.force_authenticate(provincial_user)

    data = api.get(URL).json()

    assert [(s["province"], s["criterion"], [v["version"] for v in s["versions"]]) for s in data] == [
        ("TH-50", "1.1", [2, 1])
    ]


def test_api_evidence_in_openapi_schema(api, provincial_user):
    api.force_authenticate(provincial_user)

    schema = api.get("/api/v1/schema/", {"format": "json"}).json()

    assert set(schema["paths"]["/api/v1/years/{key}/evidence/"]) == {"get", "post"}
    assert "multipart/form-data" in schema["paths"]["/api/v1/years/{key}/evidence/"]["post"]["requestBody"]["content"]


def test_api_post_without_criterion_400_in_the_documented_shape(api, provincial_user):
    api.force_authenticate(provincial_user)

    response = api.post(URL, {"url": "https://example.org/x"}, format="multipart")

    assert (response.status_code, response.json()) == (
        400,
        {
            "type": "validation_error",
            "errors": [
                {
                    "code": "required",
                    "detail": "ต้องระบุข้อมูลนี้ / This field is required.",
                    "th": "ต้องระบุข้อมูลนี้",
                    "en": "This field is required.",
                    "attr": "criterion",
                }
            ],
        },
    )
    assert Evidence.objects.count() == 0


def test_api_post_by_central_staff_403_in_the_documented_shape(api, central_user):
    api.force_authenticate(central_user)

    response = api.post(URL, {"criterion": "1.1", "url": "https://example.org/x"}, format="multipart")

    assert (response.status_code, response.json()["errors"][0]["code"]) == (403, "permission_denied")
    assert response.json()["errors"][0]["en"] == "provincial staff only"
