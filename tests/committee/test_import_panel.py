"""Judgments from a sheet in a provincial office's contest: its organisers import their panel's
paper forms as central staff do the committee's nationally; nobody writes into another office's contest."""

import io
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from committee import selectors, services
from committee.imports import JudgmentImportError, judgments_import
from committee.models import Judgment, Panelist, ScoreChange, Source
from people.models import Role
from scoring.models import Standing
from tests.factories import DistrictFactory, UserFactory

URL = reverse("admin:committee_judgment_import")
TEMPLATE = reverse("admin:committee_judgment_template")


def _sheet(cb) -> str:
    _, d1, d2 = cb
    return (
        f"entrant,criterion,member,points,items,note\n{d1.code},1.1,cb-panel1,17,,ครบ\n{d2.code},1.1,cb-panel2,12,,\n"
    )


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("scores.csv", ("\ufeff" + text).encode("utf-8"), content_type="text/csv")


def _rows(text: str) -> list[dict]:
    header, *lines = text.strip().split("\n")
    return [dict(zip(header.split(","), line.split(","), strict=True)) for line in lines]


def test_the_organiser_imports_the_panels_sheet_and_the_standings_follow(
    cb, cb_people, django_capture_on_commit_callbacks
):
    rubric, d1, d2 = cb
    organiser = cb_people["organiser"]
    before = Standing.objects.get(rubric=rubric, unit=d1).total
    with django_capture_on_commit_callbacks(execute=True):
        report = judgments_import(rubric=rubric, rows=_rows(_sheet(cb)), by=organiser)
    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    assert report.changes == [
        (2, d1.code, "1.1", "cb-panel1", None, D(17)),
        (3, d2.code, "1.1", "cb-panel2", None, D(12)),
    ]
    assert list(Judgment.objects.order_by("id").values_list("rubric", "unit", "member__username", "points")) == [
        (rubric.pk, d1.pk, "cb-panel1", D(17)),
        (rubric.pk, d2.pk, "cb-panel2", D(12)),
    ]
    assert set(ScoreChange.objects.values_list("source", "changed_by")) == {(Source.IMPORT, organiser.pk)}
    after = Standing.objects.get(rubric=rubric, unit=d1)
    assert (after.criteria["1.1"], after.total - before) == ("17.00", 17)


def test_the_organiser_walks_the_admin_page_preview_then_confirm(client, cb, cb_people, cm_people):
    rubric, d1, _ = cb
    client.force_login(cb_people["organiser"])
    page = client.get(URL)
    assert page.status_code == 200
    # Only the office's own contest is offered: not the national one, not Chiang Mai's.
    assert [key for key, _ in page.context["form"].fields["rubric"].choices] == [rubric.pk]
    assert f'{TEMPLATE}?year={rubric.key}"' in page.content.decode()
    preview = client.post(URL, {"rubric": rubric.pk, "file": _csv(_sheet(cb))})
    assert (preview.status_code, preview.context["errors"], Judgment.objects.count()) == (200, [], 0)
    response = client.post(URL, {"step": "confirm", **preview.context["confirm_form"].initial})
    assert (response.status_code, response.url) == (302, reverse("admin:committee_judgment_changelist"))
    assert list(Judgment.objects.order_by("id").values_list("unit", "points")) == [
        (d1.pk, D(17)),
        (cb[2].pk, D(12)),
    ]
    sample = client.get(TEMPLATE, {"year": rubric.key}).content.decode("utf-8-sig").splitlines()
    first = min(d1.code, cb[2].code)  # the contest's entrants in DOPA order
    assert sample == ["entrant,criterion,member,points,items,note", f"{first},1.1,username,5,,เอกสารครบ"]


def test_a_panelist_may_not_import_as_a_committee_member_may_not(client, cb, cb_people):
    rubric, _, _ = cb
    for who in ("panel1", "chair"):
        client.force_login(cb_people[who])
        assert client.get(URL).status_code == 403
        assert client.post(URL, {"rubric": rubric.pk, "file": _csv(_sheet(cb))}).status_code == 403
        with pytest.raises(PermissionDenied):
            judgments_import(rubric=rubric, rows=_rows(_sheet(cb)), by=cb_people[who])
    assert Judgment.objects.count() == 0


def test_another_office_never_writes_into_chonburis_contest_or_the_national_one(
    client, cb, cb_people, cm_people, rubric
):
    chonburi = cb[0]
    sheet = _sheet(cb)
    for user in (cm_people["organiser"], cm_people["panelist"]):
        with pytest.raises(PermissionDenied):
            judgments_import(rubric=chonburi, rows=_rows(sheet), by=user)
    client.force_login(cm_people["panelist"])
    assert client.get(URL).status_code == 403
    client.force_login(cm_people["organiser"])
    upload = client.post(URL, {"rubric": chonburi.pk, "file": _csv(sheet)})
    assert (upload.status_code, "rubric" in upload.context["form"].errors, "report" in upload.context) == (
        200,
        True,
        False,
    )
    confirm = {"step": "confirm", "filename": "scores.csv", "data": "ZW50cmFudA=="}
    assert client.post(URL, {**confirm, "rubric": chonburi.pk}).status_code == 404  # another office's contest
    assert client.post(URL, {**confirm, "rubric": rubric.pk}).status_code == 403  # the national one
    assert client.get(TEMPLATE, {"year": chonburi.key}).status_code == 404
    with pytest.raises(PermissionDenied):
        judgments_import(rubric=rubric, rows=[{"province": "TH-50"}], by=cb_people["organiser"])
    assert (Judgment.objects.count(), ScoreChange.objects.count()) == (0, 0)


def test_an_entrant_outside_the_contest_or_a_judge_off_the_panel_is_a_row_error(cb, cb_people, cm_people):
    rubric, d1, _ = cb
    outside = DistrictFactory(parent=rubric.contest.organiser)  # Chonburi's, but not entered
    mae_rim = cm_people["district"]
    rows = _rows(
        "entrant,criterion,member,points\n"
        f"{d1.code},1.1,cb-panel1,17\n"  # 2: fine on its own
        f"{outside.code},1.1,cb-panel1,17\n"  # 3
        f"{mae_rim.code},1.1,cb-panel1,17\n"  # 4: Chiang Mai's district
        f"TH-20,1.1,cb-panel1,17\n"  # 5: the office itself
        f"{d1.code},2.1,cm-panel1,5\n"  # 6: Chiang Mai's panelist
    )
    with pytest.raises(JudgmentImportError) as exc:
        judgments_import(rubric=rubric, rows=rows, by=cb_people["organiser"])
    assert [str(e) for e in exc.value.errors] == [
        f"แถวที่ 3: '{outside.code}' ไม่ใช่ผู้เข้าประกวดนี้",
        f"แถวที่ 4: '{mae_rim.code}' ไม่ใช่ผู้เข้าประกวดนี้",
        "แถวที่ 5: 'TH-20' ไม่ใช่ผู้เข้าประกวดนี้",
        "แถวที่ 6: 'cm-panel1' ไม่ใช่กรรมการการประกวดนี้",
    ]
    assert (Judgment.objects.count(), ScoreChange.objects.count()) == (0, 0)


def test_a_panelist_scoring_their_own_district_is_a_row_error_naming_them_and_the_unit(cb, cb_people):
    """The import asks the lock what judgment_apply asks: an entrant's own staff on the panel never judge it.
    The row says who and which unit, as a declared conflict's row does, not the scoring screen's "you …
    this province"; and since the sheet is all or none, the good row is not written either."""
    rubric, d1, d2 = cb
    d1_staff = UserFactory(username="cb-d1", role=Role.OFFICE_STAFF, role__unit=d1)
    services.panelist_appoint(by=cb_people["organiser"], contest=rubric.contest, user=d1_staff)
    rows = _rows(f"entrant,criterion,member,points\n{d2.code},1.1,cb-d1,17\n{d1.code},1.1,cb-d1,17\n")
    with pytest.raises(JudgmentImportError) as exc:
        judgments_import(rubric=rubric, rows=rows, by=cb_people["organiser"])
    assert [str(e) for e in exc.value.errors] == [f"แถวที่ 3: กรรมการ 'cb-d1' มีส่วนได้เสียกับ{d1.name_th} ให้คะแนนไม่ได้"]
    assert (Judgment.objects.count(), ScoreChange.objects.count()) == (0, 0)
    assert Panelist.objects.filter(contest=rubric.contest, user=d1_staff).exists()  # on the panel, for d2


def test_who_is_offered_which_contests(cb, cb_people, cm_people, rubric, central_user, committee_user):
    offered = {
        who: [r.key for r in selectors.import_rubrics(user)]
        for who, user in {
            "central": central_user,
            "committee": committee_user,
            "cb-organiser": cb_people["organiser"],
            "cb-panel1": cb_people["panel1"],
        }.items()
    }
    assert offered["central"][0] == "2566"  # the national contests first, as today
    assert {cb[0].key, cm_people["rubric"].key} <= set(offered["central"])
    assert (offered["committee"], offered["cb-organiser"], offered["cb-panel1"]) == ([], [cb[0].key], [])


def test_the_command_imports_a_contests_sheet_by_its_organiser_only(cb, cb_people, cm_people, tmp_path):
    rubric = cb[0]
    path = tmp_path / "scores.csv"
    path.write_text(_sheet(cb), encoding="utf-8")
    with pytest.raises(CommandError) as exc:
        call_command("import_judgments", str(path), "--contest", rubric.key, "--by", "cm-organiser")
    assert str(exc.value) == "'cm-organiser' ไม่มีสิทธิ์นำเข้าคะแนน"
    call_command("import_judgments", str(path), "--contest", rubric.key, "--by", "cb-organiser", stdout=io.StringIO())
    assert list(ScoreChange.objects.values_list("changed_by__username", flat=True)) == ["cb-organiser"] * 2
