"""Who sees and who picks on a stage's page (seed 002): the office that picks at a stage sees that stage
and the ones below, its own pool and picks only; anyone else gets 404 (anonymous: the login page)."""

import re

import pytest

from committee.models import Panelist
from contests.models import Unit
from people.models import Role
from stages.models import StageEntry
from tests.factories import PASSWORD, DistrictFactory, UserFactory, office_contest
from tests.stages.stage_support import chain_fixtures, organiser

pytestmark = pytest.mark.django_db

DISTRICT, REGION = "/standings/stages/model-subdistrict-2565/", "/standings/stages/model-subdistrict-region-2565/"


built, chain = chain_fixtures()


def page(client, user, url, *, method="get", data=None):
    if user is not None:
        client.login(username=user.username, password=PASSWORD)
    return getattr(client, method)(url, data or {})


def test_the_district_organiser_picks_on_its_page(client, chain):
    owner = organiser(chain.mae_rim)
    body = page(client, owner, DISTRICT).content.decode()
    assert "แม่ริมทดสอบ: เลือกผู้เข้าขั้นถัดไป" in body and "ริมเหนือ" in body and "หนองควาย" not in body
    assert "ยังต้องเลือกอีก ๑ ภายใน ๑๕ ธ.ค. ๒๕๖๔" in body
    done = page(client, None, DISTRICT + "pick/", method="post", data={"unit": [chain.rim_nua.pk]})
    assert done.status_code == 302 and done.url == DISTRICT
    assert [e.unit for e in StageEntry.objects.all()] == [chain.rim_nua]
    body = page(client, None, DISTRICT).content.decode()
    assert "<li>ครบแล้ว</li>" in body and "เขตตรวจราชการที่ ๑๕" in body  # Chiang Mai's region


def test_a_refused_pick_is_shown_thai_first(client, chain):
    page(client, organiser(chain.mae_rim), DISTRICT + "pick/", method="post", data={"unit": [chain.nong_kwai.pk]})
    body = page(client, None, DISTRICT).content.decode()
    assert f"หนองควาย ({chain.nong_kwai.code}) ไม่ได้อยู่ในแม่ริมทดสอบ</li>" in body and "Nong Khwai" not in body
    assert not StageEntry.objects.exists()


def test_another_district_sees_its_own_pool_not_the_first_ones_picks(client, chain):
    page(client, organiser(chain.mae_rim), DISTRICT + "pick/", method="post", data={"unit": [chain.rim_nua.pk]})
    client.logout()
    body = page(client, organiser(chain.hang_dong), DISTRICT).content.decode()
    assert "หนองควาย" in body and "ริมเหนือ" not in body


def test_a_district_never_sees_the_stage_above_it(client, chain):
    assert page(client, organiser(chain.mae_rim), REGION).status_code == 404


def test_the_province_sees_its_stage_and_its_districts_picks_below(client, chain):
    page(client, organiser(chain.mae_rim), DISTRICT + "pick/", method="post", data={"unit": [chain.rim_nua.pk]})
    client.logout()
    chiang_mai = organiser(chain.mae_rim.parent)
    below = page(client, chiang_mai, DISTRICT)
    assert below.status_code == 200 and "ริมเหนือ" in below.content.decode()
    assert "เลือกผู้เข้าขั้นถัดไป" not in below.content.decode()  # it sees, it does not pick there
    assert page(client, None, DISTRICT + "pick/", method="post", data={"unit": [chain.rim_nua.pk]}).status_code == 404
    own = page(client, None, REGION).content.decode()
    assert "เชียงใหม่: เลือกผู้เข้าขั้นถัดไป" in own and "เลือกได้อีก ๒ จาก ๒" in own


def test_another_province_sees_the_stages_but_none_of_chiang_mais_picks(client, chain):
    page(client, organiser(chain.mae_rim), DISTRICT + "pick/", method="post", data={"unit": [chain.rim_nua.pk]})
    client.logout()
    phuket = organiser(Unit.objects.get(code="TH-83"))
    assert "ริมเหนือ" not in page(client, phuket, DISTRICT).content.decode()
    body = page(client, None, REGION).content.decode()
    assert "ภูเก็ต: เลือกผู้เข้าขั้นถัดไป" in body and "ริมเหนือ" not in body
    post = page(client, None, REGION + "pick/", method="post", data={"unit": [chain.rim_nua.pk]})
    assert post.status_code == 302 and not StageEntry.objects.filter(stage__contest__slug__contains="region").exists()


def test_central_staff_see_every_pick_by_region(client, chain, central_user):
    page(client, organiser(chain.mae_rim), DISTRICT + "pick/", method="post", data={"unit": [chain.rim_nua.pk]})
    client.logout()
    body = page(client, central_user, DISTRICT).content.decode()
    assert "เขตตรวจราชการที่ ๑๕" in body and "ริมเหนือ" in body


@pytest.mark.parametrize("who", ["anonymous", "panelist", "committee", "office staff"])
def test_nobody_else_sees_or_picks(client, chain, who, committee_user):
    chonburi = Unit.objects.get(code="TH-20")
    user = {
        "anonymous": None,
        "committee": committee_user,
        "office staff": UserFactory(role=Role.OFFICE_STAFF, role__unit=chain.mae_rim),
        "panelist": UserFactory(role=Role.OFFICE_STAFF, role__unit=chonburi),
    }[who]
    if who == "panelist":  # seated on another office's contest
        contest = office_contest("cb-web-test", chonburi, DistrictFactory(parent=chonburi)).contest
        Panelist.objects.create(contest=contest, user=user, appointed_by=UserFactory(role=Role.CENTRAL))
    for url in (DISTRICT, REGION):
        got = page(client, user, url)
        assert got.status_code == (302 if user is None else 404)
    post = page(client, None, DISTRICT + "pick/", method="post", data={"unit": [chain.rim_nua.pk]})
    assert post.status_code == (302 if user is None else 404)
    assert not StageEntry.objects.exists()


def test_the_stage_list_names_only_the_users_stages(client, chain):
    body = page(client, organiser(chain.mae_rim), "/standings/stages/").content.decode()
    assert "ระดับเขตตรวจราชการ" not in body and DISTRICT in body


def test_the_province_picks_from_its_stages_results_best_first(client, chain):
    from decimal import Decimal

    from rubrics.models import ContestPeriod
    from scoring.models import Standing

    for district, unit in ((chain.mae_rim, chain.rim_nua), (chain.hang_dong, chain.nong_kwai)):
        page(client, organiser(district), DISTRICT + "pick/", method="post", data={"unit": [unit.pk]})
        client.logout()
    below = ContestPeriod.objects.get(contest=chain.district_stage)
    results = Standing.objects.filter(rubric=below)
    # The picks have their rows in the standings of the stage they entered; as if the panel had scored them:
    assert set(results.values_list("unit_id", flat=True)) == {chain.rim_nua.pk, chain.nong_kwai.pk}
    results.filter(unit=chain.rim_nua).update(total=Decimal("71.00"), rank=2)
    results.filter(unit=chain.nong_kwai).update(total=Decimal("88.50"), rank=1)
    body = page(client, organiser(chain.mae_rim.parent), REGION).content.decode()
    assert body.index("หนองควาย") < body.index("ริมเหนือ")
    assert "อันดับ ๑ · ๘๘.๕" in body


def test_the_province_sends_a_pick_s_files_from_its_page(client, chain, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.stages.stage_support import mp4

    settings.MEDIA_ROOT = tmp_path
    page(client, organiser(chain.mae_rim), DISTRICT + "pick/", method="post", data={"unit": [chain.rim_nua.pk]})
    client.logout()
    chiang_mai = organiser(chain.mae_rim.parent)
    page(client, chiang_mai, REGION + "pick/", method="post", data={"unit": [chain.rim_nua.pk]})
    short = SimpleUploadedFile("clip.mp4", mp4(200), content_type="video/mp4")
    send = {"unit": chain.rim_nua.pk, "code": "video", "file": short}
    page(client, None, REGION + "files/", method="post", data=send)
    body = page(client, None, REGION).content.decode()
    assert "วีดิทัศน์ยาว ๓ นาที ๒๐ วินาที แต่หนังสือกำหนด ๕ นาที ๐ วินาที ถึง ๗ นาที ๐ วินาที" in body
    assert f"send-{chain.rim_nua.code}-video" in body
    right = SimpleUploadedFile("clip.mp4", mp4(330), content_type="video/mp4")
    send = {"unit": chain.rim_nua.pk, "code": "video", "file": right}
    page(client, None, REGION + "files/", method="post", data=send)
    body = page(client, None, REGION).content.decode()
    assert "รับไฟล์ ไฟล์วีดิทัศน์ (VDO) ระดับจังหวัด ความยาว ๕–๗ นาที ของ ริมเหนือ แล้ว" in body
    assert f"send-{chain.rim_nua.code}-video" not in body and f"send-{chain.rim_nua.code}-lessons-province" in body


def test_only_central_staff_import_the_register(client, chain, central_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from stages.models import PastModel

    def sheet():
        return SimpleUploadedFile("r.csv", f"code,year,level\n{chain.rim_tai.code},2563,อำเภอ\n".encode())

    url = "/standings/stages/register/"
    assert page(client, organiser(chain.mae_rim.parent), url, method="post", data={"file": sheet()}).status_code == 403
    client.logout()
    assert "ทะเบียนสารสนเทศตำบลต้นแบบในอดีต" in page(client, central_user, "/standings/stages/").content.decode()
    page(client, None, url, method="post", data={"file": sheet(), "source": "ระบบรายงานข้อมูล online"})
    assert list(PastModel.objects.values_list("unit", "year")) == [(chain.rim_tai.pk, 2563)]
    assert "ระบบรายงานข้อมูล online · r.csv · ๑ แถว" in page(client, None, "/standings/stages/").content.decode()


def test_after_the_deadline_the_page_offers_no_pick_nor_withdrawal(client, chain, clock):
    page(client, organiser(chain.mae_rim), DISTRICT + "pick/", method="post", data={"unit": [chain.rim_nua.pk]})
    client.logout()
    clock(2021, 12, 16, 9, 0)  # 15 Dec 2564 was a working day: the day after is closed
    owner = organiser(chain.mae_rim)
    body = page(client, owner, DISTRICT).content.decode()
    assert "ปิดการคัดเลือกแล้ว</strong> (กำหนด" in body
    assert 'type="checkbox"' not in body and "ถอน</button>" not in body and 'id="pick-button"' not in body
    client.logout()
    other = page(client, organiser(chain.hang_dong), DISTRICT).content.decode()
    assert "เลือกไม่ครบ ขาดอีก ๑ และปิดการคัดเลือกแล้ว" in other


def _home_card(client) -> str:
    body = client.get("/").content.decode()
    card = body[body.index('id="stages-due"') :]
    return card[: card.index("</section>")]


def test_the_pickers_home_says_how_many_it_may_pick_and_by_when(client, chain, clock):
    """A district that picks is told so on its home, never "ยังไม่มีการประกวด" with no word of picking."""
    clock(2021, 12, 13, 9, 0)  # a Monday: Tue 14 and Wed 15 Dec are working days
    owner = organiser(chain.mae_rim)
    client.login(username=owner.username, password=PASSWORD)
    card = _home_card(client)
    assert "เลือกได้อีก ๑ จาก ๑" in card and "กำหนด ๑๕ ธ.ค. ๒๕๖๔" in card and "เหลือ ๒ วันทำการ" in card
    assert 'href="/standings/stages/model-subdistrict-2565/"' in card
    home = client.get("/").content.decode()
    assert "ยังไม่มีการประกวด" not in home
    # The same task heads "what to do now", the card every role's home opens with.
    todo = home[home.index('id="todo"') : home.index('id="stages-due"')]
    assert re.search(r'data-todo="pick"><a href="/standings/stages/model-subdistrict-2565/">คัดเลือกอีก ๑ จาก ๑: ', todo)
    assert "กำหนด ๑๕ ธันวาคม ๒๕๖๔" in todo and "เหลือ ๒ วันทำการ" in todo
    client.post(DISTRICT + "pick/", {"unit": [chain.rim_nua.pk]})
    assert "เลือกครบแล้ว (๑/๑)" in _home_card(client)
    assert 'data-todo="pick"' not in client.get("/").content.decode()
    clock(2021, 12, 16, 9, 0)
    assert "ปิดการคัดเลือกแล้ว (กำหนด ๑๕ ธ.ค. ๒๕๖๔) · เลือกไว้ ๑ จาก ๑" in _home_card(client)


def test_a_full_or_closed_stage_calls_no_row_pickable_and_its_nav_has_no_matrix(client, chain, clock):
    owner = organiser(chain.mae_rim)
    page(client, owner, DISTRICT + "pick/", method="post", data={"unit": [chain.rim_nua.pk]})
    body = page(client, None, DISTRICT).content.decode()
    assert "<td>เลือกได้</td>" not in body  # the one place is taken
    assert 'data-key="panel-matrix"' not in body and "ให้คะแนนการประกวด" not in body  # its office runs no panel


def test_the_regional_stage_gives_one_date_its_deadline_not_the_guide_s_year_beside_it(client, chain):
    body = page(client, organiser(Unit.objects.get(code="TH-50")), REGION).content.decode()

    rule = body.split('id="stage-rule"', 1)[1].split("</div>", 1)[0]
    assert 'กำหนดคัดเลือก <strong id="stage-deadline">๑๕ ธ.ค. ๒๕๖๔</strong>' in rule
    assert "แจ้งทะเบียนรายชื่อสารสนเทศตำบลต้นแบบฯ ให้กรมการพัฒนาชุมชน ภายใน …;" in rule
    assert "ธันวาคม" not in rule
