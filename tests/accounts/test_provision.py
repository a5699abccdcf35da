"""Accounts from a sheet: all rows or none, a dry run first, an invitation each, nobody's password typed."""

import io
import re

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.http import urlencode

from accounts.models import AccountEvent, Event
from accounts.provision import accounts_provision
from contests.models import Unit
from core.errors import RowsError
from core.sheets.tabular import read_rows
from notices import outbox
from notices.models import BulkAct, Outreach, Unreached
from people.models import Membership, Role
from tests.accounts.support import sheet
from tests.factories import DistrictFactory, SubdistrictFactory, UserFactory
from tests.security.test_privileged_acts import confirmed_session

User = get_user_model()
PAGE = "/accounts/provision/"


def twenty_offices() -> list[list[str]]:
    units = Unit.objects.provinces().order_by("dopa_code")[:20]
    return [[f"เจ้าหน้าที่ {p.name_th}", f"staff{p.dopa_code}@cdd.go.th", p.dopa_code, "provincial", ""] for p in units]


def post(client, data: bytes, do: str, name="accounts.csv"):
    return client.post(PAGE, {"file": SimpleUploadedFile(name, data), "do": do})


def test_central_staff_check_then_make_twenty_offices_accounts_each_invited(
    client, central_user, django_capture_on_commit_callbacks
):
    client.force_login(central_user)
    data = sheet(twenty_offices())
    checked = post(client, data, "check")
    assert checked.status_code == 200
    assert (checked.context["created"], checked.context["changed"], checked.context["same"]) == (20, 0, 0)
    assert not User.objects.filter(username__startswith="staff").exists() and not mail.outbox

    with django_capture_on_commit_callbacks(execute=True):  # invitations go once the accounts are committed
        made = post(client, data, "write")
    assert made.status_code == 200 and made.context["report"].dry_run is False
    users = User.objects.filter(username__startswith="staff")
    assert users.count() == 20
    assert all(not u.has_usable_password() for u in users)  # nobody typed a password for them
    assert Membership.objects.filter(user__in=users, role=Role.OFFICE_STAFF).count() == 20
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)
    body = mail.outbox[0].body
    assert body.startswith("เรียน เจ้าหน้าที่ ")
    assert "ลิงก์ใช้ได้ครั้งเดียว ภายใน ๗ วัน" in body  # CDD4_INVITATION_DAYS, in Thai digits
    assert "ชื่อผู้ใช้: staff" in body and f"สร้างโดย: {central_user.username}" in body
    assert AccountEvent.objects.filter(kind=Event.INVITED, by=central_user).count() == 20
    assert AccountEvent.objects.filter(kind=Event.PROVISIONED, by=central_user).count() == 20

    again = post(client, data, "check")  # the same sheet again changes nothing
    assert (again.context["created"], again.context["same"]) == (0, 20)


def test_each_person_sets_their_own_password_once_from_the_link(
    client, central_user, django_capture_on_commit_callbacks
):
    client.force_login(central_user)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, sheet(twenty_offices()[:1]), "write")
    [message] = mail.outbox
    link = re.search(r"http://localhost:8000(/accounts/invitation/\S+/)", message.body).group(1)
    client.logout()
    page = client.get(link)
    assert page.status_code == 200 and page.context["invited"].email == message.to[0]
    done = client.post(link, {"new_password1": "ชุมชน-ดิจิทัล-2569", "new_password2": "ชุมชน-ดิจิทัล-2569"})
    assert (done.status_code, done["Location"]) == (302, "/")
    user = User.objects.get(email=message.to[0])
    assert user.check_password("ชุมชน-ดิจิทัล-2569")
    assert client.get(link).status_code == 400  # used once
    assert list(AccountEvent.objects.filter(user=user).values_list("kind", flat=True))[:2] == [
        Event.SIGN_IN,
        Event.ACCEPTED,
    ]


def test_an_expired_invitation_is_refused(client, central_user, monkeypatch, django_capture_on_commit_callbacks):
    import time

    client.force_login(central_user)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, sheet(twenty_offices()[:1]), "write")
    link = re.search(r"(/accounts/invitation/\S+/)", mail.outbox[0].body).group(1)
    client.logout()
    later = time.time() + 8 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    refused = client.get(link)
    assert refused.status_code == 400
    assert "หมดอายุ" in refused.content.decode()


def test_bad_rows_are_all_named_thai_first_and_nothing_is_written(central_user):
    rows = [
        ["", "a@cdd.go.th", "50", "provincial", ""],
        ["ข", "not-an-email", "50", "provincial", ""],
        ["ค", "c@cdd.go.th", "99999", "provincial", ""],
        ["ง", "d@cdd.go.th", "50", "boss", ""],
        ["จ", "d@cdd.go.th", "50", "provincial", ""],
        ["ฉ", "f@cdd.go.th", "", "provincial", "no-such-contest"],
    ]
    with pytest.raises(RowsError) as exc:
        accounts_provision(by=central_user, rows=read_rows(sheet(rows), "a.csv"))
    assert [str(e) for e in exc.value.errors] == [
        "แถวที่ 2: ไม่มีชื่อ-นามสกุล",
        "แถวที่ 3: อีเมล “not-an-email” ไม่ถูกต้อง",
        "แถวที่ 4: ไม่พบหน่วยงานรหัส “99999”",
        "แถวที่ 5: ไม่รู้จักบทบาท “boss” (ใช้ provincial, committee, chair, central, organiser)",
        "แถวที่ 6: อีเมลซ้ำกับแถวที่ 5",
        "แถวที่ 7: บทบาทนี้ต้องมีรหัสหน่วยงาน",
        "แถวที่ 7: ไม่พบการประกวด “no-such-contest” ที่คุณจัด",
    ]
    assert User.objects.count() == 1 and not mail.outbox


def test_a_subdistrict_is_refused_as_an_office_as_the_admin_refuses_it(central_user, chiang_mai):
    """A subdistrict enters contests but has no staff of its own: its district office files and picks for it."""
    from core.sheets.tabular import read_rows

    district = DistrictFactory(parent=chiang_mai)
    subdistrict = SubdistrictFactory(parent=district)
    rows = [["สมชาย", "somchai@cdd.go.th", subdistrict.dopa_code, "provincial", ""]]
    with pytest.raises(RowsError) as exc:
        accounts_provision(by=central_user, rows=read_rows(sheet(rows), "a.csv"))
    assert [str(e) for e in exc.value.errors] == [
        f"แถวที่ 2: {subdistrict.name_th} ({subdistrict.code}) ไม่ใช่สำนักงานที่มีเจ้าหน้าที่ ใช้รหัสสำนักงานจังหวัดหรืออำเภอ"
    ]
    assert not User.objects.filter(email="somchai@cdd.go.th").exists()


def test_an_organiser_makes_accounts_only_under_its_own_office(client, chiang_mai, phuket):
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    ours, theirs = DistrictFactory(parent=chiang_mai), DistrictFactory(parent=phuket)
    client.force_login(organiser)
    ok = post(client, sheet([["สมชาย", "somchai@cdd.go.th", ours.dopa_code, "organiser", ""]]), "write")
    assert ok.status_code == 200
    assert Membership.objects.get(user__email="somchai@cdd.go.th").unit == ours
    refused = post(
        client,
        sheet(
            [
                ["สมหญิง", "somying@cdd.go.th", theirs.dopa_code, "provincial", ""],
                ["กรรมการ", "judge@cdd.go.th", "", "committee", ""],
                ["ตัวเอง", "self@cdd.go.th", chiang_mai.dopa_code, "provincial", ""],
            ]
        ),
        "write",
    )
    assert refused.status_code == 400
    assert str(refused.context["error"]).count("เฉพาะเจ้าหน้าที่ของหน่วยงานในสังกัดสำนักงานของคุณ") == 3
    assert not User.objects.filter(email__in=["somying@cdd.go.th", "judge@cdd.go.th", "self@cdd.go.th"]).exists()


def test_the_template_downloads_and_reads_back(client, central_user):
    client.force_login(central_user)
    response = client.get("/accounts/provision/template.xlsx")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    ws = book.active
    ws.append(["สมศักดิ์ รักชุมชน", "somsak@cdd.go.th", "50", "เจ้าหน้าที่สำนักงาน", ""])
    ws.delete_rows(ws.max_row - 1)  # the example row goes, ours stays
    out = io.BytesIO()
    book.save(out)
    made = post(client, out.getvalue(), "write", name="accounts.xlsx")
    assert made.status_code == 200, made.context.get("error")
    assert Membership.objects.get(user__email="somsak@cdd.go.th").unit.code == "TH-50"


@pytest.mark.parametrize("role", [Role.OFFICE_STAFF, Role.COMMITTEE, Role.CHAIR])
def test_other_roles_may_not_make_accounts(client, role, chiang_mai):
    client.force_login(UserFactory(role=role, role__unit=chiang_mai if role == Role.OFFICE_STAFF else None))
    assert client.get(PAGE).status_code == 403
    assert client.get("/accounts/provision/template.xlsx").status_code == 403


def test_anonymous_goes_to_the_login_page(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_central_staff_who_are_no_superuser_may_not_reopen_a_superuser_from_the_sheet(client, central_user):
    """The admin shows a superuser read-only to them and closing one is refused: the sheet must not rename,
    re-role or reopen one either."""
    root = UserFactory(username="root", email="root@cdd.go.th", is_superuser=True, is_active=False)
    client.force_login(central_user)

    refused = post(client, sheet([["ผู้ดูแล ใหม่", "root@cdd.go.th", "", "central", ""]]), "write")

    assert refused.status_code == 400
    assert str(refused.context["error"]) == ("แถวที่ 2: คุณสร้างหรือแก้บัญชีได้เฉพาะเจ้าหน้าที่ของหน่วยงานในสังกัดสำนักงานของคุณ")
    root.refresh_from_db()
    assert (root.is_active, root.get_full_name(), Membership.objects.filter(user=root).exists()) == (False, "", False)
    assert not AccountEvent.objects.filter(kind=Event.PROVISIONED).exists()


def test_the_sheet_finds_an_account_by_its_e_mail_in_any_case(central_user, chiang_mai):
    """Django lowercases only an address's domain: one typed "Somsri@…" in the admin is the sheet's "somsri@…",
    changed rather than made a second time."""
    from core.sheets.tabular import read_rows

    user = UserFactory(username="somsri", email="Somsri@cdd.go.th", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    rows = [["สมศรี ใจดี", "somsri@CDD.go.th", chiang_mai.dopa_code, "organiser", ""]]

    report = accounts_provision(by=central_user, rows=read_rows(sheet(rows), "a.csv"))

    [item] = report.rows
    assert (item.action, item.user) == ("change", user)
    assert User.objects.filter(email__iexact="somsri@cdd.go.th").count() == 1
    assert Membership.objects.get(user=user).role == Role.ORGANISER


def test_an_organisers_panel_column_reads_another_offices_contest_as_no_contest(chiang_mai, phuket):
    """Another office's contest, a draft too, gets the words an unknown code gets: the sheet confirms no code."""
    from contests.models import Contest, ContestState
    from core.sheets.tabular import read_rows
    from tests.factories import office_contest

    theirs = office_contest("pk-web-2564", phuket, DistrictFactory(parent=phuket)).contest
    Contest.objects.filter(pk=theirs.pk).update(state=ContestState.DRAFT)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    ours = DistrictFactory(parent=chiang_mai)
    rows = [
        ["สมชาย", "a@cdd.go.th", ours.dopa_code, "provincial", "pk-web-2564"],
        ["สมหญิง", "b@cdd.go.th", ours.dopa_code, "provincial", "pk-web-2599"],
    ]

    with pytest.raises(RowsError) as refused:
        accounts_provision(by=organiser, rows=read_rows(sheet(rows), "a.csv"))

    assert [str(e) for e in refused.value.errors] == [
        "แถวที่ 2: ไม่พบการประกวด “pk-web-2564” ที่คุณจัด",
        "แถวที่ 3: ไม่พบการประกวด “pk-web-2599” ที่คุณจัด",
    ]


def test_an_address_with_an_account_outside_the_organisers_offices_reads_as_a_free_one(
    client, chiang_mai, phuket, django_capture_on_commit_callbacks
):
    """The sheet's page answers alike for both rows; at the write the free address is invited and the holder of
    the other is told instead, its account untouched."""
    elsewhere = UserFactory(
        username="somsri",
        email="somsri@cdd.go.th",
        role=Role.OFFICE_STAFF,
        role__unit=DistrictFactory(parent=phuket),
    )
    ours = DistrictFactory(parent=chiang_mai)
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai, first_name="ผู้จัด"))
    rows = [
        ["สมศรี ใจดี", "somsri@cdd.go.th", ours.dopa_code, "provincial", ""],
        ["สมใจ ใจดี", "somjai@cdd.go.th", ours.dopa_code, "provincial", ""],
    ]

    checked = post(client, sheet(rows), "check")
    with django_capture_on_commit_callbacks(execute=True):
        written = post(client, sheet(rows), "write")

    for page in (checked, written):
        assert page.status_code == 200
        assert [(r.action, r.changes) for r in page.context["report"].rows] == [("create", []), ("create", [])]
        assert page.context["created"] == 2
    elsewhere.refresh_from_db()
    assert (elsewhere.get_full_name(), Membership.objects.get(user=elsewhere).unit.parent) == ("", phuket)
    assert not User.objects.filter(username="somsri@cdd.go.th").exists()
    [invitation] = mail.outbox  # at once; the holder's notice waits for the morning's digest
    assert outbox.send_digests() == 1
    notice = mail.outbox[1]
    assert (notice.to, invitation.to) == (["somsri@cdd.go.th"], ["somjai@cdd.go.th"])
    assert "(somsri)" in notice.body and "/accounts/invitation/" not in notice.body
    assert "/accounts/invitation/" in invitation.body


def test_a_sheet_naming_another_accounts_address_fifteen_times_tells_its_holder_once_in_the_morning(
    client, chiang_mai, central_user, django_capture_on_commit_callbacks
):
    """Every mail goes through the notices' outbox: the holder is told once a day for each uploader, in the
    digest, however often the sheet is sent (it once sent an e-mail at every upload)."""
    from notices.models import Kind, Receipt

    central_user.email = "central@cdd.go.th"
    central_user.save(update_fields=["email"])
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai, first_name="ผู้จัด"))
    rows = [["ส่วนกลาง", "central@cdd.go.th", DistrictFactory(parent=chiang_mai).dopa_code, "provincial", ""]]
    for _ in range(15):
        with django_capture_on_commit_callbacks(execute=True):
            assert post(client, sheet(rows), "write").status_code == 200
    assert mail.outbox == []
    assert list(Receipt.objects.values_list("user", "notice__kind")) == [(central_user.pk, Kind.ADDRESS_LISTED)]
    assert outbox.send_digests() == 1
    assert [m.to for m in mail.outbox] == [["central@cdd.go.th"]]
    assert "ผู้จัด ใส่อีเมลของท่านในแฟ้มรายชื่อเพื่อสร้างบัญชี" in mail.outbox[0].body


def test_the_sheets_invitations_end_with_whom_they_invited_now_earlier_and_whom_not_and_why(
    central_user, chiang_mai, django_capture_on_commit_callbacks
):
    """A new account is invited now; one still waiting to set its password was invited earlier; one with its own
    password is not invited. The same sheet again: the new account was invited by the first."""
    waiting = UserFactory(email="waiting@cdd.go.th", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    waiting.set_unusable_password()
    waiting.save(update_fields=["password"])
    UserFactory(email="active@cdd.go.th", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    rows = read_rows(
        sheet(
            [
                ["สมใจ ใจดี", "new@cdd.go.th", chiang_mai.dopa_code, "provincial", ""],
                ["รอ ตั้งรหัส", "waiting@cdd.go.th", chiang_mai.dopa_code, "provincial", ""],
                ["มี รหัสแล้ว", "active@cdd.go.th", chiang_mai.dopa_code, "provincial", ""],
            ]
        ),
        "a.csv",
    )
    accounts_provision(by=central_user, rows=rows, dry_run=True)
    assert not Outreach.objects.exists()  # a dry run invites nobody: no account claims it did

    with django_capture_on_commit_callbacks(execute=True):
        accounts_provision(by=central_user, rows=rows)
        accounts_provision(by=central_user, rows=rows)

    first, second = Outreach.objects.order_by("pk")
    assert (first.act, first.author, first.contest) == (BulkAct.INVITATIONS, central_user, None)
    active = [["มี รหัสแล้ว", Unreached.ACTIVE]]
    assert (first.reached, first.earlier, first.missed) == (["สมใจ ใจดี"], ["รอ ตั้งรหัส"], active)
    assert (second.reached, second.earlier, second.missed) == ([], ["สมใจ ใจดี", "รอ ตั้งรหัส"], active)
    assert [m.to for m in mail.outbox] == [["new@cdd.go.th"]]


def test_the_sheets_write_says_its_invitations_account_with_the_link_to_whom(client, central_user):
    client.force_login(central_user)

    page = post(client, sheet(twenty_offices()[:1]), "write").content.decode()

    account = Outreach.objects.get(act=BulkAct.INVITATIONS)
    link = re.search(r'<a href="([^"]+)" class="outreach-link">', page).group(1)
    assert link == f"/notices/outreach/{account.pk}/"
    assert "แจ้งแล้ว ๑ คน · แจ้งไว้ก่อนแล้ว ๐ คน · แจ้งไม่ได้ ๐ คน" in page


def test_the_sheets_page_asks_the_code_before_the_form_so_its_file_is_never_lost(
    client, central_user, second_factor_required
):
    client.force_login(central_user)
    response = client.get(PAGE)
    assert response["Location"] == f"/accounts/second-factor/?{urlencode({'next': PAGE})}"
    confirmed_session(client, central_user)
    assert client.get(PAGE).status_code == 200
