"""The admin's judgment import: upload → dry-run preview (nothing saved) → confirm."""

import io
from decimal import Decimal as D

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from committee.models import Judgment, ScoreChange, Source

URL = reverse("admin:committee_judgment_import")


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("scores.csv", ("\ufeff" + text).encode("utf-8"), content_type="text/csv")


def _xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("scores.xlsx", out.getvalue())


def test_admin_import_preview_writes_nothing_then_confirm_imports(client, rubric, members, central_user):
    client.force_login(central_user)
    name = members[0].username
    upload = _csv(f'province,criterion,member,points,items,note\nTH-50,4.1.1,{name},5,,ครบ\nTH-50,3.1,{name},,"1,2",\n')
    preview = client.post(URL, {"rubric": rubric.pk, "file": upload})
    assert (preview.status_code, preview.context["errors"]) == (200, [])
    assert preview.context["report"].changes == [
        (2, "TH-50", "4.1.1", name, None, D(5)),
        (3, "TH-50", "3.1", name, None, D(3)),
    ]
    assert (Judgment.objects.count(), ScoreChange.objects.count()) == (0, 0)
    confirm = {"step": "confirm", **preview.context["confirm_form"].initial}
    response = client.post(URL, confirm)
    assert response.status_code == 302
    assert response.url == reverse("admin:committee_judgment_changelist")
    assert list(Judgment.objects.order_by("id").values_list("criterion__code", "points", "items")) == [
        ("4.1.1", D(5), []),
        ("3.1", D(3), ["1", "2"]),
    ]
    assert (
        list(ScoreChange.objects.values_list("source", "changed_by", "member"))
        == [(Source.IMPORT, central_user.pk, members[0].pk)] * 2
    )


def test_admin_import_xlsx_bad_rows_listed_with_row_numbers(client, rubric, members, central_user):
    client.force_login(central_user)
    name = members[0].username
    upload = _xlsx(
        [["province", "criterion", "member", "points"], ["TH-50", "4.1.1", name, 5], ["TH-50", "4.1.1", name, 3]]
    )
    response = client.post(URL, {"rubric": rubric.pk, "file": upload})
    assert (response.context["report"], response.context["errors"]) == (
        None,
        ["แถวที่ 3: ซ้ำกับแถวที่ 2"],
    )
    assert "ไม่ได้นำเข้าข้อมูลใดเลย" in response.content.decode()
    assert Judgment.objects.count() == 0


def test_admin_import_unreadable_file_refused(client, rubric, central_user):
    client.force_login(central_user)
    upload = SimpleUploadedFile("scores.pdf", b"%PDF-1.4")
    response = client.post(URL, {"rubric": rubric.pk, "file": upload})
    assert response.context["errors"] == ["รองรับเฉพาะไฟล์ .csv หรือ .xlsx (scores.pdf)"]


def test_admin_import_tampered_confirmation_refused(client, rubric, central_user):
    client.force_login(central_user)
    response = client.post(URL, {"step": "confirm", "rubric": rubric.pk, "filename": "x.csv", "data": "%%%"})
    assert (response.status_code, response.url, Judgment.objects.count()) == (302, URL, 0)


def test_admin_import_template_has_header_and_bom(client, central_user):
    client.force_login(central_user)
    response = client.get(reverse("admin:committee_judgment_template"))
    assert response.content.decode("utf-8").splitlines()[0] == "\ufeffprovince,criterion,member,points,items,note"


def test_admin_judgment_list_import_link_for_central_only(client, central_user, members):
    shown = []
    for user in (central_user, members[0]):
        client.force_login(user)
        shown.append(URL in client.get(reverse("admin:committee_judgment_changelist")).content.decode())
    assert shown == [True, False]
