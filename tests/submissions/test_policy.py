"""The evidence policy is the rubric's data, read through each criterion's rule."""

from rulebook.rules.evidence import FILE_KINDS, FILE_TYPES
from submissions import policy
from submissions.models import FileKind


def test_rubric_words_for_evidence_are_the_portals() -> None:
    # The rubric format names file types and kinds; the portal must know every one of them, and no more.
    assert set(policy.TYPE_LABELS) == FILE_TYPES == set(policy.ORDER)
    assert set(FileKind.values) == FILE_KINDS


def test_accepted_types_come_from_the_rubric(rubric) -> None:
    assert [str(label) for label in policy.allowed_labels(rubric, "4.1.2")] == ["PDF", "วีดิทัศน์ (MP4, MOV, M4V, 3GP)"]
    assert policy.accept_attribute(rubric, "5.1") == ".pdf,.docx"
    assert policy.allowed_types(rubric, "4.1.1") == policy.DEFAULT_TYPES | {"mp4", "mov", "m4v", "3gp"}
    assert policy.allowed_types(rubric, "1.1") == policy.DEFAULT_TYPES
    assert policy.allowed_types(rubric, "9.9") == policy.DEFAULT_TYPES  # not a criterion this year


def test_the_innovation_report_is_filed_where_the_rubric_says(rubric) -> None:
    assert policy.innovation_criterion(rubric) == "5.1"
