from django.core.management.base import BaseCommand, CommandError

from contests.models import Contest
from stages.data import STAGES_FILE, stages_load


class Command(BaseCommand):
    help = (
        "โหลดขั้นการคัดเลือก (contests/data/stages.json: สารสนเทศตำบลต้นแบบ ๒๕๖๕ อำเภอ → จังหวัด → เขตตรวจราชการ)"
        " ทำซ้ำได้ / load the selection stages (seed 002), idempotent"
    )

    def handle(self, **options):
        try:
            stages = stages_load()
        except Contest.DoesNotExist as exc:
            raise CommandError(
                f"ยังไม่มีการประกวดที่ {STAGES_FILE.name} อ้างถึง: รัน bootstrap (พร้อมหน่วยการปกครอง) ก่อน"
                f" / a contest {STAGES_FILE.name} names is not loaded: run bootstrap (with units) first"
            ) from exc
        for stage in stages:
            self.stdout.write(
                f"ขั้น / stage {stage.contest.slug}: {stage.quota} ต่อ / per {stage.chooser_level},"
                f" {stage.files.count()} ไฟล์ที่ต้องส่ง / required files"
            )
