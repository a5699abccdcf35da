"""The QR code each issued document prints, read by zbar from a print of its pages, opens its verification
page, which shows what was issued; the code is in the text pdftotext reads."""

import hashlib
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from awards import services
from awards.models import DocumentKind, DocumentStatus
from core import thai
from tests.awards.signing_certificates import PASSPHRASE, _validate, make_certificate, p12
from tests.awards.verification import PUBLIC, issue, main

# The portal's public address, as the QR codes print it.
pytestmark = pytest.mark.usefixtures("public_url")


def qr_payloads(pdf: Path) -> list[str]:
    """Every QR code on the PDF's pages, read by zbar from a 100 dpi print, in page order."""
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf), str(pdf.with_suffix(""))], check=True)
    found = []
    for png in sorted(pdf.parent.glob(f"{pdf.stem}-*.png")):
        out = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)], capture_output=True
        )
        found += out.stdout.decode().split()
    return found


def page_of(url: str) -> str:
    assert url.startswith(PUBLIC)
    return url.removeprefix(PUBLIC)


def test_each_awardee_s_own_certificate_is_the_file_its_qr_code_verifies(
    final_standings, django_capture_on_commit_callbacks, tmp_path
):
    demo_standings = final_standings
    key, cert = make_certificate()
    signer = services.signing_certificate_upload(data=p12(key, cert), passphrase=PASSPHRASE)
    doc = issue(demo_standings, django_capture_on_commit_callbacks, DocumentKind.CERTIFICATES)
    combined = tmp_path / "certificates.pdf"
    combined.write_bytes(doc.file.read())
    parts = list(doc.parts.select_related("unit").order_by("id"))
    codes = [part.codes.get() for part in parts]  # one each, on the awardee's own file
    assert len(parts) == doc.pages == 13 and not doc.codes.exists()
    assert [(p.status, p.pages, p.version, p.signed_with) for p in parts] == [(DocumentStatus.DONE, 1, 1, signer)] * 13
    files = [p.file.read() for p in parts]
    assert [p.sha256 for p in parts] == [hashlib.sha256(data).hexdigest() for data in files]
    assert [_validate(data, cert)[1].valid for data in files[:2]] == [True, True]  # each signed on its own
    # The combined file, kept for printing, prints on each page the code of that awardee's own file.
    assert qr_payloads(combined) == [f"{PUBLIC}/verify/{c.code}/" for c in codes]
    first = parts[0]
    own = tmp_path / "own.pdf"
    own.write_bytes(files[0])
    assert qr_payloads(own) == [f"{PUBLIC}/verify/{codes[0].code}/"]
    assert (first.unit.name_th, codes[0].award_th, first.filename) == (
        "นครราชสีมา", "รางวัลชนะเลิศ", "cdd4-2566-certificates-th-30-v1.pdf"
    )  # fmt: skip

    response = Client().get(page_of(qr_payloads(own)[0]))
    html = main(response)
    assert response.status_code == 200
    assert "✓ ออกโดยกรมการพัฒนาชุมชน" in html
    assert "ประกาศนียบัตร · ฉบับที่ ๑" in html
    assert f"<dd>{demo_standings.name_th}</dd>" in html
    assert "<dd>สำนักงานพัฒนาชุมชนจังหวัดนครราชสีมา</dd>" in html
    assert "<dd>รางวัลชนะเลิศ</dd>" in html
    dated = codes[0].dated
    assert f"<dd>{thai.thai_date(dated, era=True)}</dd>" in html and f"{dated:%Y-%m-%d}" not in html
    assert thai.thai_date(dated, era=True).endswith(f"พ.ศ. {thai.thai_digits(dated.year + 543)}")
    assert f'<code class="hash">{hashlib.sha256(own.read_bytes()).hexdigest()}</code>' in html
    assert "ลงนามแล้ว (PAdES)" in html
    assert "เป็นฉบับปัจจุบัน" in html
    assert "/awards/" not in html and "/media/" not in html  # nothing of the portal opens from here

    # The awardee's own file, as central sends it, is the document; with one byte changed it is not.
    issued = hashlib.sha256(own.read_bytes()).hexdigest()
    altered = bytearray(own.read_bytes())
    altered[len(altered) // 2] ^= 0x01
    forged = hashlib.sha256(bytes(altered)).hexdigest()
    same = main(Client().get(f"/verify/{codes[0].code}/", {"sha256": issued}))
    assert "✓ ไฟล์นี้คือเอกสารที่กรมออก ไม่ถูกแก้ไข" in same and "✗" not in same
    changed = main(Client().get(f"/verify/{codes[0].code}/", {"sha256": forged}))
    assert "✗ ไฟล์นี้ไม่ใช่เอกสารที่กรมออกด้วยรหัสนี้" in changed and "ไม่ถูกแก้ไข" not in changed
    # No green ✓ under the ✗: the code's own document is named as not the file checked.
    assert "✓" not in changed and "รหัสนี้ออกให้เอกสารด้านล่าง ซึ่งไม่ใช่ไฟล์ที่ตรวจ" in changed
    # The combined file checked on the page its page's QR code opens is genuine too, and said to be the combined one.
    printed = main(Client().get(f"/verify/{codes[0].code}/", {"sha256": doc.sha256}))
    assert "✓ ไฟล์นี้คือไฟล์รวมประกาศนียบัตรที่กรมออก ไม่ถูกแก้ไข" in printed and "✗" not in printed
    anywhere = main(Client().get("/verify/", {"sha256": forged}))
    assert "✗ ไม่ใช่เอกสารที่กรมการพัฒนาชุมชนออก" in anywhere and "ออกโดยกรม" not in anywhere
    found = main(Client().get("/verify/", {"sha256": doc.sha256.upper()}))
    assert "✓ ไฟล์นี้คือเอกสารที่กรมออก" in found and "ประกาศนียบัตร · ฉบับที่ ๑" in found
    assert "ผู้ได้รับ" not in found  # a whole file names no one entrant
    alone = main(Client().get("/verify/", {"sha256": issued}))
    assert "✓ ไฟล์นี้คือเอกสารที่กรมออก" in alone and f'<code class="hash">{issued}</code>' in alone


@pytest.mark.parametrize("kind", [DocumentKind.ANNOUNCEMENT, DocumentKind.RESULTS, DocumentKind.BREAKDOWN])
def test_every_issued_kind_prints_its_code(
    kind, final_standings, chiang_mai, django_capture_on_commit_callbacks, tmp_path
):
    demo_standings = final_standings
    unit = chiang_mai if kind == DocumentKind.BREAKDOWN else None
    doc = issue(demo_standings, django_capture_on_commit_callbacks, kind, unit)
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(doc.file.read())
    code = doc.codes.get()
    assert qr_payloads(pdf) == [f"{PUBLIC}/verify/{code.code}/"]
    # The breakdown is one entrant's; the announcement and the results are about every entrant.
    assert code.entrant == unit
    assert code.entrant_th == ("สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่" if unit else "")
    assert doc.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "รหัสตรวจสอบ" in text and f"{code.code[:4]}-{code.code[4:8]}-{code.code[8:]}" in text
    assert "cdd4.example.go.th/verify/" in text.replace("\n", "")
