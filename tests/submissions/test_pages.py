from datetime import date

import pytest
from django.urls import reverse

from people.models import Role
from rubrics.models import Criterion
from submissions.models import Evidence, InnovationReport
from tests.factories import PASSWORD, DistrictFactory, UserFactory, entrants_sized, office_contest

from . import files

JSON = {"accept": "application/json"}


def _upload(client, code="1.1", name="a.pdf", n=1):
    for i in range(n):
        client.post(
            reverse("submissions:upload", args=[2566, "TH-50", code]),
            {"file": files.upload(f"{i}{name}", files.pdf_new())},
            headers=JSON,
        )


def test_province_home_lists_every_criterion_with_thai_deadline(owner_client, rubric):
    response = owner_client.get(reverse("submissions:unit", args=[2566, "TH-50"]))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="status-missing"') == Criterion.objects.filter(rubric=rubric).count()
    assert "๓๑ พฤษภาคม ๒๕๖๖" in html
    assert "<strong>๐ / ๑๘</strong>" in html  # the 2566 rubric has 18 criteria
    assert "ยังไม่ส่ง" in html


def test_province_home_counts_submitted_criterion_as_done(owner_client):
    _upload(owner_client, "1.1")

    html = owner_client.get(reverse("submissions:unit", args=[2566, "TH-50"])).content.decode()

    assert "<strong>๑ / ๑๘</strong>" in html
    assert html.count('class="status-submitted"') == 1


def test_province_home_english_switch(owner_client):
    owner_client.post(reverse("set_language"), {"language": "en", "next": "/"})

    html = owner_client.get(reverse("submissions:unit", args=[2566, "TH-50"])).content.decode()

    assert "31 May 2023 (B.E. 2566)" in html
    assert "not submitted" in html


def test_province_home_provisional_points_only_when_allowed(owner_client, rubric):
    url = reverse("submissions:unit", args=[2566, "TH-50"])
    assert "คะแนนเบื้องต้น" not in owner_client.get(url).content.decode()

    rubric.show_provisional = True
    rubric.save(update_fields=["show_provisional"])

    assert "คะแนนเบื้องต้น" in owner_client.get(url).content.decode()


def test_working_days_left_skips_weekend_and_holidays(db):
    from rubrics.selectors import work_calendar
    from schedule.obligations import days_left

    calendar = work_calendar()

    # Fri 26 May 2023 → Wed 31 May: Mon 29, Tue 30, Wed 31 (no holidays that week).
    assert days_left(calendar, date(2023, 5, 26), date(2023, 5, 31)) == 3
    assert days_left(calendar, date(2023, 5, 31), date(2023, 5, 31)) == 0
    # On Mon 5 Jun (substitution for Queen Suthida's birthday, Sat 3 Jun) only Thu 1 and Fri 2 Jun count as late.
    assert days_left(calendar, date(2023, 6, 5), date(2023, 5, 31)) == -2


@pytest.mark.parametrize("criteria", [1, 20])
def test_province_home_query_count_constant(owner_client, django_assert_num_queries, rubric, criteria):
    for c in Criterion.objects.filter(rubric=rubric).order_by("order")[:criteria]:
        if c.code not in ("4.1.2", "5.1", "5.2"):
            _upload(owner_client, c.code, n=2)
    # +1 since the province home lists the committee's open clarification rounds; +2 the navigation bar
    # (is the standing published yet? does this office's staff member sit on a contest's panel?); +1 does
    # the year still take evidence (frozen or published results take none)? The holidays are the rubric's
    # calendar, read once per rubric revision (how the contest reads a closed day), not per page;
    # +4 the schedule's obligations (schedule.selectors.entrant_obligations: the deadlines moved, whether the
    # results are frozen, the uploads, what the Department recorded as received).
    with django_assert_num_queries(17):  # +1: the bell's unread count (notices)
        owner_client.get(reverse("submissions:unit", args=[2566, "TH-50"]))


@pytest.mark.parametrize("n", [1, 8])
def test_criterion_page_query_count_constant(owner_client, django_assert_num_queries, n):
    _upload(owner_client, "1.1", n=n)
    assert Evidence.objects.count() == n
    # 9 + the navigation bar's "is the standing published?" and "on a contest's panel?" + "does the year
    # still take evidence?" (frozen or published results take none) + 4: the schedule's obligations of the
    # criterion (its deadline's moves, whether the results are frozen, its uploads, what the Department
    # recorded as received: schedule.selectors.entrant_obligations). The evidence is scoped for this page's
    # contest alone: not every contest the office enters and their entrants (2 queries fewer, and a fraction of
    # the ORM's work).
    with django_assert_num_queries(18):  # +1: the bell's unread count (notices); +1: the committee's questions
        response = owner_client.get(reverse("submissions:criterion", args=[2566, "TH-50", "1.1"]))
    assert response.content.decode().count('class="evidence"') == n


@pytest.mark.parametrize("entrants", [3, 76])
def test_office_pages_query_count_is_the_same_for_3_or_76_entrants(
    owner_client, django_assert_num_queries, rubric, entrants
):
    # The office's obligations are its own (schedule.selectors.entrant_obligations): what the other entrants
    # sent is never read, however many they are.
    entrants_sized(rubric, entrants)
    _upload(owner_client, "1.2")
    with django_assert_num_queries(17):
        assert owner_client.get(reverse("submissions:unit", args=[2566, "TH-50"])).status_code == 200
    with django_assert_num_queries(18):
        assert owner_client.get(reverse("submissions:criterion", args=[2566, "TH-50", "4.2"])).status_code == 200


@pytest.mark.parametrize("n", [1, 8])
def test_committee_home_query_count_constant(client, committee_user, django_assert_num_queries, provincial_user, n):
    client.force_login(provincial_user)
    for code in ["1.1", "1.2", "1.3", "1.4", "2.1.1", "2.1.2", "2.2.1", "2.2.2"][:n]:
        _upload(client, code)
    client.force_login(committee_user)
    # 6, and 4 for "what to do now": the years judged, frozen or not, the cells with evidence in the member's
    # units counted, and those the member scored (committee.todo)
    # +1: the bell's unread count (notices needing action: the evidence received is for information, so the
    # lock is not asked again about it here)
    with django_assert_num_queries(11):
        response = client.get(reverse("submissions:home"))
    assert response.content.decode().count("/years/2566/provinces/") == 76


def test_criterion_page_shows_upload_with_buddhist_era_time(owner_client):
    _upload(owner_client, "1.1", "report.pdf")

    html = owner_client.get(reverse("submissions:criterion", args=[2566, "TH-50", "1.1"])).content.decode()

    assert 'id="dropzone"' in html
    assert "0report.pdf" in html
    assert "๒๕๖" in html and " น.</time>" in html


def test_withdraw_hides_from_committee_keeps_for_owner(owner_client, client, committee_user):
    _upload(owner_client)
    evidence = Evidence.objects.get()
    owner_client.post(reverse("submissions:withdraw", args=[evidence.pk]), {"confirm": "1"})
    url = reverse("submissions:criterion", args=[2566, "TH-50", "1.1"])

    assert "ถอนแล้ว" in owner_client.get(url).content.decode()
    client.force_login(committee_user)
    assert "0a.pdf" not in client.get(url).content.decode()


def test_innovation_form_saves_new_version(owner_client):
    data = {
        "title_th": "ระบบติดตาม จปฐ.", "office": "สพจ.เชียงใหม่", "office_phone": "053-1",
        "coordinator_name": "สมศรี", "coordinator_position": "นักวิชาการ", "coordinator_phone": "053-2",
        "coordinator_mobile": "081-1", "coordinator_email": "s@example.org", "innovation_type": "policy",
    }  # fmt: skip
    url = reverse("submissions:innovation", args=[2566, "TH-50"])

    assert owner_client.post(url, data).status_code == 302
    assert owner_client.post(url, {**data, "title_en": "Tracker"}).status_code == 302
    assert list(InnovationReport.objects.order_by("version").values_list("version", flat=True)) == [1, 2]
    assert "Tracker" in owner_client.get(url).content.decode()


def test_login_throttled_after_repeated_failures(client, provincial_user):
    url = reverse("login")
    for _ in range(4):
        assert (
            "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"
            in client.post(url, {"username": provincial_user.username, "password": "x"}).content.decode()
        )
    client.post(url, {"username": provincial_user.username, "password": "x"})  # the fifth failure locks

    response = client.post(url, {"username": provincial_user.username, "password": PASSWORD})

    assert "เข้าสู่ระบบผิดหลายครั้งเกินไป" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_only_a_rubric_with_an_innovation_report_links_its_form(client, chiang_mai, owner_client):
    """The innovation report form ("แบบรายงานผลการพัฒนานวัตกรรม") is linked under the dimension its report is filed
    in, on the national page only: a district's website contest has none, and its dimension 5 links no 404."""
    national = owner_client.get(reverse("submissions:unit", args=[2566, "TH-50"])).content.decode()
    assert national.count('href="/years/2566/provinces/TH-50/innovation/"') == 1
    district = DistrictFactory(parent=chiang_mai)
    office_contest("cm-web-2564", chiang_mai, district)
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=district))
    page = client.get(reverse("submissions:unit", args=["cm-web-2564", district.code]))
    assert page.status_code == 200 and "/innovation/" not in page.content.decode()


def test_the_criterion_page_names_its_contest(owner_client):
    """A criterion page names its contest, for an office in several contests."""
    html = owner_client.get(reverse("submissions:criterion", args=[2566, "TH-50", "1.1"])).content.decode()
    assert '<span id="contest-name">โครงการพัฒนาชุมชนดิจิทัล ๔.๐ ประจำปี ๒๕๖๖</span>' in html
