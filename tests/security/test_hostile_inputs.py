"""The inputs no request should turn into a 500 or a stored attack: ids that are no numbers, a line
break in a download's name, deeply nested JSON, stage files nobody checked, a contest code that says whose it
is, the admin's award filter showing drafts, and the verify page naming the Department for an office."""

import json
import re

import pytest
from django.contrib.admin.sites import site
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

import rubrics.selectors
from builder.prefill import to_form
from contests.actor import actor_of
from contests.models import Contest, ContestState
from core.errors import PortalError
from core.http import content_disposition
from people.models import Role
from rubrics.models import AwardTier
from scoring import snapshots
from scoring.admin.forms import AwardFilter
from scoring.models import Standing
from stages.models import StageEntry, StageUpload
from stages.services import stage_file_submit, stage_select
from tests.factories import DistrictFactory, UserFactory, VerificationCodeFactory, office_contest
from tests.security.files_more import HTML
from tests.stages.stage_support import OPEN, load_chain, mp4, organiser
from tests.submissions import files

from .test_contest_codes import contest_file, upload

THAI = re.compile(r"[\u0e00-\u0e7f]")


# -- ids that are no numbers ---------------------------------------------------------------------------


@pytest.fixture
def picked(db):
    """Rim Nuea picked by Mae Rim's office, then by Chiang Mai's for the regional stage (which asks for files)."""
    chain = load_chain()
    stage_select(
        actor=actor_of(organiser(chain.mae_rim)), contest=chain.district_stage, units=[chain.rim_nua], now=OPEN
    )
    chiang_mai = organiser(chain.mae_rim.parent)
    stage_select(actor=actor_of(chiang_mai), contest=chain.region_stage, units=[chain.rim_nua], now=OPEN)
    return chain, chiang_mai


@pytest.mark.parametrize("unit", ["abc", "1.5", "๑", "9" * 30])
@pytest.mark.parametrize("action", ["pick", "withdraw", "files"])
def test_a_stage_form_naming_no_number_is_a_thai_400_and_changes_nothing(picked, action, unit):
    chain, chiang_mai = picked
    client = Client(raise_request_exception=False)
    client.force_login(chiang_mai)
    data = {"unit": unit, "code": "video"}
    if action == "files":
        data["file"] = SimpleUploadedFile("clip.mp4", mp4(360))
    before = list(StageEntry.objects.values_list("pk", "unit_id", "stage_id"))

    response = client.post(f"/standings/stages/{chain.region_stage.slug}/{action}/", data)

    page = response.content.decode()
    assert response.status_code == 400
    assert "คำขอไม่ถูกต้อง" in page and "Bad request" not in page
    assert list(StageEntry.objects.values_list("pk", "unit_id", "stage_id")) == before
    assert not StageUpload.objects.exists()


# -- a download's file name ------------------------------------------------------------------------------


def test_a_line_break_in_a_downloads_name_is_dropped_not_a_500(db, chiang_mai):
    d1 = DistrictFactory(parent=chiang_mai)
    rubric = office_contest("cm-web-2564", chiang_mai, d1)
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai))
    form = to_form(rubrics.selectors.contest_file(rubric)).dict()

    response = client.post(
        "/standings/contests/build/", {**form, "slug": "cm\r\nSet-Cookie: x=1", "action": "download"}
    )

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="cmSet-Cookie: x=1.json"'
    assert "Set-Cookie" not in {k for k, _ in response.items()} - {"Content-Disposition"}


@pytest.mark.parametrize(
    ("name", "inline", "header"),
    [
        ("report.pdf", False, 'attachment; filename="report.pdf"'),
        ("a\nb\x00c\x7f.pdf", False, 'attachment; filename="abc.pdf"'),
        ('say "hi"\\.pdf', True, "inline; filename=\"say _hi__.pdf\"; filename*=UTF-8''say%20%22hi%22%5C.pdf"),
        ("รายงาน.pdf", False, "attachment; filename=\"______.pdf\"; filename*=UTF-8''%E0%B8%A3%E0%B8%B2%E0%B8%A2"
         "%E0%B8%87%E0%B8%B2%E0%B8%99.pdf"),
        ("\r\n", False, 'attachment; filename="file"'),
    ],
)  # fmt: skip
def test_every_content_disposition_is_one_safe_header(name, inline, header):
    assert content_disposition(name, inline=inline) == header


# -- deeply nested JSON ----------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [40, 900, 100_000])
@pytest.mark.parametrize(
    ("path", "field", "role"), [("facts", "facts", "central"), ("judgments", "criterion", "committee")]
)
def test_deeply_nested_json_to_the_api_is_a_thai_first_400(rubric, path, field, role, depth):
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(role=Role.CENTRAL if role == "central" else Role.COMMITTEE))
    body = '{"%s": %s}' % (field, "[" * depth + "]" * depth)  # noqa: UP031 (the braces are the JSON's)

    response = client.post(f"/api/v1/years/2566/{path}/", body, content_type="application/json")

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["code"], error["th"], error["en"]) == (
        "parse_error",
        "ข้อมูลที่ส่งมาซ้อนกันเกิน 32 ชั้น",
        "the JSON body nests deeper than 32 levels",
    )


# -- stage files -----------------------------------------------------------------------------------------

LAUNCH = b"2 0 obj\n<< /Type /Action /S /Launch /F (calc.exe) /Next 3 0 R >>\nendobj\n"
SCRIPT = b"3 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>\nendobj\n"
HOSTILE = [
    ("lessons-province", "lessons.pdf", files.pdf(b"<< /OpenAction 2 0 R >>\n" + LAUNCH + SCRIPT)),
    ("lessons-province", "lessons.html", b"%PDF-1.4\n" + HTML + b"\n%%EOF\n"),
    ("video", "clip.exe", mp4(360) + b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64),
]


@pytest.mark.parametrize(("code", "name", "content"), HOSTILE, ids=["pdf-launch-js", "html", "exe-video"])
def test_a_stage_file_goes_through_the_evidence_checks(picked, settings, tmp_path, code, name, content):
    settings.MEDIA_ROOT = tmp_path
    chain, chiang_mai = picked
    with pytest.raises(PortalError) as caught:
        stage_file_submit(
            actor=actor_of(chiang_mai),
            contest=chain.region_stage,
            unit=chain.rim_nua,
            code=code,
            upload=SimpleUploadedFile(name, content),
        )
    assert THAI.match(str(caught.value))
    assert caught.value.code == "upload_refused"
    assert not StageUpload.objects.exists()
    assert not any(tmp_path.rglob("*.*"))


def test_a_stage_file_is_stored_under_a_name_the_server_makes(picked, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    chain, chiang_mai = picked
    sent = stage_file_submit(
        actor=actor_of(chiang_mai),
        contest=chain.region_stage,
        unit=chain.rim_nua,
        code="lessons-province",
        upload=SimpleUploadedFile("../lessons.html", files.pdf()),
    )
    assert re.fullmatch(r"stages/\d{4}/[0-9a-f]{32}\.pdf", sent.file.name)


# -- contest codes ---------------------------------------------------------------------------------------


@pytest.fixture
def phuket_draft(db, phuket):
    """Phuket's draft, cb-web-2564 (its next year's would be cb-web-2565), before Chiang Mai tries codes."""
    from rubrics import services

    kathu = DistrictFactory(parent=phuket)
    data = contest_file(slug="pk-web-2564", organiser="83", entrants=[kathu.code])
    rubric = services.rubric_load(data=data)
    Contest.objects.filter(pk=rubric.contest_id).update(state=ContestState.DRAFT)
    return rubric.contest


@pytest.mark.parametrize("slug", ["pk-web-2564", "pk-web-2565", "pk-web-2570"])
def test_another_offices_code_and_its_next_years_are_refused_alike(client, phuket_draft, chiang_mai, slug):
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai))
    district = DistrictFactory(parent=chiang_mai)
    before = set(Contest.objects.values_list("slug", flat=True))

    response = upload(client, json.dumps(contest_file(slug=slug, entrants=[district.code])).encode())

    page = response.content.decode()
    assert (f"รหัสการประกวด {slug} ใช้ไม่ได้ กรุณาใช้รหัสใหม่ที่ขึ้นต้นด้วย chiangmai-") in page
    assert "ถูกใช้แล้ว" not in page and "taken" not in page
    assert set(Contest.objects.values_list("slug", flat=True)) == before


def test_an_office_takes_its_own_next_years_code(client, phuket_draft, phuket):
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=phuket))
    district = DistrictFactory(parent=phuket)
    upload(client, json.dumps(contest_file(slug="pk-web-2565", organiser="83", entrants=[district.code])).encode())
    assert Contest.objects.get(slug="pk-web-2565").organiser == phuket


# -- the admin's award filter ----------------------------------------------------------------------------


def test_the_award_filter_names_only_awards_of_contests_the_user_sees(rubric, chiang_mai):
    draft = office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    Contest.objects.filter(pk=draft.contest_id).update(state=ContestState.DRAFT)
    AwardTier.objects.filter(pk=AwardTier.objects.filter(rubric=draft).first().pk).update(
        code="secret", name_th="รางวัลลับของร่าง"
    )
    request = RequestFactory().get("/admin/scoring/standing/")
    request.user = UserFactory(role=Role.COMMITTEE)

    found = AwardFilter(request, {}, Standing, site._registry[Standing]).lookups(request, None)

    assert "secret" not in dict(found) and "รางวัลลับของร่าง" not in dict(found).values()
    national = dict(AwardTier.objects.filter(rubric=rubric).values_list("code", "name_th"))
    assert dict(found) == {**national, "-": "ไม่ได้รับรางวัล"}


# -- the verify page's issuer ----------------------------------------------------------------------------


def test_the_verify_page_names_the_issuing_office_in_english_too(db, chiang_mai, central_user):
    rubric = office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    snapshots.standings_freeze(user=central_user, rubric=rubric)  # only frozen results are issued
    code = VerificationCodeFactory(document__rubric=rubric)

    client = Client()
    page = client.get(f"/verify/{code.code}/").content.decode()
    assert "✓ ออกโดยสำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่" in page and "issued by" not in page  # one language a page
    client.post(reverse("set_language"), {"language": "en", "next": f"/verify/{code.code}/"})
    # The English request leaves English active in this thread: the next test in the process reads Thai again.
    with translation.override(translation.get_language()):
        english = client.get(f"/verify/{code.code}/").content.decode()
    assert "issued by the Chiang Mai Provincial Community Development Office" in english
    assert "issued by the Department" not in english
