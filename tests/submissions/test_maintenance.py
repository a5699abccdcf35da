import os
import time
from datetime import timedelta

from django.core.management import call_command

from submissions.maintenance import media_sweep
from submissions.models import Evidence

from .test_services import _submit

DAY = 24 * 3600


def _age(path, seconds: int) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def _leftovers(media_root):
    """What a killed upload process leaves: a temp file, and a stored file whose row never committed."""
    (media_root / "tmp").mkdir(parents=True, exist_ok=True)
    temp = media_root / "tmp" / "abc.upload"
    temp.write_bytes(b"%PDF-1.4 half")
    orphan = media_root / "evidence" / "2566" / "TH-50" / ("0" * 32)
    orphan.write_bytes(b"%PDF-1.4 whole")
    return temp, orphan


def test_media_sweep_old_leftovers_removed_named_files_kept(media_root, provincial_user, rubric, chiang_mai):
    kept = _submit(provincial_user, rubric, chiang_mai, "1.1")
    temp, orphan = _leftovers(media_root)
    for path in (temp, orphan, media_root / kept.stored_path):
        _age(path, 2 * DAY)

    report = media_sweep()

    assert report.temp_removed == ["tmp/abc.upload"]
    assert report.orphans_removed == [f"evidence/2566/TH-50/{'0' * 32}"]
    assert not temp.exists() and not orphan.exists()
    assert (media_root / kept.stored_path).is_file()
    assert Evidence.objects.get() == kept


def test_media_sweep_young_leftovers_kept(media_root, provincial_user, rubric, chiang_mai):
    _submit(provincial_user, rubric, chiang_mai, "1.1")
    temp, orphan = _leftovers(media_root)
    _age(temp, 3600)

    report = media_sweep(older_than=timedelta(hours=24))

    assert (report.temp_removed, report.orphans_removed, report.kept_young) == ([], [], 2)
    assert temp.exists() and orphan.exists()


def test_media_sweep_dry_run_lists_and_keeps(media_root, provincial_user, rubric, chiang_mai):
    _submit(provincial_user, rubric, chiang_mai, "1.1")
    temp, orphan = _leftovers(media_root)
    _age(temp, 2 * DAY)
    _age(orphan, 2 * DAY)

    report = media_sweep(dry_run=True)

    assert len(report.temp_removed) == len(report.orphans_removed) == 1
    assert temp.exists() and orphan.exists()


def test_media_sweep_command_reports_counts(media_root, provincial_user, rubric, chiang_mai, capsys):
    _submit(provincial_user, rubric, chiang_mai, "1.1")
    temp, orphan = _leftovers(media_root)
    _age(orphan, 3 * 3600)

    call_command("media_sweep", "--hours", "2")

    out = capsys.readouterr().out
    assert out == (f"ลบแล้ว: evidence/2566/TH-50/{'0' * 32}\nไฟล์ชั่วคราว: 0, ไฟล์ที่ไม่มีหลักฐานอ้างถึง: 1, ยังใหม่ จึงเก็บไว้: 1\n")
    assert temp.exists() and not orphan.exists()
