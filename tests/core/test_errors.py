import pytest
from django.utils import translation

from awards.signing import CertificateError
from committee.errors import CommitteeError, Conflicted, StaleVersion
from committee.imports import JudgmentImportError
from core.errors import MAX_SHOWN, PortalError, RowError, RowsError, YearFrozen
from core.sheets.tabular import SheetError
from core.validators.refusal import UploadRefused
from ops.backup import SnapshotError
from rulebook.dates import DateInputError
from rulebook.rules.errors import FactError, RuleError
from rulebook.spec import RubricError
from scoring.facts.imports import FactImportError


def test_str_is_thai_first_then_english():
    error = PortalError("ไฟล์ว่าง", "the file is empty", field="file", code="empty")
    assert str(error) == "ไฟล์ว่าง"
    assert (error.th, error.en, error.field, error.code, error.status) == (
        "ไฟล์ว่าง",
        "the file is empty",
        "file",
        "empty",
        400,
    )


def test_one_combined_string_is_split_at_the_first_slash():
    error = SheetError("หัวตารางซ้ำ: a / duplicated column header: a / b")
    assert (error.th, error.en) == ("หัวตารางซ้ำ: a", "duplicated column header: a / b")
    assert str(error) == "หัวตารางซ้ำ: a"


@pytest.mark.parametrize(
    "cls",
    [
        RubricError,
        SheetError,
        FactImportError,
        FactError,
        RuleError,
        DateInputError,
        UploadRefused,
        CommitteeError,
        StaleVersion,
        Conflicted,
        JudgmentImportError,
        CertificateError,
        SnapshotError,
        YearFrozen,
    ],
)
def test_every_refusal_is_a_portal_error_and_still_a_value_error(cls):
    assert issubclass(cls, PortalError)
    assert issubclass(cls, ValueError)


def test_year_frozen_is_one_row_about_the_whole_file():
    error = YearFrozen(2566)
    assert str(error) == "ผลปี 2566 ตรึงไว้แล้ว แก้ไขไม่ได้จนกว่าส่วนกลางจะยกเลิกการตรึงผล"
    with translation.override("en"):
        assert str(error) == "the 2566 results are frozen: no changes until central staff unfreeze them"
    assert error.errors == [RowError(0, error.th, error.en)]
    assert error.year == 2566


def test_rows_error_lists_every_row_thai_first():
    error = RowsError([RowError(0, "ไม่มีข้อมูล", "no data"), RowError(3, "ไม่พบจังหวัด", "unknown province")])
    assert str(error) == "ไม่มีข้อมูล\nแถวที่ 3: ไม่พบจังหวัด"


def test_rows_error_text_lists_the_first_rows_then_counts_the_rest():
    """Its text goes on a page and into the messages store: 50,000 bad rows must not make it megabytes."""
    error = FactImportError([RowError(n, "ผิด", "wrong") for n in range(2, MAX_SHOWN + 102)])

    lines = str(error).split("\n")

    assert len(lines) == MAX_SHOWN + 1
    assert lines[-2] == f"แถวที่ {MAX_SHOWN + 1}: ผิด"
    assert lines[-1] == "… และอีก 100 ข้อ (แก้ข้อข้างบนแล้วส่งใหม่เพื่อดูข้อที่เหลือ)"
    # The API lists the same first rows, one error each, and counts the rest (tests/core/test_api.py).


def test_snapshot_error_keeps_its_problem_list():
    error = SnapshotError("สำเนาไม่ครบ", "incomplete", [f"f{n}" for n in range(22)])
    lines = str(error).split("\n")
    assert lines[0] == "สำเนาไม่ครบ"
    assert lines[1] == "  - f0"
    assert lines[-1] == "  … และอีก 2 รายการ"
    assert len(lines) == 22
