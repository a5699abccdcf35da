"""Documents requested and made by the command, as poppler reads them: the signatory printed, every page
written."""

import subprocess
from datetime import date

from django.core.management import call_command

from awards import services
from tests.awards.documents import _request, squash
from tests.processes.awards.readers import pdftext


def test_signature_change_gives_new_version_and_is_printed(
    demo_standings, django_capture_on_commit_callbacks, tmp_path
):
    first = _request(demo_standings, django_capture_on_commit_callbacks, kind="announcement")
    services.signature_set(
        rubric=demo_standings,
        signer_name="นายทดสอบ ลงนาม",
        signer_position="อธิบดีกรมการพัฒนาชุมชน",
        announced_on=date(2023, 8, 21),
    )
    second = _request(demo_standings, django_capture_on_commit_callbacks, kind="announcement")
    assert second.version == first.version + 1
    path = tmp_path / "a.pdf"
    path.write_bytes(second.file.read())
    text = squash(pdftext(path, "-raw"))
    assert squash("(นายทดสอบ ลงนาม)") in text
    assert squash("ประกาศ ณ วันที่ ๒๑ สิงหาคม พ.ศ. ๒๕๖๖") in text


def test_export_results_command_writes_pdf(demo_standings, tmp_path):
    out = tmp_path / "results.pdf"
    call_command("export_results", "--year", "2566", "--out", str(out), "--kind", "announcement,certificates")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "Pages:           15" in info
