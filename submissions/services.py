"""Writes. The pages, the API and the admin all come through here."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import Max, Min
from django.utils import timezone

from contests.entries import Entry
from contests.models import Unit
from core import acts, files
from core.thai import thai_date, thai_digits
from core.validators.content import UploadRefused, clean_name, inspect_file
from core.validators.refusal import size_refusal
from notices import events
from rubrics.models import ContestPeriod, Criterion
from rubrics.selectors import rubric_spec
from rulebook.rules.evidence import EvidenceExpected
from schedule.obligations import answerable
from schedule.selectors import entrant_obligations
from scoring.facts.imports import FactImportReport, ensure_not_frozen, fact_set, facts_import
from scoring.models import Fact, FactSource
from scoring.recompute import results_mark_dirty

from . import policy
from .models import Evidence, EvidenceKind, InnovationReport, SentThrough, Submission, SubmissionStatus
from .permissions import SUBMIT
from .uploads import NO_SPACE, limits_bytes, storage_full

BANGKOK = ZoneInfo("Asia/Bangkok")


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _check_url(url: str) -> str:
    url = url.strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as exc:
        raise UploadRefused(
            "ลิงก์ไม่ถูกต้อง (ต้องขึ้นต้นด้วย http:// หรือ https://)", "Invalid link (http:// or https:// only)"
        ) from exc
    if len(url) > 500:
        raise UploadRefused("ลิงก์ยาวเกิน 500 ตัวอักษร", "Link longer than 500 characters")
    return url


def _store(upload: File, rubric: ContestPeriod, unit: Unit, criterion_code: str) -> dict:
    """Checks a streamed upload (or a resumable one, received whole) by content and moves it under a
    server-generated name."""
    tmp_path = upload.temporary_file_path() if hasattr(upload, "temporary_file_path") else None
    if tmp_path is None:
        raise UploadRefused("ไม่ได้รับไฟล์", "No file received")
    try:
        detected = inspect_file(tmp_path)
    except UploadRefused as refusal:
        raise policy.refusal_for(refusal, rubric, criterion_code) from None
    if detected.subtype not in policy.allowed_types(rubric, criterion_code):
        raise policy.type_refusal(rubric, criterion_code)
    size = os.path.getsize(tmp_path)
    # The limits this request's streaming handler already read, else read them now.
    limits = getattr(upload, "limits", None)
    limit = (limits if limits is not None else limits_bytes()).get(detected.file_kind, 0)
    if size > limit:
        raise size_refusal(detected.file_kind, limit)
    relative = f"evidence/{rubric.year}/{unit.code}/{uuid.uuid4().hex}"
    # Hashed by the streaming handler from the very chunks it wrote; other handlers: read the file once more.
    sha = getattr(upload, "sha256", None) or _sha256(tmp_path)
    try:
        files.put(relative, tmp_path)
    except OSError as exc:
        if exc.errno not in NO_SPACE:
            raise
        raise storage_full() from exc
    return {
        "stored_path": relative,
        "original_name": clean_name(upload.name, detected.ext),
        "file_kind": detected.file_kind,
        "content_type": detected.content_type,
        "size": size,
        "sha256": sha,
    }


def evidence_submit(
    *,
    user,
    rubric: ContestPeriod,
    unit: Unit,
    criterion_code: str,
    upload: File | None = None,
    url: str = "",
    description: str = "",
    answers_round: int | None = None,
    now: datetime | None = None,
    sent_through: SentThrough = SentThrough.PORTAL,
) -> Evidence:
    """A new version: one file or one link. Refusals raise UploadRefused and store nothing. `answers_round`: the
    round of the criterion it answers (a late report names its own round: the schedule then counts it there,
    late), None for the round its day falls in. `sent_through`: the door it came in by; a file from the LINE chat
    comes with `now` the moment LINE says it was sent (submissions/line/)."""
    criterion = evidence_may_submit(
        user=user, rubric=rubric, unit=unit, criterion_code=criterion_code, answers_round=answers_round, now=now
    )
    if (upload is None) == (not url.strip()):
        raise UploadRefused("ส่งไฟล์หรือลิงก์อย่างใดอย่างหนึ่ง", "Send either a file or a link")
    description = " ".join(description.split())[:300]
    fields = _store(upload, rubric, unit, criterion_code) if upload is not None else {"url": _check_url(url)}
    committing = False
    try:
        for attempt in range(3):
            committing = False
            try:
                with transaction.atomic():
                    _ensure_open(rubric)
                    # Locked as it is read (one query, not a get_or_create and then a second locked read).
                    submission, _ = Submission.objects.select_for_update().get_or_create(
                        rubric=rubric, unit=unit, criterion=criterion
                    )
                    _refuse_repeat(submission, fields)
                    submission.last_version += 1
                    submission.status = SubmissionStatus.SUBMITTED
                    submission.save(update_fields=["last_version", "status"])
                    evidence = Evidence.objects.create(
                        submission=submission,
                        version=submission.last_version,
                        kind=EvidenceKind.FILE if upload is not None else EvidenceKind.LINK,
                        description=description,
                        answers_round=answers_round,
                        created_at=now or timezone.now(),
                        created_by=user,
                        sent_through=sent_through,
                        **fields,
                    )
                    _feed_time_facts(rubric=rubric, unit=unit, criterion_code=criterion_code, user=user)
                    # What it sent changed: its rounds kept by the schedule are counted again (schedule.kept).
                    results_mark_dirty(rubric_id=rubric.pk, unit_ids=[unit.pk])
                    events.evidence_received(
                        rubric=rubric,
                        unit=unit,
                        code=criterion_code,
                        key=f"v{evidence.pk}",
                        author=user,
                        at=evidence.created_at,
                    )
                    committing = True
                break
            except IntegrityError:
                # Two uploads read the same last version where the database takes no row lock on a read
                # (SQLite's shared in-memory database, a first upload racing to create the submission):
                # nothing was kept, so the loser reads again and takes the next version.
                if attempt == 2:
                    raise
    except BaseException as exc:
        # The connection broke during COMMIT: the row may have landed, so the file stays. If no row names
        # it, `media_sweep` removes it a day later. Any earlier failure: nothing committed, file removed.
        in_doubt = committing and isinstance(exc, OperationalError | InterfaceError)
        if "stored_path" in fields and not in_doubt:
            files.delete(fields["stored_path"])
        raise
    return evidence


@transaction.atomic
def answers_submit(
    *, user, rubric: ContestPeriod, unit: Unit, criterion_code: str, answers: Mapping[str, str]
) -> FactImportReport:
    """The entrant's answers to what its document requires (a `requirements` rule's questions): its
    own facts, read and checked as an import's, all or none (FactImportError names each refused answer). A blank
    answer clears an earlier one. Only the questions the entrant answers; the panel's are the panel's."""
    acts.require(user, SUBMIT, Entry(rubric.contest, unit))
    _ensure_open(rubric)
    asked = {q.code for q in rubric_spec(rubric).criterion(criterion_code).rule.entrant_questions()}
    rows = [
        {"province": unit.code, "criterion": criterion_code, "fact": name, "value": str(value).strip()}
        for name, value in answers.items()
        if name in asked
    ]
    return facts_import(rubric=rubric, rows=rows, user=user, source=FactSource.ENTRANT, first_row=1)


@transaction.atomic
def evidence_withdraw(*, user, evidence: Evidence, now: datetime | None = None) -> Evidence:
    """Hides a version from the committee; the row and the file stay in the history."""
    acts.require(user, "submissions.withdraw_evidence", evidence)
    evidence = Evidence.objects.select_for_update().select_related("submission__criterion").get(pk=evidence.pk)
    if evidence.withdrawn_at is None:
        _ensure_open(evidence.submission.rubric)
        evidence.withdrawn_at, evidence.withdrawn_by = now or timezone.now(), user
        evidence.save(update_fields=["withdrawn_at", "withdrawn_by"])
        sub = evidence.submission
        _feed_time_facts(rubric=sub.rubric, unit=sub.unit, criterion_code=sub.criterion.code, user=user)
        results_mark_dirty(rubric_id=sub.rubric_id, unit_ids=[sub.unit_id])  # its rounds kept: schedule.kept
    return evidence


def _refuse_repeat(submission: Submission, fields: dict) -> None:
    """Each visible file or link is a separate item: the same bytes (or link) twice would only look like two."""
    same = {"sha256": fields["sha256"]} if "sha256" in fields else {"url": fields["url"]}
    earlier = Evidence.objects.visible().filter(submission=submission, **same).first()
    if earlier is None:
        return
    what = earlier.original_name or earlier.url
    raise UploadRefused(
        f"ส่งไฟล์นี้ไว้แล้ว (รายการที่ {earlier.version}: {what}) จึงไม่บันทึกซ้ำ"
        if earlier.kind == EvidenceKind.FILE
        else f"ส่งลิงก์นี้ไว้แล้ว (รายการที่ {earlier.version}) จึงไม่บันทึกซ้ำ",
        f"Already sent as item {earlier.version} ({what}); not saved again",
        status=409,
    )


def evidence_may_submit(
    *,
    user,
    rubric: ContestPeriod,
    unit: Unit,
    criterion_code: str,
    answers_round: int | None = None,
    now: datetime | None = None,
) -> Criterion:
    """What evidence_submit refuses before a byte is read; asked again when a resumable upload is created. A
    criterion a nominee answers takes no file (its nominee form does); a round named must be one it asks, and one
    that has opened (met, late or open: `schedule.obligations.answerable`, the rounds the upload form offers), so
    that a report never counts for a round still ahead."""
    # Its own office, in a contest that office enters (a province in a district contest): the act's one ask here.
    acts.require(user, SUBMIT, Entry(rubric.contest, unit))
    criterion = Criterion.objects.get(rubric=rubric, code=criterion_code)  # the API answers 404
    _ensure_open(rubric)
    if criterion.nominee:
        raise UploadRefused(
            "ตัวชี้วัดนี้ส่งโดยการเสนอชื่อในหน้าของหน่วยงาน ไม่ใช่การส่งไฟล์",
            "This criterion is answered by the nominee form on the office's page, not by a file",
        )
    asked = rubric_spec(rubric).criterion(criterion_code).rounds
    if answers_round is not None and not 1 <= answers_round <= len(asked):
        th = f"ตัวชี้วัดนี้ไม่มีรอบที่ {thai_digits(str(answers_round))}"
        raise UploadRefused(th, f"This criterion has no round {answers_round}")
    if answers_round is not None:
        _ensure_round_opened(rubric=rubric, unit=unit, criterion_code=criterion_code, number=answers_round, now=now)
    return criterion


def _ensure_round_opened(
    *, rubric: ContestPeriod, unit: Unit, criterion_code: str, number: int, now: datetime | None
) -> None:
    today = timezone.localdate(now) if now is not None else None
    rounds = entrant_obligations(rubric, unit, criteria=[criterion_code], today=today)
    if any(o.index == number for o in answerable(rounds)):
        return
    named, before = rounds[number - 1], rounds[number - 2]
    th = f"{named.round_th} ยังไม่เปิดรับ (รับได้หลังกำหนดส่งรอบก่อน {thai_date(before.due)}) จึงไม่ได้บันทึก"
    en = f"{named.round_en} has not opened (it opens after the round before falls due, {before.due}); nothing was saved"
    raise UploadRefused(th, en)


def _ensure_open(rubric: ContestPeriod) -> None:
    refusal = policy.evidence_closed(rubric)
    if refusal is not None:
        raise refusal


def _feed_time_facts(*, rubric: ContestPeriod, unit: Unit, criterion_code: str, user) -> None:
    """Timeliness from upload times: the moment every required kind was in (only visible versions count)."""
    for c in rubric_spec(rubric).criteria():
        name, wants = c.rule.upload_time_fact(), c.rule.evidence_expected()
        if not name or criterion_code not in wants.times_from:
            continue
        target = c.code
        firsts = _first_times(rubric, unit, wants)
        value = ""
        if all(kind in firsts for kind in wants.times_need):
            value = max(firsts.values()).astimezone(BANGKOK).isoformat(timespec="seconds")
        stored = (
            Fact.objects.filter(rubric=rubric, unit=unit, criterion__code=target, name=name)
            .values_list("value", flat=True)
            .first()
        )
        if stored == value:
            # What fact_set does with an unchanged value (nothing written, nothing marked dirty), without
            # loading every entrant, criterion and fact of the year first. A frozen year still refuses.
            ensure_not_frozen(rubric)
            continue
        fact_set(
            rubric=rubric,
            unit=unit,
            criterion_code=target,
            name=name,
            value=value,
            user=user,
            source=FactSource.EVIDENCE,
        )


def _first_times(rubric: ContestPeriod, unit: Unit, wants: EvidenceExpected) -> dict[str, datetime]:
    rows = (
        Evidence.objects.visible()
        .filter(
            submission__rubric=rubric,
            submission__unit=unit,
            submission__criterion__code__in=wants.times_from,
            file_kind__in=wants.times_need,
        )
        .values("file_kind")
        .annotate(first=Min("created_at"))
    )
    return {r["file_kind"]: r["first"] for r in rows}


@transaction.atomic
def submission_review(*, user, submission: Submission, status: str, note: str = "") -> Submission:
    """The committee returns a submission for clarification or accepts it; acceptance queues a recompute."""
    acts.require(user, "submissions.review_submission", submission)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    submission.status = SubmissionStatus(status)
    submission.status_note, submission.status_changed_by = note, user
    submission.status_changed_at = timezone.now()
    submission.save(update_fields=["status", "status_note", "status_changed_by", "status_changed_at"])
    if submission.status in (SubmissionStatus.ACCEPTED, SubmissionStatus.SCORED):
        results_mark_dirty(rubric_id=submission.rubric_id, unit_ids=[submission.unit_id])
    return submission


INNOVATION_FIELDS = [
    f.name
    for f in InnovationReport._meta.get_fields()
    if f.concrete and f.name not in {"id", "rubric", "unit", "version", "created_at", "created_by"}
]


@transaction.atomic
def innovation_report_save(*, user, rubric: ContestPeriod, unit: Unit, data: Mapping) -> InnovationReport:
    """Saves the form as a new version (earlier versions stay); refused, like evidence, once the year is
    frozen or published."""
    acts.require(user, SUBMIT, Entry(rubric.contest, unit))
    _ensure_open(rubric)
    Unit.objects.select_for_update().filter(pk=unit.pk).first()  # serialises version numbers
    last = InnovationReport.objects.filter(rubric=rubric, unit=unit).aggregate(v=Max("version"))["v"] or 0
    report = InnovationReport(
        rubric=rubric,
        unit=unit,
        version=last + 1,
        created_at=timezone.now(),
        created_by=user,
        **{name: data.get(name, "") for name in INNOVATION_FIELDS},
    )
    report.full_clean()
    report.save()
    return report
