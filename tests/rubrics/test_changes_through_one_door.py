"""One door for changes: every change to an open contest (file upload, admin, command, settings)
goes through rubrics.revisions: a reason, a RubricChange with a diff of all it writes, no change no revision;
a maximum lowered below the panel's scores is refused, the criteria named (no mocks)."""

import copy
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from committee import panels
from committee import services as committee_services
from contests.models import Contest, ContestState
from people.models import Role
from rubrics import services
from rubrics.models import ContestPeriod, Criterion, RubricChange, YearSettings
from rubrics.revisions import REASON_NEEDED, ChangeRefused
from rubrics.selectors import contest_file, rubric_data
from rulebook.diff import diff_lines
from rulebook.spec import RubricError
from scoring.models import Standing
from scoring.recompute import standings_recompute
from tests.factories import DistrictFactory, UserFactory, office_contest


@pytest.fixture
def world(db, chiang_mai):
    d1, d2, d3 = (DistrictFactory(parent=chiang_mai) for _ in range(3))
    rubric = office_contest("cm-web-2564", chiang_mai, d1, d2)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    panelist = UserFactory(role=Role.OFFICE_STAFF, role__unit=d3)
    panels.panelist_appoint(by=organiser, contest=rubric.contest, user=panelist)
    for unit in (d1, d2):
        committee_services.judgment_record(
            member=panelist,
            rubric=rubric,
            unit=unit,
            criterion_code="1.1",
            points=Decimal("15"),
            expected_version=0,
        )
    YearSettings.objects.update_or_create(rubric=rubric, defaults={"award_min_total": Decimal("3")})
    return {"rubric": ContestPeriod.objects.get(pk=rubric.pk), "organiser": organiser}


def _seqs(rubric) -> dict:
    return dict(Standing.objects.filter(rubric=rubric).values_list("pk", "change_seq"))


def _max(data: dict, code: str, points: str) -> dict:
    data = copy.deepcopy(data)
    for dim in data["dimensions"]:
        for c in dim["criteria"]:
            if c["code"] == code:
                c["max_points"] = dim["max_points"] = points
    data["total_points"] = str(sum(Decimal(d["max_points"]) for d in data["dimensions"]))
    return data


def _upload(client, data: dict, **post):
    raw = json.dumps(data, ensure_ascii=False).encode()
    return client.post(reverse("rubrics:contest_upload"), {"file": SimpleUploadedFile("c.json", raw), **post})


def test_a_file_upload_lowering_the_award_minimum_and_moving_the_year_asks_why_and_is_recorded(client, world):
    rubric, organiser = world["rubric"], world["organiser"]
    data = {**contest_file(rubric), "award_min_total": "1", "year": 2565}
    client.force_login(organiser)
    refused = _upload(client, data)
    assert refused.status_code == 400
    assert str(REASON_NEEDED) in refused.content.decode()
    assert (ContestPeriod.objects.get(pk=rubric.pk).year, YearSettings.objects.get(rubric=rubric).award_min_total) == (
        2564,
        Decimal("3"),
    )
    assert not RubricChange.objects.exists()

    assert _upload(client, data, reason="ตามหนังสือสั่งการ").status_code == 302
    change = RubricChange.objects.get()
    assert (change.user, change.reason) == (organiser, "ตามหนังสือสั่งการ")
    assert diff_lines(change.changes) == [
        "ปี: 2564 → 2565",
        "คะแนนรวมขั้นต่ำที่จะได้รับรางวัล: 3 → 1",
    ]


def test_an_unchanged_save_makes_no_revision_and_rescores_nobody(world, django_capture_on_commit_callbacks):
    rubric = world["rubric"]
    revision, seqs = rubric.revision, _seqs(rubric)
    with django_capture_on_commit_callbacks() as queued:
        services.contest_save(user=world["organiser"], data=contest_file(rubric))
    assert (ContestPeriod.objects.get(pk=rubric.pk).revision, _seqs(rubric), queued) == (revision, seqs, [])
    assert not RubricChange.objects.exists()


def test_a_maximum_below_the_panels_scores_is_refused_naming_the_criterion_and_nothing_changes(world):
    rubric = world["rubric"]
    data = _max(contest_file(rubric), "1.1", "10")
    with pytest.raises(RubricError) as refused:
        services.contest_save(user=world["organiser"], data=data, reason="ลดคะแนนข้อ ๑")
    assert refused.value.messages == ["คะแนนเต็มใหม่ต่ำกว่าคะแนนที่ให้ไว้แล้ว: ตัวชี้วัด ๑ (คะแนนเต็ม 10) มี ๒ คะแนนที่เกิน"]
    assert Criterion.objects.get(rubric=rubric, code="1.1").max_points == Decimal("20")
    assert not RubricChange.objects.exists()
    standings_recompute(rubric_id=rubric.pk, full=True)  # the contest still scores


def test_the_admin_rubric_editor_refuses_the_same_maximum(client, world, central_user):
    rubric = world["rubric"]
    client.force_login(central_user)
    data = _max(rubric_data(rubric), "1.1", "10")
    data["contest"] = contest_file(rubric)["contest"]
    response = client.post(
        reverse("admin:rubrics_contestperiod_change", args=[rubric.pk]),
        {"data": json.dumps(data, ensure_ascii=False), "reason": "ลด"},
    )
    assert response.status_code == 200
    assert "ตัวชี้วัด ๑ (คะแนนเต็ม ๑๐) มี ๒ คะแนนที่เกิน" in response.content.decode()
    assert Criterion.objects.get(rubric=rubric, code="1.1").max_points == Decimal("20")


def _changelist_post(criterion, value, **extra):
    management = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-MIN_NUM_FORMS": "0"}
    return {**management, "form-0-id": str(criterion.pk), "form-0-deadline": value, "_save": "Save", **extra}


def test_the_admin_criterion_list_deadline_edit_asks_why_and_is_recorded(client, rubric, central_user):
    client.force_login(central_user)
    criterion = Criterion.objects.get(rubric=rubric, code="1.1")
    url = reverse("admin:rubrics_criterion_changelist") + "?year=2566"
    refused = client.post(url, _changelist_post(criterion, "2023-08-15"))
    assert refused.status_code == 200
    assert str(REASON_NEEDED) in refused.content.decode()
    assert Criterion.objects.get(pk=criterion.pk).deadline == date(2023, 7, 31)

    assert client.post(url, _changelist_post(criterion, "2023-08-15", reason="หนังสือกรม")).status_code == 302
    change = RubricChange.objects.get()
    assert (change.user, change.reason) == (central_user, "หนังสือกรม")
    assert diff_lines(change.changes) == ["ตัวชี้วัด 1.1 กำหนดส่ง: ๓๑ ก.ค. ๒๕๖๖ → ๑๕ ส.ค. ๒๕๖๖"]


def test_the_admin_criterion_page_deadline_edit_asks_why_beside_the_box(client, rubric, central_user):
    client.force_login(central_user)
    criterion = Criterion.objects.get(rubric=rubric, code="1.1")
    url = reverse("admin:rubrics_criterion_change", args=[criterion.pk])
    refused = client.post(url, {"deadline": "2023-08-15"})
    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors == {"reason": [REASON_NEEDED]}
    assert client.post(url, {"deadline": "2023-08-15", "reason": "หนังสือกรม"}).status_code == 302
    assert RubricChange.objects.get().reason == "หนังสือกรม"


def test_a_reader_of_the_criterion_page_gets_no_reason_box(client, rubric, committee_user):
    client.force_login(committee_user)
    criterion = Criterion.objects.get(rubric=rubric, code="1.1")
    page = client.get(reverse("admin:rubrics_criterion_change", args=[criterion.pk]))
    assert (page.status_code, 'name="reason"' in page.content.decode()) == (200, False)


def _run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_deadline_command_needs_a_reason_for_an_open_contest_and_records_it(rubric, central_user):
    by = ("--by", central_user.username)
    with pytest.raises(CommandError, match="กรุณาระบุเหตุผล"):
        _run("rubric_deadline", "2566", "2.1.2", "2023-04-12", *by)
    assert Criterion.objects.get(rubric=rubric, code="2.1.2").deadline is None
    _run("rubric_deadline", "2566", "2.1.2", "2023-04-12", "--reason", "หนังสือกรม ว 12", *by)
    change = RubricChange.objects.get()
    assert (change.user, change.reason) == (central_user, "หนังสือกรม ว 12")
    assert change.changes["periods"][0]["criteria"]["changed"][0]["fields"] == [
        {"field": "deadline", "old": None, "new": "2023-04-12"}
    ]


def test_a_drafts_deadline_moves_without_a_reason(rubric, central_user):
    Contest.objects.filter(pk=rubric.contest_id).update(state=ContestState.DRAFT)
    _run("rubric_deadline", "2566", "2.1.2", "2023-04-12", "--by", central_user.username)
    assert RubricChange.objects.get().reason == ""


def test_the_award_minimum_setting_asks_why_and_is_recorded(rubric, central_user, django_capture_on_commit_callbacks):
    args = {"user": central_user, "rubric": rubric, "visible": False, "reminder_days": 3}
    with pytest.raises(ChangeRefused) as refused:
        services.year_settings_set(**args, award_min_total=Decimal("40"))
    assert refused.value.messages == [REASON_NEEDED]
    assert not YearSettings.objects.filter(rubric=rubric).exists()  # nothing written, the other settings neither
    services.year_settings_set(**args, award_min_total=Decimal("40"), reason="มติคณะกรรมการ")
    change = RubricChange.objects.get()
    assert (change.user, change.reason) == (central_user, "มติคณะกรรมการ")
    assert diff_lines(change.changes) == ["คะแนนรวมขั้นต่ำที่จะได้รับรางวัล: 0.01 → 40"]
    seqs = _seqs(rubric)
    with django_capture_on_commit_callbacks() as queued:  # the same minimum again: nothing to record or rescore
        services.year_settings_set(**args, award_min_total=Decimal("40"))
    assert (RubricChange.objects.count(), _seqs(rubric), queued) == (1, seqs, [])


def test_the_dashboard_setting_takes_the_reason(client, rubric, central_user):
    client.force_login(central_user)
    url = reverse("rubrics:settings", args=[rubric.key])
    client.post(url, {"reminder_working_days": "3", "award_min_total": "40"})
    assert not YearSettings.objects.filter(rubric=rubric).exists()
    client.post(url, {"reminder_working_days": "3", "award_min_total": "40", "reason": "มติคณะกรรมการ"})
    assert RubricChange.objects.get().reason == "มติคณะกรรมการ"
