"""Seed 002 as a selection in stages: quotas, the register of past models, deadlines, and the files a pick
sends. Quotes from seeds/002_a3cce7ebaab8fdcd.txt beside each case."""

import shutil
from datetime import datetime

import pytest
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile

from contests.actor import actor_of
from core.errors import PortalError, RowsError
from stages.data import register_import
from stages.models import PastModel, RegisterSource, StageEntry, StageUpload
from stages.services import stage_file_submit, stage_select, stage_withdraw
from tests.stages.stage_support import BANGKOK, OPEN, box, chain_fixtures, container_mp4, load_chain, mp4, organiser
from tests.submissions import files

pytestmark = pytest.mark.django_db


built, chain = chain_fixtures(clocked=False)  # its picks name their moment


def pick(user, contest, *units, now=OPEN):
    return stage_select(actor=actor_of(user), contest=contest, units=list(units), now=now)


def region_video_sent(tmp_path):
    """Chiang Mai's organiser picks Rim Nuea for the region stage and sends its six-minute video: (the chain,
    the organiser, the StageUpload, the video's bytes)."""
    chain = load_chain()
    pick(organiser(chain.mae_rim), chain.district_stage, chain.rim_nua)
    chiang_mai = organiser(chain.mae_rim.parent)
    pick(chiang_mai, chain.region_stage, chain.rim_nua)
    video = mp4(6 * 60) + box(b"free", bytes(1000))
    (tmp_path / "clip.mp4").write_bytes(video)
    with open(tmp_path / "clip.mp4", "rb") as stream:
        upload = stage_file_submit(
            actor=actor_of(chiang_mai),
            contest=chain.region_stage,
            unit=chain.rim_nua,
            code="video",
            upload=File(stream, name="clip.mp4"),
            now=OPEN,
        )
    return chain, chiang_mai, upload, video


def refusal(user, contest, *units, now=OPEN) -> str:
    with pytest.raises(PortalError) as caught:
        pick(user, contest, *units, now=now)
    return str(caught.value)


def register(csv: str, name="ทะเบียนตำบลต้นแบบ ปี 2561–2564 (ระบบรายงานข้อมูล online)", filename="register.csv"):
    return register_import(
        program="model-subdistrict", data=csv.encode(), filename=filename, source_name=name, user=None
    )


def test_a_district_picks_one_subdistrict_and_it_enters_the_contest(chain):
    # "คัดเลือกสารสนเทศตำบลต้นแบบฯ เป้าหมายระดับอำเภอ อำเภอละ 1 ตำบล"
    mae_rim = organiser(chain.mae_rim)
    [entry] = pick(mae_rim, chain.district_stage, chain.rim_nua)
    assert (entry.unit, entry.chooser, entry.chosen_by) == (chain.rim_nua, chain.mae_rim, mae_rim)
    assert list(chain.district_stage.entrants.all()) == [chain.rim_nua]
    assert refusal(mae_rim, chain.district_stage, chain.rim_tai).startswith(
        "เลือกได้ไม่เกิน ๑ ตำบลต่ออำเภอ (เลือกไว้แล้ว ๑ เพิ่มอีก ๑)"
    )


def test_two_at_once_over_the_quota_are_refused_whole(chain):
    text = refusal(organiser(chain.mae_rim), chain.district_stage, chain.rim_nua, chain.rim_tai)
    assert text.startswith("เลือกได้ไม่เกิน ๑ ตำบลต่ออำเภอ (เลือกไว้แล้ว ๐ เพิ่มอีก ๒)")
    assert StageEntry.objects.count() == 0


def test_a_district_cannot_pick_another_districts_subdistrict(chain):
    text = refusal(organiser(chain.mae_rim), chain.district_stage, chain.nong_kwai)
    code = chain.nong_kwai.code
    assert text == f"หนองควาย ({code}) ไม่ได้อยู่ในแม่ริมทดสอบ"


def test_a_past_model_subdistrict_is_refused_with_the_registers_reason(chain):
    # "ไม่เคยเป็นสารสนเทศตำบลต้นแบบฯ ที่ได้ดำเนินการมาแล้ว ปี 2561 – 2564" (any level, at the district stage)
    register(f"code,year,level\n{chain.rim_tai.code},2563,อำเภอ\n{chain.rim_klang.code},2560,จังหวัด\n")
    mae_rim = organiser(chain.mae_rim)
    assert refusal(mae_rim, chain.district_stage, chain.rim_tai) == (
        f"ริมใต้ ({chain.rim_tai.code}) เคยเป็นต้นแบบระดับอำเภอ ปี ๒๕๖๓ "
        "ตามทะเบียน “ทะเบียนตำบลต้นแบบ ปี 2561–2564 (ระบบรายงานข้อมูล online)” "
        "จึงคัดเลือกไม่ได้: ต้องไม่เคยเป็นต้นแบบ ปี ๒๕๖๑–๒๕๖๔"
    )
    # 2560 is before the barred years: Rim Klang may be picked.
    assert [e.unit for e in pick(mae_rim, chain.district_stage, chain.rim_klang)] == [chain.rim_klang]


def test_a_province_picks_two_of_its_districts_picks(chain):
    # "รวบรวมรายชื่อ…เป้าหมายระดับอำเภอ; คัดเลือก…เป็นเป้าหมายระดับจังหวัด จังหวัดละ 2 ตำบล"
    pick(organiser(chain.mae_rim), chain.district_stage, chain.rim_nua)
    pick(organiser(chain.hang_dong), chain.district_stage, chain.nong_kwai)
    chiang_mai = organiser(chain.mae_rim.parent)
    text = refusal(chiang_mai, chain.region_stage, chain.rim_tai)  # not a district's pick
    assert text.startswith(f"ริมใต้ ({chain.rim_tai.code}) ไม่ได้รับคัดเลือกจากขั้นก่อนหน้าภายใต้เชียงใหม่")
    assert len(pick(chiang_mai, chain.region_stage, chain.rim_nua, chain.nong_kwai)) == 2
    assert set(chain.region_stage.entrants.all()) == {chain.rim_nua, chain.nong_kwai}


def test_a_third_provincial_pick_is_refused(chain):
    pick(organiser(chain.mae_rim), chain.district_stage, chain.rim_nua)
    pick(organiser(chain.hang_dong), chain.district_stage, chain.nong_kwai)
    chiang_mai = organiser(chain.mae_rim.parent)
    pick(chiang_mai, chain.region_stage, chain.rim_nua)
    pick(chiang_mai, chain.region_stage, chain.nong_kwai)
    StageEntry.objects.create(  # a third district's pick, to have something over the quota to try
        stage=chain.district_stage.stage, unit=chain.rim_tai, chooser=chain.mae_rim, chosen_at=OPEN
    )
    assert refusal(chiang_mai, chain.region_stage, chain.rim_tai).startswith(
        "เลือกได้ไม่เกิน ๒ ตำบลต่อจังหวัด (เลือกไว้แล้ว ๒ เพิ่มอีก ๑)"
    )


def test_a_provincial_model_is_refused_at_the_province_only(chain):
    # "ไม่เคยเป็นสารสนเทศตำบลต้นแบบฯ ระดับจังหวัด ปี 2561 – 2564": picked by its district before the register came
    pick(organiser(chain.mae_rim), chain.district_stage, chain.rim_nua)
    register(f"code,year,level\n{chain.rim_nua.code},2564,province\n")
    text = refusal(organiser(chain.mae_rim.parent), chain.region_stage, chain.rim_nua)
    assert text.startswith(f"ริมเหนือ ({chain.rim_nua.code}) เคยเป็นต้นแบบระดับจังหวัด ปี ๒๕๖๔")
    assert "ต้องไม่เคยเป็นต้นแบบระดับจังหวัด ปี ๒๕๖๑–๒๕๖๔" in text


def test_the_deadline_day_counts_and_the_next_day_is_refused(chain):
    # "แจ้งทะเบียนรายชื่อ…ให้กรมการพัฒนาชุมชน ภายใน วันที่ 15 ธันวาคม" (Wed 15 Dec 2021, a working day)
    mae_rim = organiser(chain.mae_rim)
    assert refusal(mae_rim, chain.district_stage, chain.rim_nua, now=datetime(2021, 12, 16, 0, 1, tzinfo=BANGKOK)) == (
        "ปิดการคัดเลือกแล้ว (กำหนด ๑๕ ธ.ค. ๒๕๖๔)"
    )
    assert pick(mae_rim, chain.district_stage, chain.rim_nua, now=datetime(2021, 12, 15, 23, 59, tzinfo=BANGKOK))


def test_an_office_of_the_wrong_level_may_not_pick(chain):
    with pytest.raises(PortalError) as caught:
        pick(organiser(chain.mae_rim.parent), chain.district_stage, chain.rim_nua)
    assert caught.value.code == "not_chooser" and caught.value.status == 403
    assert str(caught.value).startswith("คัดเลือกได้เฉพาะผู้จัดของหน่วยงานที่คัดเลือกในขั้นนี้")


def test_a_pick_is_withdrawn_until_the_province_has_taken_it(chain):
    mae_rim = organiser(chain.mae_rim)
    pick(mae_rim, chain.district_stage, chain.rim_nua)
    stage_withdraw(actor=actor_of(mae_rim), contest=chain.district_stage, unit=chain.rim_nua, now=OPEN)
    assert list(chain.district_stage.entrants.all()) == []
    pick(mae_rim, chain.district_stage, chain.rim_tai)
    pick(organiser(chain.mae_rim.parent), chain.region_stage, chain.rim_tai)
    with pytest.raises(PortalError) as caught:
        stage_withdraw(actor=actor_of(mae_rim), contest=chain.district_stage, unit=chain.rim_tai, now=OPEN)
    assert str(caught.value).startswith("ริมใต้ ได้รับคัดเลือกในขั้นถัดไปแล้ว ถอนไม่ได้")


def test_the_register_records_its_source_and_refuses_bad_rows_whole(chain):
    with pytest.raises(RowsError) as caught:
        register(f"code,year,level\n999999,2563,อำเภอ\n{chain.rim_tai.code},63,อำเภอ\n{chain.rim_tai.code},2563,ตำบล\n")
    assert str(caught.value).splitlines() == [
        "แถวที่ 2: ไม่พบหน่วย “999999” (ใช้รหัสกรมการปกครอง ๖ หลัก)",
        "แถวที่ 3: ปีต้องเป็น พ.ศ. ๔ หลัก แต่ได้รับ “63”",
        "แถวที่ 4: ระดับต้องเป็น อำเภอ หรือ จังหวัด แต่ได้รับ “ตำบล”",
    ]
    assert RegisterSource.objects.count() == PastModel.objects.count() == 0
    with pytest.raises(PortalError, match=r"^กรุณาระบุแหล่งที่มาของทะเบียน"):
        register(f"code,year,level\n{chain.rim_tai.code},2563,อำเภอ\n", name=" ")


def test_the_register_reads_xlsx_and_keeps_the_first_source_of_a_row(chain):
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["code", "year", "level"])
    book.active.append([chain.rim_tai.code, 2562, "district"])
    stream = BytesIO()
    book.save(stream)
    first = register_import(
        program="model-subdistrict", data=stream.getvalue(), filename="r.xlsx", source_name="ทะเบียน ก", user=None
    )
    again = register(f"code,year,level\n{chain.rim_tai.code},2562,อำเภอ\n", name="ทะเบียน ข")
    assert (first.file_name, first.rows, len(first.sha256)) == ("r.xlsx", 1, 64)
    assert again.rows == 1
    assert [p.source for p in PastModel.objects.all()] == [first]


@pytest.fixture
def picked(chain):
    pick(organiser(chain.mae_rim), chain.district_stage, chain.rim_nua)
    chiang_mai = organiser(chain.mae_rim.parent)
    pick(chiang_mai, chain.region_stage, chain.rim_nua)
    return chain, chiang_mai


def send(user, chain, code, name, content):
    return stage_file_submit(
        actor=actor_of(user),
        contest=chain.region_stage,
        unit=chain.rim_nua,
        code=code,
        upload=SimpleUploadedFile(name, content),
    )


def test_a_video_shorter_than_the_documents_five_minutes_is_refused(picked, settings, tmp_path):
    # "จัดทำวิทยุทัศน์นำเสนอผลการดำเนินงาน 5 – 7 นาที": 3 min 20 s is read from the file and refused
    settings.MEDIA_ROOT = tmp_path
    chain, chiang_mai = picked
    with pytest.raises(PortalError) as caught:
        send(chiang_mai, chain, "video", "clip.mp4", mp4(200))
    assert str(caught.value) == ("วีดิทัศน์ยาว ๓ นาที ๒๐ วินาที แต่หนังสือกำหนด ๕ นาที ๐ วินาที ถึง ๗ นาที ๐ วินาที")
    with pytest.raises(PortalError, match=r"^วีดิทัศน์ยาว ๗ นาที ๑ วินาที"):
        send(chiang_mai, chain, "video", "clip.mp4", mp4(421))
    sent = send(chiang_mai, chain, "video", "clip.mp4", mp4(360.5))
    assert str(sent.seconds) == "360.50"


def test_a_file_whose_length_cannot_be_read_is_refused(picked, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    chain, chiang_mai = picked
    with pytest.raises(PortalError) as caught:
        send(chiang_mai, chain, "video", "clip.avi", b"RIFF\x00\x00\x00\x00AVI ")
    assert caught.value.code == "video_unreadable"


@pytest.mark.skipif(shutil.which("ffprobe") is None, reason="ffmpeg is not installed (.ci/run does)")
def test_a_video_that_only_pretends_is_refused_though_its_header_says_six_minutes(picked, settings, tmp_path):
    # A movie header alone is no video: ffprobe finds nothing to play.
    settings.MEDIA_ROOT = tmp_path
    chain, chiang_mai = picked
    with pytest.raises(PortalError) as caught:
        send(chiang_mai, chain, "video", "clip.mp4", container_mp4(360))
    assert caught.value.th == "ไฟล์นี้ไม่ใช่วีดิทัศน์ที่เปิดดูได้ (ไม่พบภาพในไฟล์) กรุณาส่งไฟล์ MP4 ที่เปิดดูได้"
    assert StageUpload.objects.count() == 0


def test_the_lessons_learned_file_must_be_a_pdf_and_missing_files_shrink(picked, settings, tmp_path):
    from stages.rules import files_missing

    settings.MEDIA_ROOT = tmp_path
    chain, chiang_mai = picked
    stage = chain.region_stage.stage
    assert [m.requirement.code for m in files_missing(stage, chain.mae_rim.parent)] == [
        "lessons-district",
        "lessons-province",
        "video",
    ]
    with pytest.raises(PortalError, match=r"^“lessons\.docx” ไม่ใช่ไฟล์ PDF"):
        send(chiang_mai, chain, "lessons-province", "lessons.docx", b"PK\x03\x04")
    send(chiang_mai, chain, "lessons-province", "lessons.pdf", b"%PDF-1.7\n%%EOF\n")
    assert [m.requirement.code for m in files_missing(stage, chain.mae_rim.parent)] == ["lessons-district", "video"]


def test_a_lessons_learned_pdf_over_central_staffs_limit_is_refused_as_a_resumable_upload_is(
    picked, settings, tmp_path
):
    """A file sent in one request (the stage page's form, a script) meets the size limit the resumable upload
    meets when it begins: central staff's limit for its kind."""
    from submissions.models import UploadLimit

    settings.MEDIA_ROOT = tmp_path
    chain, chiang_mai = picked
    UploadLimit.objects.create(file_kind="pdf", max_mb=1)
    with pytest.raises(PortalError) as caught:
        send(chiang_mai, chain, "lessons-province", "lessons.pdf", files.pdf(size=1024 * 1024 + 1))
    assert (str(caught.value), caught.value.status) == (
        "ไฟล์ใหญ่เกินกำหนด (ไฟล์ประเภทนี้ไม่เกิน ๑ MB)",
        413,
    )
    assert StageUpload.objects.count() == 0
    sent = send(chiang_mai, chain, "lessons-province", "lessons.pdf", files.pdf(size=1000 * 1000))
    assert sent.requirement.code == "lessons-province"
