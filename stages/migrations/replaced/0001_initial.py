# Selection in stages moved from contests to its own app, keeping its tables (contests_stage, …) and rows.
# State only: the models are made in this app's state over the same tables; contests 0010 then deletes them
# from contests' state, once submissions and ops point their foreign keys here. Their content types follow.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.migration_ops import move_content_type


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contests', '0009_unit_named_for_any_unit'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='RegisterSource',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('program', models.CharField(max_length=40, verbose_name='ทะเบียน / register')),
                        ('name_th', models.CharField(max_length=300, verbose_name='แหล่งที่มา / source')),
                        ('file_name', models.CharField(max_length=255, verbose_name='ชื่อไฟล์ / file name')),
                        ('sha256', models.CharField(max_length=64, verbose_name='SHA-256')),
                        ('rows', models.PositiveIntegerField(verbose_name='จำนวนแถว / rows')),
                        ('imported_at', models.DateTimeField(verbose_name='นำเข้าเมื่อ / imported at')),
                        ('imported_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ผู้นำเข้า / imported by')),
                    ],
                    options={
                        'verbose_name': 'แหล่งที่มาของทะเบียน / register source',
                        'verbose_name_plural': 'แหล่งที่มาของทะเบียน / register sources',
                        'db_table': 'contests_registersource',
                        'ordering': ['-imported_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Stage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('chooser_level', models.CharField(choices=[('province', 'จังหวัด / province'), ('district', 'อำเภอ / district'), ('subdistrict', 'ตำบล / subdistrict')], max_length=12, verbose_name='ระดับผู้คัดเลือก / level that picks')),
                        ('quota', models.PositiveSmallIntegerField(verbose_name='จำนวนที่เลือกได้ต่อหน่วย / picks per office')),
                        ('deadline', models.DateField(verbose_name='กำหนดคัดเลือก / selection deadline')),
                        ('register', models.CharField(blank=True, max_length=40, verbose_name='ทะเบียนที่ตรวจ / register checked')),
                        ('barred_from', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='ห้ามปี (พ.ศ.) ตั้งแต่ / barred from (B.E.)')),
                        ('barred_to', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='ถึงปี (พ.ศ.) / to (B.E.)')),
                        ('barred', models.CharField(choices=[('any', 'เคยเป็นต้นแบบระดับใดก็ตาม / a model at any level'), ('province', 'เคยเป็นต้นแบบระดับจังหวัด / a provincial model')], default='any', max_length=10, verbose_name='ผู้ที่ห้ามเลือก / barred')),
                        ('quote_th', models.TextField(blank=True, verbose_name="ข้อความในหนังสือ / the document's words")),
                        ('budget_per_pick', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='งบประมาณต่อผู้ได้รับคัดเลือก (บาท) / budget per pick (baht)')),
                        ('rank_within', models.CharField(blank=True, choices=[('', 'ทั้งหมดรวมกัน / all together'), ('region', 'แยกตามเขตตรวจราชการ / within each inspection region')], default='', max_length=10, verbose_name='จัดอันดับ / ranked')),
                        ('contest', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='stage', to='contests.contest', verbose_name='การประกวด / contest')),
                        ('previous', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='next_stages', to='contests.contest', verbose_name='ขั้นก่อนหน้า / previous stage')),
                    ],
                    options={
                        'verbose_name': 'ขั้นการคัดเลือก / selection stage',
                        'verbose_name_plural': 'ขั้นการคัดเลือก / selection stages',
                        'db_table': 'contests_stage',
                    },
                ),
                migrations.CreateModel(
                    name='StageEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('chosen_at', models.DateTimeField(verbose_name='เลือกเมื่อ / picked at')),
                        ('chooser', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='stage_picks', to='contests.unit', verbose_name='ผู้คัดเลือก / picked by office')),
                        ('chosen_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ผู้บันทึก / recorded by')),
                        ('stage', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='stages.stage', verbose_name='ขั้น / stage')),
                        ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='stage_entries', to='contests.unit', verbose_name='ตำบล / unit')),
                    ],
                    options={
                        'verbose_name': 'ผู้ได้รับคัดเลือก / pick',
                        'verbose_name_plural': 'ผู้ได้รับคัดเลือก / picks',
                        'db_table': 'contests_stageentry',
                        'ordering': ['stage', 'chooser__dopa_code', 'unit__dopa_code'],
                    },
                ),
                migrations.CreateModel(
                    name='StageFile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.SlugField(max_length=40, verbose_name='รหัส / code')),
                        ('name_th', models.CharField(max_length=200, verbose_name='ชื่อ / name (th)')),
                        ('name_en', models.CharField(max_length=200, verbose_name='ชื่อภาษาอังกฤษ / name (en)')),
                        ('kind', models.CharField(choices=[('document', 'เอกสาร / document'), ('video', 'วีดิทัศน์ / video')], default='document', max_length=10, verbose_name='ชนิด / kind')),
                        ('deadline', models.DateField(verbose_name='กำหนดส่ง / deadline')),
                        ('min_seconds', models.PositiveIntegerField(blank=True, null=True, verbose_name='ความยาวอย่างน้อย (วินาที) / at least (s)')),
                        ('max_seconds', models.PositiveIntegerField(blank=True, null=True, verbose_name='ความยาวไม่เกิน (วินาที) / at most (s)')),
                        ('quote_th', models.TextField(blank=True, verbose_name="ข้อความในหนังสือ / the document's words")),
                        ('stage', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='files', to='stages.stage', verbose_name='ขั้น / stage')),
                    ],
                    options={
                        'verbose_name': 'ไฟล์ที่ต้องส่ง / required file',
                        'verbose_name_plural': 'ไฟล์ที่ต้องส่ง / required files',
                        'db_table': 'contests_stagefile',
                        'ordering': ['stage', 'deadline', 'code'],
                    },
                ),
                migrations.CreateModel(
                    name='StageUpload',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('file', models.FileField(upload_to='stages/%Y/', verbose_name='ไฟล์ / file')),
                        ('sha256', models.CharField(max_length=64, verbose_name='SHA-256')),
                        ('seconds', models.DecimalField(blank=True, decimal_places=2, max_digits=9, null=True, verbose_name='ความยาว (วินาที) / length (s)')),
                        ('uploaded_at', models.DateTimeField(verbose_name='ส่งเมื่อ / sent at')),
                        ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='uploads', to='stages.stageentry', verbose_name='ผู้ได้รับคัดเลือก / pick')),
                        ('requirement', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='uploads', to='stages.stagefile', verbose_name='ไฟล์ที่ต้องส่ง / required file')),
                        ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ผู้ส่ง / sent by')),
                    ],
                    options={
                        'verbose_name': 'ไฟล์ที่ส่ง / file sent',
                        'verbose_name_plural': 'ไฟล์ที่ส่ง / files sent',
                        'db_table': 'contests_stageupload',
                        'ordering': ['entry', 'requirement', '-uploaded_at'],
                    },
                ),
                migrations.CreateModel(
                    name='PastModel',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('program', models.CharField(max_length=40, verbose_name='ทะเบียน / register')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='ปี (พ.ศ.) / year (B.E.)')),
                        ('level', models.CharField(choices=[('province', 'จังหวัด / province'), ('district', 'อำเภอ / district'), ('subdistrict', 'ตำบล / subdistrict')], max_length=12, verbose_name='ระดับ / level')),
                        ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='past_models', to='contests.unit', verbose_name='หน่วย / unit')),
                        ('source', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='entries', to='stages.registersource', verbose_name='แหล่งที่มา / source')),
                    ],
                    options={
                        'verbose_name': 'ต้นแบบในอดีต / past model',
                        'verbose_name_plural': 'ทะเบียนต้นแบบในอดีต / register of past models',
                        'db_table': 'contests_pastmodel',
                        'ordering': ['program', 'year', 'unit__dopa_code'],
                        'constraints': [models.UniqueConstraint(fields=('program', 'unit', 'year', 'level'), name='past_model_once'), models.CheckConstraint(condition=models.Q(('year__gte', 2400)), name='past_model_year_be')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='stage',
                    constraint=models.CheckConstraint(condition=models.Q(('quota__gte', 1)), name='stage_quota_positive'),
                ),
                migrations.AddConstraint(
                    model_name='stage',
                    constraint=models.CheckConstraint(condition=models.Q(('chooser_level__in', ['district', 'province'])), name='stage_chooser_office'),
                ),
                migrations.AddConstraint(
                    model_name='stage',
                    constraint=models.CheckConstraint(condition=models.Q(('barred_from__isnull', True), ('barred_to__gte', models.F('barred_from')), _connector='OR'), name='stage_barred_years'),
                ),
                migrations.AddConstraint(
                    model_name='stage',
                    constraint=models.CheckConstraint(condition=models.Q(('previous', models.F('contest')), _negated=True), name='stage_not_its_own_previous'),
                ),
                migrations.AddConstraint(
                    model_name='stage',
                    constraint=models.CheckConstraint(condition=models.Q(('budget_per_pick__isnull', True), ('budget_per_pick__gte', 0), _connector='OR'), name='stage_budget_not_negative'),
                ),
                migrations.AddConstraint(
                    model_name='stageentry',
                    constraint=models.UniqueConstraint(fields=('stage', 'unit'), name='stage_entry_once'),
                ),
                migrations.AddConstraint(
                    model_name='stagefile',
                    constraint=models.UniqueConstraint(fields=('stage', 'code'), name='stage_file_code_unique'),
                ),
                migrations.AddConstraint(
                    model_name='stagefile',
                    constraint=models.CheckConstraint(condition=models.Q(('min_seconds__isnull', True), ('max_seconds__isnull', True), ('max_seconds__gte', models.F('min_seconds')), _connector='OR'), name='stage_file_seconds_order'),
                ),
            ],
            database_operations=[],
        ),
        move_content_type('registersource', 'contests', 'stages'),
        move_content_type('stage', 'contests', 'stages'),
        move_content_type('stageentry', 'contests', 'stages'),
        move_content_type('stagefile', 'contests', 'stages'),
        move_content_type('stageupload', 'contests', 'stages'),
        move_content_type('pastmodel', 'contests', 'stages'),
    ]
