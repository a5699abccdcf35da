"""A stage's files on time or late, and its budget per pick (seed 002): "จัดส่งไฟล์ … ภายใน วันที่ 31
พฤษภาคม 2565" said for each file of each pick, and "งบประมาณดำเนินการตำบลละ 8,700 บาท รวมเป็น 17,400 บาท" as
each office's and each region's totals of its picks, never typed."""

import html as html_lib
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import PASSWORD
from tests.stages.stage_support import load_chain, organiser
from tests.submissions import files

pytestmark = pytest.mark.django_db

DISTRICT, REGION = "/standings/stages/model-subdistrict-2565/", "/standings/stages/model-subdistrict-region-2565/"


def _get(client, user, url, **data):
    client.login(username=user.username, password=PASSWORD)
    return client.post(url, data) if data else client.get(url)


def _lines(body: str, ident: str) -> list[str]:
    block = re.search(rf'<section class="card" id="{ident}">(.*?)</section>', body, re.S)
    assert block is not None, ident
    found = re.findall(r'<ul class="stage-files">(.*?)</ul>', block.group(1), re.S)
    return [
        html_lib.unescape(" ".join(re.sub(r"<[^>]+>", " ", li).split()))
        for ul in found
        for li in re.findall(r"<li.*?</li>", ul)
    ]


def _send(client, clock, who, unit, code: str, when: tuple, body: bytes = b"") -> None:
    """The province sends one file of a pick at a moment in Bangkok, as its page's form does."""
    clock(*when)
    pdf = SimpleUploadedFile("lessons.pdf", files.pdf(body), content_type="application/pdf")
    _get(client, who, REGION + "files/", unit=unit.pk, code=code, file=pdf)


@pytest.fixture
def picked(client, clock):
    clock(2021, 12, 1, 10, 0)
    chain = load_chain()
    _get(client, organiser(chain.mae_rim), DISTRICT + "pick/", unit=[chain.rim_nua.pk])
    _get(client, organiser(chain.hang_dong), DISTRICT + "pick/", unit=[chain.nong_kwai.pk])
    chiang_mai = organiser(chain.mae_rim.parent)
    _get(client, chiang_mai, REGION + "pick/", unit=[chain.rim_nua.pk, chain.nong_kwai.pk])
    return chain, chiang_mai


def test_each_file_of_each_pick_says_on_time_or_late_in_working_days(client, clock, picked, settings, tmp_path):
    chain, chiang_mai = picked
    settings.MEDIA_ROOT = tmp_path
    _send(client, clock, chiang_mai, chain.rim_nua, "lessons-province", (2022, 5, 20, 9, 0))
    # Due Tue 31 May 2565: Wed 1 and Thu 2 Jun are working days, so the 2nd is 2 working days late.
    _send(client, clock, chiang_mai, chain.rim_nua, "lessons-district", (2022, 6, 2, 15, 0), b"district")

    body = _get(client, chiang_mai, REGION).content.decode()

    # ริมเหนือ's three files and หนองควาย's, which has sent none (the picks' order is their offices' codes).
    assert sorted(_lines(body, "pick")) == sorted(
        [
            "ไฟล์ข้อมูลถอดบทเรียน (PDF) ระดับอำเภอ: ยังไม่ส่ง · เลยกำหนด ๒ วันทำการ",
            "ไฟล์ข้อมูลถอดบทเรียน (PDF) ระดับจังหวัด: ยังไม่ส่ง · เลยกำหนด ๒ วันทำการ",
            "ไฟล์วีดิทัศน์ (VDO) ระดับจังหวัด ความยาว ๕–๗ นาที: ยังไม่ส่ง · เลยกำหนด ๒ วันทำการ",
            "ไฟล์ข้อมูลถอดบทเรียน (PDF) ระดับอำเภอ: ส่ง ๒ มิ.ย. ๒๕๖๕ · ช้า ๒ วันทำการ · เปิดไฟล์",
            "ไฟล์ข้อมูลถอดบทเรียน (PDF) ระดับจังหวัด: ส่ง ๒๐ พ.ค. ๒๕๖๕ · ทันกำหนด · เปิดไฟล์",
            "ไฟล์วีดิทัศน์ (VDO) ระดับจังหวัด ความยาว ๕–๗ นาที: ยังไม่ส่ง · เลยกำหนด ๒ วันทำการ",
        ]
    )
    # Whoever runs the contest reads the same beside each pick, by region.
    client.logout()
    central = _get(client, organiser_central(), REGION).content.decode()
    assert "ไฟล์ข้อมูลถอดบทเรียน (PDF) ระดับอำเภอ: ส่ง ๒ มิ.ย. ๒๕๖๕ · ช้า ๒ วันทำการ · เปิดไฟล์" in _lines(central, "regions")


def test_before_the_deadline_an_unsent_file_is_due_not_late(client, clock, picked):
    _, chiang_mai = picked
    clock(2022, 5, 2, 9, 0)
    body = _get(client, chiang_mai, REGION).content.decode()
    assert set(_lines(body, "pick")) == {
        "ไฟล์ข้อมูลถอดบทเรียน (PDF) ระดับอำเภอ: ยังไม่ส่ง · กำหนด ๓๑ พ.ค. ๒๕๖๕",
        "ไฟล์ข้อมูลถอดบทเรียน (PDF) ระดับจังหวัด: ยังไม่ส่ง · กำหนด ๓๑ พ.ค. ๒๕๖๕",
        "ไฟล์วีดิทัศน์ (VDO) ระดับจังหวัด ความยาว ๕–๗ นาที: ยังไม่ส่ง · กำหนด ๓๑ พ.ค. ๒๕๖๕",
    }


def test_the_budget_is_the_document_s_amount_per_pick_times_the_picks(client, picked):
    chain, chiang_mai = picked
    body = html_lib.unescape(_get(client, chiang_mai, REGION).content.decode())
    assert '<p id="stage-budget">งบประมาณ ตำบลละ ๘,๗๐๐ บาท</p>' in body
    assert '<p id="budget-mine">งบประมาณของเชียงใหม่ ๒ ตำบล รวม ๑๗,๔๐๐ บาท</p>' in body
    client.logout()
    central = html_lib.unescape(_get(client, organiser_central(), REGION).content.decode())
    assert "งบประมาณ ๑๗,๔๐๐ บาท: เชียงใหม่ ๒ ตำบล ๑๗,๔๐๐ บาท" in central  # region 15: Chiang Mai's two
    assert "<strong>งบประมาณรวมที่แสดง ๑๗,๔๐๐ บาท</strong>" in central
    # The district stage names no budget: the document budgets the provincial picks.
    district = html_lib.unescape(_get(client, organiser(chain.mae_rim), DISTRICT).content.decode())
    assert 'id="stage-budget"' not in district and 'id="budget-mine"' not in district


def organiser_central():
    from people.models import Role
    from tests.factories import UserFactory

    return UserFactory(role=Role.CENTRAL)


def test_the_province_sees_which_of_its_districts_picks_fail_which_requirement(client, picked):
    from contests.models import Contest
    from scoring.facts.imports import facts_import

    chain, chiang_mai = picked
    rubric = Contest.objects.get(slug="model-subdistrict-2565").rubrics.get()
    answers = {
        "1.2": {"villages": "8", "represented": "7"},
        "2.2": {"areas": "5", "bmn_year": "2563", "nrd_year": "2564"},
        "5.4": {"part1": "ใช่", "part2": "ใช่", "part3": "ใช่"},
    }
    rows = [
        {"province": chain.rim_nua.code, "criterion": code, "fact": name, "value": value}
        for code, facts in answers.items()
        for name, value in facts.items()
    ]
    facts_import(rubric=rubric, rows=rows)

    body = _get(client, chiang_mai, REGION).content.decode()

    row = re.search(rf'<tr id="pool-{chain.rim_nua.code}">(.*?)</tr>', body, re.S).group(1)
    said = [html_lib.unescape(" ".join(re.sub(r"<[^>]+>", " ", li).split())) for li in re.findall(r"<li.*?</li>", row)]
    assert said == [
        "✗ ไม่ผ่านเงื่อนไข: หมู่บ้านที่มีตัวแทนในโครงสร้างการดำเนินงานอย่างน้อย ๑ คน ๗ < จำนวนหมู่บ้านในตำบล ๘",
        "✗ ไม่ผ่านเงื่อนไข: ปี (พ.ศ.) ของข้อมูล จปฐ. ที่ใช้วิเคราะห์ ๒๕๖๓ ≠ ๒๕๖๔",
        "○ มีรายงานการประชุมการดำเนินงาน: คณะกรรมการยังไม่ได้ตรวจ",  # the panel's own check, beside the answers
    ]
    # หนองควาย answered nothing: its seven conditions wait for the subdistrict, none fails yet, and the page says
    # who answers them: the office that picked it (tests/stages/test_picks_answered.py).
    other = re.search(rf'<tr id="pool-{chain.nong_kwai.code}">(.*?)</tr>', body, re.S).group(1)
    assert other.count("○ รอตำบลตอบ: ") == 7 and "ไม่ผ่านเงื่อนไข" not in other  # the villages are no condition
    assert "ตำบลไม่มีเจ้าหน้าที่ของตนเอง สำนักงานที่คัดเลือกตำบลตอบข้อเหล่านี้แทนในหน้าตัวชี้วัดของตำบล" in other


def test_the_picks_export_says_what_the_page_says(client, clock, picked, settings, tmp_path):
    import csv
    import io

    chain, chiang_mai = picked
    settings.MEDIA_ROOT = tmp_path
    _send(client, clock, chiang_mai, chain.rim_nua, "lessons-province", (2022, 6, 2, 15, 0))

    response = _get(client, chiang_mai, REGION + "picks.csv")

    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][8:] == [
        "ไฟล์ข้อมูลถอดบทเรียน (PDF) ระดับอำเภอ / Lessons-learned file (PDF), district level",
        "ไฟล์ข้อมูลถอดบทเรียน (PDF) ระดับจังหวัด / Lessons-learned file (PDF), provincial level",
        "ไฟล์วีดิทัศน์ (VDO) ระดับจังหวัด ความยาว ๕–๗ นาที / Video (provincial level), 5–7 minutes",
        "ไม่ผ่านเงื่อนไข / requirements not met",
        "งบประมาณ (บาท) / budget (baht)",
    ]
    rim_nua = next(r for r in rows if r[2] == chain.rim_nua.code)
    assert rim_nua[:4] == ["เขตตรวจราชการที่ 15", "เชียงใหม่", chain.rim_nua.code, "ริมเหนือ"]
    assert rim_nua[9] == "ส่ง ๒ มิ.ย. ๒๕๖๕ · ช้า ๒ วันทำการ"
    assert rim_nua[11].startswith("หมู่บ้านที่มีตัวแทนในโครงสร้างการดำเนินงานอย่างน้อย ๑ คน: ยังไม่ได้ตอบ; ")
    assert rim_nua[12] == "8700.00"
    assert rows[-1][0] == "รวม" and rows[-1][-2:] == ["2 ราย", "17400.00"]
    # The same page's scope: another province's organiser gets no list of Chiang Mai's picks.
    client.logout()
    phuket = organiser(chain.kathu.parent)
    other = list(csv.reader(io.StringIO(_get(client, phuket, REGION + "picks.csv").content.decode("utf-8-sig"))))
    assert chain.rim_nua.code not in {r[2] for r in other}
    assert _get(client, phuket, REGION + "picks.pdf").status_code == 404


def test_the_api_gives_the_picks_with_their_files_requirements_and_budget(client, clock, picked, settings, tmp_path):
    from contests.models import Contest
    from scoring.facts.imports import facts_import

    chain, chiang_mai = picked
    settings.MEDIA_ROOT = tmp_path
    _send(client, clock, chiang_mai, chain.rim_nua, "lessons-province", (2022, 5, 20, 9, 0))

    body = _get(client, chiang_mai, "/api/v1/contests/model-subdistrict-region-2565/stage/picks/").json()

    assert (body["budget_per_pick"], body["budget_total"]) == ("8700.00", "17400.00")
    rim_nua = next(p for p in body["picks"] if p["entrant"] == chain.rim_nua.code)
    assert (rim_nua["region"], rim_nua["picked_by"]) == (15, "TH-50")
    sent = next(f for f in rim_nua["files"] if f["code"] == "lessons-province")
    assert (sent["deadline"], sent["late_working_days"], sent["text_th"], sent["text_en"]) == (
        "2022-05-31",
        0,
        "ส่ง ๒๐ พ.ค. ๒๕๖๕ · ทันกำหนด",
        "sent 20 May 2022 · on time",
    )
    # Nothing answered yet: the questions wait for the subdistrict, none is failed, and the panel's own check is
    # beside them with its verdict (not checked yet).
    assert rim_nua["unmet"] == []
    assert rim_nua["waiting"][0] == {
        "th": "หมู่บ้านที่มีตัวแทนในโครงสร้างการดำเนินงานอย่างน้อย ๑ คน",
        "en": "villages with at least one representative in the working structure",
    }
    assert len(rim_nua["waiting"]) == 7
    assert rim_nua["panel"] == [
        {
            "code": "minutes",
            "met": None,
            "th": "มีรายงานการประชุมการดำเนินงาน: คณะกรรมการยังไม่ได้ตรวจ",
            "en": "minutes of the working meetings kept: not yet checked by the panel",
        }
    ]
    # Once the panel ticks it on its scoring screen (the confirmed fact), its verdict is beside the answers.
    rubric = Contest.objects.get(slug="model-subdistrict-region-2565").rubrics.get()
    row = {"province": chain.rim_nua.code, "criterion": "1.2", "fact": "confirmed", "value": "minutes"}
    facts_import(rubric=rubric, rows=[row])
    body = _get(client, chiang_mai, "/api/v1/contests/model-subdistrict-region-2565/stage/picks/").json()
    rim_nua = next(p for p in body["picks"] if p["entrant"] == chain.rim_nua.code)
    assert [(v["code"], v["met"]) for v in rim_nua["panel"]] == [("minutes", True)]
    client.logout()
    phuket = organiser(chain.kathu.parent)
    theirs = _get(client, phuket, "/api/v1/contests/model-subdistrict-region-2565/stage/picks/").json()
    assert [p["entrant"] for p in theirs["picks"]] == []  # another province sees none of Chiang Mai's picks
    assert _get(client, phuket, "/api/v1/contests/cdd4-2566/stage/picks/").status_code == 404
