# One migration for the app's whole chain, made from the models by tools/squash_migrations.py (run it again,
# never edit this file). A database that applied the old chain records this one as applied too; the old files
# stay until every deployed database has applied this one (docs/operations.md, "Squashed migrations").

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('awards', '0001_initial'),
        ('awards', '0002_awardsignature_generateddocument'),
        ('awards', '0003_signing_certificate'),
        ('awards', '0004_awardtier_to_scoring'),
        ('awards', '0005_province_to_contests'),
        ('awards', '0006_verification_codes'),
        ('awards', '0007_field_names'),
    ]

    dependencies = [
        ('contests', '0001_squashed_0011_contest_judging_deadline'),
        ('scoring', '0001_squashed_0028_criterion_rounds'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AwardSignature',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('signer_name', models.CharField(max_length=200, verbose_name="ชื่อผู้ลงนาม / signer's name")),
                ('signer_position', models.TextField(help_text='บรรทัดละหนึ่งตำแหน่ง / one line per position', verbose_name="ตำแหน่งผู้ลงนาม / signer's position")),
                ('announced_on', models.DateField(verbose_name='วันที่ประกาศ / date of announcement')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='แก้ไขเมื่อ / updated at')),
                ('rubric', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='award_signature', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric')),
                ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='แก้ไขโดย / updated by')),
            ],
            options={
                'verbose_name': 'ผู้ลงนามประกาศ / signature',
                'verbose_name_plural': 'ผู้ลงนามประกาศ / signatures',
            },
        ),
        migrations.CreateModel(
            name='SigningCertificate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('pkcs12', models.BinaryField(verbose_name='PKCS#12 (เข้ารหัสด้วยกุญแจของเซิร์ฟเวอร์) / PKCS#12 (server-encrypted)')),
                ('subject', models.CharField(max_length=500, verbose_name='ผู้ถือใบรับรอง / subject')),
                ('issuer', models.CharField(max_length=500, verbose_name='ผู้ออกใบรับรอง / issuer')),
                ('serial', models.CharField(max_length=100, verbose_name='เลขที่ใบรับรอง / serial number')),
                ('fingerprint', models.CharField(max_length=64, verbose_name='SHA-256')),
                ('not_before', models.DateTimeField(verbose_name='ใช้ได้ตั้งแต่ / valid from')),
                ('not_after', models.DateTimeField(verbose_name='หมดอายุ / valid until')),
                ('active', models.BooleanField(default=True, verbose_name='ใช้ลงนาม / in use')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='อัปโหลดเมื่อ / uploaded at')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ส่งโดย / uploaded by')),
            ],
            options={
                'verbose_name': 'ใบรับรองลายมือชื่ออิเล็กทรอนิกส์ / signing certificate',
                'verbose_name_plural': 'ใบรับรองลายมือชื่ออิเล็กทรอนิกส์ / signing certificates',
                'ordering': ['-uploaded_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='GeneratedDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('announcement', 'ประกาศผลการคัดเลือก / announcement'), ('results', 'ตารางผลคะแนน / results table'), ('breakdown', 'คะแนนรายจังหวัด / province breakdown'), ('certificates', 'ประกาศนียบัตร / certificates')], max_length=15, verbose_name='เอกสาร / document')),
                ('scope', models.CharField(default='all', max_length=10, verbose_name='ขอบเขต / scope')),
                ('source_key', models.CharField(max_length=80, verbose_name='รุ่นของผลคะแนน / standings version')),
                ('version', models.PositiveIntegerField(verbose_name='ฉบับที่ / version')),
                ('status', models.CharField(choices=[('pending', 'รอคิว / queued'), ('running', 'กำลังสร้าง / rendering'), ('done', 'เสร็จแล้ว / ready'), ('failed', 'ไม่สำเร็จ / failed')], default='pending', max_length=10, verbose_name='สถานะ / status')),
                ('progress', models.PositiveSmallIntegerField(default=0, verbose_name='ความคืบหน้า (%) / progress (%)')),
                ('file', models.FileField(blank=True, upload_to='awards/', verbose_name='ไฟล์ / file')),
                ('pages', models.PositiveIntegerField(default=0, verbose_name='จำนวนหน้า / pages')),
                ('error', models.TextField(blank=True, verbose_name='ข้อผิดพลาด / error')),
                ('requested_at', models.DateTimeField(auto_now_add=True, verbose_name='ขอเมื่อ / requested at')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='เสร็จเมื่อ / finished at')),
                ('sha256', models.CharField(blank=True, db_index=True, editable=False, max_length=64, verbose_name='SHA-256')),
                ('province', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='จังหวัด / province')),
                ('requested_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ขอโดย / requested by')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='scoring.rubric', verbose_name='เกณฑ์การประเมิน / rubric')),
                ('signed_with', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='awards.signingcertificate', verbose_name='ลงนามด้วยใบรับรอง / signed with')),
            ],
            options={
                'verbose_name': 'เอกสารผลการคัดเลือก / generated document',
                'verbose_name_plural': 'เอกสารผลการคัดเลือก / generated documents',
                'ordering': ['-requested_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='VerificationCode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(editable=False, max_length=12, verbose_name='รหัสตรวจสอบ / verification code')),
                ('entrant_th', models.CharField(blank=True, max_length=500, verbose_name='ผู้ได้รับ (ตามที่พิมพ์) / entrant as printed')),
                ('award_th', models.CharField(blank=True, max_length=200, verbose_name='รางวัล (ตามที่พิมพ์) / award as printed')),
                ('dated', models.DateField(blank=True, null=True, verbose_name='ลงวันที่ / dated')),
                ('document', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='codes', to='awards.generateddocument', verbose_name='เอกสาร / document')),
                ('entrant', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='ผู้เข้าประกวด / entrant')),
            ],
            options={
                'verbose_name': 'รหัสตรวจสอบเอกสาร / verification code',
                'verbose_name_plural': 'รหัสตรวจสอบเอกสาร / verification codes',
                'ordering': ['document', 'id'],
            },
        ),
        migrations.AddConstraint(
            model_name='signingcertificate',
            constraint=models.UniqueConstraint(condition=models.Q(('active', True)), fields=('active',), name='signing_certificate_one_active'),
        ),
        migrations.AddConstraint(
            model_name='generateddocument',
            constraint=models.UniqueConstraint(fields=('rubric', 'kind', 'scope', 'version'), name='document_version_unique'),
        ),
        migrations.AddConstraint(
            model_name='generateddocument',
            constraint=models.UniqueConstraint(fields=('rubric', 'kind', 'scope', 'source_key'), name='document_source_unique'),
        ),
        migrations.AddConstraint(
            model_name='generateddocument',
            constraint=models.CheckConstraint(condition=models.Q(('progress__lte', 100)), name='document_progress_max_100'),
        ),
        migrations.AddConstraint(
            model_name='verificationcode',
            constraint=models.UniqueConstraint(fields=('code',), name='verification_code_unique'),
        ),
        migrations.AddConstraint(
            model_name='verificationcode',
            constraint=models.UniqueConstraint(fields=('document', 'entrant'), name='verification_code_one_per_entrant'),
        ),
        migrations.AddConstraint(
            model_name='verificationcode',
            constraint=models.UniqueConstraint(condition=models.Q(('entrant__isnull', True)), fields=('document',), name='verification_code_one_per_document'),
        ),
    ]
