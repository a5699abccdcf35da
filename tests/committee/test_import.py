"""Judgments from a sheet: committee.imports.judgments_import (all or none), its command and its admin page."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from committee import services
from committee.imports import JudgmentImportError, judgments_import
from committee.models import ChangeKind, Judgment, ScoreChange, Source
from people.models import Role
from scoring import snapshots
from scoring.models import Standing
from scoring.recompute import standings_recompute

from ..factories import UserFactory


def _rows(*rows):
    return [dict(zip(("province", "criterion", "member", "points", "items", "note"), r, strict=True)) for r in rows]


def _audit():
    return list(
        ScoreChange.objects.order_by("id").values_list(
            "kind", "unit__code", "criterion__code", "member__username", "old_points", "new_points", "new_items"
        )
    )


def _seq(rubric, unit):
    return Standing.objects.get(rubric=rubric, unit=unit).change_seq


def test_judgments_import_creates_scores_and_audits_source_import(rubric, members, central_user, chiang_mai):
    a, b = members[0].username, members[1].username
    rows = _rows(("TH-50", "4.1.1", a, "5", "", "เอกสารครบ"), ("เชียงใหม่", "3.1", b, "", "1, 2;3", ""))
    seq = _seq(rubric, chiang_mai)
    report = judgments_import(rubric=rubric, rows=rows, by=central_user)
    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    assert report.changes == [(2, "TH-50", "4.1.1", a, None, D(5)), (3, "TH-50", "3.1", b, None, D(5))]
    assert list(Judgment.objects.order_by("id").values_list("member__username", "points", "items", "note")) == [
        (a, D(5), [], "เอกสารครบ"),
        (b, D(5), ["1", "2", "3"], ""),
    ]
    assert _audit() == [
        (ChangeKind.JUDGMENT, "TH-50", "4.1.1", a, None, D(5), []),
        (ChangeKind.JUDGMENT, "TH-50", "3.1", b, None, D(5), ["1", "2", "3"]),
    ]
    assert set(ScoreChange.objects.values_list("source", "changed_by")) == {(Source.IMPORT, central_user.pk)}
    assert _seq(rubric, chiang_mai) == seq + 1  # marked dirty once for the whole file


def test_judgments_import_reimport_updates_changed_rows_only(rubric, members, judge, chiang_mai, phuket):
    a = members[0].username
    judge(members[0], chiang_mai, "4.1.1", points="3")
    judge(members[0], phuket, "4.1.1", points="5")
    rows = _rows(("TH-50", "4.1.1", a, "1", "", ""), ("TH-83", "4.1.1", a, "5", "", ""))
    report = judgments_import(rubric=rubric, rows=rows)
    assert (report.created, report.updated, report.unchanged, report.changes) == (
        0,
        1,
        1,
        [(2, "TH-50", "4.1.1", a, D(3), D(1))],
    )
    change = ScoreChange.objects.order_by("-id").first()
    # From the command line (no importer) the change is recorded as the member's own.
    assert (change.old_points, change.new_points, change.source, change.changed_by) == (
        D(3),
        D(1),
        Source.IMPORT,
        members[0],
    )
    assert list(Judgment.objects.filter(unit=chiang_mai).values_list("points", "version")) == [(D(1), 2)]


def test_judgments_import_dry_run_writes_nothing(rubric, members, central_user, chiang_mai):
    rows = _rows(("TH-50", "4.1.1", members[0].username, "5", "", ""))
    seq = _seq(rubric, chiang_mai)
    report = judgments_import(rubric=rubric, rows=rows, by=central_user, dry_run=True)
    assert (report.created, report.changes) == (1, [(2, "TH-50", "4.1.1", members[0].username, None, D(5))])
    assert (Judgment.objects.count(), ScoreChange.objects.count(), _seq(rubric, chiang_mai)) == (0, 0, seq)


def test_judgments_import_bad_rows_named_with_row_numbers_and_nothing_written(
    rubric, members, central_user, chiang_mai, phuket
):
    services.conflict_set(by=central_user, member=members[1], unit=phuket, conflicted=True)
    provincial = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, username="prov")
    a, b = members[0].username, members[1].username
    rows = _rows(
        ("TH-50", "4.1.1", a, "5", "", ""),  # 2: fine on its own
        ("TH-99", "4.1.1", a, "5", "", ""),  # 3
        ("TH-50", "4.1.1", "nobody", "5", "", ""),  # 4
        ("TH-50", "4.1.1", provincial.username, "5", "", ""),  # 5
        ("TH-83", "4.1.1", b, "5", "", ""),  # 6: conflicted
        ("", "", "", "", "", ""),  # 7: blank line, skipped
        ("TH-50", "4.1.1", a, "3", "", ""),  # 8: duplicate of 2
        ("TH-50", "4.1.1", b, "4", "", ""),  # 9: not a level
        ("TH-50", "3.3", b, "4", "", ""),  # 10: data criterion
        ("TH-50", "9.9", b, "4", "", ""),  # 11
        ("TH-50", "3.1", b, "", "1,7", ""),  # 12: unknown item
    )
    with pytest.raises(JudgmentImportError) as exc:
        judgments_import(rubric=rubric, rows=rows, by=central_user)
    assert [(e.row, e.th) for e in exc.value.errors] == [
        (3, "ไม่พบจังหวัด 'TH-99'"),
        (4, "ไม่พบผู้ใช้ 'nobody'"),
        (5, "'prov' ไม่ใช่กรรมการ"),
        (6, f"กรรมการ '{b}' มีส่วนได้เสียกับภูเก็ต ให้คะแนนไม่ได้"),
        (8, "ซ้ำกับแถวที่ 2"),
        (9, "ตัวชี้วัด 4.1.1: คะแนน 4 ไม่ใช่ระดับที่กำหนด (0, 1, 3, 5)"),
        (10, "ตัวชี้วัด 3.3 คำนวณจากข้อมูล ให้ใช้การปรับคะแนนพร้อมเหตุผล"),
        (11, "ไม่พบตัวชี้วัด 9.9 ในปี 2566"),
        (12, "รายการที่ดำเนินการ: ไม่รู้จักรายการ 7 (ใช้ได้: 1, 2, 3)"),
    ]
    assert str(exc.value).splitlines()[0] == "แถวที่ 3: ไม่พบจังหวัด 'TH-99'"
    assert (Judgment.objects.count(), ScoreChange.objects.count()) == (0, 0)


def test_judgments_import_refuses_a_closed_members_row_as_an_unknown_user(rubric, members, central_user, chiang_mai):
    """A closed member judges nothing: appointment refuses them and judges_of leaves them out, so their row is
    refused as the sheet's unknown user, not scored under a name that can no longer sign in."""
    closed, open_ = members[0], members[1]
    closed.is_active = False
    closed.save(update_fields=["is_active"])
    seq = _seq(rubric, chiang_mai)
    rows = _rows(("TH-50", "4.1.1", open_.username, "5", "", ""), ("TH-50", "4.1.1", closed.username, "5", "", ""))
    with pytest.raises(JudgmentImportError) as exc:
        judgments_import(rubric=rubric, rows=rows, by=central_user)
    assert [str(e) for e in exc.value.errors] == [f"แถวที่ 3: ไม่พบผู้ใช้ '{closed.username}'"]
    assert (Judgment.objects.count(), ScoreChange.objects.count(), _seq(rubric, chiang_mai)) == (0, 0, seq)


def test_judgments_import_missing_column_refused_on_row_1(rubric, central_user):
    with pytest.raises(JudgmentImportError) as exc:
        judgments_import(rubric=rubric, rows=[{"province": "TH-50", "criterion": "4.1.1"}], by=central_user)
    assert str(exc.value) == "แถวที่ 1: ไม่มีคอลัมน์ member, points/items"


def test_judgments_import_frozen_year_refused(rubric, members, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    snapshots.standings_freeze(user=central_user, rubric=rubric)
    with pytest.raises(JudgmentImportError) as exc:
        judgments_import(rubric=rubric, rows=_rows(("TH-50", "4.1.1", members[0].username, "5", "", "")))
    assert str(exc.value).startswith("ผลปี 2566 ตรึงไว้แล้ว")
    assert Judgment.objects.count() == 0


def test_judgments_import_by_committee_member_refused(rubric, members):
    with pytest.raises(PermissionDenied):
        judgments_import(rubric=rubric, rows=_rows(("TH-50", "4.1.1", members[0].username, "5", "", "")), by=members[0])


def test_import_judgments_command_dry_run_then_import(rubric, members, tmp_path, capsys):
    path = tmp_path / "scores.csv"
    path.write_text(f"province,criterion,member,points\nTH-50,4.1.1,{members[0].username},3\n", encoding="utf-8-sig")
    call_command("import_judgments", str(path), "--year", "2566", "--dry-run")
    assert Judgment.objects.count() == 0
    call_command("import_judgments", str(path), "--year", "2566")
    out = capsys.readouterr().out
    assert list(Judgment.objects.values_list("points", flat=True)) == [D(3)]
    assert out.splitlines()[-1] == "สร้าง/create 1, แก้ไข/update 0, ไม่เปลี่ยน/unchanged 0"


def test_import_judgments_command_bad_row_refused(rubric, members, tmp_path):
    path = tmp_path / "scores.csv"
    path.write_text(f"province,criterion,member,points\nTH-50,4.1.1,{members[0].username},2\n", encoding="utf-8")
    with pytest.raises(CommandError) as exc:
        call_command("import_judgments", str(path), "--year", "2566")
    assert str(exc.value).splitlines()[1] == ("แถวที่ 2: ตัวชี้วัด 4.1.1: คะแนน 2 ไม่ใช่ระดับที่กำหนด (0, 1, 3, 5)")
    assert Judgment.objects.count() == 0


def test_import_judgments_command_reads_a_dash_in_the_items_column_as_none_met(rubric, members, tmp_path):
    """A "-" typed for "none" in the items column stopped the command with a bare ValueError; it means none
    met, as in the facts sheet."""
    a = members[0].username
    path = tmp_path / "j.csv"
    path.write_text(f"province,criterion,member,points,items,note\nTH-50,3.1,{a},,-,\n")
    call_command("import_judgments", str(path), "--year", "2566")
    assert list(Judgment.objects.values_list("criterion__code", "points", "items")) == [("3.1", D(0), [])]


@pytest.mark.parametrize(("items", "unknown"), [("1,-,2", "-"), ("x", "x"), ("1;9", "9")])
def test_import_judgments_command_names_the_row_of_a_bad_items_cell(rubric, members, tmp_path, items, unknown):
    a = members[0].username
    path = tmp_path / "j.csv"
    path.write_text(f'province,criterion,member,points,items,note\nTH-50,4.1.1,{a},5,,\nTH-50,3.1,{a},,"{items}",\n')
    with pytest.raises(CommandError) as refused:
        call_command("import_judgments", str(path), "--year", "2566")
    assert str(refused.value).splitlines()[1] == (f"แถวที่ 3: รายการที่ดำเนินการ: ไม่รู้จักรายการ {unknown} (ใช้ได้: 1, 2, 3)")
    assert not Judgment.objects.exists()


def test_the_command_imports_as_central_staff_where_the_factor_is_required(
    rubric, members, tmp_path, second_factor_required
):
    """Whoever runs a command holds the server: the --by person acts past the factor the pages ask for."""
    central = UserFactory(role=Role.CENTRAL)
    path = tmp_path / "scores.csv"
    path.write_text(f"province,criterion,member,points\nTH-50,4.1.1,{members[0].username},3\n", encoding="utf-8-sig")
    call_command("import_judgments", str(path), "--year", "2566", "--by", central.username)
    assert list(Judgment.objects.values_list("points", flat=True)) == [D(3)]
    assert ScoreChange.objects.get().changed_by == central
