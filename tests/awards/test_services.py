import subprocess
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from awards import selectors, services
from awards.models import DocumentStatus, GeneratedDocument
from scoring.facts.imports import fact_set
from scoring.recompute import standings_recompute

from .conftest import pdftext, squash


def _request(rubric, capture, kind="results", **kw):
    with capture(execute=True):
        doc = services.document_request(rubric=rubric, kind=kind, **kw)
    doc.refresh_from_db()
    return doc


def test_document_request_renders_in_background_to_done(demo_standings, django_capture_on_commit_callbacks):
    doc = _request(demo_standings, django_capture_on_commit_callbacks)
    assert (doc.status, doc.progress, doc.version, doc.scope) == (DocumentStatus.DONE, 100, 1, "all")
    assert doc.pages == 3
    assert doc.file.read(5) == b"%PDF-"


def test_document_request_same_standings_returns_same_version(demo_standings, django_capture_on_commit_callbacks):
    first = _request(demo_standings, django_capture_on_commit_callbacks)
    again = _request(demo_standings, django_capture_on_commit_callbacks)
    assert again.pk == first.pk
    assert GeneratedDocument.objects.filter(rubric=demo_standings).count() == 1


def test_document_request_after_score_change_gives_new_version(
    demo_standings, chiang_mai, django_capture_on_commit_callbacks
):
    first = _request(demo_standings, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):  # the recompute runs after the commit
        fact_set(rubric=demo_standings, unit=chiang_mai, criterion_code="1.1", name="done", value="no")
    second = _request(demo_standings, django_capture_on_commit_callbacks)
    assert (first.version, second.version) == (1, 2)
    assert first.source_key != second.source_key
    assert second.status == DocumentStatus.DONE


def test_document_render_twice_is_idempotent(demo_standings, django_capture_on_commit_callbacks):
    doc = _request(demo_standings, django_capture_on_commit_callbacks)
    name = doc.file.name
    again = services.document_render(document_id=doc.pk)
    assert (again.status, again.file.name) == (DocumentStatus.DONE, name)


def test_breakdown_for_one_province_has_its_scope(demo_standings, chiang_mai, django_capture_on_commit_callbacks):
    doc = _request(demo_standings, django_capture_on_commit_callbacks, kind="breakdown", unit=chiang_mai)
    assert (doc.scope, doc.status, doc.filename) == ("TH-50", DocumentStatus.DONE, "cdd4-2566-breakdown-th-50-v1.pdf")


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


def test_standings_version_moves_with_recompute(demo_standings):
    before = selectors.standings_version(demo_standings)
    standings_recompute(rubric_id=demo_standings.pk, full=True)
    assert selectors.standings_version(demo_standings) != before


def test_export_results_command_writes_pdf(demo_standings, tmp_path):
    out = tmp_path / "results.pdf"
    call_command("export_results", "--year", "2566", "--out", str(out), "--kind", "announcement,certificates")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "Pages:           15" in info


def test_export_results_command_offers_the_registry_year_sheets_only(rubric, tmp_path):
    out = tmp_path / "history.csv"
    call_command("export_results", "--year", "2566", "--out", str(out), "--sheet", "judgment-changes")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with pytest.raises(CommandError, match="invalid choice: 'evidence-index'"):
        call_command("export_results", "--year", "2566", "--out", str(out), "--sheet", "evidence-index")


def test_export_results_command_writes_xlsx(demo_standings, tmp_path):
    out = tmp_path / "standings.xlsx"
    call_command("export_results", "--year", "2566", "--out", str(out))
    assert out.read_bytes()[:2] == b"PK"
