from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied

from scoring.models import Fact, FactSource, Standing
from submissions import services
from submissions.models import Evidence, InnovationReport, Submission, SubmissionStatus

from . import files

BKK = ZoneInfo("Asia/Bangkok")


def _submit(user, rubric, unit, code, name="a.pdf", data=None, now=None, tmp_path=None):
    """Through the service with a streamed temp file, as the upload handler leaves it."""
    from django.core.files.uploadedfile import TemporaryUploadedFile

    f = TemporaryUploadedFile(name, "application/octet-stream", 0, None)
    f.write(data if data is not None else files.pdf())
    f.seek(0)
    try:
        return services.evidence_submit(user=user, rubric=rubric, unit=unit, criterion_code=code, upload=f, now=now)
    finally:
        f.close()


def test_evidence_submit_reupload_keeps_both_versions(provincial_user, rubric, chiang_mai):
    first = _submit(provincial_user, rubric, chiang_mai, "1.1", "report.pdf")
    second = _submit(provincial_user, rubric, chiang_mai, "1.1", "report.pdf", files.pdf(b"% v2\n"))

    assert (first.version, second.version) == (1, 2)
    assert first.stored_path != second.stored_path
    assert list(Evidence.objects.order_by("version").values_list("original_name", flat=True)) == [
        "report.pdf",
        "report.pdf",
    ]
    assert first.sha256 != second.sha256
    assert Submission.objects.get().last_version == 2


def test_evidence_withdraw_keeps_version_in_history(provincial_user, committee_user, rubric, chiang_mai):
    evidence = _submit(provincial_user, rubric, chiang_mai, "1.1")

    services.evidence_withdraw(user=provincial_user, evidence=evidence)

    evidence.refresh_from_db()
    assert evidence.withdrawn_by == provincial_user
    assert evidence.withdrawn_at is not None
    assert Evidence.objects.for_user(provincial_user).count() == 1
    assert Evidence.objects.for_user(committee_user).count() == 0


def test_evidence_withdraw_by_other_province_denied(provincial_user, phuket_user, rubric, chiang_mai):
    evidence = _submit(provincial_user, rubric, chiang_mai, "1.1")

    with pytest.raises(PermissionDenied):
        services.evidence_withdraw(user=phuket_user, evidence=evidence)


def test_evidence_submit_for_other_province_denied(phuket_user, rubric, chiang_mai):
    with pytest.raises(PermissionDenied):
        _submit(phuket_user, rubric, chiang_mai, "1.1")
    assert Evidence.objects.count() == 0


def test_evidence_submit_done_criterion_awards_no_points(provincial_user, rubric, chiang_mai):
    _submit(provincial_user, rubric, chiang_mai, "1.1")

    assert Fact.objects.filter(unit=chiang_mai, criterion__code="1.1").count() == 0


@pytest.mark.parametrize(
    ("hour", "minute", "day", "points"),
    [(23, 30, 31, Decimal("3")), (0, 10, 1, Decimal("1")), (9, 0, 30, Decimal("5"))],
    ids=["2330_on_deadline_day", "0010_next_day_late", "day_before"],
)
def test_timeliness_fed_from_upload_time(
    provincial_user, rubric, chiang_mai, django_capture_on_commit_callbacks, hour, minute, day, points
):
    month = 6 if day == 1 else 5
    at = datetime(2023, month, day, hour, minute, tzinfo=BKK)
    with django_capture_on_commit_callbacks(execute=True):
        _submit(provincial_user, rubric, chiang_mai, "4.1.2", "lesson.pdf", now=datetime(2023, 5, 1, 9, 0, tzinfo=BKK))
        assert not Fact.objects.filter(criterion__code="4.1.2", unit=chiang_mai).exclude(value="").exists()
        _submit(provincial_user, rubric, chiang_mai, "4.1.2", "clip.mp4", files.mp4(), now=at)

    fact = Fact.objects.get(criterion__code="4.1.2", unit=chiang_mai, name="sent_at")
    assert fact.value == at.isoformat()
    assert fact.source == FactSource.EVIDENCE
    result = Standing.objects.get(rubric=rubric, unit=chiang_mai)
    assert Decimal(result.criteria["4.1.2"]) == points


def test_timeliness_withdrawn_video_clears_sent_at(provincial_user, rubric, chiang_mai):
    _submit(provincial_user, rubric, chiang_mai, "4.1.2", "lesson.pdf")
    video = _submit(provincial_user, rubric, chiang_mai, "4.1.2", "clip.mp4", files.mp4())

    services.evidence_withdraw(user=provincial_user, evidence=video)

    assert Fact.objects.get(criterion__code="4.1.2", unit=chiang_mai, name="sent_at").value == ""


def test_submission_review_accept_marks_province_dirty(provincial_user, committee_user, rubric, chiang_mai, phuket):
    _submit(provincial_user, rubric, chiang_mai, "1.1")
    before = dict(Standing.objects.filter(rubric=rubric).values_list("unit_id", "change_seq"))

    services.submission_review(
        user=committee_user, submission=Submission.objects.get(), status=SubmissionStatus.ACCEPTED
    )

    after = dict(Standing.objects.filter(rubric=rubric).values_list("unit_id", "change_seq"))
    assert after[chiang_mai.pk] == before[chiang_mai.pk] + 1
    assert after[phuket.pk] == before[phuket.pk]
    assert Submission.objects.get().status == SubmissionStatus.ACCEPTED


def test_submission_review_by_provincial_denied(provincial_user, rubric, chiang_mai):
    _submit(provincial_user, rubric, chiang_mai, "1.1")

    with pytest.raises(PermissionDenied):
        services.submission_review(user=provincial_user, submission=Submission.objects.get(), status="accepted")


def test_evidence_submit_after_return_goes_back_to_submitted(provincial_user, committee_user, rubric, chiang_mai):
    _submit(provincial_user, rubric, chiang_mai, "1.1")
    services.submission_review(
        user=committee_user, submission=Submission.objects.get(), status="returned", note="ขาดภาพ"
    )

    _submit(provincial_user, rubric, chiang_mai, "1.1", "photo.png", files.png())

    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED


REPORT = {
    "title_th": "ระบบติดตามข้อมูล จปฐ.",
    "office": "สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่",
    "office_phone": "053-112233",
    "coordinator_name": "สมศรี ใจดี",
    "coordinator_position": "นักวิชาการพัฒนาชุมชน",
    "coordinator_phone": "053-112234",
    "coordinator_mobile": "081-2345678",
    "coordinator_email": "somsri@example.org",
    "innovation_type": "service",
}


def test_innovation_report_save_versions(provincial_user, rubric, chiang_mai):
    services.innovation_report_save(user=provincial_user, rubric=rubric, unit=chiang_mai, data=REPORT)
    services.innovation_report_save(
        user=provincial_user, rubric=rubric, unit=chiang_mai, data={**REPORT, "title_en": "BMN tracker"}
    )

    assert list(InnovationReport.objects.order_by("version").values_list("version", "title_en")) == [
        (1, ""),
        (2, "BMN tracker"),
    ]


def test_innovation_report_save_missing_required_refused(provincial_user, rubric, chiang_mai):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        services.innovation_report_save(
            user=provincial_user, rubric=rubric, unit=chiang_mai, data={**REPORT, "office": ""}
        )
    assert list(exc.value.message_dict) == ["office"]
    assert InnovationReport.objects.count() == 0
