"""The fact template on the contest's page: whoever runs the contest downloads it and sends it
back through the same upload; nobody else learns it exists."""

import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from committee import services as committee_services
from people.models import Role
from rubrics import services
from scoring.models import Fact
from tests.factories import DistrictFactory, UserFactory, office_contest

from .fact_sheets import fill, template_bytes

DATA = "ข้อมูล facts"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def missions(db, chiang_mai):
    units = [DistrictFactory(parent=chiang_mai, dopa_code=f"505{n}", name_th=f"อำเภอ{n}") for n in (1, 2)]
    data = json.loads(open("rubrics/rubric_files/nongkhai-missions-2565.json", encoding="utf-8").read())
    entrants = [u.code for u in units]
    data["contest"] = {**data["contest"], "slug": "cm-missions-2565", "organiser": "50", "entrants": entrants}
    return services.rubric_load(data=data), units


@pytest.fixture
def people(missions, chiang_mai, phuket):
    rubric, (d1, _) = missions
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    panelist = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    committee_services.panelist_appoint(by=organiser, contest=rubric.contest, user=panelist)
    other = UserFactory(role=Role.ORGANISER, role__unit=phuket)
    office_contest("pk-web-2564", phuket, DistrictFactory(parent=phuket))  # the other organiser runs its own
    return {
        "central": UserFactory(role=Role.CENTRAL),
        "organiser": organiser,
        "other_organiser": other,
        "entrant_office": UserFactory(role=Role.OFFICE_STAFF, role__unit=d1),
        "panelist": panelist,
        "committee": UserFactory(role=Role.COMMITTEE),
        "anonymous": None,
    }


def as_(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


def test_whoever_runs_the_contest_downloads_it_and_nobody_else_sees_it(client, people):
    url = reverse("scoring:facts_template", args=["cm-missions-2565"])
    got = {who: as_(client, user).get(url).status_code for who, user in people.items()}
    assert got == {
        "central": 200,
        "organiser": 200,
        "other_organiser": 404,
        "entrant_office": 404,
        "panelist": 404,
        "committee": 404,
        "anonymous": 302,
    }
    response = as_(client, people["organiser"]).get(url)
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="cm-missions-2565-fact-template.xlsx"'
    assert load_workbook(io.BytesIO(response.content)).sheetnames == [DATA, "คำอธิบาย about"]


def test_the_national_contest_answers_403_as_its_pages_do(
    client, rubric, central_user, provincial_user, committee_user
):
    url = reverse("scoring:facts_template", args=[2566])
    got = {
        who: as_(client, user).get(url).status_code
        for who, user in [("central", central_user), ("provincial", provincial_user), ("committee", committee_user)]
    }
    assert got == {"central": 200, "provincial": 403, "committee": 403}
    ws = load_workbook(io.BytesIO(as_(client, central_user).get(url).content))[DATA]
    assert ws.max_row == 5 + 76  # two lines, three header rows, the 76 provincial offices
    assert [c.value for c in ws[5]][2:5] == ["households_collected", "households_target", "confidence_pct"]


def test_the_template_costs_the_same_queries_for_more_entrants(
    client, people, missions, chiang_mai, django_assert_num_queries
):
    rubric, _ = missions
    as_(client, people["organiser"])
    url = reverse("scoring:facts_template", args=["cm-missions-2565"])
    client.get(url)  # the rubric's parsed spec is cached from here on, as in a running server
    with django_assert_num_queries(7):
        client.get(url)
    more = [DistrictFactory(parent=chiang_mai) for _ in range(5)]
    rubric.contest.entrants.add(*more)
    with django_assert_num_queries(7):
        assert len(load_workbook(io.BytesIO(client.get(url).content))[DATA]["A"]) == 5 + 7


def test_the_page_links_the_template_and_takes_it_back(client, people, missions):
    rubric, (d1, _) = missions
    as_(client, people["organiser"])
    page = client.get(reverse("scoring:facts", args=["cm-missions-2565"])).content.decode()
    assert 'href="/standings/cm-missions-2565/facts/template/"' in page
    assert "ดาวน์โหลดแบบฟอร์มข้อมูลของการประกวดนี้ (XLSX)" in page
    data = fill(template_bytes(rubric.contest), {DATA: {(d1.code, "verified"): 90, (d1.code, "tpmap_target"): 100}})
    upload = io.BytesIO(data)
    upload.name = "แบบฟอร์ม.xlsx"
    response = client.post(reverse("scoring:facts", args=["cm-missions-2565"]), {"file": upload}, follow=True)
    assert "นำเข้าข้อมูลแล้ว: สร้าง 3 แก้ไข 0 ไม่เปลี่ยน 0" in response.content.decode()
    assert Fact.objects.filter(rubric=rubric, name="tpmap_target").count() == 2  # 1.1.1 and 1.4


def test_a_bad_cell_is_shown_on_the_page_thai_first_and_nothing_is_kept(client, people, missions):
    rubric, (d1, _) = missions
    as_(client, people["organiser"])
    upload = io.BytesIO(fill(template_bytes(rubric.contest), {DATA: {(d1.code, "plots"): "แปด"}}))
    upload.name = "filled.xlsx"
    response = client.post(reverse("scoring:facts", args=["cm-missions-2565"]), {"file": upload}, follow=True)
    assert (
        '<li class="error">แถวที่ 6: แผ่นงาน “ข้อมูล facts” ช่อง Y6: แปลงทั้งหมด ต้องเป็นตัวเลข แต่ได้รับ “แปด”</li>'
    ) in response.content.decode()  # Thai alone
    assert not Fact.objects.filter(rubric=rubric).exists()


def test_a_contest_the_panel_scores_says_there_is_nothing_to_fill_in(client, chiang_mai):
    office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    as_(client, UserFactory(role=Role.ORGANISER, role__unit=chiang_mai))
    page = client.get(reverse("scoring:facts", args=["cm-web-2564"])).content.decode()
    assert "ทุกเกณฑ์ให้คะแนนโดยคณะกรรมการ ไม่มีข้อมูลต้องกรอก" in page
