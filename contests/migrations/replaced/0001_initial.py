# Province (every administrative unit), Contest, Nominee and NomineeVersion move here from scoring, keeping
# their tables (scoring_province, scoring_contest, scoring_contest_entrants, scoring_nominee,
# scoring_nomineeversion) and rows. State only; scoring 0017 removes them from scoring's state once every app
# pointing at them points here (people 0003, submissions 0002, committee 0004, awards 0005).

import contests.codes
import django.db.models.deletion
import django.db.models.functions.comparison
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models

from core.migration_ops import move_content_type


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('scoring', '0016_merge_0015_contest_codes_0015_publication_withdraw'),  # the tables exist
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
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
                    ],
                    options={
                        'verbose_name': 'การประกวด / contest',
                        'verbose_name_plural': 'การประกวด / contests',
                        'db_table': 'scoring_contest',
                        'ordering': ['-year', 'slug'],
                    },
                ),
                migrations.CreateModel(
                    name='Province',
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
                        ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='contests.province', verbose_name='หน่วยเหนือ / parent')),
                    ],
                    options={
                        'verbose_name': 'จังหวัด / province',
                        'verbose_name_plural': 'จังหวัด / provinces',
                        'db_table': 'scoring_province',
                        'ordering': ['code'],
                    },
                ),
                migrations.CreateModel(
                    name='Nominee',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name_th', models.CharField(max_length=150, verbose_name='ชื่อ-นามสกุล / full name (th)')),
                        ('position_th', models.CharField(max_length=200, verbose_name='ตำแหน่ง / position (th)')),
                        ('name_en', models.CharField(blank=True, max_length=150, verbose_name='ชื่อภาษาอังกฤษ / name (en)')),
                        ('submitted_at', models.DateTimeField(verbose_name='เสนอเมื่อ / submitted at')),
                        ('version', models.PositiveIntegerField(default=1, verbose_name='ฉบับที่ / version')),
                        ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='nominees', to='contests.contest', verbose_name='การประกวด / contest')),
                        ('submitted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='เสนอโดย / submitted by')),
                        ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='nominees', to='contests.province', verbose_name='หน่วยงานผู้เสนอ / nominating office')),
                    ],
                    options={
                        'verbose_name': 'ผู้ได้รับการเสนอชื่อ / nominee',
                        'verbose_name_plural': 'ผู้ได้รับการเสนอชื่อ / nominees',
                        'db_table': 'scoring_nominee',
                        'ordering': ['contest', 'unit__dopa_code'],
                    },
                ),
                migrations.AddField(
                    model_name='contest',
                    name='entrants',
                    field=models.ManyToManyField(blank=True, related_name='+', to='contests.province', verbose_name='ผู้เข้าประกวด / entrants'),
                ),
                migrations.AddField(
                    model_name='contest',
                    name='organiser',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='organised_contests', to='contests.province', verbose_name='ผู้จัด / organiser'),
                ),
                migrations.CreateModel(
                    name='NomineeVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name_th', models.CharField(max_length=150, verbose_name='ชื่อ-นามสกุล / full name (th)')),
                        ('position_th', models.CharField(max_length=200, verbose_name='ตำแหน่ง / position (th)')),
                        ('name_en', models.CharField(blank=True, max_length=150, verbose_name='ชื่อภาษาอังกฤษ / name (en)')),
                        ('submitted_at', models.DateTimeField(verbose_name='เสนอเมื่อ / submitted at')),
                        ('version', models.PositiveIntegerField(verbose_name='ฉบับที่ / version')),
                        ('nominee', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='contests.nominee')),
                        ('submitted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='เสนอโดย / submitted by')),
                    ],
                    options={
                        'verbose_name': 'ประวัติการเสนอชื่อ / nominee history',
                        'verbose_name_plural': 'ประวัติการเสนอชื่อ / nominee history',
                        'db_table': 'scoring_nomineeversion',
                        'ordering': ['nominee', '-version'],
                        'constraints': [models.UniqueConstraint(fields=('nominee', 'version'), name='nominee_version_unique')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='province',
                    constraint=models.UniqueConstraint(fields=('parent', 'name_th'), name='unit_name_th_per_parent'),
                ),
                migrations.AddConstraint(
                    model_name='province',
                    constraint=models.UniqueConstraint(condition=models.Q(('level', 'province')), fields=('name_th',), name='unit_province_name_th_unique'),
                ),
                migrations.AddConstraint(
                    model_name='province',
                    constraint=models.UniqueConstraint(condition=models.Q(('level', 'province')), fields=('name_en',), name='unit_province_name_en_unique'),
                ),
                migrations.AddConstraint(
                    model_name='province',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('code__regex', '^TH-[0-9]{2}$'), ('dopa_code__regex', '^[0-9]{2}$'), ('level', 'province'), ('parent__isnull', True)), models.Q(('dopa_code__regex', '^[0-9]{4}$'), ('level', 'district'), ('parent__isnull', False)), models.Q(('dopa_code__regex', '^[0-9]{6}$'), ('level', 'subdistrict'), ('parent__isnull', False)), _connector='OR'), name='unit_level_shape'),
                ),
                migrations.AddConstraint(
                    model_name='province',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('code', django.db.models.functions.text.Concat(models.Value('TH-'), 'dopa_code')), ('level', 'province')), models.Q(models.Q(('level', 'province'), _negated=True), ('code', models.F('dopa_code'))), _connector='OR'), name='unit_code_matches_dopa'),
                ),
                migrations.AddConstraint(
                    model_name='nominee',
                    constraint=models.UniqueConstraint(fields=('contest', 'unit'), name='nominee_one_per_entrant'),
                ),
                migrations.AddConstraint(
                    model_name='contest',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('entrant_level', 'province'), ('organiser__isnull', True), ('slug', django.db.models.functions.text.Concat(models.Value('cdd4-'), django.db.models.functions.comparison.Cast(models.F('year'), models.CharField())))), models.Q(models.Q(('entrant_level', 'province'), ('organiser__isnull', True), _negated=True), models.Q(('slug__startswith', 'cdd4-'), _negated=True)), _connector='OR'), name='contest_national_code', violation_error_message="รหัส cdd4-<ปี> เป็นของการประกวดระดับประเทศของปีนั้นเท่านั้น / the code cdd4-<year> belongs to that year's national contest only"),
                ),
            ],
            database_operations=[],
        ),
        move_content_type('province', 'scoring', 'contests'),
        move_content_type('contest', 'scoring', 'contests'),
        move_content_type('nominee', 'scoring', 'contests'),
        move_content_type('nomineeversion', 'scoring', 'contests'),
    ]
