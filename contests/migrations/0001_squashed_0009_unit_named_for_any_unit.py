# One migration for the app's whole chain, made from the models by tools/squash_migrations.py (run it again,
# never edit this file). A database that applied the old chain records this one as applied too; the old files
# stay until every deployed database has applied this one (docs/operations.md, "Squashed migrations").

import contests.codes
import django.db.models.deletion
import django.db.models.functions.comparison
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('contests', '0001_initial'),
        ('contests', '0002_province_name_order'),
        ('contests', '0003_contest_stages'),
        ('contests', '0004_nominee_eligibility'),
        ('contests', '0005_contest_state'),
        ('contests', '0006_stage_rank_within'),
        ('contests', '0007_stage_budget'),
        ('contests', '0008_chosen_entrant_keeps_its_table'),
        ('contests', '0009_unit_named_for_any_unit'),
    ]

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Contest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=60, unique=True, validators=[contests.codes.validate_contest_code], verbose_name='รหัสการประกวด / contest code')),
                ('name_th', models.CharField(max_length=300, verbose_name='ชื่อ / name (th)')),
                ('name_en', models.CharField(max_length=300, verbose_name='ชื่อภาษาอังกฤษ / name (en)')),
                ('year', models.PositiveSmallIntegerField(verbose_name='ปีงบประมาณ (พ.ศ.) / fiscal year (B.E.)')),
                ('entrant_level', models.CharField(choices=[('province', 'จังหวัด / province'), ('district', 'อำเภอ / district'), ('subdistrict', 'ตำบล / subdistrict')], default='province', max_length=12, verbose_name='ระดับผู้เข้าประกวด / entrant level')),
                ('combine', models.CharField(choices=[('single', 'รอบเดียว / one round'), ('sum', 'รวมทุกรอบ / sum of periods'), ('mean', 'เฉลี่ยทุกรอบ / mean of periods'), ('latest', 'รอบล่าสุด / latest period')], default='single', max_length=8, verbose_name='การรวมผลรายรอบ / combining periods')),
                ('nominates', models.BooleanField(default=False, verbose_name='ผู้เข้าประกวดเสนอชื่อบุคคล / each entrant nominates a person')),
                ('nominee_rules', models.JSONField(blank=True, default=dict, verbose_name='คุณสมบัติผู้ได้รับการเสนอชื่อ / who may be nominated')),
                ('state', models.CharField(choices=[('draft', 'ร่าง / draft'), ('open', 'เปิดแล้ว / open')], default='open', max_length=10, verbose_name='สถานะ / state')),
            ],
            options={
                'verbose_name': 'การประกวด / contest',
                'verbose_name_plural': 'การประกวด / contests',
                'db_table': 'scoring_contest',
                'ordering': ['-year', 'slug'],
            },
        ),
        migrations.CreateModel(
            name='ChosenEntrant',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.contest')),
            ],
            options={
                'db_table': 'scoring_contest_entrants',
            },
        ),
        migrations.CreateModel(
            name='Nominee',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_th', models.CharField(max_length=150, verbose_name='ชื่อ-นามสกุล / full name (th)')),
                ('position_th', models.CharField(max_length=200, verbose_name='ตำแหน่ง / position (th)')),
                ('name_en', models.CharField(blank=True, max_length=150, verbose_name='ชื่อภาษาอังกฤษ / name (en)')),
                ('employment', models.CharField(blank=True, choices=[('civil_servant', 'ข้าราชการ / civil servant'), ('government_employee', 'พนักงานราชการ / government employee'), ('permanent_employee', 'ลูกจ้างประจำ / permanent employee'), ('temporary_employee', 'ลูกจ้างชั่วคราว / temporary employee'), ('contractor', 'พนักงานจ้างเหมาบริการ / service contractor')], max_length=20, verbose_name='ประเภทบุคลากร / employment type')),
                ('state', models.CharField(choices=[('active', 'เสนอชื่ออยู่ / nominated'), ('withdrawn', 'ถอนรายชื่อแล้ว / withdrawn')], default='active', max_length=12, verbose_name='สถานะ / state')),
                ('submitted_at', models.DateTimeField(verbose_name='เสนอเมื่อ / submitted at')),
                ('version', models.PositiveIntegerField(default=1, verbose_name='ฉบับที่ / version')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='nominees', to='contests.contest', verbose_name='การประกวด / contest')),
                ('submitted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='เสนอโดย / submitted by')),
            ],
            options={
                'verbose_name': 'ผู้ได้รับการเสนอชื่อ / nominee',
                'verbose_name_plural': 'ผู้ได้รับการเสนอชื่อ / nominees',
                'db_table': 'scoring_nominee',
                'ordering': ['contest', 'unit__dopa_code'],
            },
        ),
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
            },
        ),
        migrations.CreateModel(
            name='StageEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('chosen_at', models.DateTimeField(verbose_name='เลือกเมื่อ / picked at')),
                ('chosen_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ผู้บันทึก / recorded by')),
                ('stage', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='contests.stage', verbose_name='ขั้น / stage')),
            ],
            options={
                'verbose_name': 'ผู้ได้รับคัดเลือก / pick',
                'verbose_name_plural': 'ผู้ได้รับคัดเลือก / picks',
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
                ('stage', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='files', to='contests.stage', verbose_name='ขั้น / stage')),
            ],
            options={
                'verbose_name': 'ไฟล์ที่ต้องส่ง / required file',
                'verbose_name_plural': 'ไฟล์ที่ต้องส่ง / required files',
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
                ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='uploads', to='contests.stageentry', verbose_name='ผู้ได้รับคัดเลือก / pick')),
                ('requirement', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='uploads', to='contests.stagefile', verbose_name='ไฟล์ที่ต้องส่ง / required file')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ผู้ส่ง / sent by')),
            ],
            options={
                'verbose_name': 'ไฟล์ที่ส่ง / file sent',
                'verbose_name_plural': 'ไฟล์ที่ส่ง / files sent',
                'ordering': ['entry', 'requirement', '-uploaded_at'],
            },
        ),
        migrations.CreateModel(
            name='Unit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=6, unique=True, verbose_name='รหัส / code')),
                ('dopa_code', models.CharField(max_length=6, unique=True, verbose_name='รหัสกรมการปกครอง / DOPA code')),
                ('level', models.CharField(choices=[('province', 'จังหวัด / province'), ('district', 'อำเภอ / district'), ('subdistrict', 'ตำบล / subdistrict')], default='province', max_length=11, verbose_name='ระดับ / level')),
                ('is_cdd_office', models.BooleanField(default=True, verbose_name='เป็นสำนักงานพัฒนาชุมชน / CDD office')),
                ('name_th', models.CharField(max_length=100, verbose_name='ชื่อ / name (th)')),
                ('name_en', models.CharField(max_length=100, verbose_name='ชื่อภาษาอังกฤษ / name (en)')),
                ('size_group', models.CharField(blank=True, choices=[('small', 'จังหวัดขนาดเล็ก / small'), ('medium', 'จังหวัดขนาดกลาง / medium'), ('large', 'จังหวัดขนาดใหญ่ / large')], max_length=10, verbose_name='ขนาดจังหวัด / size group')),
                ('region', models.CharField(blank=True, choices=[('north', 'ภาคเหนือ / North'), ('northeast', 'ภาคตะวันออกเฉียงเหนือ / Northeast'), ('central', 'ภาคกลาง / Central'), ('east', 'ภาคตะวันออก / East'), ('west', 'ภาคตะวันตก / West'), ('south', 'ภาคใต้ / South')], max_length=10, verbose_name='ภาค / region')),
                ('aliases_th', models.JSONField(blank=True, default=list, verbose_name='ชื่อที่สะกดต่าง / other spellings')),
                ('name_order', models.PositiveIntegerField(db_index=True, default=0, editable=False, verbose_name='ลำดับ ก–ฮ / Thai order')),
                ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='contests.unit', verbose_name='หน่วยเหนือ / parent')),
            ],
            options={
                'verbose_name': 'จังหวัด / province',
                'verbose_name_plural': 'จังหวัด / provinces',
                'db_table': 'scoring_province',
                'ordering': ['code'],
            },
        ),
        migrations.AddField(
            model_name='stageentry',
            name='chooser',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='stage_picks', to='contests.unit', verbose_name='ผู้คัดเลือก / picked by office'),
        ),
        migrations.AddField(
            model_name='stageentry',
            name='unit',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='stage_entries', to='contests.unit', verbose_name='ตำบล / unit'),
        ),
        migrations.CreateModel(
            name='PastModel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('program', models.CharField(max_length=40, verbose_name='ทะเบียน / register')),
                ('year', models.PositiveSmallIntegerField(verbose_name='ปี (พ.ศ.) / year (B.E.)')),
                ('level', models.CharField(choices=[('province', 'จังหวัด / province'), ('district', 'อำเภอ / district'), ('subdistrict', 'ตำบล / subdistrict')], max_length=12, verbose_name='ระดับ / level')),
                ('source', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='entries', to='contests.registersource', verbose_name='แหล่งที่มา / source')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='past_models', to='contests.unit', verbose_name='หน่วย / unit')),
            ],
            options={
                'verbose_name': 'ต้นแบบในอดีต / past model',
                'verbose_name_plural': 'ทะเบียนต้นแบบในอดีต / register of past models',
                'ordering': ['program', 'year', 'unit__dopa_code'],
            },
        ),
        migrations.CreateModel(
            name='NomineeVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_th', models.CharField(max_length=150, verbose_name='ชื่อ-นามสกุล / full name (th)')),
                ('position_th', models.CharField(max_length=200, verbose_name='ตำแหน่ง / position (th)')),
                ('name_en', models.CharField(blank=True, max_length=150, verbose_name='ชื่อภาษาอังกฤษ / name (en)')),
                ('employment', models.CharField(blank=True, choices=[('civil_servant', 'ข้าราชการ / civil servant'), ('government_employee', 'พนักงานราชการ / government employee'), ('permanent_employee', 'ลูกจ้างประจำ / permanent employee'), ('temporary_employee', 'ลูกจ้างชั่วคราว / temporary employee'), ('contractor', 'พนักงานจ้างเหมาบริการ / service contractor')], max_length=20, verbose_name='ประเภทบุคลากร / employment type')),
                ('state', models.CharField(choices=[('active', 'เสนอชื่ออยู่ / nominated'), ('withdrawn', 'ถอนรายชื่อแล้ว / withdrawn')], default='active', max_length=12, verbose_name='สถานะ / state')),
                ('submitted_at', models.DateTimeField(verbose_name='เสนอเมื่อ / submitted at')),
                ('version', models.PositiveIntegerField(verbose_name='ฉบับที่ / version')),
                ('nominee', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='contests.nominee')),
                ('submitted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='เสนอโดย / submitted by')),
                ('office', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='สำนักงานที่ปฏิบัติงาน / office worked in')),
            ],
            options={
                'verbose_name': 'ประวัติการเสนอชื่อ / nominee history',
                'verbose_name_plural': 'ประวัติการเสนอชื่อ / nominee history',
                'db_table': 'scoring_nomineeversion',
                'ordering': ['nominee', '-version'],
            },
        ),
        migrations.AddField(
            model_name='nominee',
            name='office',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='สำนักงานที่ปฏิบัติงาน / office worked in'),
        ),
        migrations.AddField(
            model_name='nominee',
            name='unit',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='nominees', to='contests.unit', verbose_name='หน่วยงานผู้เสนอ / nominating office'),
        ),
        migrations.AddField(
            model_name='contest',
            name='entrants',
            field=models.ManyToManyField(blank=True, related_name='+', through='contests.ChosenEntrant', to='contests.unit', verbose_name='ผู้เข้าประกวด / entrants'),
        ),
        migrations.AddField(
            model_name='contest',
            name='organiser',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='organised_contests', to='contests.unit', verbose_name='ผู้จัด / organiser'),
        ),
        migrations.AddField(
            model_name='chosenentrant',
            name='province',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.unit'),
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
            model_name='stagefile',
            constraint=models.UniqueConstraint(fields=('stage', 'code'), name='stage_file_code_unique'),
        ),
        migrations.AddConstraint(
            model_name='stagefile',
            constraint=models.CheckConstraint(condition=models.Q(('min_seconds__isnull', True), ('max_seconds__isnull', True), ('max_seconds__gte', models.F('min_seconds')), _connector='OR'), name='stage_file_seconds_order'),
        ),
        migrations.AddConstraint(
            model_name='unit',
            constraint=models.UniqueConstraint(fields=('parent', 'name_th'), name='unit_name_th_per_parent'),
        ),
        migrations.AddConstraint(
            model_name='unit',
            constraint=models.UniqueConstraint(condition=models.Q(('level', 'province')), fields=('name_th',), name='unit_province_name_th_unique'),
        ),
        migrations.AddConstraint(
            model_name='unit',
            constraint=models.UniqueConstraint(condition=models.Q(('level', 'province')), fields=('name_en',), name='unit_province_name_en_unique'),
        ),
        migrations.AddConstraint(
            model_name='unit',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('code__regex', '^TH-[0-9]{2}$'), ('dopa_code__regex', '^[0-9]{2}$'), ('level', 'province'), ('parent__isnull', True)), models.Q(('dopa_code__regex', '^[0-9]{4}$'), ('level', 'district'), ('parent__isnull', False)), models.Q(('dopa_code__regex', '^[0-9]{6}$'), ('level', 'subdistrict'), ('parent__isnull', False)), _connector='OR'), name='unit_level_shape'),
        ),
        migrations.AddConstraint(
            model_name='unit',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('code', django.db.models.functions.text.Concat(models.Value('TH-'), 'dopa_code')), ('level', 'province')), models.Q(models.Q(('level', 'province'), _negated=True), ('code', models.F('dopa_code'))), _connector='OR'), name='unit_code_matches_dopa'),
        ),
        migrations.AddConstraint(
            model_name='stageentry',
            constraint=models.UniqueConstraint(fields=('stage', 'unit'), name='stage_entry_once'),
        ),
        migrations.AddConstraint(
            model_name='pastmodel',
            constraint=models.UniqueConstraint(fields=('program', 'unit', 'year', 'level'), name='past_model_once'),
        ),
        migrations.AddConstraint(
            model_name='pastmodel',
            constraint=models.CheckConstraint(condition=models.Q(('year__gte', 2400)), name='past_model_year_be'),
        ),
        migrations.AddConstraint(
            model_name='nomineeversion',
            constraint=models.UniqueConstraint(fields=('nominee', 'version'), name='nominee_version_unique'),
        ),
        migrations.AddConstraint(
            model_name='nominee',
            constraint=models.UniqueConstraint(fields=('contest', 'unit'), name='nominee_one_per_entrant'),
        ),
        migrations.AddConstraint(
            model_name='contest',
            constraint=models.CheckConstraint(condition=models.Q(('state__in', ['draft', 'open'])), name='contest_state_known'),
        ),
        migrations.AddConstraint(
            model_name='contest',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('entrant_level', 'province'), ('organiser__isnull', True), ('slug', django.db.models.functions.text.Concat(models.Value('cdd4-'), django.db.models.functions.comparison.Cast(models.F('year'), models.CharField())))), models.Q(models.Q(('entrant_level', 'province'), ('organiser__isnull', True), _negated=True), models.Q(('slug__startswith', 'cdd4-'), _negated=True)), _connector='OR'), name='contest_national_code', violation_error_message="รหัส cdd4-<ปี> เป็นของการประกวดระดับประเทศของปีนั้นเท่านั้น / the code cdd4-<year> belongs to that year's national contest only"),
        ),
        migrations.AlterUniqueTogether(
            name='chosenentrant',
            unique_together={('contest', 'province')},
        ),
    ]
