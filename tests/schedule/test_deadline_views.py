"""The criterion's page where whoever runs a contest moves its deadline (schedule.deadline_views), asked of each
kind of person: the organiser of its own contest (the admin answers it 403: this is its door), central staff
in the national one, another office, another contest's organiser, its panelist, a conflicted member,
anonymous; the second factor asked before anything moves."""

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.http import urlencode

from committee.panels import panelist_appoint
from notices.models import Kind, Receipt
from people.models import Conflict, Role
from rubrics import timetable
from rubrics.models import Criterion, RubricChange
from tests.factories import DistrictFactory, UserFactory, monthly_contest, office_contest
from tests.rubrics.test_deadline_move import PDF
from tests.security.test_lock_asks import asks  # noqa: F401  (every ask of an act, counted)
from tests.security.test_privileged_acts import confirmed_session

FACTOR_PAGE = "/accounts/second-factor/"
MOVE = {"deadline": "31/08/2564", "reason": "ขยายเวลา", "letter_number": "ชม 0019/ว 1234", "letter_date": "10/08/2564"}


@pytest.fixture
def office(chiang_mai, phuket):
    """Chiang Mai's contest among one district (1.1 due 15 August 2564), its organiser, the district's staff,
    a panelist; Phuket's organiser and staff."""
    district = DistrictFactory(parent=chiang_mai)
    rubric = office_contest("cm-web-2564", chiang_mai, district)
    people = {
        "owner": UserFactory(role=Role.ORGANISER, role__unit=chiang_mai),
        "entrant": UserFactory(role=Role.OFFICE_STAFF, role__unit=district),
        "panelist": UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai),
        "other_office": UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket),
        "other_organiser": UserFactory(role=Role.ORGANISER, role__unit=phuket),
    }
    panelist_appoint(by=people["owner"], contest=rubric.contest, user=people["panelist"])
    timetable.criterion_deadline_set(
        user=people["owner"], rubric=rubric, code="1.1", deadline=dt.date(2021, 8, 15), reason="กำหนดส่ง"
    )
    return rubric, people, district


def _url(rubric, code="1.1"):
    return reverse("schedule:criterion", args=[rubric.key, code])


def test_the_organiser_moves_its_own_contests_deadline_by_letter_from_the_page(client, office):
    rubric, people, _ = office
    client.force_login(people["owner"])
    page = client.get(_url(rubric)).content.decode()
    assert 'id="deadline-move-form"' in page and 'name="letter_number"' in page and 'name="letter_pdf"' in page
    # Its own office's letter, numbered as that office numbers its letters: never the Department's.
    assert "ระบุกำหนดส่งใหม่ เหตุผล และหนังสือของสำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่ " in page
    assert "ตามที่ปรากฏในหนังสือของสำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่ เช่น ชม 0019/ว 1234" in page
    assert "หนังสือของกรม" not in page and "มท 0410.4" not in page

    response = client.post(_url(rubric), {**MOVE, "letter_pdf": SimpleUploadedFile("ว1234.pdf", PDF)})

    assert (response.status_code, response["Location"]) == (302, _url(rubric) + "#deadline-moved")
    assert Criterion.objects.get(rubric=rubric, code="1.1").deadline == dt.date(2021, 8, 31)
    change = RubricChange.objects.order_by("-pk").first()
    assert (change.user, change.letter_number, change.letter_date) == (
        people["owner"],
        "ชม 0019/ว 1234",
        dt.date(2021, 8, 10),
    )
    assert change.letter_file and Receipt.objects.get(user=people["entrant"]).notice.kind == Kind.DEADLINE_MOVED
    page = client.get(_url(rubric)).content.decode()
    assert "เลื่อนกำหนดส่งตัวชี้วัด ๑ แล้ว" in page  # "๑", as the contest numbers it
    # Its account: the one entrant's staff has no address, so it is told in the portal alone (test_outreach.py).
    assert "แจ้งแล้ว ๐ แห่ง · แจ้งไว้ก่อนแล้ว ๐ แห่ง · แจ้งไม่ได้ ๑ แห่ง" in page
    box = page.split('id="deadline-moved"')[1].split("</section>")[0]
    assert "ตามหนังสือ ที่ ชม 0019/ว 1234 ลงวันที่ ๑๐ สิงหาคม ๒๕๖๔" in box
    assert reverse("schedule:deadline_letter", args=[rubric.key, change.pk]) in box
    assert people["owner"].username in box  # whoever runs it reads who moved it


def test_a_move_asks_its_act_twice_the_pages_loader_and_the_service(client, office, asks):  # noqa: F811
    rubric, people, _ = office
    client.force_login(people["owner"])
    response = client.post(_url(rubric), {**MOVE, "letter_pdf": SimpleUploadedFile("ว1234.pdf", PDF)})
    assert response.status_code == 302
    mine = [(name, about) for who, name, about in asks if who == people["owner"].pk]
    assert mine == [("rubrics.change_deadline", "ContestPeriod")] * 2


def test_a_half_cited_letter_is_refused_beside_its_box_and_nothing_moves(client, office):
    rubric, people, _ = office
    client.force_login(people["owner"])
    response = client.post(_url(rubric), {**MOVE, "letter_date": ""})
    assert response.status_code == 400
    assert "ระบุทั้งเลขที่หนังสือและวันที่ของหนังสือ" in response.content.decode()
    assert Criterion.objects.get(rubric=rubric, code="1.1").deadline == dt.date(2021, 8, 15)


@pytest.mark.parametrize("who", ["panelist", "other_office", "other_organiser"])
def test_nobody_else_sees_or_moves_it(client, office, who):
    rubric, people, _ = office
    client.force_login(people[who])
    assert client.get(_url(rubric)).status_code == 404
    assert client.post(_url(rubric), MOVE).status_code == 404
    assert Criterion.objects.get(rubric=rubric, code="1.1").deadline == dt.date(2021, 8, 15)


def test_an_entrants_staff_is_sent_to_its_own_page_and_cannot_move_it(client, office):
    rubric, people, district = office
    client.force_login(people["entrant"])
    landed = client.get(_url(rubric))
    page = reverse("submissions:criterion", args=[rubric.key, district.code, "1.1"])
    assert landed["Location"] == page + "#deadline-moved"
    assert client.post(_url(rubric), MOVE).status_code == 404
    assert Criterion.objects.get(rubric=rubric, code="1.1").deadline == dt.date(2021, 8, 15)


def test_anonymous_is_sent_to_sign_in(client, office):
    rubric, _, _ = office
    assert client.get(_url(rubric))["Location"].startswith(reverse("login"))
    assert client.post(_url(rubric), MOVE).status_code == 302
    assert Criterion.objects.get(rubric=rubric, code="1.1").deadline == dt.date(2021, 8, 15)


def test_a_conflicted_member_cannot_move_a_national_deadline_central_can(client, rubric, chiang_mai):
    member = UserFactory(role=Role.COMMITTEE)
    Conflict.objects.create(member=member, unit=chiang_mai)
    client.force_login(member)
    url = _url(rubric, "4.1.1")
    assert client.get(url).status_code == 404 and client.post(url, {"deadline": "14/06/2566"}).status_code == 404
    client.force_login(UserFactory(role=Role.CENTRAL))
    page = client.get(url).content.decode()
    assert 'id="deadline-move-form"' in page
    assert "ระบุกำหนดส่งใหม่ เหตุผล และหนังสือของกรม " in page  # central staff cite the Department's letter
    assert "ตามที่ปรากฏในหนังสือของกรม เช่น มท 0410.4/ว 6001" in page


def test_without_the_second_factor_the_page_asks_for_it_first(client, office, second_factor_required):
    rubric, people, _ = office
    client.force_login(people["owner"])
    response = client.post(_url(rubric), MOVE)
    assert response.status_code == 302 and response["Location"].startswith(FACTOR_PAGE)
    assert Criterion.objects.get(rubric=rubric, code="1.1").deadline == dt.date(2021, 8, 15)


def test_the_code_is_asked_before_the_form_so_its_letter_is_never_lost(client, office, second_factor_required):
    rubric, people, _ = office
    client.force_login(people["owner"])
    page = client.get(_url(rubric)).content.decode()
    assert 'id="deadline-move-form"' not in page
    code = f"{FACTOR_PAGE}?{urlencode({'next': _url(rubric)})}"
    assert f'<a class="button primary" href="{code.replace("&", "&amp;")}">' in page
    assert 'id="deadline-move-form"' in confirmed_session(client, people["owner"]).get(_url(rubric)).content.decode()


def test_the_revision_history_leads_whoever_runs_the_contest_to_each_criterions_page(client, office):
    rubric, people, _ = office
    client.force_login(people["owner"])
    html = client.get(reverse("rubrics:rubric_changes", args=[rubric.key])).content.decode()
    assert f'href="{_url(rubric)}"' in html and f'href="{_url(rubric, "5.1")}"' in html


NATIONAL = {"reason": "อุทกภัย", "letter_number": "มท 0410.4/ว 6001", "letter_date": "25/05/2566"}


def test_the_form_ticks_the_criterion_timing_the_same_files_and_unticking_it_leaves_it(client, rubric, central_user):
    client.force_login(central_user)
    url = _url(rubric, "4.1.1")
    page = client.get(url).content.decode()
    box = re.search(r'<input type="checkbox" name="also" value="criterion:4\.1\.2"[^>]*>', page)
    assert box is not None and "checked" in box.group(0)  # ticked until the person unticks it
    before = Criterion.objects.get(rubric=rubric, code="4.1.2").deadline

    client.post(url, {**NATIONAL, "deadline": "14/06/2566"})  # the box left out: unticked
    assert Criterion.objects.get(rubric=rubric, code="4.1.1").deadline == dt.date(2023, 6, 14)
    assert Criterion.objects.get(rubric=rubric, code="4.1.2").deadline == before

    moved = client.post(url, {**NATIONAL, "deadline": "16/06/2566", "also": ["criterion:4.1.2"]}, follow=True)
    assert Criterion.objects.get(rubric=rubric, code="4.1.2").deadline == dt.date(2023, 6, 16)  # left ticked
    said = "เลื่อนกำหนดส่งตัวชี้วัด ๔.๑.๑ แล้ว"  # Thai digits, as its page writes it
    done = [str(m) for m in moved.context["messages"] if m.level_tag == "success"]
    assert done == [said, said]  # the unticked move's, then this one's


def test_the_form_lists_the_round_due_on_the_deadline_as_a_ticked_box(client, rubric, central_user):
    """1.2's second report is due on its deadline: a box ticked until unticked, named with its date; its first
    report, due 31 March, does not move with it and has no box."""
    client.force_login(central_user)
    page = client.get(_url(rubric, "1.2")).content.decode()
    boxes = re.findall(r'<input type="checkbox" name="also" value="([^"]+)"([^>]*)>', page)
    assert [(value, "checked" in rest) for value, rest in boxes] == [("round:2", True)]
    assert "รายงานครั้งที่ ๒ (กำหนดส่งเดิม ๓๐ มิถุนายน ๒๕๖๖)" in page


def test_the_rounds_list_names_a_round_written_for_a_closed_day_by_both_dates(client, rubric, central_user):
    """4.2's January report is written for Sunday 15 January 2566 and falls due on Monday the 16th."""
    client.force_login(central_user)
    page = client.get(_url(rubric, "4.2")).content.decode()
    january = re.search(r'<li data-round-due="2023-01-15">([^<]*)</li>', page).group(1)
    assert january.endswith(": ๑๕ มกราคม ๒๕๖๖ (วันหยุดราชการ) → เลื่อนเป็น ๑๖ มกราคม ๒๕๖๖")


@pytest.fixture
def monthly(chiang_mai):
    district = DistrictFactory(parent=chiang_mai)
    april = monthly_contest("cm-milestones-2568", chiang_mai, district)
    owner = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    return april.contest, owner, UserFactory(role=Role.OFFICE_STAFF, role__unit=district)


def test_a_monthly_contests_move_names_its_month_in_the_confirmation_and_the_notice(client, monthly, clock):
    contest, owner, staff = monthly
    clock(2025, 4, 1, 10, 0)
    april = contest.rubrics.get(period="2568-04")
    client.force_login(owner)
    url = _url(april, "4.1.1")
    assert 'id="period-name">เมษายน ๒๕๖๘</span>' in client.get(url).content.decode()

    moved = client.post(url, {**MOVE, "deadline": "25/04/2568", "letter_date": "01/04/2568"}, follow=True)

    # The first message names the month; the second is the move's account of whom it told (tests/notices).
    assert str(next(iter(moved.context["messages"]))) == "เลื่อนกำหนดส่งตัวชี้วัด ๔.๑ (เมษายน ๒๕๖๘) แล้ว"
    notice = Receipt.objects.get(user=staff).notice
    assert notice.params["contest"] == f"{contest.name_th} · เมษายน ๒๕๖๘"
