# One migration for the app's whole chain, made from the models by tools/squash_migrations.py (run it again,
# never edit this file). A database that applied the old chain records this one as applied too; the old files
# stay until every deployed database has applied this one (docs/operations.md, "Squashed migrations").

import django.db.models.deletion
import django.utils.timezone
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('submissions', '0001_initial'),
        ('submissions', '0002_province_to_contests'),
        ('submissions', '0003_resumable_upload'),
        ('submissions', '0004_resumable_pieces'),
        ('submissions', '0005_field_names'),
        ('submissions', '0006_stage_upload_moved'),
    ]

    dependencies = [
        ('contests', '0001_squashed_0011_contest_judging_deadline'),
        ('scoring', '0001_squashed_0028_criterion_rounds'),
        ('stages', '0001_squashed_0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Submission',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('submitted', 'ส่งแล้ว / submitted'), ('returned', 'ส่งกลับให้ชี้แจง / returned for clarification'), ('accepted', 'รับหลักฐานแล้ว / accepted'), ('scored', 'ให้คะแนนแล้ว / scored')], default='submitted', max_length=10, verbose_name='สถานะ / status')),
                ('status_note', models.TextField(blank=True, verbose_name="หมายเหตุจากกรรมการ / reviewer's note")),
                ('status_changed_at', models.DateTimeField(blank=True, null=True, verbose_name='เปลี่ยนสถานะเมื่อ / status changed at')),
                ('last_version', models.PositiveIntegerField(default=0, verbose_name='ฉบับล่าสุด / last version')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='submissions', to='scoring.criterion', verbose_name='ตัวชี้วัด / criterion')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='submissions', to='contests.unit', verbose_name='จังหวัด / province')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='submissions', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric')),
                ('status_changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='เปลี่ยนสถานะโดย / status changed by')),
            ],
            options={
                'verbose_name': 'การส่งหลักฐาน / submission',
                'verbose_name_plural': 'การส่งหลักฐาน / submissions',
                'ordering': ['rubric', 'province', 'criterion__order'],
            },
        ),
        migrations.CreateModel(
            name='Evidence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(verbose_name='ฉบับที่ / version')),
                ('kind', models.CharField(choices=[('file', 'ไฟล์ / file'), ('link', 'ลิงก์ / link')], max_length=4, verbose_name='ประเภท / kind')),
                ('description', models.CharField(blank=True, max_length=300, verbose_name='คำอธิบาย / description')),
                ('stored_path', models.CharField(blank=True, max_length=200, verbose_name='ที่เก็บไฟล์ / stored path')),
                ('original_name', models.CharField(blank=True, max_length=150, verbose_name='ชื่อไฟล์ / file name')),
                ('file_kind', models.CharField(blank=True, choices=[('pdf', 'PDF'), ('image', 'รูปภาพ JPG/PNG / image'), ('office', 'Word/Excel/PowerPoint'), ('video', 'วีดิทัศน์ MP4 / video')], max_length=6, verbose_name='ชนิดไฟล์ / file kind')),
                ('content_type', models.CharField(blank=True, max_length=100, verbose_name='ชนิดข้อมูล / content type')),
                ('size', models.PositiveBigIntegerField(default=0, verbose_name='ขนาด (ไบต์) / size (bytes)')),
                ('sha256', models.CharField(blank=True, max_length=64, verbose_name='SHA-256 / SHA-256')),
                ('url', models.URLField(blank=True, max_length=500, verbose_name='ลิงก์ / link')),
                ('created_at', models.DateTimeField(verbose_name='ส่งเมื่อ / submitted at')),
                ('withdrawn_at', models.DateTimeField(blank=True, null=True, verbose_name='ถอนเมื่อ / withdrawn at')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='สร้างโดย / created by')),
                ('withdrawn_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ถอนโดย / withdrawn by')),
                ('submission', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='evidence', to='submissions.submission', verbose_name='การส่งหลักฐาน / submission')),
            ],
            options={
                'verbose_name': 'หลักฐาน / evidence',
                'verbose_name_plural': 'หลักฐาน / evidence',
                'ordering': ['submission', '-version'],
            },
        ),
        migrations.CreateModel(
            name='UploadLimit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file_kind', models.CharField(choices=[('pdf', 'PDF'), ('image', 'รูปภาพ JPG/PNG / image'), ('office', 'Word/Excel/PowerPoint'), ('video', 'วีดิทัศน์ MP4 / video')], max_length=6, unique=True, verbose_name='ชนิดไฟล์ / file kind')),
                ('max_mb', models.PositiveIntegerField(verbose_name='ขนาดสูงสุด (MB) / maximum (MB)')),
            ],
            options={
                'verbose_name': 'ขนาดไฟล์สูงสุด / upload limit',
                'verbose_name_plural': 'ขนาดไฟล์สูงสุด / upload limits',
                'constraints': [models.CheckConstraint(condition=models.Q(('max_mb__gt', 0)), name='upload_limit_positive')],
            },
        ),
        migrations.CreateModel(
            name='InnovationReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(verbose_name='ฉบับที่ / version')),
                ('title_th', models.CharField(max_length=300, verbose_name='ชื่อผลงาน (ภาษาไทย) / title (Thai)')),
                ('title_en', models.CharField(blank=True, max_length=300, verbose_name='ชื่อผลงาน (ภาษาอังกฤษ) / title (English)')),
                ('office', models.CharField(max_length=300, verbose_name='หน่วยงาน / office')),
                ('office_phone', models.CharField(max_length=30, verbose_name='โทรศัพท์ / phone')),
                ('office_fax', models.CharField(blank=True, max_length=30, verbose_name='โทรสาร / fax')),
                ('coordinator_name', models.CharField(max_length=200, verbose_name='ชื่อผู้ประสานงาน / coordinator')),
                ('coordinator_position', models.CharField(max_length=200, verbose_name='ตำแหน่ง / position')),
                ('coordinator_phone', models.CharField(max_length=30, verbose_name="โทรศัพท์ผู้ประสานงาน / coordinator's phone")),
                ('coordinator_mobile', models.CharField(max_length=30, verbose_name='โทรศัพท์มือถือ / mobile')),
                ('coordinator_email', models.EmailField(max_length=254, verbose_name='อีเมล / e-mail')),
                ('innovation_type', models.CharField(blank=True, choices=[('service', 'นวัตกรรมการบริการ / service innovation'), ('delivery', 'นวัตกรรมการให้บริการ / service-delivery innovation'), ('admin', 'นวัตกรรมการบริหารจัดการ/องค์กร / administrative or organisational innovation'), ('policy', 'นวัตกรรมเชิงนโยบาย / policy innovation'), ('other', 'อื่น ๆ / other')], max_length=10, verbose_name='ประเภทนวัตกรรม / innovation type')),
                ('innovation_type_other', models.CharField(blank=True, max_length=200, verbose_name='ประเภทอื่น ๆ (ระบุ) / other type')),
                ('problem_analysis', models.TextField(blank=True, verbose_name='การวิเคราะห์ปัญหา / problem analysis')),
                ('solution', models.TextField(blank=True, verbose_name='แนวทางแก้ไขและการนำไปปฏิบัติ / solution and practice')),
                ('outcomes', models.TextField(blank=True, verbose_name='ผลผลิตและผลลัพธ์ / outputs and outcomes')),
                ('evidence_text', models.TextField(blank=True, verbose_name='หลักฐานเชิงประจักษ์ / evidence')),
                ('created_at', models.DateTimeField(verbose_name='สร้างเมื่อ / created at')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='สร้างโดย / created by')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='innovation_reports', to='contests.unit', verbose_name='จังหวัด / province')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='innovation_reports', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric')),
            ],
            options={
                'verbose_name': 'รายงานนวัตกรรม / innovation report',
                'verbose_name_plural': 'รายงานนวัตกรรม / innovation reports',
                'ordering': ['rubric', 'province', '-version'],
                'constraints': [models.UniqueConstraint(fields=('rubric', 'province', 'version'), name='innovation_report_version_unique')],
            },
        ),
        migrations.CreateModel(
            name='ResumableUpload',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False, verbose_name='รหัส / id')),
                ('code', models.CharField(max_length=20, verbose_name='ตัวชี้วัดหรือไฟล์ / criterion or file')),
                ('description', models.CharField(blank=True, max_length=300, verbose_name='คำอธิบาย / description')),
                ('filename', models.CharField(max_length=255, verbose_name='ชื่อไฟล์ / file name')),
                ('length', models.BigIntegerField(verbose_name='ขนาด (ไบต์) / size (bytes)')),
                ('offset', models.BigIntegerField(default=0, verbose_name='รับแล้ว (ไบต์) / received (bytes)')),
                ('pieces', models.JSONField(blank=True, default=list, verbose_name='ส่วนที่ได้รับ / pieces')),
                ('received_at', models.DateTimeField(blank=True, null=True, verbose_name='ได้รับเมื่อ / received at')),
                ('state', models.CharField(choices=[('receiving', 'กำลังรับ / receiving'), ('saved', 'รับครบและบันทึกแล้ว / complete and saved'), ('refused', 'รับครบแต่ไม่ผ่านการตรวจ / complete, refused')], default='receiving', max_length=10, verbose_name='สถานะ / state')),
                ('refusal', models.CharField(blank=True, max_length=500, verbose_name='เหตุที่ไม่รับ / refusal')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='สร้างเมื่อ / created at')),
                ('expires_at', models.DateTimeField(db_index=True, verbose_name='หมดอายุเมื่อ / expires at')),
                ('contest', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.contest', verbose_name='การประกวด / contest')),
                ('evidence', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='submissions.evidence', verbose_name='หลักฐาน / evidence')),
                ('rubric', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric')),
                ('stage_upload', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='stages.stageupload', verbose_name='ไฟล์ของขั้นการคัดเลือก / stage upload')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.unit', verbose_name='หน่วยงาน / unit')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ผู้ใช้ / user')),
            ],
            options={
                'verbose_name': 'ไฟล์ที่ส่งเป็นช่วง / resumable upload',
                'verbose_name_plural': 'ไฟล์ที่ส่งเป็นช่วง / resumable uploads',
                'constraints': [models.CheckConstraint(condition=models.Q(('offset__gte', 0), ('offset__lte', models.F('length'))), name='resumable_offset_in_file'), models.CheckConstraint(condition=models.Q(models.Q(('contest__isnull', True), ('rubric__isnull', False)), models.Q(('contest__isnull', False), ('rubric__isnull', True)), _connector='OR'), name='resumable_one_target')],
            },
        ),
        migrations.AddConstraint(
            model_name='submission',
            constraint=models.UniqueConstraint(fields=('rubric', 'province', 'criterion'), name='submission_unique'),
        ),
        migrations.AddConstraint(
            model_name='evidence',
            constraint=models.UniqueConstraint(fields=('submission', 'version'), name='evidence_version_unique'),
        ),
        migrations.AddConstraint(
            model_name='evidence',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'file'), models.Q(('stored_path', ''), _negated=True), ('url', '')), models.Q(('kind', 'link'), ('stored_path', ''), models.Q(('url', ''), _negated=True)), _connector='OR'), name='evidence_file_xor_link'),
        ),
        migrations.AddConstraint(
            model_name='evidence',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('withdrawn_at__isnull', True), ('withdrawn_by__isnull', True)), models.Q(('withdrawn_at__isnull', False), ('withdrawn_by__isnull', False)), _connector='OR'), name='evidence_withdrawn_by_with_at'),
        ),
    ]
