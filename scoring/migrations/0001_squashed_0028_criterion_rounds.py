# One migration for the app's whole chain, made from the models by tools/squash_migrations.py (run it again,
# never edit this file). A database that applied the old chain records this one as applied too; the old files
# stay until every deployed database has applied this one (docs/operations.md, "Squashed migrations").

import contests.codes
import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('scoring', '0001_initial'),
        ('scoring', '0002_rubric_revision_labels'),
        ('scoring', '0003_recompute_dashboard'),
        ('scoring', '0004_dimension_extra_points'),
        ('scoring', '0005_freeze_events'),
        ('scoring', '0006_year_settings_award_minimum'),
        ('scoring', '0007_holiday_override_changes'),
        ('scoring', '0008_awardtier_from_awards'),
        ('scoring', '0009_membership_to_people'),
        ('scoring', '0010_units'),
        ('scoring', '0011_contests'),
        ('scoring', '0012_rounding_and_section_levels'),
        ('scoring', '0013_rank_key'),
        ('scoring', '0014_nominees'),
        ('scoring', '0015_publication_withdraw'),
        ('scoring', '0015_contest_codes'),
        ('scoring', '0016_merge_0015_contest_codes_0015_publication_withdraw'),
        ('scoring', '0017_contests_moved'),
        ('scoring', '0018_criterion_number'),
        ('scoring', '0019_rubric_change'),
        ('scoring', '0020_tie_decision'),
        ('scoring', '0021_criterion_nominee'),
        ('scoring', '0022_fact_source_entrant'),
        ('scoring', '0023_criterion_max_not_negative'),
        ('scoring', '0024_rubric_closed_day'),
        ('scoring', '0025_field_names'),
        ('scoring', '0026_standing_named_for_any_entrant'),
        ('scoring', '0027_rank_integer'),
        ('scoring', '0028_criterion_rounds'),
    ]

    dependencies = [
        ('contests', '0001_squashed_0011_contest_judging_deadline'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Dimension',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=10, verbose_name='รหัส / code')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='ลำดับ / order')),
                ('name_th', models.CharField(max_length=300, verbose_name='ชื่อ / name (th)')),
                ('name_en', models.CharField(max_length=300, verbose_name='ชื่อภาษาอังกฤษ / name (en)')),
                ('max_points', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='คะแนนเต็ม / maximum')),
                ('level_bands', models.JSONField(blank=True, null=True, verbose_name='ระดับของมิติ / dimension level bands')),
                ('archived_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='เก็บถาวรเมื่อ / archived at')),
            ],
            options={
                'verbose_name': 'มิติ / dimension',
                'verbose_name_plural': 'มิติ / dimensions',
                'ordering': ['rubric', 'order'],
            },
        ),
        migrations.CreateModel(
            name='HolidayOverride',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField(unique=True, verbose_name='วันที่ / date')),
                ('is_holiday', models.BooleanField(default=True, verbose_name='เป็นวันหยุดราชการ / office closed')),
                ('name_th', models.CharField(max_length=200, verbose_name='ชื่อวันหยุด / name (th)')),
                ('name_en', models.CharField(blank=True, max_length=200, verbose_name='ชื่อภาษาอังกฤษ / name (en)')),
                ('note', models.TextField(blank=True, verbose_name='หมายเหตุ / note')),
            ],
            options={
                'verbose_name': 'วันหยุดที่ปรับแก้ / holiday override',
                'verbose_name_plural': 'วันหยุดที่ปรับแก้ / holiday overrides',
                'ordering': ['date'],
            },
        ),
        migrations.CreateModel(
            name='Criterion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=10, verbose_name='รหัส / code')),
                ('number', models.CharField(blank=True, max_length=20, verbose_name="เลขข้อตามเอกสาร / the document's number")),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='ลำดับ / order')),
                ('name_th', models.TextField(verbose_name='ชื่อ / name (th)')),
                ('name_en', models.TextField(verbose_name='ชื่อภาษาอังกฤษ / name (en)')),
                ('max_points', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='คะแนนเต็ม / maximum')),
                ('rule', models.JSONField(verbose_name='วิธีให้คะแนน / scoring rule')),
                ('deadline', models.DateField(blank=True, null=True, verbose_name='กำหนดส่ง / deadline')),
                ('rounds', models.JSONField(blank=True, default=list, verbose_name='rounds')),
                ('extra', models.BooleanField(default=False, verbose_name='คะแนนพิเศษ / extra points')),
                ('nominee', models.BooleanField(default=False, verbose_name='หลักฐานคือผู้ได้รับการเสนอชื่อ / the nominee is the evidence')),
                ('evidence_th', models.TextField(blank=True, verbose_name='หลักฐาน / evidence (th)')),
                ('evidence_en', models.TextField(blank=True, verbose_name='หลักฐาน / evidence (en)')),
                ('channel_th', models.TextField(blank=True, verbose_name='ช่องทางส่ง / channel (th)')),
                ('channel_en', models.TextField(blank=True, verbose_name='ช่องทางส่ง / channel (en)')),
                ('archived_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='เก็บถาวรเมื่อ / archived at')),
                ('dimension', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='criteria', to='scoring.dimension', verbose_name='มิติ / dimension')),
            ],
            options={
                'verbose_name': 'ตัวชี้วัด / criterion',
                'verbose_name_plural': 'ตัวชี้วัด / criteria',
                'ordering': ['rubric', 'order'],
            },
        ),
        migrations.CreateModel(
            name='Fact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=50, verbose_name='ข้อมูล / fact')),
                ('value', models.CharField(blank=True, max_length=200, verbose_name='ค่า / value')),
                ('source', models.CharField(choices=[('import', 'นำเข้าไฟล์ / file import'), ('admin', 'ผู้ดูแล / admin'), ('api', 'API'), ('evidence', 'หลักฐาน / evidence'), ('entrant', "ผู้เข้าประกวดตอบ / the entrant's answer"), ('committee', 'คณะกรรมการ / committee'), ('demo', 'ข้อมูลตัวอย่าง / demo')], max_length=10, verbose_name='ที่มา / source')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='แก้ไขเมื่อ / updated at')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='facts', to='scoring.criterion', verbose_name='ตัวชี้วัด / criterion')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='facts', to='contests.unit', verbose_name='จังหวัด / province')),
                ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='แก้ไขโดย / updated by')),
            ],
            options={
                'verbose_name': 'ข้อมูลประกอบการให้คะแนน / fact',
                'verbose_name_plural': 'ข้อมูลประกอบการให้คะแนน / facts',
                'ordering': ['province', 'criterion__order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='FactChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('old_value', models.CharField(blank=True, max_length=200, null=True, verbose_name='ค่าเดิม / old value')),
                ('new_value', models.CharField(blank=True, max_length=200, verbose_name='ค่าใหม่ / new value')),
                ('source', models.CharField(choices=[('import', 'นำเข้าไฟล์ / file import'), ('admin', 'ผู้ดูแล / admin'), ('api', 'API'), ('evidence', 'หลักฐาน / evidence'), ('entrant', "ผู้เข้าประกวดตอบ / the entrant's answer"), ('committee', 'คณะกรรมการ / committee'), ('demo', 'ข้อมูลตัวอย่าง / demo')], max_length=10, verbose_name='ที่มา / source')),
                ('changed_at', models.DateTimeField(auto_now_add=True, verbose_name='เมื่อ / when')),
                ('changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='โดย / by')),
                ('fact', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='changes', to='scoring.fact', verbose_name='ข้อมูล / fact')),
            ],
            options={
                'verbose_name': 'ประวัติการแก้ไขข้อมูล / fact change',
                'verbose_name_plural': 'ประวัติการแก้ไขข้อมูล / fact changes',
                'ordering': ['-changed_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='HolidayOverrideChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField(db_index=True, verbose_name='วันที่ / date')),
                ('action', models.CharField(choices=[('added', 'เพิ่ม / added'), ('changed', 'แก้ไข / changed'), ('removed', 'ลบ / removed')], max_length=10, verbose_name='การกระทำ / action')),
                ('before', models.JSONField(blank=True, null=True, verbose_name='ก่อน / before')),
                ('after', models.JSONField(blank=True, null=True, verbose_name='หลัง / after')),
                ('changed_at', models.DateTimeField(auto_now_add=True, verbose_name='เมื่อ / at')),
                ('changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='โดย / by')),
            ],
            options={
                'verbose_name': 'ประวัติการแก้ปฏิทินวันหยุด / holiday change',
                'verbose_name_plural': 'ประวัติการแก้ปฏิทินวันหยุด / holiday changes',
                'ordering': ['-changed_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='Rubric',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('period', models.CharField(blank=True, default='', max_length=20, validators=[contests.codes.validate_period_code], verbose_name='รอบ / period')),
                ('period_name_th', models.CharField(blank=True, default='', max_length=100, verbose_name='ชื่อรอบ / period name (th)')),
                ('period_name_en', models.CharField(blank=True, default='', max_length=100, verbose_name='ชื่อรอบภาษาอังกฤษ / period name (en)')),
                ('period_order', models.PositiveSmallIntegerField(default=0, verbose_name='ลำดับรอบ / period order')),
                ('year', models.PositiveSmallIntegerField(verbose_name='ปีงบประมาณ (พ.ศ.) / fiscal year (B.E.)')),
                ('name_th', models.CharField(max_length=300, verbose_name='ชื่อ / name (th)')),
                ('name_en', models.CharField(max_length=300, verbose_name='ชื่อภาษาอังกฤษ / name (en)')),
                ('starts_on', models.DateField(verbose_name='เริ่ม / starts')),
                ('ends_on', models.DateField(verbose_name='สิ้นสุด / ends')),
                ('total_points', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='คะแนนเต็ม / total points')),
                ('tie_break', models.JSONField(default=list, verbose_name='ลำดับตัดสินเมื่อคะแนนเท่ากัน / tie-break order')),
                ('level_bands', models.JSONField(blank=True, null=True, verbose_name='ระดับจากคะแนนรวม / level bands')),
                ('rounding', models.JSONField(blank=True, null=True, verbose_name='การปัดเศษ / rounding')),
                ('closed_day', models.CharField(choices=[('next_working_day', 'เลื่อนเป็นวันทำการถัดไป (ข้อ ๙) / moves to the next working day (decision 9)'), ('as_written', 'ถือตามวันที่เขียน ไม่เลื่อน / as written, not moved')], default='next_working_day', max_length=20, verbose_name='วันครบกำหนดที่ตรงกับวันหยุด / a deadline on a closed day')),
                ('show_provisional', models.BooleanField(default=False, verbose_name='แสดงคะแนนเบื้องต้นแก่จังหวัด / show provisional points')),
                ('standings_computed_at', models.DateTimeField(blank=True, null=True, verbose_name='คำนวณอันดับเมื่อ / standings computed at')),
                ('revision', models.UUIDField(default=uuid.uuid4, editable=False, verbose_name='การแก้ไข / revision')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rubrics', to='contests.contest', verbose_name='การประกวด / contest')),
            ],
            options={
                'verbose_name': 'เกณฑ์การประเมิน / rubric',
                'verbose_name_plural': 'เกณฑ์การประเมิน / rubrics',
                'ordering': ['-year', 'contest_id', 'period_order'],
            },
        ),
        migrations.CreateModel(
            name='ReminderSent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('deadline', models.DateField(verbose_name='กำหนดส่ง / deadline')),
                ('sent_at', models.DateTimeField(auto_now_add=True, verbose_name='ส่งเมื่อ / sent at')),
                ('recipients', models.PositiveSmallIntegerField(default=0, verbose_name='ผู้รับ / recipients')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='scoring.criterion', verbose_name='ตัวชี้วัด / criterion')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.unit', verbose_name='จังหวัด / province')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric')),
            ],
        ),
        migrations.CreateModel(
            name='RecomputeRun',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('started_at', models.DateTimeField(db_index=True, verbose_name='เริ่มเมื่อ / started at')),
                ('duration_ms', models.PositiveIntegerField(default=0, verbose_name='ใช้เวลา (มิลลิวินาที) / duration (ms)')),
                ('rescored', models.PositiveIntegerField(default=0, verbose_name='คิดคะแนนใหม่แล้ว / rescored')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recompute_runs', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric')),
            ],
            options={
                'ordering': ['-started_at'],
            },
        ),
        migrations.CreateModel(
            name='FreezeEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('freeze', 'ตรึงผล / freeze'), ('unfreeze', 'ยกเลิกการตรึงผล / unfreeze'), ('publish', 'ประกาศผล / publish'), ('withdraw', 'ถอนการประกาศผล / withdraw publication')], max_length=10, verbose_name='การดำเนินการ / action')),
                ('reason', models.TextField(blank=True, verbose_name='เหตุผล / reason')),
                ('at', models.DateTimeField(auto_now_add=True, verbose_name='เมื่อ / when')),
                ('by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='โดย / by')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='freeze_events', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric')),
            ],
            options={
                'verbose_name': 'ประวัติการตรึงผล / freeze event',
                'verbose_name_plural': 'ประวัติการตรึงผล / freeze events',
                'ordering': ['-at', '-id'],
            },
        ),
        migrations.AddField(
            model_name='fact',
            name='rubric',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='facts', to='scoring.rubric', verbose_name='ปี / year'),
        ),
        migrations.AddField(
            model_name='dimension',
            name='rubric',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='dimensions', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric'),
        ),
        migrations.AddField(
            model_name='criterion',
            name='rubric',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='criteria', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric'),
        ),
        migrations.CreateModel(
            name='AwardTier',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=30, verbose_name='รหัส / code')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='ลำดับ / order')),
                ('name_th', models.CharField(max_length=200, verbose_name='ชื่อรางวัล / name (th)')),
                ('name_en', models.CharField(max_length=200, verbose_name='ชื่อรางวัล / name (en)')),
                ('count', models.PositiveSmallIntegerField(verbose_name='จำนวนรางวัล / how many')),
                ('prize', models.DecimalField(decimal_places=2, default=0, max_digits=10, verbose_name='เงินรางวัล (บาท) / prize (baht)')),
                ('prize_th', models.CharField(blank=True, max_length=300, verbose_name='ของรางวัล / prize (th)')),
                ('prize_en', models.CharField(blank=True, max_length=300, verbose_name='ของรางวัล / prize (en)')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='award_tiers', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric')),
            ],
            options={
                'verbose_name': 'ระดับรางวัล / award tier',
                'verbose_name_plural': 'ระดับรางวัล / award tiers',
                'db_table': 'awards_awardtier',
                'ordering': ['rubric', 'order'],
            },
        ),
        migrations.CreateModel(
            name='RubricChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('at', models.DateTimeField(auto_now_add=True, verbose_name='เมื่อ / at')),
                ('state', models.CharField(choices=[('draft', 'ร่าง / draft'), ('open', 'เปิดแล้ว / open')], max_length=10, verbose_name='สถานะขณะแก้ไข / state when changed')),
                ('reason', models.TextField(blank=True, verbose_name='เหตุผล / reason')),
                ('changes', models.JSONField(default=dict, verbose_name='สิ่งที่เปลี่ยน / what changed')),
                ('archived', models.JSONField(blank=True, default=list, verbose_name='ตัวชี้วัดที่เก็บถาวร / criteria archived')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='rubric_changes', to='contests.contest', verbose_name='การประกวด / contest')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.rubric', verbose_name='เกณฑ์ / rubric')),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='โดย / by')),
            ],
            options={
                'verbose_name': 'การแก้ไขเกณฑ์ / rubric change',
                'verbose_name_plural': 'การแก้ไขเกณฑ์ / rubric changes',
                'ordering': ['-at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Standing',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('total', models.DecimalField(decimal_places=2, default=0, max_digits=7, verbose_name='คะแนนรวม / total')),
                ('dimensions', models.JSONField(default=dict, verbose_name='คะแนนรายมิติ / dimensions')),
                ('criteria', models.JSONField(default=dict, verbose_name='คะแนนรายตัวชี้วัด / criteria')),
                ('explanations', models.JSONField(default=dict, verbose_name='คำอธิบาย / explanations')),
                ('level', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='ระดับ / level')),
                ('rank', models.PositiveIntegerField(blank=True, null=True, verbose_name='อันดับ / rank')),
                ('tied', models.BooleanField(default=False, verbose_name='คะแนนเสมอ / tied')),
                ('award', models.CharField(blank=True, max_length=30, verbose_name='รางวัล / award')),
                ('award_tie', models.BooleanField(default=False, verbose_name='เสมอที่เส้นแบ่งรางวัล / tie at an award boundary')),
                ('rank_key', models.CharField(blank=True, default='', editable=False, max_length=400, verbose_name='ลำดับสำหรับจัดอันดับ / rank key')),
                ('change_seq', models.PositiveBigIntegerField(default=1, verbose_name='ลำดับการเปลี่ยนแปลง / change sequence')),
                ('computed_seq', models.PositiveBigIntegerField(default=0, verbose_name='ลำดับที่คำนวณแล้ว / computed sequence')),
                ('computed_at', models.DateTimeField(blank=True, null=True, verbose_name='คำนวณเมื่อ / computed at')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='results', to='contests.unit', verbose_name='จังหวัด / province')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='results', to='scoring.rubric', verbose_name='ปี / year')),
            ],
            options={
                'verbose_name': 'ผลคะแนนจังหวัด / province result',
                'verbose_name_plural': 'ผลคะแนนจังหวัด / province results',
                'db_table': 'scoring_provinceresult',
                'ordering': ['rubric', 'rank', 'province__code'],
            },
        ),
        migrations.CreateModel(
            name='StandingsSnapshot',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('rows', models.JSONField(verbose_name='ผลที่ตรึงไว้ / frozen rows')),
                ('computed_at', models.DateTimeField(null=True, verbose_name='ข้อมูล ณ / as of')),
                ('frozen_at', models.DateTimeField(verbose_name='ตรึงผลเมื่อ / frozen at')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='ประกาศผลเมื่อ / published at')),
                ('frozen_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ตรึงผลโดย / frozen by')),
                ('published_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ประกาศโดย / published by')),
                ('rubric', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='snapshot', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric')),
            ],
            options={
                'verbose_name': 'ผลที่ตรึงไว้ / frozen standings',
                'verbose_name_plural': 'ผลที่ตรึงไว้ / frozen standings',
            },
        ),
        migrations.CreateModel(
            name='TieDecision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('rank_key', models.CharField(max_length=400, verbose_name='ลำดับสำหรับจัดอันดับ / rank key')),
                ('entrants', models.JSONField(verbose_name='ผู้มีคะแนนเสมอ / tied entrants')),
                ('names', models.JSONField(default=list, verbose_name='ชื่อ / names')),
                ('total', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='คะแนนรวม / total')),
                ('method', models.CharField(choices=[('shared', 'ให้รางวัลร่วมกัน / the award is shared'), ('vote', "ตามมติของคณะกรรมการ / by the panel's vote"), ('reason', 'ตามเหตุผลที่ระบุ / by a stated reason')], max_length=10, verbose_name='วิธีตัดสิน / how settled')),
                ('reason', models.TextField(verbose_name='เหตุผลหรือมติ / reason or resolution')),
                ('decided_at', models.DateTimeField(auto_now_add=True, verbose_name='เมื่อ / when')),
                ('decided_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ตัดสินโดย / decided by')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tie_decisions', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric')),
            ],
            options={
                'verbose_name': 'การตัดสินคะแนนเสมอ / tie decision',
                'verbose_name_plural': 'การตัดสินคะแนนเสมอ / tie decisions',
                'ordering': ['rubric', '-decided_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='YearSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('standings_visible_to_provinces', models.BooleanField(default=False, verbose_name='จังหวัดเห็นอันดับของตน / provinces see their standing')),
                ('reminder_working_days', models.PositiveSmallIntegerField(default=3, verbose_name='เตือนล่วงหน้า (วันทำการ) / remind N working days before')),
                ('award_min_total', models.DecimalField(decimal_places=2, default=0, max_digits=7, verbose_name='คะแนนรวมขั้นต่ำที่จะได้รับรางวัล / minimum total for an award')),
                ('rubric', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='year_settings', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric')),
            ],
            options={
                'verbose_name': 'การตั้งค่าประจำปี / year settings',
                'verbose_name_plural': 'การตั้งค่าประจำปี / year settings',
            },
        ),
        migrations.AddConstraint(
            model_name='rubric',
            constraint=models.UniqueConstraint(fields=('contest', 'period'), name='rubric_one_per_period'),
        ),
        migrations.AddConstraint(
            model_name='rubric',
            constraint=models.CheckConstraint(condition=models.Q(('ends_on__gt', models.F('starts_on'))), name='rubric_ends_after_start'),
        ),
        migrations.AddConstraint(
            model_name='rubric',
            constraint=models.CheckConstraint(condition=models.Q(('total_points__gt', 0)), name='rubric_total_positive'),
        ),
        migrations.AddConstraint(
            model_name='remindersent',
            constraint=models.UniqueConstraint(fields=('province', 'criterion', 'deadline'), name='reminder_once_per_deadline'),
        ),
        migrations.AddConstraint(
            model_name='freezeevent',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('action', 'unfreeze'), _negated=True), models.Q(('reason', ''), _negated=True), _connector='OR'), name='freeze_event_unfreeze_needs_reason'),
        ),
        migrations.AddConstraint(
            model_name='freezeevent',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('action', 'withdraw'), _negated=True), models.Q(('reason', ''), _negated=True), _connector='OR'), name='freeze_event_withdraw_needs_reason'),
        ),
        migrations.AddConstraint(
            model_name='fact',
            constraint=models.UniqueConstraint(fields=('criterion', 'province', 'name'), name='fact_unique'),
        ),
        migrations.AddConstraint(
            model_name='dimension',
            constraint=models.UniqueConstraint(fields=('rubric', 'code'), name='dimension_code_unique'),
        ),
        migrations.AddConstraint(
            model_name='dimension',
            constraint=models.CheckConstraint(condition=models.Q(('max_points__gte', 0)), name='dimension_max_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='criterion',
            constraint=models.UniqueConstraint(fields=('rubric', 'code'), name='criterion_code_unique'),
        ),
        migrations.AddConstraint(
            model_name='criterion',
            constraint=models.CheckConstraint(condition=models.Q(('max_points__gte', 0)), name='criterion_max_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='awardtier',
            constraint=models.UniqueConstraint(fields=('rubric', 'code'), name='award_tier_code_unique'),
        ),
        migrations.AddConstraint(
            model_name='awardtier',
            constraint=models.CheckConstraint(condition=models.Q(('count__gt', 0)), name='award_tier_count_positive'),
        ),
        migrations.AddConstraint(
            model_name='awardtier',
            constraint=models.CheckConstraint(condition=models.Q(('prize__gte', 0)), name='award_tier_prize_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='rubricchange',
            constraint=models.CheckConstraint(condition=models.Q(('state__in', ['draft', 'open'])), name='rubric_change_state_known'),
        ),
        migrations.AddIndex(
            model_name='standing',
            index=models.Index(condition=models.Q(('change_seq__gt', models.F('computed_seq'))), fields=['rubric'], name='result_stale'),
        ),
        migrations.AddConstraint(
            model_name='standing',
            constraint=models.UniqueConstraint(fields=('rubric', 'province'), name='result_unique'),
        ),
        migrations.AddConstraint(
            model_name='tiedecision',
            constraint=models.CheckConstraint(condition=models.Q(('reason', ''), _negated=True), name='tie_decision_reason_given'),
        ),
        migrations.AddConstraint(
            model_name='tiedecision',
            constraint=models.CheckConstraint(condition=models.Q(('method__in', ['shared', 'vote', 'reason'])), name='tie_decision_method_known'),
        ),
    ]
