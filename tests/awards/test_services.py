import importlib

import pytest
from django.core.management import CommandError, call_command

from awards import selectors, services
from awards.models import DocumentStatus, GeneratedDocument
from contests.models import Unit
from core.errors import PortalError
from scoring.facts.imports import fact_set
from scoring.models import Standing
from scoring.recompute import standings_recompute
from tests.awards.documents import _request


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


def test_standings_version_moves_with_recompute(demo_standings):
    before = selectors.standings_version(demo_standings)
    standings_recompute(rubric_id=demo_standings.pk, full=True)
    assert selectors.standings_version(demo_standings) != before


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


def test_one_awardee_s_certificate_is_a_file_of_its_own_made_with_the_combined_one(
    demo_standings, django_capture_on_commit_callbacks
):
    korat = Unit.objects.get(code="TH-30")  # the demo standings' winner
    own = _request(demo_standings, django_capture_on_commit_callbacks, kind="certificates", unit=korat)
    combined = own.combined
    assert (own.kind, own.scope, own.unit, own.version, own.status, own.pages) == (
        "certificates", "TH-30", korat, 1, DocumentStatus.DONE, 1
    )  # fmt: skip
    assert (combined.scope, combined.unit, combined.status, combined.pages) == ("all", None, DocumentStatus.DONE, 13)
    assert list(combined.parts.values_list("status", flat=True)) == [DocumentStatus.DONE] * 13
    # Asked again from the same standings, for the awardee or for them all: the same files, rendered once.
    again = _request(demo_standings, django_capture_on_commit_callbacks, kind="certificates", unit=korat)
    whole = _request(demo_standings, django_capture_on_commit_callbacks, kind="certificates")
    assert (again.pk, whole.pk, GeneratedDocument.objects.filter(rubric=demo_standings).count()) == (
        own.pk, combined.pk, 14
    )  # fmt: skip
    files = sorted(GeneratedDocument.objects.values_list("file", flat=True))
    assert services.document_render(document_id=own.pk).status == DocumentStatus.DONE  # the task run twice
    assert services.document_render(document_id=combined.pk).status == DocumentStatus.DONE
    assert sorted(GeneratedDocument.objects.values_list("file", flat=True)) == files


def test_a_certificate_is_refused_for_an_entrant_without_an_award(demo_standings):
    unplaced = Standing.objects.filter(rubric=demo_standings, award="").select_related("unit").first().unit
    with pytest.raises(PortalError) as refused:
        services.document_request(rubric=demo_standings, kind="certificates", unit=unplaced)
    said = f"{unplaced.name_th} ไม่ได้รับรางวัลในการประกวดนี้ จึงไม่มีประกาศนียบัตร"
    assert (refused.value.code, refused.value.th) == ("no_award", said)
    assert not GeneratedDocument.objects.exists()


def test_an_awardee_no_longer_awarded_when_the_certificates_are_made_is_failed_with_the_reason(
    demo_standings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # asked for, not yet made
        combined = services.document_request(rubric=demo_standings, kind="certificates")
    last = combined.parts.order_by("-id").select_related("unit").first()
    Standing.objects.filter(rubric=demo_standings, unit=last.unit).update(award="")  # the standings moved
    services.document_render(document_id=combined.pk)
    last.refresh_from_db()
    combined.refresh_from_db()
    assert (combined.status, combined.pages) == (DocumentStatus.DONE, 12)
    assert (last.status, last.error, bool(last.file)) == (
        DocumentStatus.FAILED, "ไม่ได้เป็นผู้ได้รับรางวัลแล้วเมื่อจัดทำประกาศนียบัตร (ผลคะแนนเปลี่ยนระหว่างรอคิว)", False
    )  # fmt: skip
    assert combined.parts.filter(status=DocumentStatus.DONE).count() == 12


def test_certificates_made_as_one_file_before_are_set_apart_so_the_next_request_makes_each_awardee_s(
    demo_standings, django_capture_on_commit_callbacks
):
    from django.apps import apps

    migration = importlib.import_module("awards.migrations.0011_certificate_per_awardee")
    key = selectors.standings_version(demo_standings)
    one_file = GeneratedDocument.objects.create(
        rubric=demo_standings, kind="certificates", source_key=key, version=1, status=DocumentStatus.DONE
    )
    migration.set_apart_one_file_certificates(apps, None)
    one_file.refresh_from_db()
    korat = Unit.objects.get(code="TH-30")
    own = _request(demo_standings, django_capture_on_commit_callbacks, kind="certificates", unit=korat)
    assert (one_file.source_key, one_file.parts.count()) == (f"1file-{key}", 0)
    assert (own.version, own.combined.version, own.status) == (2, 2, DocumentStatus.DONE)
