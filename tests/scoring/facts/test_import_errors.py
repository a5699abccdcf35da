"""Imports say what is wrong: Thai first, non-zero exit, never a traceback."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from core.sheets.tabular import SheetError, read_rows
from scoring.models import Fact


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def refused(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError) as exc:
        run("import_facts", str(path), "--year", "2566")
    assert Fact.objects.count() == 0
    return str(exc.value)


def test_empty_file_refused(rubric, tmp_path):
    assert refused(tmp_path, "facts.csv", b"").startswith("ไฟล์ว่าง")
    assert refused(tmp_path, "facts.csv", b"\n\n , \n").startswith("ไฟล์ว่าง")


def test_header_only_file_refused(rubric, tmp_path):
    message = refused(tmp_path, "facts.csv", b"province,criterion,fact,value\n")
    assert message.startswith("ไม่มีข้อมูลในไฟล์ มีแต่หัวตาราง")


def test_one_line_file_without_header_refused(rubric, tmp_path):
    message = refused(tmp_path, "facts.csv", b"TH-50,1.1,done,yes\n")
    assert message.startswith("แถวแรกต้องเป็นหัวตาราง province, criterion, fact, value แต่พบ “th-50, 1.1, done, yes”")


def test_garbage_txt_refused(rubric, tmp_path):
    assert refused(tmp_path, "notes.txt", bytes(range(128, 256)) * 4).startswith("ไฟล์ CSV ต้องเข้ารหัส UTF-8")
    assert refused(tmp_path, "notes.txt", "สวัสดีครับ\nนี่ไม่ใช่ตาราง\n".encode()).startswith("แถวแรกต้องเป็นหัวตาราง")


def test_fractional_count_refused(rubric, tmp_path):
    data = "province,criterion,fact,value\nTH-50,3.3,computers_total,40.5\nTH-50,3.3,computers_with_antivirus,40\n"
    message = refused(tmp_path, "facts.csv", data.encode())
    assert message.startswith("ไม่ได้นำเข้าข้อมูลใดเลย")
    assert "แถวที่ 2: จำนวนเครื่องทั้งหมด ต้องเป็นจำนวนเต็ม (นับเป็นหน่วย) แต่ได้รับ “40.5”" in message


def test_whole_number_written_with_decimals_accepted(rubric, tmp_path):
    path = tmp_path / "facts.csv"
    path.write_text("province,criterion,fact,value\nTH-50,3.3,computers_total,40.0\n", encoding="utf-8")
    assert "สร้าง/create 1" in run("import_facts", str(path), "--year", "2566")


def test_percentages_keep_their_decimals(rubric, tmp_path):
    path = tmp_path / "facts.csv"
    path.write_text("province,criterion,fact,value\nTH-50,2.1.1,confidence_pct,95.5\n", encoding="utf-8")
    assert "สร้าง/create 1" in run("import_facts", str(path), "--year", "2566")


def xlsx_with_doctype(part: str = "xl/worksheets/sheet1.xml") -> bytes:
    wb = Workbook()
    wb.active.append(["province", "criterion", "fact", "value"])
    wb.active.append(["TH-50", "1.1", "done", "yes"])
    plain = io.BytesIO()
    wb.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == part:
                doctype = b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                head, sep, rest = data.partition(b"?>") if data.startswith(b"<?xml") else (b"", b"", data)
                data = head + sep + doctype + rest
            dst.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml"])
def test_xlsx_with_a_doctype_gives_a_clear_error(part):
    with pytest.raises(SheetError) as exc:
        read_rows(xlsx_with_doctype(part), "facts.xlsx")
    assert str(exc.value).startswith("ไฟล์ XLSX มีการประกาศ DOCTYPE/ENTITY ของ XML ซึ่งไม่ปลอดภัย")


def test_xlsx_with_a_doctype_refused_by_the_command(rubric, tmp_path):
    assert refused(tmp_path, "facts.xlsx", xlsx_with_doctype()).startswith("ไฟล์ XLSX มีการประกาศ DOCTYPE")


def test_damaged_xlsx_gives_a_clear_error(rubric, tmp_path):
    assert refused(tmp_path, "facts.xlsx", b"PK\x03\x04 not really a zip").startswith("ไฟล์ XLSX เสียหาย")


def test_admin_import_of_a_doctype_xlsx_is_not_a_500(rubric, client, central_user):
    client.force_login(central_user)
    upload = io.BytesIO(xlsx_with_doctype())
    upload.name = "facts.xlsx"
    url = reverse("admin:scoring_fact_import")
    response = client.post(url, {"import_file": upload, "format": "1", "rubric": rubric.pk})
    assert response.status_code == 200
    assert 'class="errorlist" id="id_import_file_error"><li>ไฟล์ XLSX มีการประกาศ DOCTYPE' in response.content.decode()
    assert Fact.objects.count() == 0
